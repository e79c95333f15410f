import { z } from 'zod';
import { pageOf, pageQuerySchema, searchSchema } from './common';
import { surveyDimensionSchema } from './evaluation';
import { enrollmentStatusSchema } from './learning';

/**
 * Programme evaluation reports (issue 8). The worker computes them (never the api's event loop)
 * into `report_snapshots`, one current row per report and scope; the api answers from the
 * snapshot when it is fresh (its source fingerprint is unchanged), otherwise it asks the worker
 * for a new one and waits a little. Every report is a screen and a CSV/XLSX download
 * (`?format=csv|xlsx`).
 *
 * Fractions (rates, shares) are 0..1; scores are percentages 0..100; Likert means are 1..5.
 * A figure that cannot be computed (no data) is null, never 0.
 */

/** Level 3: what a follow-up Likert question measures (learner and superior questionnaires alike). */
export const FOLLOW_UP_DIMENSIONS = ['application', 'improvement', 'support'] as const;
export const followUpDimensionSchema = z.enum(FOLLOW_UP_DIMENSIONS);
export type FollowUpDimension = z.infer<typeof followUpDimensionSchema>;

export const REPORT_KINDS = ['course', 'org-units', 'programme'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** How a snapshot stands; a GET answers 202 with this while no data can be shown yet. */
export const reportStatusSchema = z.object({
  kind: z.enum(REPORT_KINDS),
  scope: z.string(),
  status: z.enum(['queued', 'running', 'ready', 'failed']),
  requestedAt: z.string(),
  /** Seconds the client should wait before asking again. */
  retryAfter: z.number().int(),
});
export type ReportStatus = z.infer<typeof reportStatusSchema>;

/** Common to every report body. */
const reportMeta = {
  computedAt: z.string(),
  /** True when the sources changed since and a newer snapshot is being computed. */
  stale: z.boolean(),
};

const dimensionMean = z.object({ dimension: surveyDimensionSchema, mean: z.number().nullable(), answered: z.number().int() });
const followUpDimensionMean = z.object({ dimension: followUpDimensionSchema, mean: z.number().nullable(), answered: z.number().int() });

/** Level 2: pre-test against post-test over the learners who took both. */
export const prePostGainSchema = z.object({
  /** Learners with a graded pre-test and a graded post-test. */
  learners: z.number().int(),
  averagePre: z.number().nullable(),
  averagePost: z.number().nullable(),
  /** Mean of (post − pre), in percentage points. */
  averageGain: z.number().nullable(),
  /** Hake's class-average normalised gain ⟨g⟩ = (post − pre) / (100 − pre) of the averages; null when pre is 100. */
  normalisedGain: z.number().nullable(),
});
export type PrePostGain = z.infer<typeof prePostGainSchema>;

/** Level 1 in a report: anonymous, shown from the survey's minimum number of responses. */
export const satisfactionSchema = z.object({
  responseCount: z.number().int(),
  minimumResponses: z.number().int(),
  /** Mean of every Likert answer; null below the minimum. */
  mean: z.number().nullable(),
  dimensions: z.array(dimensionMean),
});

/** Level 3 for one respondent role. */
export const followUpResultSchema = z.object({
  /** Follow-ups sent (due and delivered) and answered. */
  sent: z.number().int(),
  answered: z.number().int(),
  responseRate: z.number().nullable(),
  mean: z.number().nullable(),
  dimensions: z.array(followUpDimensionMean),
});

export const courseReportSchema = z.object({
  ...reportMeta,
  courseId: z.uuid(),
  courseTitle: z.string(),
  enrolled: z.number().int(),
  /** Enrolled, not completed, with learning activity in the last 30 days. */
  active: z.number().int(),
  completed: z.number().int(),
  completionRate: z.number().nullable(),
  /** Days from enrolment to completion, median over completions. */
  medianDaysToComplete: z.number().nullable(),
  /** Mean over learners of their best graded or post-test percentage. */
  averageScore: z.number().nullable(),
  prePostGain: prePostGainSchema,
  satisfaction: satisfactionSchema,
  followUp: z.object({ learner: followUpResultSchema, superior: followUpResultSchema }),
  /** For the chart: enrolments and completions per month (YYYY-MM, WIB). */
  monthly: z.array(z.object({ month: z.string(), enrolled: z.number().int(), completed: z.number().int() })),
});
export type CourseReport = z.infer<typeof courseReportSchema>;

/**
 * Level 2 per learner: the course report's list of its enrolments with their pre-test and
 * post-test (the same definitions as `prePostGain`: pre = the earliest graded pre-test attempt,
 * post = the best graded post-test attempt). Unlike the anonymous reports it names people, so
 * it is computed on request (never snapshotted) for admins and the course's authors only.
 */
export const COURSE_LEARNER_SORTS = ['name', 'gain', 'post'] as const;

export const courseLearnerQuerySchema = pageQuerySchema.extend({
  /** Name (any part) or NIP (prefix). */
  q: searchSchema,
  status: enrollmentStatusSchema.optional(),
  /** `name` A→Z; `gain` and `post` highest first, learners without the figure last. */
  sort: z.enum(COURSE_LEARNER_SORTS).default('name'),
});
export type CourseLearnerQuery = z.infer<typeof courseLearnerQuerySchema>;

export const courseLearnerRowSchema = z.object({
  enrollmentId: z.uuid(),
  userId: z.uuid(),
  nip: z.string(),
  name: z.string(),
  unitName: z.string(),
  status: enrollmentStatusSchema,
  enrolledAt: z.string(),
  completedAt: z.string().nullable(),
  /** Percent of the earliest graded pre-test attempt; null without one. */
  pre: z.number().nullable(),
  /** Percent of the best graded post-test attempt; null without one. */
  post: z.number().nullable(),
  /** post − pre in percentage points; null unless both exist. */
  gain: z.number().nullable(),
  /** The learner's own normalised gain g = (post − pre) / (100 − pre); null when pre is 100 or either is missing. */
  normalisedGain: z.number().nullable(),
  /** Best graded or post-test percent (what the course report's average score averages). */
  bestScore: z.number().nullable(),
});
export type CourseLearnerRow = z.infer<typeof courseLearnerRowSchema>;

export const courseLearnerPageSchema = pageOf(courseLearnerRowSchema);
export type CourseLearnerPage = z.infer<typeof courseLearnerPageSchema>;

export const orgUnitReportQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  /** Only this unit's subtree; all units when absent. */
  unitId: z.uuid().optional(),
});

