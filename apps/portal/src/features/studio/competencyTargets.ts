import { courseTargetsInputSchema, issueMessage, type CompetencyRef, type CourseTarget, type FieldError, type Lang } from '@cakap/contracts';

/**
 * The studio's competency targets editor as plain data: which competencies a course develops
 * and up to which level. The panel renders it; the server checks it again on PATCH.
 */

export interface TargetRow {
  competencyId: string;
  code: string;
  name: string;
  level: number;
  /** The competency's highest level: the most the course may target. */
  maxLevel: number;
}

export function rowsOf(targets: readonly CourseTarget[]): TargetRow[] {
  return targets.map((t) => ({ competencyId: t.competencyId, code: t.code, name: t.name, level: t.level, maxLevel: t.maxLevel }));
}

/** Levels 1..max (a level already above a since-shortened scale stays selectable, so the server can name the problem). */
export function levelOptions(row: Pick<TargetRow, 'level' | 'maxLevel'>): number[] {
  const top = Math.max(row.maxLevel, row.level);
  return Array.from({ length: top }, (_, i) => i + 1);
}

export function toInput(rows: readonly TargetRow[]): { competencyId: string; level: number }[] {
  return rows.map((r) => ({ competencyId: r.competencyId, level: r.level }));
}

export type AddResult = { ok: true; rows: TargetRow[] } | { ok: false; message: string };

/**
 * Adds a picked competency at level 1 (the author raises it). A competency already listed, or
 * one more than the contract allows, is refused with a message instead.
 */
export function addTarget(rows: readonly TargetRow[], ref: CompetencyRef, lang: Lang, already: (code: string) => string): AddResult {
  if (rows.some((r) => r.competencyId === ref.id)) return { ok: false, message: already(ref.code) };
  const next = [...rows, { competencyId: ref.id, code: ref.code, name: ref.name, level: 1, maxLevel: ref.maxLevel }];
  const input = toInput(next);
  const checked = courseTargetsInputSchema.safeParse(input);
  const listIssue = checked.success ? undefined : checked.error.issues.find((i) => i.path.length === 0);
  if (listIssue) return { ok: false, message: issueMessage(listIssue, lang, input).message };
  return { ok: true, rows: next };
}

export function setLevel(rows: readonly TargetRow[], competencyId: string, level: number): TargetRow[] {
  return rows.map((r) => (r.competencyId === competencyId ? { ...r, level } : r));
}

export function removeTarget(rows: readonly TargetRow[], competencyId: string): TargetRow[] {
  return rows.filter((r) => r.competencyId !== competencyId);
}

/** Unsaved when the list or a level differs from what the course has (order does not matter). */
export function isDirty(rows: readonly TargetRow[], saved: readonly CourseTarget[]): boolean {
  if (rows.length !== saved.length) return true;
  const levels = new Map(saved.map((t) => [t.competencyId, t.level]));
  return rows.some((r) => levels.get(r.competencyId) !== r.level);
}

export interface TargetErrors {
  /** By competency id: the server's word on that row (`competencies.2.level`, `competencies.2.competencyId`). */
  rows: Record<string, string>;
  /** Everything else (the list as a whole). */
  other: string[];
}

/** Puts the server's field errors on the rows they name (by index in what was sent). */
export function targetErrors(errors: readonly FieldError[], sent: readonly TargetRow[]): TargetErrors {
  const result: TargetErrors = { rows: {}, other: [] };
  for (const e of errors) {
    const match = /^(?:body\.)?competencies(?:\.(\d+)|\[(\d+)\])/.exec(e.field);
    const index = match ? Number(match[1] ?? match[2]) : NaN;
    const row = Number.isInteger(index) ? sent[index] : undefined;
    if (row && !(row.competencyId in result.rows)) result.rows[row.competencyId] = e.message;
    else if (!row) result.other.push(e.message);
  }
  return result;
}
