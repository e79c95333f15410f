import type { CourseFollowUp, CourseFollowUpInput, FollowUpDimension, FollowUpQuestion } from '@cakap/contracts';

/** One role's questionnaire as edited: `custom` false sends null (the default questionnaire, which may improve later). */
export interface QuestionsDraft {
  custom: boolean;
  questions: FollowUpQuestion[];
}

export interface FollowUpDraft {
  enabled: boolean;
  /** Number inputs hold '' while emptied: the schema then names the field. */
  weeksAfter: number | string;
  includeSuperior: boolean;
  reminderDays: number | string;
  maxReminders: number | string;
  learner: QuestionsDraft;
  superior: QuestionsDraft;
}

export function draftOf(s: CourseFollowUp): FollowUpDraft {
  return {
    enabled: s.enabled,
    weeksAfter: s.weeksAfter,
    includeSuperior: s.includeSuperior,
    reminderDays: s.reminderDays,
    maxReminders: s.maxReminders,
    learner: { custom: !s.learnerQuestionsDefault, questions: s.learnerQuestions.map((q) => ({ ...q })) },
    superior: { custom: !s.superiorQuestionsDefault, questions: s.superiorQuestions.map((q) => ({ ...q })) },
  };
}

/** An emptied number input is absent (the schema says "required"), not NaN. */
const num = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? undefined : Number(v));

/** What the form would send; the contracts' schema checks it before it goes (and the api again). */
export function toInput(d: FollowUpDraft): Record<keyof CourseFollowUpInput, unknown> {
  const questions = (q: QuestionsDraft) => (q.custom ? q.questions.map((x) => ({ ...x, text: x.text.trim() })) : null);
  return {
    enabled: d.enabled,
    weeksAfter: num(d.weeksAfter),
    includeSuperior: d.includeSuperior,
    reminderDays: num(d.reminderDays),
    maxReminders: num(d.maxReminders),
    learnerQuestions: questions(d.learner),
    superiorQuestions: questions(d.superior),
  };
}

/** A fresh id, never one already taken: stored answers point to ids. */
export function newQuestionId(questions: readonly FollowUpQuestion[]): string {
  const taken = new Set(questions.map((q) => q.id));
  let n = questions.length + 1;
  while (taken.has(`q${n}`)) n += 1;
  return `q${n}`;
}

/** Every edit makes the questionnaire the course's own. */
export function editQuestions(d: QuestionsDraft, change: (qs: FollowUpQuestion[]) => FollowUpQuestion[]): QuestionsDraft {
  return { custom: true, questions: change(d.questions) };
}

export function addQuestion(qs: FollowUpQuestion[], type: FollowUpQuestion['type'], dimension: FollowUpDimension = 'application'): FollowUpQuestion[] {
  const id = newQuestionId(qs);
  return [...qs, type === 'likert' ? { id, type, text: '', dimension, required: true } : { id, type, text: '', required: false }];
}

/** Switching the type keeps id, text and "required"; a Likert question needs a dimension. */
export function changeType(q: FollowUpQuestion, type: FollowUpQuestion['type']): FollowUpQuestion {
  if (q.type === type) return q;
  return type === 'likert'
    ? { id: q.id, type, text: q.text, dimension: 'application', required: q.required }
    : { id: q.id, type, text: q.text, required: q.required };
}

/**
 * The form's errors by field (`weeksAfter`, `learnerQuestions.2.text`, …) from a zod result or
 * the api's problem+json, so both land on the same inputs.
 */
export function errorsByField(issues: ReadonlyArray<{ field: string; message: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) if (!(i.field in out)) out[i.field] = i.message;
  return out;
}
