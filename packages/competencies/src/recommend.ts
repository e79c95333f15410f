import { gapOf, type ProfileInput } from './profile';

export interface CandidateCourse {
  courseId: string;
  /** The latest published version's targets. */
  targets: readonly { competencyId: string; level: number }[];
  /** The learner already completed it: it is not recommended again. */
  completed: boolean;
}

export interface CourseRecommendation {
  courseId: string;
  addresses: { competencyId: string; level: number; gap: number }[];
}

/**
 * Recommended courses for a profile: published courses that target a competency the learner
 * falls short in, above the level they have. Biggest gap first; among equal gaps, the course
 * that closes more of it (its level, capped at the requirement), then the one addressing more
 * gap competencies. A course whose level does not go above what the learner has is no help.
 */
export function recommendCourses(profile: readonly ProfileInput[], courses: readonly CandidateCourse[], limit = 10): CourseRecommendation[] {
  const gaps = new Map<string, { gap: number; achieved: number; required: number }>();
  for (const row of profile) {
    const gap = gapOf(row.achieved, row.required);
    if (gap && row.required !== null) gaps.set(row.competencyId, { gap, achieved: row.achieved, required: row.required });
  }
  const ranked = [];
  for (const course of courses) {
    if (course.completed) continue;
    const addresses = course.targets
      .filter((t) => {
        const g = gaps.get(t.competencyId);
        return g !== undefined && t.level > g.achieved;
      })
      .map((t) => ({ competencyId: t.competencyId, level: t.level, gap: gaps.get(t.competencyId)!.gap }))
      .sort((a, b) => b.gap - a.gap || b.level - a.level);
    if (!addresses.length) continue;
    const best = addresses[0];
    const closes = Math.min(best.level, gaps.get(best.competencyId)!.required) - gaps.get(best.competencyId)!.achieved;
    ranked.push({ courseId: course.courseId, addresses, best: best.gap, closes });
  }
  ranked.sort((a, b) => b.best - a.best || b.closes - a.closes || b.addresses.length - a.addresses.length || a.courseId.localeCompare(b.courseId));
  return ranked.slice(0, limit).map(({ courseId, addresses }) => ({ courseId, addresses }));
}
