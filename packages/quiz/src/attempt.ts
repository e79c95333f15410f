import type { ReviewPolicy } from '@cakap/contracts';

/** Rules of an attempt's life that the api and the worker share. */

/** Whether the learner may see the key and the feedback of a submitted attempt. */
export function reviewAllowed(policy: ReviewPolicy, passed: boolean | null): boolean {
  if (policy === 'after_submit') return true;
  if (policy === 'after_pass') return passed === true;
  return false;
}

/** Whether another attempt may start: attempts used so far against the quiz's maximum (null: unlimited). */
export function attemptsLeft(used: number, maxAttempts: number | null): boolean {
  return maxAttempts === null || used < maxAttempts;
}

/** When a timed attempt stops accepting answers (null: untimed). */
export function deadlineOf(startedAt: Date, timeLimitMinutes: number | null): Date | null {
  return timeLimitMinutes === null ? null : new Date(startedAt.getTime() + timeLimitMinutes * 60_000);
}

/**
 * Whether a graded attempt completes its quiz block: passed, or any graded attempt when the
 * quiz does not require a pass (a pre-test measures, it does not gate). An attempt waiting for
 * an essay to be graded completes nothing yet.
 */
export function completesBlock(status: 'open' | 'needs_grading' | 'graded', passed: boolean | null, requirePass: boolean): boolean {
  return status === 'graded' && (passed === true || !requirePass);
}
