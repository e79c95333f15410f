import { t, type CourseLearnerRow, type CourseReport, type Lang, type OrgUnitReport, type OrgUnitReportRow, type ProgrammeReport } from '@cakap/contracts';
import type { ReportColumn, ReportSheet } from '../competency-reports/report-export';

/**
 * The three programme evaluation reports as sheets for `sendReport`, headers in the request's
 * language. The first sheet is the CSV; the XLSX adds the detail sheets. Rates are fractions
 * (`percent` columns); Likert means and gains plain numbers. Only aggregates appear: the
 * reports hold no respondent, so neither do the files. The one exception is the course's learner
 * list (level 2 per learner), a separate download for those who may see the learners anyway.
 */

type FollowUp = CourseReport['followUp']['learner'];
type Role = 'learner' | 'superior';

/** An instant as WIB wall-clock time, `2026-12-01 09:30 WIB`. */
export function wibTime(iso: string): string {
  return `${new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')} WIB`;
}

/** A file-name-safe slug (accents dropped), for `laporan-kursus-<slug>`. */
export function slug(text: string, fallback: string): string {
  const s = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || fallback;
}

/** The follow-up columns of one role, for a headline row whose follow-up is at `pick(row)`. */
function followUpColumns<T>(lang: Lang, role: Role, pick: (row: T) => FollowUp): ReportColumn<T>[] {
  const who = t(`report.role.${role}`, lang);
  return [
    { header: `${who}: ${t('report.col.sent', lang)}`, value: (r) => pick(r).sent, format: 'integer' },
    { header: `${who}: ${t('report.col.answeredCount', lang)}`, value: (r) => pick(r).answered, format: 'integer' },
    { header: `${who}: ${t('report.col.responseRate', lang)}`, value: (r) => pick(r).responseRate, format: 'percent' },
    { header: `${who}: ${t('report.col.mean', lang)}`, value: (r) => pick(r).mean },
  ];
}

/** Level 2 and level 1 headline columns shared by the course and programme summaries. */
function evaluationColumns<T extends CourseReport | ProgrammeReport>(lang: Lang): ReportColumn<T>[] {
  return [
    { header: t('report.col.gainLearners', lang), value: (r) => r.prePostGain.learners, format: 'integer' },
    { header: t('report.col.averagePre', lang), value: (r) => r.prePostGain.averagePre },
    { header: t('report.col.averagePost', lang), value: (r) => r.prePostGain.averagePost },
    { header: t('report.col.averageGain', lang), value: (r) => r.prePostGain.averageGain },
    { header: t('report.col.normalisedGain', lang), value: (r) => r.prePostGain.normalisedGain },
    { header: t('report.col.responses', lang), value: (r) => r.satisfaction.responseCount, format: 'integer' },
    { header: t('report.col.satisfaction', lang), value: (r) => r.satisfaction.mean },
    ...followUpColumns<T>(lang, 'learner', (r) => r.followUp.learner),
    ...followUpColumns<T>(lang, 'superior', (r) => r.followUp.superior),
  ];
}

interface DimensionRow {
  kind: string;
  dimension: string;
  mean: number | null;
  answered: number;
}

/** Survey and follow-up dimensions as rows (kind, dimension, mean, answers). */
function dimensionRows(r: CourseReport | ProgrammeReport, lang: Lang): DimensionRow[] {
  const row = (kind: string) => (d: { dimension: string; mean: number | null; answered: number }) => ({
    kind,
    dimension: t(`report.dimension.${d.dimension}`, lang),
    mean: d.mean,
    answered: d.answered,
  });
  const followUp = t('report.kind.followUp', lang);
  return [
    ...r.satisfaction.dimensions.map(row(t('report.kind.satisfaction', lang))),
    ...r.followUp.learner.dimensions.map(row(`${followUp} (${t('report.role.learner', lang)})`)),
    ...r.followUp.superior.dimensions.map(row(`${followUp} (${t('report.role.superior', lang)})`)),
  ];
}

function dimensionSheet(r: CourseReport | ProgrammeReport, lang: Lang): ReportSheet<DimensionRow> {
  return {
    name: t('report.sheet.dimensions', lang),
    rows: [dimensionRows(r, lang)],
    columns: [
      { header: t('report.col.kind', lang), value: (d) => d.kind, width: 30 },
      { header: t('report.col.dimension', lang), value: (d) => d.dimension, width: 30 },
      { header: t('report.col.mean', lang), value: (d) => d.mean },
      { header: t('report.col.answered', lang), value: (d) => d.answered, format: 'integer' },
    ],
  };
}

interface FollowUpRow extends FollowUp {
  role: string;
}

