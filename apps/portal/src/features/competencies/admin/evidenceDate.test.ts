import { describe, expect, it } from 'vitest';
import { todayInWib } from './evidenceDate';

describe('todayInWib', () => {
  it('is the date in Jakarta, not in UTC', () => {
    expect(todayInWib(new Date('2026-11-28T16:59:00Z'))).toBe('2026-11-28');
    expect(todayInWib(new Date('2026-11-28T17:00:00Z'))).toBe('2026-11-29');
  });
});
