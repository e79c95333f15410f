import type { CourseLearnerPage, CourseLearnerRow, CourseReport, OrgUnitReport, OrgUnitReportRow, ProgrammeReport, ReportStatus } from '@cakap/contracts';

/** Report bodies as the api sends them, for the screens' tests. */
export const COURSE_ID = '5a1c7e2b-8d3f-4b6a-9e0c-1f2a3b4c5d6e';

const noFollowUp = { sent: 0, answered: 0, responseRate: null, mean: null, dimensions: [] };

export function courseReport(over: Partial<CourseReport> = {}): CourseReport {
  return {
    computedAt: '2026-11-28T03:00:00.000Z',
    stale: false,
    courseId: COURSE_ID,
    courseTitle: 'Pelayanan Publik Prima',
    enrolled: 12,
    active: 3,
    completed: 8,
    completionRate: 8 / 12,
    medianDaysToComplete: 4.5,
    averageScore: 81.25,
    prePostGain: { learners: 6, averagePre: 50, averagePost: 80, averageGain: 30, normalisedGain: 0.6 },
    satisfaction: {
      responseCount: 5,
      minimumResponses: 3,
      mean: 4.2,
      dimensions: [
        { dimension: 'relevance', mean: 4.6, answered: 5 },
        { dimension: 'platform', mean: 3.8, answered: 5 },
      ],
    },
    followUp: {
      learner: { sent: 4, answered: 3, responseRate: 0.75, mean: 4, dimensions: [{ dimension: 'application', mean: 4.25, answered: 3 }] },
      superior: noFollowUp,
    },
    monthly: [
      { month: '2026-10', enrolled: 7, completed: 3 },
      { month: '2026-11', enrolled: 5, completed: 5 },
    ],
    ...over,
  };
}

/** A course's learner list row; Sari went from 40 to 70: gain 30, g = 30 / 60 = 0.5. */
export function courseLearner(over: Partial<CourseLearnerRow> = {}): CourseLearnerRow {
  return {
    enrollmentId: '7b2d8f3c-9e4a-4c7b-8f1d-2a3b4c5d6e7f',
    userId: '8c3e9a4d-0f5b-4d8c-9a2e-3b4c5d6e7f80',
    nip: '198609262015051001',
    name: 'Sari Wulandari',
    unitName: 'Bidang Pengembangan Kompetensi',
    status: 'completed',
    enrolledAt: '2026-10-01T02:00:00.000Z',
    completedAt: '2026-10-05T02:00:00.000Z',
    pre: 40,
    post: 70,
    gain: 30,
    normalisedGain: 0.5,
    bestScore: 70,
    ...over,
  };
}

export function learnerPage(items: CourseLearnerRow[] = [courseLearner()], over: Partial<CourseLearnerPage> = {}): CourseLearnerPage {
  return { items, total: items.length, page: 1, pageSize: 20, ...over };
}

export function pending(status: ReportStatus['status'] = 'queued', retryAfter = 1): ReportStatus {
  return { kind: 'course', scope: COURSE_ID, status, requestedAt: '2026-11-28T03:00:00.000Z', retryAfter };
}

const unit = (over: Partial<OrgUnitReportRow> & Pick<OrgUnitReportRow, 'unitId' | 'code' | 'name' | 'parentId' | 'depth'>): OrgUnitReportRow => ({
  asnCount: 10,
  reached20Jp: 5,
  reached20JpShare: 0.5,
  averageJp: 18.5,
  completions: 7,
  standardMet: 2,
  standardMetShare: 0.2,
  ...over,
});

export const UNITS = {
  pemda: '00000000-0000-4000-8000-000000000001',
  diskominfo: '00000000-0000-4000-8000-000000000002',
  bidang: '00000000-0000-4000-8000-000000000003',
  bkpsdmd: '00000000-0000-4000-8000-000000000004',
};

export function orgUnitReport(over: Partial<OrgUnitReport> = {}): OrgUnitReport {
  return {
    computedAt: '2026-11-28T03:00:00.000Z',
    stale: false,
    year: 2026,
    unitId: null,
    total: { asnCount: 30, reached20Jp: 20, reached20JpShare: 2 / 3, averageJp: 21.25, completions: 40, standardMet: 6, standardMetShare: 0.2 },
    // Deliberately not in tree order: the screen orders them.
    units: [
      unit({ unitId: UNITS.bidang, code: 'DISKOMINFO-APT', name: 'Bidang Aplikasi Informatika', parentId: UNITS.diskominfo, depth: 2, asnCount: 4, reached20JpShare: null }),
      unit({ unitId: UNITS.bkpsdmd, code: 'BKPSDMD', name: 'BKPSDMD', parentId: UNITS.pemda, depth: 1 }),
      unit({ unitId: UNITS.pemda, code: 'PEMKAB', name: 'Pemerintah Kabupaten Batanghari', parentId: null, depth: 0, asnCount: 30 }),
      unit({ unitId: UNITS.diskominfo, code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika', parentId: UNITS.pemda, depth: 1 }),
    ],
    ...over,
  };
}

const aspect = (key: string, kind: 'satisfaction' | 'followUp' | 'result', value: number, score: number) => ({ key, kind, value, score });

export function programmeReport(over: Partial<ProgrammeReport> = {}): ProgrammeReport {
  const aspects = [
    aspect('satisfaction.relevance', 'satisfaction', 4.6, 0.9),
    aspect('result.completionRate', 'result', 0.75, 0.75),
    aspect('followUp.support', 'followUp', 3.4, 0.6),
    aspect('result.normalisedGain', 'result', 0.25, 0.25),
  ];
  return {
    computedAt: '2026-11-28T03:00:00.000Z',
    stale: false,
    period: { key: '2026-Q4', start: '2026-09-30T17:00:00.000Z', end: '2026-12-31T17:00:00.000Z' },
    enrolled: 40,
    completed: 30,
    completionRate: 0.75,
    activeLearners: 35,
    totalJp: 180,
    prePostGain: { learners: 10, averagePre: 60, averagePost: 70, averageGain: 10, normalisedGain: 0.25 },
    satisfaction: { responseCount: 12, minimumResponses: 3, mean: 4.1, dimensions: [] },
    followUp: { learner: noFollowUp, superior: noFollowUp },
    trend: [
      { period: '2026-Q3', enrolled: 20, completed: 10, completionRate: 0.5, satisfaction: null, normalisedGain: null },
      { period: '2026-Q4', enrolled: 40, completed: 30, completionRate: 0.75, satisfaction: 4.1, normalisedGain: 0.25 },
    ],
    aspects,
    strongest: aspects.slice(0, 2),
    weakest: [aspects[3]!, aspects[2]!],
    courses: [
      { courseId: COURSE_ID, title: 'Pelayanan Publik Prima', enrolled: 30, completed: 25, completionRate: 25 / 30, satisfaction: 4.3, normalisedGain: 0.3 },
      { courseId: '00000000-0000-4000-8000-0000000000c2', title: 'Literasi Digital ASN', enrolled: 10, completed: 5, completionRate: 0.5, satisfaction: null, normalisedGain: null },
    ],
    ...over,
  };
}
