import { z } from 'zod';
import { pageQuerySchema, searchSchema } from './common';
import { courseTargetSchema, courseTargetsInputSchema } from './competencies';

/**
 * Courses: metadata, the draft content tree (modules → lessons → blocks), the review
 * workflow and the immutable published versions (invariant 1).
 */

/** Forms of competency development (DOMAIN.md). Self-paced Cakap courses are NKL03 e-learning. */
export const DEVELOPMENT_FORMS = {
  KL01: 'Pelatihan',
  KL02: 'Seminar/konferensi',
  KL03: 'Workshop/lokakarya',
  KL04: 'Kursus',
  KL05: 'Penataran',
  KL06: 'Bimbingan teknis',
  KL07: 'Sosialisasi',
  NKL01: 'Coaching',
  NKL02: 'Mentoring',
  NKL03: 'E-learning',
  NKL04: 'Pelatihan jarak jauh',
  NKL05: 'Belajar mandiri',
  NKL06: 'Komunitas belajar',
  NKL07: 'Bimbingan di tempat kerja',
  NKL08: 'Magang/praktik kerja',
} as const;
export const developmentFormSchema = z.enum(Object.keys(DEVELOPMENT_FORMS) as [keyof typeof DEVELOPMENT_FORMS]);
export type DevelopmentForm = z.infer<typeof developmentFormSchema>;

export const COURSE_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export const courseStatusSchema = z.enum(COURSE_STATUSES);
export type CourseStatus = z.infer<typeof courseStatusSchema>;

export const courseLanguageSchema = z.enum(['id', 'en']);

/** Keys are stable ids chosen by the client (drag-and-drop keeps them); progress refers to them. */
export const contentKeySchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'validation.format');

export const blockInputSchema = z.object({
  key: contentKeySchema,
  type: z.string().min(1).max(64),
  /** Validated by the content type's plugin schema on the server. */
  data: z.unknown(),
});
export type BlockInput = z.infer<typeof blockInputSchema>;

export const lessonInputSchema = z.object({
  key: contentKeySchema,
  title: z.string().trim().min(1).max(200),
  blocks: z.array(blockInputSchema).max(100),
});
export const moduleInputSchema = z.object({
  key: contentKeySchema,
  title: z.string().trim().min(1).max(200),
  lessons: z.array(lessonInputSchema).max(100),
});
export const courseContentSchema = z.object({
  modules: z.array(moduleInputSchema).max(50),
});
export type CourseContent = z.infer<typeof courseContentSchema>;

/** PUT /courses/:id/content: the whole draft tree, with the revision it was based on (autosave from two tabs must not silently overwrite). */
export const putContentSchema = courseContentSchema.extend({
  revision: z.number().int().min(0),
});
export type PutContent = z.infer<typeof putContentSchema>;

const tagsSchema = z.array(z.string().trim().min(1).max(40)).max(20);

export const createCourseSchema = z.strictObject({
  title: z.string().trim().min(3).max(200),
  summary: z.string().trim().max(2000).default(''),
  jp: z.number().int().min(0).max(1000),
  category: z.string().trim().max(100).nullish(),
});
export type CreateCourse = z.infer<typeof createCourseSchema>;

export const updateCourseSchema = z
  .strictObject({
    title: z.string().trim().min(3).max(200),
    summary: z.string().trim().max(2000),
    jp: z.number().int().min(0).max(1000),
    category: z.string().trim().max(100).nullable(),
    coverFileId: z.uuid().nullable(),
    durationMinutes: z.number().int().min(0).max(100_000).nullable(),
    language: courseLanguageSchema,
    developmentForm: developmentFormSchema,
    tags: tagsSchema,
    /** Replaces the draft's competency targets; publishing freezes them with the version. */
    competencies: courseTargetsInputSchema,
    /** Issue a certificate when a learner completes the course (not course content: no new revision). */
    certificateAuto: z.boolean(),
    /** The template of its certificates; null: the default template. */
    certificateTemplateId: z.uuid().nullable(),
  })
  .partial();
export type UpdateCourse = z.infer<typeof updateCourseSchema>;

export const authorRefSchema = z.object({ id: z.uuid(), name: z.string(), role: z.enum(['owner', 'coauthor']) });

export const courseMetaSchema = z.object({
  title: z.string(),
  summary: z.string(),
  jp: z.number().int(),
  category: z.string().nullable(),
  coverFileId: z.uuid().nullable(),
  durationMinutes: z.number().int().nullable(),
  language: courseLanguageSchema,
  developmentForm: developmentFormSchema,
  tags: z.array(z.string()),
});
export type CourseMeta = z.infer<typeof courseMetaSchema>;

