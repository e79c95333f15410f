import { describe, expect, it } from 'vitest';
import { clockOffset, crossedThreshold, formatRemaining, remainingMs } from './timer';

describe('quiz timer', () => {
  it('corrects the countdown by the server clock, not the device clock', () => {
    // The device is 2 minutes behind the server.
    const device = Date.parse('2026-11-28T10:00:00.000Z');
    const offset = clockOffset('2026-11-28T10:02:00.000Z', device);
    expect(offset).toBe(120_000);
    // Deadline 10 minutes after the server's now: 10 minutes left, although the device thinks 12.
    expect(remainingMs('2026-11-28T10:12:00.000Z', offset, device)).toBe(600_000);
    expect(remainingMs('2026-11-28T10:12:00.000Z', offset, device + 30_000)).toBe(570_000);
    // A device ahead of the server.
    const ahead = clockOffset('2026-11-28T10:00:00.000Z', device + 300_000);
    expect(remainingMs('2026-11-28T10:01:00.000Z', ahead, device + 300_000)).toBe(60_000);
  });

  it('never goes below zero, and an untimed attempt has no countdown', () => {
    const device = Date.parse('2026-11-28T10:00:00.000Z');
    expect(remainingMs('2026-11-28T09:59:00.000Z', 0, device)).toBe(0);
    expect(remainingMs(null, 0, device)).toBeNull();
    expect(clockOffset('not a date', device)).toBe(0);
  });

  it('formats minutes and seconds, hours when needed, rounding seconds up', () => {
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(1)).toBe('0:01');
    expect(formatRemaining(59_001)).toBe('1:00');
    expect(formatRemaining(10 * 60_000)).toBe('10:00');
    expect(formatRemaining(3_600_000 + 65_000)).toBe('1:01:05');
  });

  it('announces the 5 and 1 minute marks once, when they are crossed', () => {
    expect(crossedThreshold(null, 200_000)).toBeNull();
    expect(crossedThreshold(301_000, 299_000)).toBe(5);
    expect(crossedThreshold(299_000, 298_000)).toBeNull();
    expect(crossedThreshold(61_000, 60_000)).toBe(1);
    expect(crossedThreshold(400_000, 30_000)).toBe(5);
  });
});
