import type { CompetencyProfile, Evidence, ProfileRow, Recommendation } from '@cakap/contracts';

/**
 * What "Kompetensi saya" shows, derived from GET /me/competencies. The server computes the
 * gaps and the match (`@cakap/competencies`); these helpers only decide how to say them.
 */

/** A competency against the position's standard, in the three ways the page words it. */
export type GapState = { kind: 'notRequired' } | { kind: 'met' } | { kind: 'short'; levels: number };

export function gapState(row: Pick<ProfileRow, 'required' | 'gap'>): GapState {
  if (row.required === null || row.gap === null) return { kind: 'notRequired' };
  return row.gap > 0 ? { kind: 'short', levels: row.gap } : { kind: 'met' };
}

/** Which of the page's situations the learner is in. */
export type Standing = 'noPosition' | 'noStandard' | 'short' | 'allMet';

export interface ProfileSummary {
  standing: Standing;
  /** Competencies the position requires. */
  required: number;
  /** Of those, how many are below the standard. */
  short: number;
}

export function summarize(data: Pick<CompetencyProfile, 'user' | 'profile'>): ProfileSummary {
  const required = data.profile.filter((r) => r.required !== null).length;
  const short = data.profile.filter((r) => gapState(r).kind === 'short').length;
  const standing: Standing = !data.user.position ? 'noPosition' : required === 0 ? 'noStandard' : short > 0 ? 'short' : 'allMet';
  return { standing, required, short };
}

export interface ChartRow {
  code: string;
  name: string;
  achieved: number;
  required: number;
}

/** The chart's bars: competencies that are required or achieved (the rest would be two empty bars). */
export function chartRows(profile: readonly ProfileRow[]): ChartRow[] {
  return profile
    .filter((r) => r.required !== null || r.achieved > 0)
    .map((r) => ({ code: r.code, name: r.name, achieved: r.achieved, required: r.required ?? 0 }));
}

/** The biggest gaps first (then by code), for the home card. */
export function biggestGaps(profile: readonly ProfileRow[], limit: number): ProfileRow[] {
  return profile
    .filter((r) => (r.gap ?? 0) > 0)
    .sort((a, b) => (b.gap ?? 0) - (a.gap ?? 0) || a.code.localeCompare(b.code, 'id', { numeric: true }))
    .slice(0, limit);
}

/** A recommended course opens its enrolment when the learner is in it already, its catalogue page otherwise. */
export function recommendationLink(rec: Pick<Recommendation, 'course' | 'enrollmentId'>): { to: string; enrolled: boolean } {
  return rec.enrollmentId ? { to: `/belajar/${rec.enrollmentId}`, enrolled: true } : { to: `/katalog/${rec.course.id}`, enrolled: false };
}

/**
 * Where a piece of evidence leads: a course completed in Cakap opens the learner's enrolment
 * (reachable even once the course leaves the catalogue), else its catalogue page.
 */
export function evidenceCourseLink(e: Pick<Evidence, 'courseId' | 'enrollmentId'>): string | null {
  if (e.enrollmentId) return `/belajar/${e.enrollmentId}`;
  if (e.courseId) return `/katalog/${e.courseId}`;
  return null;
}