export const courseSchema = courseMetaSchema.extend({
  id: z.uuid(),
  status: courseStatusSchema,
  /** The latest published version number, null before the first publication. */
  publishedVersion: z.number().int().nullable(),
  /** True when the draft differs from the latest published version. */
  hasUnpublishedChanges: z.boolean(),
  revision: z.number().int(),
  authors: z.array(authorRefSchema),
  coverUrl: z.string().nullable(),
  /** The admin's comment when the course was sent back to draft. */
  reviewComment: z.string().nullable(),
  /** The draft's competency targets. */
  competencies: z.array(courseTargetSchema),
  certificateAuto: z.boolean(),
  certificateTemplateId: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Course = z.infer<typeof courseSchema>;

/** Signed, expiring URLs of the uploaded files the content refers to, by file id. */
export const fileUrlsSchema = z.record(z.string(), z.string());

export const courseWithContentSchema = courseSchema.extend({ content: courseContentSchema, fileUrls: fileUrlsSchema });
export type CourseWithContent = z.infer<typeof courseWithContentSchema>;

export const courseListQuerySchema = pageQuerySchema.extend({
  q: searchSchema,
  status: courseStatusSchema.optional(),
  /** Authors: only mine (owned or co-authored). Admins see all unless mine=true. */
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export type CourseListQuery = z.infer<typeof courseListQuerySchema>;

export const reviewDecisionSchema = z.strictObject({ comment: z.string().trim().max(2000).optional() });
export const rejectSchema = z.strictObject({ comment: z.string().trim().min(1).max(2000) });
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

export const addCoauthorSchema = z.strictObject({ userId: z.uuid() });

/** GET /courses/:id/coauthor-candidates: active authors (by name or NIP) who are not yet authors of the course. */
export const coauthorCandidatesQuerySchema = z.object({ q: searchSchema });
export const coauthorCandidateSchema = z.object({ id: z.uuid(), name: z.string(), nip: z.string() });
export type CoauthorCandidate = z.infer<typeof coauthorCandidateSchema>;

export const courseVersionSchema = z.object({
  version: z.number().int(),
  publishedAt: z.string(),
  publishedBy: z.object({ id: z.uuid(), name: z.string() }),
  title: z.string(),
  /** SHA-256 of the canonical snapshot: equal hashes, identical versions. */
  hash: z.string(),
  comment: z.string().nullable(),
});
export type CourseVersion = z.infer<typeof courseVersionSchema>;

export const courseEventSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['created', 'submitted', 'withdrawn', 'approved', 'rejected', 'archived', 'restored', 'coauthor_added', 'coauthor_removed']),
  actor: z.object({ id: z.uuid(), name: z.string() }),
  comment: z.string().nullable(),
  version: z.number().int().nullable(),
  createdAt: z.string(),
});
export type CourseEvent = z.infer<typeof courseEventSchema>;

/** A published version as learners receive it: metadata and content frozen at publication. */
export const versionSnapshotSchema = z.object({
  courseId: z.uuid(),
  version: z.number().int(),
  meta: courseMetaSchema,
  content: courseContentSchema,
  authors: z.array(z.object({ id: z.uuid(), name: z.string() })),
  publishedAt: z.string(),
});
export type VersionSnapshot = z.infer<typeof versionSnapshotSchema>;

/** A published version as its reader receives it, with signed URLs of its files. */
export const versionViewSchema = versionSnapshotSchema.extend({ fileUrls: fileUrlsSchema });
export type VersionView = z.infer<typeof versionViewSchema>;

export const catalogQuerySchema = pageQuerySchema.extend({
  q: searchSchema,
  category: z.string().trim().max(100).optional(),
  language: courseLanguageSchema.optional(),
  jpMin: z.coerce.number().int().min(0).optional(),
  jpMax: z.coerce.number().int().min(0).optional(),
});
export type CatalogQuery = z.infer<typeof catalogQuerySchema>;

export const catalogItemSchema = courseMetaSchema.extend({
  id: z.uuid(),
  version: z.number().int(),
  coverUrl: z.string().nullable(),
  authors: z.array(z.object({ id: z.uuid(), name: z.string() })),
  moduleCount: z.number().int(),
  lessonCount: z.number().int(),
  publishedAt: z.string(),
});
export type CatalogItem = z.infer<typeof catalogItemSchema>;

/** GET /content-types: what the studio can offer, from the enabled plugins. */
export const contentTypeInfoSchema = z.object({
  key: z.string(),
  plugin: z.string(),
  title: z.object({ id: z.string(), en: z.string() }),
  description: z.object({ id: z.string(), en: z.string() }).optional(),
  completion: z.object({ kind: z.string() }).passthrough(),
  dataSchema: z.record(z.string(), z.unknown()),
});
export type ContentTypeInfo = z.infer<typeof contentTypeInfoSchema>;

// ---------------------------------------------------------------- files

export const FILE_KINDS = ['image', 'video', 'document'] as const;
export const fileKindSchema = z.enum(FILE_KINDS);
export const fileSchema = z.object({
  id: z.uuid(),
  kind: fileKindSchema,
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  /** A signed, expiring URL that serves the bytes (with range requests for video). */
  url: z.string(),
  createdAt: z.string(),
});
export type StoredFile = z.infer<typeof fileSchema>;

/** GET /catalog/:id — a course page before enrolment: the latest version's metadata and outline (no block data). */
export const catalogOutlineSchema = z.array(
  z.object({
    key: z.string(),
    title: z.string(),
    lessons: z.array(z.object({ key: z.string(), title: z.string(), blockCount: z.number().int() })),
  }),
);
export const catalogCourseSchema = catalogItemSchema.extend({
  outline: catalogOutlineSchema,
  /** The competency targets of the latest published version. */
  competencies: z.array(courseTargetSchema),
});
export type CatalogCourse = z.infer<typeof catalogCourseSchema>;

/** POST /files (multipart): the fields next to `file`. */
export const uploadFileFieldsSchema = z.object({
  kind: fileKindSchema,
  courseId: z.uuid().optional(),
});
export type UploadFileFields = z.infer<typeof uploadFileFieldsSchema>;
