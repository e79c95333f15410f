import { t, type Lang, type LearningPlan, type LearningPlanItem } from '@cakap/contracts';
import type { ReportSheet } from '../competency-reports/report-export';

/** The yearly plan as one sheet for `sendReport` (CSV and XLSX alike), headers in the request's language. */
export function learningPlanSheet(plan: LearningPlan, lang: Lang): ReportSheet<LearningPlanItem> {
  const planText = (n: LearningPlanItem) => {
    if (!n.plan?.kind) return null;
    return `${t(`learningPlan.kind.${n.plan.kind}`, lang)}: ${n.plan.courseTitle ?? n.plan.activity ?? ''}`;
  };
  return {
    name: t('learningPlan.sheet', lang, { year: plan.year }),
    columns: [
      { header: t('learningPlan.title', lang), value: (n) => n.title, width: 40 },
      { header: t('learningPlan.status', lang), value: (n) => t(`learningPlan.status.${n.status}`, lang) },
      { header: t('learningPlan.competency', lang), value: (n) => (n.competency ? `${n.competency.code} ${n.competency.name}` : null), width: 30 },
      { header: t('learningPlan.votes', lang), value: (n) => n.votes, format: 'integer' },
      { header: t('learningPlan.plan', lang), value: planText, width: 36 },
      { header: t('learningPlan.targetCount', lang), value: (n) => n.targetCount, format: 'integer' },
      { header: t('learningPlan.targetSource', lang), value: (n) => t(`learningPlan.source.${n.targetSource}`, lang), width: 24 },
      { header: t('learningPlan.topUnits', lang), value: (n) => n.topUnits.map((u) => `${u.name} (${u.count})`).join('; ') || null, width: 40 },
      { header: t('learningPlan.proposer', lang), value: (n) => n.proposer.name, width: 30 },
    ],
    rows: [plan.items],
  };
}
