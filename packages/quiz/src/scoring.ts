import type { GradeResult, QuestionTypeDefinition } from '@cakap/plugin-sdk';

/**
 * Scoring an attempt with the question types' pure graders. Each grader answers on its own
 * scale (score of max); the attempt counts the question's points, so the score is scaled:
 * score / max × points. Stored as numeric(8,2), hence rounded to hundredths here, once.
 */

export const round2 = (n: number) => Math.round(n * 100) / 100;

export interface SlotToGrade {
  slot: number;
  points: number;
  def: QuestionTypeDefinition;
  data: unknown;
  /** The saved answer (undefined when none). */
  answer: unknown;
}

export interface SlotGrade {
  slot: number;
  /** Points earned (0 while it needs grading). */
  score: number;
  /** The question's points. */
  max: number;
  needsGrading: boolean;
  feedback: string | null;
}

/** Points earned for a grader's result, on the question's scale. */
export function scaleScore(result: Pick<GradeResult, 'score' | 'max'>, points: number): number {
  if (!(result.max > 0)) return 0;
  const fraction = Math.min(1, Math.max(0, result.score / result.max));
  return round2(fraction * points);
}

/** Grades one slot. An answer that no longer parses (it was validated when saved) counts as absent. */
export function gradeSlot(s: SlotToGrade): SlotGrade {
  const parsed = s.answer === undefined || s.answer === null ? undefined : s.def.answerSchema.safeParse(s.answer);
  const answer = parsed?.success ? parsed.data : undefined;
  const r = s.def.grade(s.data, answer);
  const needsGrading = r.needsGrading === true;
  return {
    slot: s.slot,
    score: needsGrading ? 0 : scaleScore(r, s.points),
    max: s.points,
    needsGrading,
    feedback: r.feedback ?? null,
  };
}

export interface AttemptTotals {
  score: number;
  max: number;
  /** 0–100, two decimals. */
  percent: number;
  status: 'needs_grading' | 'graded';
  /** null while a slot waits for a person. */
  passed: boolean | null;
}

/** The attempt's totals from its slots' scores. */
export function totals(slots: readonly Pick<SlotGrade, 'score' | 'max' | 'needsGrading'>[], passPercent: number): AttemptTotals {
  const score = round2(slots.reduce((n, s) => n + s.score, 0));
  const max = round2(slots.reduce((n, s) => n + s.max, 0));
  const percent = max > 0 ? round2((score * 100) / max) : 0;
  const pending = slots.some((s) => s.needsGrading);
  return { score, max, percent, status: pending ? 'needs_grading' : 'graded', passed: pending ? null : percent >= passPercent };
}
