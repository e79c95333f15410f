import { describe, expect, it } from 'vitest';
import { isReportStatus, nextPoll, STALE_RECHECK_MS } from './reports';

const status = (retryAfter: number) => ({ kind: 'course' as const, scope: 'x', status: 'queued' as const, requestedAt: '2026-11-28T03:00:00.000Z', retryAfter });

describe('report polling', () => {
  it('tells a 202 status from a report by its shape', () => {
    expect(isReportStatus(status(2))).toBe(true);
    expect(isReportStatus({ computedAt: '2026-11-28T03:00:00.000Z', stale: false, enrolled: 1 })).toBe(false);
    expect(isReportStatus(null)).toBe(false);
  });

  it('asks again after the server’s Retry-After, within bounds, and rechecks a stale report', () => {
    expect(nextPoll({ ready: false, status: status(3) })).toBe(3000);
    expect(nextPoll({ ready: false, status: status(0) })).toBe(1000);
    expect(nextPoll({ ready: false, status: status(3600) })).toBe(60_000);
    expect(nextPoll({ ready: true, report: { stale: true } })).toBe(STALE_RECHECK_MS);
    expect(nextPoll({ ready: true, report: { stale: false } })).toBe(false);
    expect(nextPoll(undefined)).toBe(false);
  });
});
