import { describe, expect, it } from 'vitest';
import { patternExample } from './numberPattern';

describe('patternExample', () => {
  it('fills the placeholders the api knows', () => {
    expect(patternExample('{seq:4}/BKPSDMD-BH/{month-roman}/{year}', { year: 2026, month: 11 })).toBe('0001/BKPSDMD-BH/XI/2026');
    expect(patternExample('{course-code}-{seq}/{month}/{year}', { year: 2026, month: 3 }, 42)).toBe('PPP-42/03/2026');
  });

  it('gives no example for a pattern the api would refuse', () => {
    expect(patternExample('{nomor}/{seq}/{year}', { year: 2026, month: 1 })).toBeNull();
    expect(patternExample('{seq}/BKPSDMD', { year: 2026, month: 1 })).toBeNull();
  });
});