function followUpSheet(r: CourseReport | ProgrammeReport, lang: Lang): ReportSheet<FollowUpRow> {
  const roles: Role[] = ['learner', 'superior'];
  return {
    name: t('report.sheet.followUp', lang),
    rows: [roles.map((role) => ({ ...r.followUp[role], role: t(`report.role.${role}`, lang) }))],
    columns: [
      { header: t('report.col.role', lang), value: (f) => f.role, width: 20 },
      { header: t('report.col.sent', lang), value: (f) => f.sent, format: 'integer' },
      { header: t('report.col.answeredCount', lang), value: (f) => f.answered, format: 'integer' },
      { header: t('report.col.responseRate', lang), value: (f) => f.responseRate, format: 'percent' },
      { header: t('report.col.mean', lang), value: (f) => f.mean },
    ],
  };
}

/** Course: one headline row; XLSX adds months, dimensions and the follow-up. */
export function courseSheets(r: CourseReport, lang: Lang) {
  const summary: ReportSheet<CourseReport> = {
    name: t('report.sheet.summary', lang),
    rows: [[r]],
    columns: [
      { header: t('report.col.course', lang), value: (x) => x.courseTitle, width: 36 },
      { header: t('report.col.enrolled', lang), value: (x) => x.enrolled, format: 'integer' },
      { header: t('report.col.active', lang), value: (x) => x.active, format: 'integer' },
      { header: t('report.col.completed', lang), value: (x) => x.completed, format: 'integer' },
      { header: t('report.col.completionRate', lang), value: (x) => x.completionRate, format: 'percent' },
      { header: t('report.col.medianDays', lang), value: (x) => x.medianDaysToComplete },
      { header: t('report.col.averageScore', lang), value: (x) => x.averageScore },
      ...evaluationColumns<CourseReport>(lang),
      { header: t('report.col.computedAt', lang), value: (x) => wibTime(x.computedAt), width: 22 },
    ],
  };
  const monthly: ReportSheet<CourseReport['monthly'][number]> = {
    name: t('report.sheet.monthly', lang),
    rows: [r.monthly],
    columns: [
      { header: t('report.col.month', lang), value: (m) => m.month },
      { header: t('report.col.enrolled', lang), value: (m) => m.enrolled, format: 'integer' },
      { header: t('report.col.completed', lang), value: (m) => m.completed, format: 'integer' },
    ],
  };
  return [summary, monthly, dimensionSheet(r, lang), followUpSheet(r, lang)] as const;
}

type UnitRow = Omit<OrgUnitReportRow, 'unitId' | 'parentId' | 'depth'> & { depth: number | null };

/** Org units: one row per unit (its subtree's figures) in tree order, then the total. */
export function orgUnitSheets(r: OrgUnitReport, lang: Lang) {
  const rows: UnitRow[] = [...r.units, { ...r.total, code: '', name: t('report.total', lang), depth: null }];
  const sheet: ReportSheet<UnitRow> = {
    name: t('report.sheet.units', lang),
    rows: [rows],
    columns: [
      { header: t('report.col.unitCode', lang), value: (u) => u.code },
      { header: t('report.col.unit', lang), value: (u) => u.name, width: 36 },
      { header: t('report.col.depth', lang), value: (u) => u.depth, format: 'integer' },
      { header: t('report.col.asnCount', lang), value: (u) => u.asnCount, format: 'integer' },
      { header: t('report.col.reached20Jp', lang), value: (u) => u.reached20Jp, format: 'integer' },
      { header: t('report.col.reached20JpShare', lang), value: (u) => u.reached20JpShare, format: 'percent' },
      { header: t('report.col.averageJp', lang), value: (u) => u.averageJp },
      { header: t('report.col.completions', lang), value: (u) => u.completions, format: 'integer' },
      { header: t('report.col.standardMet', lang), value: (u) => u.standardMet, format: 'integer' },
      { header: t('report.col.standardMetShare', lang), value: (u) => u.standardMetShare, format: 'percent' },
    ],
  };
  return [sheet] as const;
}

type Aspect = ProgrammeReport['aspects'][number];

/** `satisfaction.relevance` → "Kepuasan: Relevansi"; `result.completionRate` → "Hasil: Tingkat penyelesaian". */
export function aspectLabel(a: Aspect, lang: Lang): string {
  const name = a.key.slice(a.key.indexOf('.') + 1);
  const label = a.kind === 'result' ? t(`report.result.${name}`, lang) : t(`report.dimension.${name}`, lang);
  return `${t(`report.kind.${a.kind}`, lang)}: ${label}`;
}

