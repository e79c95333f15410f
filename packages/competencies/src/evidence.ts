import type { EvidenceSource } from '@cakap/contracts';

/**
 * How a piece of evidence bears on the achieved level. An assessment (assessment centre, uji
 * kompetensi) measures the level at its date, so it sets it, lower or higher. Development (a
 * course, classical training, anything else) raises it to at least its level and never lowers it.
 */
export type EvidenceEffect = 'measures' | 'raises';
export const EVIDENCE_EFFECT: Record<EvidenceSource, EvidenceEffect> = {
  assessment: 'measures',
  course: 'raises',
  training: 'raises',
  other: 'raises',
};

export interface EvidencePoint {
  level: number;
  source: EvidenceSource;
  /** YYYY-MM-DD: when it happened. */
  occurredOn: string;
  /** Tie-break within a day: the order it was recorded in. */
  recordedAt: Date | string;
}

/**
 * The achieved level from all the evidence of one competency, in the order it happened.
 * Evidence is never changed or removed, so the profile is always this fold of the record.
 */
export function achievedLevel(evidence: readonly EvidencePoint[]): number {
  const ordered = [...evidence].sort(
    (a, b) => a.occurredOn.localeCompare(b.occurredOn) || new Date(a.recordedAt).getTime() - new Date(b.recordedAt).getTime(),
  );
  let level = 0;
  for (const e of ordered) level = EVIDENCE_EFFECT[e.source] === 'measures' ? e.level : Math.max(level, e.level);
  return level;
}

export interface CourseTargetLevel {
  competencyId: string;
  level: number;
}

/**
 * What completing a course proves: each of its targets at its level, provided the learner
 * passed its post-test when the course has one ("none"). A course completed without passing its
 * post-test proves nothing yet; passing it later does.
 */
export function courseEvidence(targets: readonly CourseTargetLevel[], posttest: 'none' | 'passed' | 'not_passed'): CourseTargetLevel[] {
  if (posttest === 'not_passed') return [];
  return targets.map((t) => ({ competencyId: t.competencyId, level: t.level }));
}