/** One row per unit, counting its whole subtree (a unit's figures include its sub-units). */
export const orgUnitReportRowSchema = z.object({
  unitId: z.uuid(),
  code: z.string(),
  name: z.string(),
  parentId: z.uuid().nullable(),
  depth: z.number().int(),
  /** Active ASN accounts. */
  asnCount: z.number().int(),
  /** ASN with at least 20 JP in the year (DOMAIN.md), and their share. */
  reached20Jp: z.number().int(),
  reached20JpShare: z.number().nullable(),
  averageJp: z.number().nullable(),
  /** Course completions in the year. */
  completions: z.number().int(),
  /** ASN meeting every competency level their position requires, and their share of the ASN whose position has a standard (null when nobody's has). */
  standardMet: z.number().int(),
  standardMetShare: z.number().nullable(),
});
export type OrgUnitReportRow = z.infer<typeof orgUnitReportRowSchema>;

export const orgUnitReportSchema = z.object({
  ...reportMeta,
  year: z.number().int(),
  unitId: z.uuid().nullable(),
  /** The whole scope (each ASN counted once). */
  total: orgUnitReportRowSchema.omit({ unitId: true, code: true, name: true, parentId: true, depth: true }),
  units: z.array(orgUnitReportRowSchema),
});
export type OrgUnitReport = z.infer<typeof orgUnitReportSchema>;

/** An evaluation period: a quarter `2026-Q4` or a semester `2026-S2` (WIB calendar). */
export const periodSchema = z.string().regex(/^\d{4}-(Q[1-4]|S[12])$/, 'report.period');
export const programmeReportQuerySchema = z.object({ period: periodSchema });

/** One aspect of the programme, scored 0..1 so survey dimensions and results can be ranked together. */
export const programmeAspectSchema = z.object({
  /** A survey dimension (`satisfaction.relevance`), a follow-up dimension (`followUp.application`) or a result (`result.completionRate`, `result.normalisedGain`, `result.reached20JpShare`). */
  key: z.string(),
  kind: z.enum(['satisfaction', 'followUp', 'result']),
  /** The figure as measured (a Likert mean, a rate, a gain). */
  value: z.number(),
  /** Comparable score: Likert (mean − 1) / 4, rates and gains as they are (clamped to 0..1). */
  score: z.number(),
});

export const programmeReportSchema = z.object({
  ...reportMeta,
  period: z.object({ key: z.string(), start: z.string(), end: z.string() }),
  enrolled: z.number().int(),
  completed: z.number().int(),
  completionRate: z.number().nullable(),
  activeLearners: z.number().int(),
  totalJp: z.number(),
  prePostGain: prePostGainSchema,
  satisfaction: satisfactionSchema,
  followUp: z.object({ learner: followUpResultSchema, superior: followUpResultSchema }),
  /** This period and the ones before it, oldest first, for the trend charts. */
  trend: z.array(
    z.object({
      period: z.string(),
      enrolled: z.number().int(),
      completed: z.number().int(),
      completionRate: z.number().nullable(),
      satisfaction: z.number().nullable(),
      normalisedGain: z.number().nullable(),
    }),
  ),
  /** Every aspect with enough data, best first; the strongest and weakest are its ends. */
  aspects: z.array(programmeAspectSchema),
  strongest: z.array(programmeAspectSchema),
  weakest: z.array(programmeAspectSchema),
  /** Per course active in the period, most enrolments first. */
  courses: z.array(
    z.object({
      courseId: z.uuid(),
      title: z.string(),
      enrolled: z.number().int(),
      completed: z.number().int(),
      completionRate: z.number().nullable(),
      satisfaction: z.number().nullable(),
      normalisedGain: z.number().nullable(),
    }),
  ),
});
export type ProgrammeReport = z.infer<typeof programmeReportSchema>;