/** Programme: one row per course; XLSX adds the headline figures, the trend and the aspects. */
export function programmeSheets(r: ProgrammeReport, lang: Lang) {
  const courses: ReportSheet<ProgrammeReport['courses'][number]> = {
    name: t('report.sheet.courses', lang),
    rows: [r.courses],
    columns: [
      { header: t('report.col.course', lang), value: (c) => c.title, width: 36 },
      { header: t('report.col.enrolled', lang), value: (c) => c.enrolled, format: 'integer' },
      { header: t('report.col.completed', lang), value: (c) => c.completed, format: 'integer' },
      { header: t('report.col.completionRate', lang), value: (c) => c.completionRate, format: 'percent' },
      { header: t('report.col.satisfaction', lang), value: (c) => c.satisfaction },
      { header: t('report.col.normalisedGain', lang), value: (c) => c.normalisedGain },
    ],
  };
  const summary: ReportSheet<ProgrammeReport> = {
    name: t('report.sheet.summary', lang),
    rows: [[r]],
    columns: [
      { header: t('report.col.period', lang), value: (x) => x.period.key },
      { header: t('report.col.enrolled', lang), value: (x) => x.enrolled, format: 'integer' },
      { header: t('report.col.completed', lang), value: (x) => x.completed, format: 'integer' },
      { header: t('report.col.completionRate', lang), value: (x) => x.completionRate, format: 'percent' },
      { header: t('report.col.activeLearners', lang), value: (x) => x.activeLearners, format: 'integer' },
      { header: t('report.col.totalJp', lang), value: (x) => x.totalJp, format: 'integer' },
      ...evaluationColumns<ProgrammeReport>(lang),
      { header: t('report.col.computedAt', lang), value: (x) => wibTime(x.computedAt), width: 22 },
    ],
  };
  const trend: ReportSheet<ProgrammeReport['trend'][number]> = {
    name: t('report.sheet.trend', lang),
    rows: [r.trend],
    columns: [
      { header: t('report.col.period', lang), value: (p) => p.period },
      { header: t('report.col.enrolled', lang), value: (p) => p.enrolled, format: 'integer' },
      { header: t('report.col.completed', lang), value: (p) => p.completed, format: 'integer' },
      { header: t('report.col.completionRate', lang), value: (p) => p.completionRate, format: 'percent' },
      { header: t('report.col.satisfaction', lang), value: (p) => p.satisfaction },
      { header: t('report.col.normalisedGain', lang), value: (p) => p.normalisedGain },
    ],
  };
  const strongest = new Set(r.strongest.map((a) => a.key));
  const weakest = new Set(r.weakest.map((a) => a.key));
  const aspects: ReportSheet<Aspect> = {
    name: t('report.sheet.aspects', lang),
    rows: [r.aspects],
    columns: [
      { header: t('report.col.aspect', lang), value: (a) => aspectLabel(a, lang), width: 40 },
      { header: t('report.col.value', lang), value: (a) => a.value },
      { header: t('report.col.score', lang), value: (a) => a.score },
      {
        header: t('report.col.rank', lang),
        value: (a) => (strongest.has(a.key) ? t('report.strongest', lang) : weakest.has(a.key) ? t('report.weakest', lang) : null),
      },
    ],
  };
  return [courses, summary, trend, aspects] as const;
}

/** A course's learners (level 2 per learner), one row each; scores are percentages 0..100, not fractions. */
export function learnerSheet(rows: AsyncIterable<readonly CourseLearnerRow[]>, lang: Lang): ReportSheet<CourseLearnerRow> {
  return {
    name: t('report.sheet.learners', lang),
    rows,
    columns: [
      { header: t('report.col.nip', lang), value: (r) => r.nip, width: 20 },
      { header: t('report.col.name', lang), value: (r) => r.name, width: 32 },
      { header: t('report.col.unit', lang), value: (r) => r.unitName, width: 32 },
      { header: t('report.col.status', lang), value: (r) => t(`report.status.${r.status}`, lang), width: 16 },
      { header: t('report.col.enrolledAt', lang), value: (r) => wibTime(r.enrolledAt), width: 22 },
      { header: t('report.col.completedAt', lang), value: (r) => (r.completedAt ? wibTime(r.completedAt) : null), width: 22 },
      { header: t('report.col.pre', lang), value: (r) => r.pre },
      { header: t('report.col.post', lang), value: (r) => r.post },
      { header: t('report.col.gain', lang), value: (r) => r.gain },
      { header: t('report.col.learnerGain', lang), value: (r) => r.normalisedGain },
      { header: t('report.col.bestScore', lang), value: (r) => r.bestScore },
    ],
  };
}
