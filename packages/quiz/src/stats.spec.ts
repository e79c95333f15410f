import { flagOf, itemStatistics, STATS_MIN_RESPONSES, type GradedAttempt } from './stats';

/**
 * Ten attempts a0..a9 ranked by a filler question worth 50 points (5·i), which dominates the
 * totals, so the upper 27% (round(2.7) = 3 attempts) is a9, a8, a7 and the lower is a0, a1, a2.
 * Every figure below is worked out by hand from that.
 */
const right = (questionId: string, ok: boolean) => ({ questionId, score: ok ? 1 : 0, max: 1 });

function attempts(): GradedAttempt[] {
  return Array.from({ length: 10 }, (_, i) => ({
    attemptId: `a${i}`,
    answers: [
      { questionId: 'filler', score: 5 * i, max: 50 },
      right('good', i >= 5), // 5 of 10; upper 3/3, lower 0/3
      right('easy', true), // 10 of 10
      right('hard', i === 9), // 1 of 10; upper 1/3, lower 0/3
      right('inverse', i <= 4 || i === 9), // 6 of 10; upper 1/3, lower 3/3
      { questionId: 'partial', score: 0.5, max: 1 }, // half credit for everyone
      ...(i > 0 ? [right('rare', true)] : []), // drawn by 9 attempts only
    ],
  }));
}

describe('itemStatistics', () => {
  const ids = ['good', 'easy', 'hard', 'inverse', 'partial', 'rare', 'never'];
  const byId = Object.fromEntries(itemStatistics(ids, attempts()).map((s) => [s.questionId, s]));

  it('answers the questions asked, in their order', () => {
    expect(itemStatistics(ids, attempts()).map((s) => s.questionId)).toEqual(ids);
  });

  it('a question the strong answer and the weak miss: facility 0.5, discrimination 1, no flag', () => {
    expect(byId.good).toEqual({ questionId: 'good', responses: 10, facility: 0.5, discrimination: 1, flag: null });
  });

  it('everyone right: too easy (and nothing to discriminate)', () => {
    expect(byId.easy).toEqual({ questionId: 'easy', responses: 10, facility: 1, discrimination: 0, flag: 'too_easy' });
  });

  it('only the best attempt right: too hard', () => {
    expect(byId.hard).toEqual({ questionId: 'hard', responses: 10, facility: 0.1, discrimination: 0.333, flag: 'too_hard' });
  });

  it('the weak answer better than the strong: negative discrimination, flagged', () => {
    expect(byId.inverse).toEqual({ questionId: 'inverse', responses: 10, facility: 0.6, discrimination: -0.667, flag: 'poor_discrimination' });
  });

  it('partial credit counts as the fraction of the points earned', () => {
    expect(byId.partial).toEqual({ questionId: 'partial', responses: 10, facility: 0.5, discrimination: 0, flag: 'poor_discrimination' });
  });

  it(`below ${STATS_MIN_RESPONSES} responses the figures are null, and so is the flag`, () => {
    expect(byId.rare).toEqual({ questionId: 'rare', responses: 9, facility: null, discrimination: null, flag: null });
    expect(byId.never).toEqual({ questionId: 'never', responses: 0, facility: null, discrimination: null, flag: null });
  });

  it('ranks only the attempts that drew the question (random draws): groups of round(27%) of those', () => {
    // 4 attempts with a lower minimum: groups of round(1.08) = 1; best 100% right, worst wrong.
    const few: GradedAttempt[] = [0, 1, 2, 3].map((i) => ({
      attemptId: `b${i}`,
      answers: [{ questionId: 'filler', score: i, max: 3 }, right('q', i !== 0)],
    }));
    expect(itemStatistics(['q'], few, 4)).toEqual([{ questionId: 'q', responses: 4, facility: 0.75, discrimination: 1, flag: null }]);
  });

  it('breaks ties in the ranking by attempt id, so the groups do not depend on load order', () => {
    const tied = attempts().map((a) => ({ ...a, answers: a.answers.filter((x) => x.questionId !== 'filler') }));
    const forward = itemStatistics(['good'], tied);
    expect(itemStatistics(['good'], [...tied].reverse())).toEqual(forward);
  });
});

describe('flagOf', () => {
  it('uses strict bounds: 0.9 and 0.2 facility, 0.2 discrimination are fine', () => {
    expect(flagOf(0.9, 0.2)).toBeNull();
    expect(flagOf(0.2, 0.5)).toBeNull();
    expect(flagOf(0.91, 0.5)).toBe('too_easy');
    expect(flagOf(0.19, 0.5)).toBe('too_hard');
    expect(flagOf(0.5, 0.19)).toBe('poor_discrimination');
    expect(flagOf(0.5, null)).toBeNull();
    expect(flagOf(null, 0)).toBeNull();
  });
});
