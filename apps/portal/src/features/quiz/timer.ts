/**
 * The quiz timer's arithmetic. The device clock is not trusted (it may be minutes off, or set
 * on purpose): every attempt response carries the server's time, and the offset between it and
 * the device clock at arrival corrects the countdown. The server enforces the deadline anyway;
 * the timer only has to tell the learner the truth.
 */

/** Server time minus device time, in ms, from a response's `serverNow` read at `deviceNow`. */
export function clockOffset(serverNow: string, deviceNow: number): number {
  const server = Date.parse(serverNow);
  return Number.isNaN(server) ? 0 : server - deviceNow;
}

/** Milliseconds left before `deadlineAt` (never below 0), or null for an untimed attempt. */
export function remainingMs(deadlineAt: string | null, offset: number, deviceNow: number): number | null {
  if (!deadlineAt) return null;
  const deadline = Date.parse(deadlineAt);
  if (Number.isNaN(deadline)) return null;
  return Math.max(0, deadline - (deviceNow + offset));
}

/** `mm:ss`, or `h:mm:ss` from an hour up; seconds round up so 0:00 means time is up. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** Minutes left at which screen readers hear the time (not every second: that would drown the quiz). */
export const ANNOUNCE_AT_MINUTES = [5, 1] as const;

/**
 * The threshold (in minutes) crossed between two readings, if any: going from 5:03 to 4:59
 * crosses 5. A reload that starts below a threshold announces nothing for it.
 */
export function crossedThreshold(previousMs: number | null, currentMs: number): number | null {
  if (previousMs === null) return null;
  for (const minutes of ANNOUNCE_AT_MINUTES) {
    const at = minutes * 60_000;
    if (previousMs > at && currentMs <= at) return minutes;
  }
  return null;
}
