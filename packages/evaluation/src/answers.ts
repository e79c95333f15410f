import { EVALUATION_MESSAGES } from '@cakap/contracts';

export type SurveyAnswers = Record<string, number | string>;
export interface AnswerIssue {
  field: string;
  code: string;
}
export type AnswerCheck = { ok: true; answers: SurveyAnswers } | { ok: false; issues: AnswerIssue[] };

/** What checking needs of a question: the post-course survey's and the follow-up's alike. */
export interface AnswerableQuestion {
  id: string;
  type: 'likert' | 'text';
  required: boolean;
}

export const LIKERT_MIN = 1;
export const LIKERT_MAX = 5;

/**
 * Checks a respondent's answers against the questions they were asked. All issues are returned
 * at once (one per question) so the form can mark every field. The normalised answers keep
 * trimmed text and drop an empty optional comment, so "no comment" is stored as absent.
 */
export function checkAnswers(questions: readonly AnswerableQuestion[], answers: Record<string, unknown>): AnswerCheck {
  const issues: AnswerIssue[] = [];
  const out: SurveyAnswers = {};
  const known = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) issues.push({ field: `answers.${id}`, code: EVALUATION_MESSAGES.unknownQuestion });
  }
  for (const q of questions) {
    const field = `answers.${q.id}`;
    let value = answers[q.id];
    if (typeof value === 'string') value = value.trim();
    if (value === undefined || value === null || value === '') {
      if (q.required) issues.push({ field, code: EVALUATION_MESSAGES.answerRequired });
      continue;
    }
    if (q.type === 'likert') {
      if (typeof value !== 'number') issues.push({ field, code: 'validation.invalidType' });
      else if (!Number.isInteger(value) || value < LIKERT_MIN || value > LIKERT_MAX) issues.push({ field, code: EVALUATION_MESSAGES.likertRange });
      else out[q.id] = value;
    } else if (typeof value !== 'string') {
      issues.push({ field, code: 'validation.invalidType' });
    } else {
      out[q.id] = value;
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, answers: out };
}
