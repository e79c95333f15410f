import { describe, expect, it } from 'vitest';
import { currentPeriod, parsePeriod, recentYears } from './periods';

describe('evaluation periods', () => {
  it('reads quarters and semesters and refuses anything else', () => {
    expect(parsePeriod('2026-Q4')).toEqual({ year: 2026, part: 'Q4' });
    expect(parsePeriod('2026-S1')).toEqual({ year: 2026, part: 'S1' });
    expect(parsePeriod('2026-Q5')).toBeNull();
    expect(parsePeriod('2026')).toBeNull();
    expect(parsePeriod(null)).toBeNull();
  });

  it('takes the current quarter on the WIB calendar', () => {
    expect(currentPeriod(new Date('2026-11-29T05:00:00Z'))).toBe('2026-Q4');
    // 31 March 18:00 UTC is already 1 April in Jambi.
    expect(currentPeriod(new Date('2026-03-31T18:00:00Z'))).toBe('2026-Q2');
    expect(currentPeriod(new Date('2026-12-31T17:30:00Z'))).toBe('2027-Q1');
  });

  it('offers this year and the ones before, newest first', () => {
    expect(recentYears(2026, 3)).toEqual([2026, 2025, 2024]);
  });
});
