import { EVALUATION_MESSAGES, type SurveyQuestion, type SurveyResponseInput } from '@cakap/contracts';

/** The survey form's state: a Likert score (1–5) or a comment per question id. */
export type Answers = Record<string, number | string | undefined>;

/** What the checks need of a question: the post-course survey's and the follow-up's alike. */
export type AnswerableQuestion = Pick<SurveyQuestion, 'id' | 'type' | 'required'>;

export const LIKERT_SCALE = [1, 2, 3, 4, 5] as const;
export const TEXT_ANSWER_MAX = 2000;

function isAnswered(value: number | string | undefined): boolean {
  return typeof value === 'number' || (typeof value === 'string' && value.trim() !== '');
}

/**
 * The client-side check before submitting: the required questions the learner skipped, as
 * message keys per question id. The server checks the same again (its errors win).
 */
export function validateAnswers(questions: readonly AnswerableQuestion[], answers: Answers): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const q of questions) {
    const value = answers[q.id];
    // Length is bounded by the textarea itself (maxLength), so "required" is the one rule left.
    if (q.required && !isAnswered(value)) errors[q.id] = EVALUATION_MESSAGES.answerRequired;
  }
  return errors;
}

/** The request body: unanswered optional questions are left out rather than sent empty. */
export function toResponseInput(questions: readonly AnswerableQuestion[], answers: Answers): SurveyResponseInput {
  const out: SurveyResponseInput['answers'] = {};
  for (const q of questions) {
    const value = answers[q.id];
    if (!isAnswered(value)) continue;
    out[q.id] = typeof value === 'string' ? value.trim() : (value as number);
  }
  return { answers: out };
}

/** Whether the learner has typed or picked anything (leaving would lose it). */
export function isDirty(answers: Answers): boolean {
  return Object.values(answers).some(isAnswered);
}

/**
 * The server's field errors keyed by question id (it names them `answers.<id>`, the body's
 * path); errors on anything else (`_`: not completed, already answered) are left to the
 * general alert.
 */
export function answerFieldErrors(fieldErrors: Record<string, string>, questions: readonly AnswerableQuestion[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const q of questions) {
    const message = fieldErrors[`answers.${q.id}`];
    if (message) out[q.id] = message;
  }
  return out;
}
