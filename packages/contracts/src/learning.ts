import { z } from 'zod';
import { pageQuerySchema } from './common';
import { contentKeySchema, courseContentSchema, courseMetaSchema, developmentFormSchema, fileUrlsSchema } from './courses';

/**
 * Learning (issue 4): self-enrolment pinned to a published version (invariant 1), progress
 * per block / lesson / module / course, completion, and the yearly JP ledger (invariant 8)
 * shaped for SIASN's course history.
 */

/** Invariant 8: 1 JP = 45 minutes; every PNS is owed at least 20 JP a year (PP 11/2017 art. 203). */
export const JP_MINUTES = 45;
export const JP_TARGET_PER_YEAR = 20;

export const ENROLLMENT_STATUSES = ['active', 'completed'] as const;
export const enrollmentStatusSchema = z.enum(ENROLLMENT_STATUSES);
export type EnrollmentStatus = z.infer<typeof enrollmentStatusSchema>;

export const enrollSchema = z.strictObject({ courseId: z.uuid() });
export type Enroll = z.infer<typeof enrollSchema>;

export const progressSummarySchema = z.object({
  completedLessons: z.number().int(),
  totalLessons: z.number().int(),
  /** 0–100, whole numbers: completed blocks over all blocks of the pinned version. */
  percent: z.number().int().min(0).max(100),
});
export type ProgressSummary = z.infer<typeof progressSummarySchema>;

export const enrollmentSchema = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  /** The pinned published version (invariant 1): later publications do not move it. */
  version: z.number().int(),
  status: enrollmentStatusSchema,
  enrolledAt: z.string(),
  completedAt: z.string().nullable(),
  /** The lesson the learner opened last (null before the first). */
  lastLessonKey: z.string().nullable(),
  progress: progressSummarySchema,
  course: z.object({
    title: z.string(),
    jp: z.number().int(),
    coverUrl: z.string().nullable(),
    developmentForm: developmentFormSchema,
  }),
});
export type Enrollment = z.infer<typeof enrollmentSchema>;

export const enrollmentListQuerySchema = pageQuerySchema.extend({ status: enrollmentStatusSchema.optional() });
export type EnrollmentListQuery = z.infer<typeof enrollmentListQuerySchema>;

export const blockProgressSchema = z.object({
  key: z.string(),
  /** The rule of the block's content type: viewed | watched | manual | custom. */
  rule: z.string(),
  completed: z.boolean(),
  viewedAt: z.string().nullable(),
  /** Furthest fraction played (0–1) for media blocks. */
  maxFraction: z.number().min(0).max(1),
  completedAt: z.string().nullable(),
});
export type BlockProgress = z.infer<typeof blockProgressSchema>;

export const lessonProgressSchema = z.object({
  key: z.string(),
  completed: z.boolean(),
  completedBlocks: z.number().int(),
  totalBlocks: z.number().int(),
});
export const moduleProgressSchema = z.object({
  key: z.string(),
  completed: z.boolean(),
  completedLessons: z.number().int(),
  totalLessons: z.number().int(),
});

/**
 * The answer to progress reports and lesson completion: the enrolment with its progress per
 * block, lesson and module (no content, so it stays small on a weak connection).
 */
export const enrollmentProgressSchema = enrollmentSchema.extend({
  blocks: z.array(blockProgressSchema),
  lessons: z.array(lessonProgressSchema),
  modules: z.array(moduleProgressSchema),
  /** Where "continue learning" opens: the last lesson opened unless done, else the next unfinished one. */
  resumeLessonKey: z.string().nullable(),
});
export type EnrollmentProgress = z.infer<typeof enrollmentProgressSchema>;

/** GET /enrollments/:id: the pinned version's metadata and content (with signed file URLs) and the learner's progress in it. */
export const enrollmentDetailSchema = enrollmentProgressSchema.extend({
  meta: courseMetaSchema,
  content: courseContentSchema,
  authors: z.array(z.object({ id: z.uuid(), name: z.string() })),
  publishedAt: z.string(),
  fileUrls: fileUrlsSchema,
});
export type EnrollmentDetail = z.infer<typeof enrollmentDetailSchema>;

