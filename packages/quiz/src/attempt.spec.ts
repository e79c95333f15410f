import { attemptsLeft, completesBlock, deadlineOf, reviewAllowed } from './attempt';

describe('attempt rules', () => {
  it('allows review by policy', () => {
    expect(reviewAllowed('after_submit', false)).toBe(true);
    expect(reviewAllowed('after_pass', true)).toBe(true);
    expect(reviewAllowed('after_pass', false)).toBe(false);
    expect(reviewAllowed('after_pass', null)).toBe(false);
    expect(reviewAllowed('never', true)).toBe(false);
  });

  it('counts attempts against the maximum (null: unlimited)', () => {
    expect(attemptsLeft(0, 1)).toBe(true);
    expect(attemptsLeft(1, 1)).toBe(false);
    expect(attemptsLeft(500, null)).toBe(true);
  });

  it('sets the deadline from the time limit', () => {
    const t = new Date('2026-03-01T02:00:00Z');
    expect(deadlineOf(t, 30)).toEqual(new Date('2026-03-01T02:30:00Z'));
    expect(deadlineOf(t, null)).toBeNull();
  });

  it('completes the block when graded and passed, or graded when no pass is required', () => {
    expect(completesBlock('graded', true, true)).toBe(true);
    expect(completesBlock('graded', false, true)).toBe(false);
    expect(completesBlock('graded', false, false)).toBe(true);
    expect(completesBlock('needs_grading', null, false)).toBe(false);
    expect(completesBlock('open', null, false)).toBe(false);
  });
});
