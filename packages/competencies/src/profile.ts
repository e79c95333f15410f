/** One competency of a learner: what they have, what their position asks. */
export interface ProfileInput {
  competencyId: string;
  achieved: number;
  /** Null when the position does not require it. */
  required: number | null;
}

/** Gap = required − achieved (DOMAIN.md), shown as 0 once met; null when not required. */
export function gapOf(achieved: number, required: number | null): number | null {
  if (required === null || required <= 0) return null;
  return Math.max(0, required - achieved);
}

/**
 * Job-Person Match in percent: Σ min(achieved, required) / Σ required over the required
 * competencies (exceeding one competency does not make up for another). Null without a standard.
 */
export function jobPersonMatch(rows: readonly ProfileInput[]): number | null {
  let need = 0;
  let have = 0;
  for (const r of rows) {
    if (r.required === null || r.required <= 0) continue;
    need += r.required;
    have += Math.min(r.achieved, r.required);
  }
  return need === 0 ? null : Math.round((have / need) * 1000) / 10;
}

/** Order of a profile: gaps first (biggest first), then the rest of the required, then the others; by code within. */
export function compareProfileRows<T extends ProfileInput & { code: string }>(a: T, b: T): number {
  const ga = gapOf(a.achieved, a.required);
  const gb = gapOf(b.achieved, b.required);
  const rank = (g: number | null) => (g === null ? -1 : g);
  return rank(gb) - rank(ga) || a.code.localeCompare(b.code, 'id', { numeric: true });
}
