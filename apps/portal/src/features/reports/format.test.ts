import { describe, expect, it } from 'vitest';
import { formatDecimal, formatMonth, formatPercent, formatSigned, gainLevel, NONE } from './format';

describe('report figures', () => {
  it('shows fractions as percentages in each language, and null as a dash', () => {
    expect(formatPercent(2 / 3, 'id')).toBe('66,7%');
    expect(formatPercent(2 / 3, 'en')).toBe('66.7%');
    expect(formatPercent(1, 'id')).toBe('100%');
    expect(formatPercent(0, 'id')).toBe('0%');
    expect(formatPercent(null, 'id')).toBe(NONE);
  });

  it('rounds decimals to the digits asked, with the language’s separator', () => {
    expect(formatDecimal(4.25, 'id')).toBe('4,3');
    expect(formatDecimal(1234.5, 'id')).toBe('1.234,5');
    expect(formatDecimal(0.456, 'en', 2)).toBe('0.46');
    expect(formatDecimal(null, 'en')).toBe(NONE);
  });

  it('signs a gain in points', () => {
    expect(formatSigned(12.5, 'id')).toBe('+12,5');
    expect(formatSigned(-3, 'id')).toBe('-3');
    expect(formatSigned(0, 'id')).toBe('0');
  });

  it('bands the normalised gain as Hake does', () => {
    expect([0.29, 0.3, 0.69, 0.7, null].map(gainLevel)).toEqual(['low', 'medium', 'medium', 'high', null]);
  });

  it('names the api’s months', () => {
    expect(formatMonth('2026-01', 'id')).toBe('Jan 2026');
    expect(formatMonth('2026-08', 'id')).toBe('Agu 2026');
    expect(formatMonth('2026-12', 'en')).toBe('Dec 2026');
  });
});
