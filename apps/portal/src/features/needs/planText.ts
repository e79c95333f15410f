import { useTranslation } from 'react-i18next';
import type { LearningNeedPlan } from '@cakap/contracts';

/** The plan of a need in words: a course, a classical activity, or only its year. */
export function usePlanText() {
  const { t } = useTranslation();
  return (plan: LearningNeedPlan | null): string | null => {
    if (!plan) return null;
    if (plan.kind === 'course') return t('needs.detail.planCourse', { title: plan.courseTitle ?? '', year: plan.year });
    if (plan.kind === 'classical') return t('needs.detail.planActivity', { activity: plan.activity ?? '', year: plan.year });
    return t('needs.detail.planYearOnly', { year: plan.year });
  };
}
