import { SURVEY_DIMENSIONS, type SurveyQuestion, type SurveySummary } from '@cakap/contracts';
import { LIKERT_MAX, LIKERT_MIN, type SurveyAnswers } from './answers';

/** A stored response: the questions it answered (the survey may have been adapted since) and its answers. */
export interface StoredResponse {
  questions: readonly SurveyQuestion[];
  answers: SurveyAnswers;
}

/** Below this many responses a summary shows counts only, so no single answer can be told apart. */
export const MINIMUM_RESPONSES = 3;

const round2 = (n: number) => Math.round(n * 100) / 100;
const mean = (xs: number[]) => (xs.length ? round2(xs.reduce((a, b) => a + b, 0) / xs.length) : null);

/**
 * Anonymous aggregates of a course's responses, per question of the CURRENT survey (`questions`).
 * Each response counts only for the questions it was asked: a question matches when the response's
 * own question has the same id, type and dimension (a reworded text is still the same measure; a
 * changed type or dimension is not). Comments are sorted, so their order never reveals who wrote
 * what (submission order could be matched to enrolment dates). A dimension mean pools every
 * score of its questions (not a mean of question means), so each answer weighs the same.
 */
export function summarize(
  questions: readonly SurveyQuestion[],
  responses: readonly StoredResponse[],
  opts: { courseId: string; minimum?: number },
): SurveySummary {
  const minimum = opts.minimum ?? MINIMUM_RESPONSES;
  const shown = responses.length >= minimum;
  const scoresByDimension = new Map<string, number[]>();

  const summaries = questions.map((q) => {
    const dimension = q.type === 'likert' ? q.dimension : null;
    const values = responses
      .filter((r) => r.questions.some((asked) => asked.id === q.id && asked.type === q.type && (asked.type === 'likert' ? asked.dimension : null) === dimension))
      .map((r) => r.answers[q.id])
      .filter((v) => v !== undefined);
    if (q.type === 'likert') {
      const scores = values.filter((v): v is number => typeof v === 'number' && v >= LIKERT_MIN && v <= LIKERT_MAX);
      scoresByDimension.set(q.dimension, [...(scoresByDimension.get(q.dimension) ?? []), ...scores]);
      const distribution = [1, 2, 3, 4, 5].map((s) => scores.filter((v) => v === s).length);
      return { id: q.id, type: q.type, text: q.text, dimension, answered: scores.length, mean: shown ? mean(scores) : null, distribution: shown ? distribution : null, comments: [] };
    }
    const comments = values.filter((v): v is string => typeof v === 'string' && v.length > 0);
    return { id: q.id, type: q.type, text: q.text, dimension, answered: comments.length, mean: null, distribution: null, comments: shown ? [...comments].sort((a, b) => a.localeCompare(b, 'id')) : [] };
  });

  const dimensions = SURVEY_DIMENSIONS.filter((d) => scoresByDimension.has(d)).map((d) => {
    const scores = scoresByDimension.get(d) ?? [];
    return { dimension: d, mean: shown ? mean(scores) : null, answered: scores.length };
  });
  return { courseId: opts.courseId, responseCount: responses.length, minimumResponses: minimum, questions: summaries, dimensions };
}
