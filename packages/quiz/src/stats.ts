/**
 * Item statistics of classical test theory, for authors looking for bad questions. Pure: the
 * api loads the graded attempts and hands them over.
 *
 * - facility: the mean fraction of the points earned on the question (1 = everyone right);
 * - discrimination index: among the attempts that drew the question, ranked by their total
 *   percentage, the facility of the upper 27% minus the facility of the lower 27% (Kelley's
 *   groups). A good question is answered better by those who do well overall.
 *
 * Questions are drawn at random from banks, so each question is judged on the attempts that
 * actually contained it.
 */

/**
 * Below this many graded responses to a question, facility and discrimination are null:
 * with fewer, one learner moves the figures so much that a flag would be noise (with 10, the
 * 27% groups hold 3 attempts each).
 */
export const STATS_MIN_RESPONSES = 10;
/** Share of the ranked attempts in each of the upper and lower groups. */
export const STATS_GROUP_SHARE = 0.27;
export const STATS_TOO_EASY = 0.9;
export const STATS_TOO_HARD = 0.2;
export const STATS_POOR_DISCRIMINATION = 0.2;

export type ItemFlag = 'too_easy' | 'too_hard' | 'poor_discrimination';

export interface GradedAnswer {
  questionId: string;
  score: number;
  max: number;
}

/** One graded attempt: every answer of it (its total ranks it), whatever bank each came from. */
export interface GradedAttempt {
  attemptId: string;
  answers: GradedAnswer[];
}

export interface ItemStats {
  questionId: string;
  responses: number;
  facility: number | null;
  discrimination: number | null;
  flag: ItemFlag | null;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const fraction = (a: GradedAnswer) => (a.max > 0 ? a.score / a.max : 0);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

export function flagOf(facility: number | null, discrimination: number | null): ItemFlag | null {
  if (facility === null) return null;
  if (facility > STATS_TOO_EASY) return 'too_easy';
  if (facility < STATS_TOO_HARD) return 'too_hard';
  if (discrimination !== null && discrimination < STATS_POOR_DISCRIMINATION) return 'poor_discrimination';
  return null;
}

/** Statistics of the given questions (in that order) over the graded attempts. */
export function itemStatistics(questionIds: string[], attempts: GradedAttempt[], minResponses = STATS_MIN_RESPONSES): ItemStats[] {
  // Total percentage of each attempt; ties are broken by id so the groups are reproducible.
  const ranked = attempts
    .map((a) => {
      const max = a.answers.reduce((s, x) => s + x.max, 0);
      const score = a.answers.reduce((s, x) => s + x.score, 0);
      return { attempt: a, total: max > 0 ? score / max : 0 };
    })
    .sort((x, y) => y.total - x.total || (x.attempt.attemptId < y.attempt.attemptId ? -1 : 1));

  // Per question, the fraction earned in each attempt that drew it, best attempts first.
  const byQuestion = new Map<string, number[]>(questionIds.map((id) => [id, []]));
  for (const { attempt } of ranked) {
    for (const answer of attempt.answers) byQuestion.get(answer.questionId)?.push(fraction(answer));
  }

  return questionIds.map((questionId) => {
    const fractions = byQuestion.get(questionId)!;
    const responses = fractions.length;
    if (responses < minResponses || responses === 0) {
      return { questionId, responses, facility: null, discrimination: null, flag: null };
    }
    const group = Math.max(1, Math.round(responses * STATS_GROUP_SHARE));
    const facility = round(mean(fractions));
    const discrimination = round(mean(fractions.slice(0, group)) - mean(fractions.slice(responses - group)));
    return { questionId, responses, facility, discrimination, flag: flagOf(facility, discrimination) };
  });
}