/** POST /enrollments/:id/lessons/:lessonKey/complete — the lesson key as a path parameter. */
export const lessonKeyParamSchema = contentKeySchema;

export const PROGRESS_EVENT_KINDS = ['viewed', 'watched', 'completed'] as const;
export const progressEventSchema = z.strictObject({
  blockKey: contentKeySchema,
  kind: z.enum(PROGRESS_EVENT_KINDS),
  /** For `watched`: the furthest point played, as a fraction of the media's length. */
  fraction: z.number().min(0).max(1).optional(),
  /** When it happened on the device (the portal resends what a dropped connection held). */
  at: z.iso.datetime({ offset: true }).optional(),
});
export type ProgressEvent = z.infer<typeof progressEventSchema>;

/** POST /enrollments/:id/progress: a batch, idempotent (resending the same events changes nothing). */
export const progressReportSchema = z.strictObject({
  events: z.array(progressEventSchema).min(1).max(500),
  /** The lesson on screen, remembered for "continue learning". */
  lessonKey: contentKeySchema.optional(),
});
export type ProgressReport = z.infer<typeof progressReportSchema>;

// ---------------------------------------------------------------- the JP ledger

export const LEARNING_SOURCES = ['course', 'classical'] as const;
export const learningSourceSchema = z.enum(LEARNING_SOURCES);

/** A date without time (`2026-11-28`). */
export const isoDateSchema = z.iso.date();

/** One line of the ledger, with the fields of SIASN's course history (DOMAIN.md). */
export const learningHoursEntrySchema = z.object({
  id: z.uuid(),
  source: learningSourceSchema,
  /** SIASN: nama kursus/diklat. */
  title: z.string(),
  /** SIASN: jumlahJam, in JP (1 JP = 45 minutes). */
  jp: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  year: z.number().int(),
  /** SIASN: jenis diklat — the form of development (KL/NKL code). */
  developmentForm: developmentFormSchema,
  /** SIASN: institusi penyelenggara. */
  organiser: z.string(),
  certificateNumber: z.string().nullable(),
  courseId: z.uuid().nullable(),
  evidenceFileId: z.uuid().nullable(),
});
export type LearningHoursEntry = z.infer<typeof learningHoursEntrySchema>;

export const learningHoursSchema = z.object({
  year: z.number().int(),
  jp: z.number().int(),
  target: z.number().int(),
  entries: z.array(learningHoursEntrySchema),
});
export type LearningHours = z.infer<typeof learningHoursSchema>;

export const learningHoursQuerySchema = z.object({
  /** Default: the current calendar year in Asia/Jakarta. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type LearningHoursQuery = z.infer<typeof learningHoursQuerySchema>;

/** Classical forms only: the non-classical ones come from Cakap itself or later issues. */
export const classicalFormSchema = z.enum(['KL01', 'KL02', 'KL03', 'KL04', 'KL05', 'KL06', 'KL07']);

/** POST /users/:id/learning-hours (admin): a training, workshop or seminar attended outside Cakap. */
export const createClassicalActivitySchema = z
  .strictObject({
    title: z.string().trim().min(3).max(300),
    jp: z.number().int().min(1).max(1000),
    developmentForm: classicalFormSchema,
    organiser: z.string().trim().min(1).max(300),
    startDate: isoDateSchema,
    endDate: isoDateSchema,
    certificateNumber: z.string().trim().min(1).max(100).nullish(),
    evidenceFileId: z.uuid().nullish(),
  })
  .refine((v) => v.endDate >= v.startDate, { path: ['endDate'], message: 'learning.endBeforeStart' });
export type CreateClassicalActivity = z.infer<typeof createClassicalActivitySchema>;

/** Message keys of the learning rules (catalogue in i18n.ts). */
export const LEARNING_MESSAGES = {
  unknownBlock: 'learning.unknownBlock',
  unknownLesson: 'learning.unknownLesson',
  endBeforeStart: 'learning.endBeforeStart',
  rulesNotMet: 'learning.rulesNotMet',
  evidenceNotFound: 'learning.evidenceNotFound',
} as const;
