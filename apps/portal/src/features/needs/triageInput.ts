import type { LearningNeed, LearningNeedStatus, PlanKind, TriageInput } from '@cakap/contracts';

/** The triage form's fields: every one is kept while the admin switches status, so nothing typed is lost. */
export interface TriageValues extends Record<string, unknown> {
  status: LearningNeedStatus;
  decisionReason: string;
  planYear: number | null;
  planKind: PlanKind | null;
  plannedCourseId: string | null;
  plannedActivity: string;
}

/** The form as the need stands; a need without a plan year proposes next year (plans are made a year ahead). */
export function triageValuesOf(need: LearningNeed, thisYear: number): TriageValues {
  return {
    status: need.status,
    decisionReason: need.decisionReason ?? '',
    planYear: need.plan?.year ?? thisYear + 1,
    planKind: need.plan?.kind ?? null,
    plannedCourseId: need.plan?.courseId ?? null,
    plannedActivity: need.plan?.activity ?? '',
  };
}

/**
 * What is sent (and validated with the contracts' schema): only the fields the chosen status
 * uses, so a course picked before switching to "classical" is not sent along.
 */
export function toTriageInput(v: TriageValues): TriageInput {
  const reason = v.decisionReason.trim() || null;
  switch (v.status) {
    case 'proposed':
    case 'declined':
      return { status: v.status, decisionReason: reason };
    case 'accepted':
      return { status: 'accepted', decisionReason: reason, planYear: v.planYear };
    case 'planned':
      return {
        status: 'planned',
        decisionReason: reason,
        planYear: v.planYear,
        planKind: v.planKind,
        ...(v.planKind === 'course' ? { plannedCourseId: v.plannedCourseId } : {}),
        ...(v.planKind === 'classical' ? { plannedActivity: v.plannedActivity } : {}),
      };
  }
}
