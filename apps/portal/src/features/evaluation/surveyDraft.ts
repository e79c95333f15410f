import type { CourseSurvey, CourseSurveyInput, SurveyDimension, SurveyQuestion } from '@cakap/contracts';

/** The studio's survey editor state: the questions being edited and the certificate switch. */
export interface SurveyDraft {
  questions: SurveyQuestion[];
  requiredForCertificate: boolean;
}

export function draftOf(survey: CourseSurvey): SurveyDraft {
  return { questions: survey.questions.map((q) => ({ ...q })), requiredForCertificate: survey.requiredForCertificate };
}

/**
 * A fresh id for a new question: ids are what stored answers point to, so an existing id is
 * never reused (nor changed) — `q1`, `q2`… skipping those taken.
 */
export function newQuestionId(questions: SurveyQuestion[]): string {
  const taken = new Set(questions.map((q) => q.id));
  let n = questions.length + 1;
  while (taken.has(`q${n}`)) n += 1;
  return `q${n}`;
}

export function addQuestion(draft: SurveyDraft, type: SurveyQuestion['type'], dimension: SurveyDimension = 'overall'): SurveyDraft {
  const id = newQuestionId(draft.questions);
  const question: SurveyQuestion =
    type === 'likert' ? { id, type, text: '', dimension, required: true } : { id, type, text: '', required: false };
  return { ...draft, questions: [...draft.questions, question] };
}

export function removeQuestion(draft: SurveyDraft, index: number): SurveyDraft {
  return { ...draft, questions: draft.questions.filter((_, i) => i !== index) };
}

/** Moves a question one place up (-1) or down (+1); a move past either end changes nothing. */
export function moveQuestion(draft: SurveyDraft, index: number, delta: -1 | 1): SurveyDraft {
  const to = index + delta;
  if (to < 0 || to >= draft.questions.length) return draft;
  const questions = [...draft.questions];
  [questions[index], questions[to]] = [questions[to], questions[index]];
  return { ...draft, questions };
}

export function updateQuestion(draft: SurveyDraft, index: number, patch: Partial<SurveyQuestion>): SurveyDraft {
  return {
    ...draft,
    questions: draft.questions.map((q, i) => (i === index ? ({ ...q, ...patch } as SurveyQuestion) : q)),
  };
}

/** Switching a question's type keeps its id and text; a Likert question needs a dimension. */
export function changeType(draft: SurveyDraft, index: number, type: SurveyQuestion['type']): SurveyDraft {
  const q = draft.questions[index];
  if (!q || q.type === type) return draft;
  const next: SurveyQuestion =
    type === 'likert'
      ? { id: q.id, type, text: q.text, dimension: 'overall', required: q.required }
      : { id: q.id, type, text: q.text, required: q.required };
  return { ...draft, questions: draft.questions.map((old, i) => (i === index ? next : old)) };
}

export function isDraftDirty(draft: SurveyDraft, saved: SurveyDraft): boolean {
  return JSON.stringify(draft) !== JSON.stringify(saved);
}

export function toSurveyInput(draft: SurveyDraft): CourseSurveyInput {
  return { questions: draft.questions.map((q) => ({ ...q, text: q.text.trim() })), requiredForCertificate: draft.requiredForCertificate };
}

/**
 * The server's field errors for one question (`questions.3.text` → {text: …}); errors on the
 * list itself (`questions`) are returned under the empty key.
 */
export function questionErrors(fieldErrors: Record<string, string>, index: number): Record<string, string> {
  const prefix = `questions.${index}.`;
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors)) {
    if (field.startsWith(prefix)) out[field.slice(prefix.length)] = message;
  }
  return out;
}
