import { z } from 'zod';
import { pageQuerySchema, searchSchema } from './common';
import { positionKindSchema, positionRefSchema } from './people';

/**
 * Competencies (issue 6): frameworks of the Standar Kompetensi Jabatan (PermenPAN-RB 38/2017),
 * position standards, course targets, evidence, profiles and gaps. The rules live in
 * `@cakap/competencies`; these are the shapes on the wire.
 */

/** Kinds of competency: manajerial, sosial kultural (the national dictionary), teknis (per field). */
export const COMPETENCY_KINDS = ['manajerial', 'sosial_kultural', 'teknis'] as const;
export const competencyKindSchema = z.enum(COMPETENCY_KINDS);
export type CompetencyKind = z.infer<typeof competencyKindSchema>;

export const FRAMEWORK_STATUSES = ['draft', 'published', 'retired'] as const;
export const frameworkStatusSchema = z.enum(FRAMEWORK_STATUSES);
export type FrameworkStatus = z.infer<typeof frameworkStatusSchema>;

/** The highest proficiency scale a framework may use (the SKJ dictionary uses 1–5). */
export const MAX_SCALE = 10;
export const proficiencyLevelSchema = z.number().int().min(1).max(MAX_SCALE);

/** Message keys of the competency rules (catalogue in i18n.ts). */
export const COMPETENCY_MESSAGES = {
  levelsContiguous: 'competency.levelsContiguous',
  levelAboveScale: 'competency.levelAboveScale',
  codeTaken: 'competency.codeTaken',
  frameworkTaken: 'competency.frameworkTaken',
  parentCycle: 'competency.parentCycle',
  parentOtherFramework: 'competency.parentOtherFramework',
  inUse: 'competency.inUse',
  frameworkInUse: 'competency.frameworkInUse',
  notPublished: 'competency.notPublished',
  noLevels: 'competency.noLevels',
  frameworkEmpty: 'competency.frameworkEmpty',
  scaleBelowLevels: 'competency.scaleBelowLevels',
  importRow: 'competency.importRow',
  importPath: 'competency.importPath',
  importFormat: 'competency.importFormat',
  ambiguousCode: 'competency.ambiguousCode',
  unknownCode: 'competency.unknownCode',
  unknownPosition: 'competency.unknownPosition',
  futureDate: 'competency.futureDate',
  fileNotFound: 'competency.fileNotFound',
} as const;

// ---------------------------------------------------------------- frameworks and competencies

export const levelDefinitionSchema = z.object({
  level: proficiencyLevelSchema,
  description: z.string().trim().min(1).max(2000),
  indicators: z.array(z.string().trim().min(1).max(1000)).max(20).default([]),
});
export type LevelDefinition = z.infer<typeof levelDefinitionSchema>;

/** Levels are numbered 1..n without gaps (the scale's upper part may stay undefined). */
export const levelsSchema = z
  .array(levelDefinitionSchema)
  .max(MAX_SCALE)
  .default([])
  .superRefine((levels, ctx) => {
    const sorted = [...levels].map((l) => l.level).sort((a, b) => a - b);
    if (sorted.some((level, i) => level !== i + 1)) ctx.addIssue({ code: 'custom', message: COMPETENCY_MESSAGES.levelsContiguous });
  })
  .transform((levels) => [...levels].sort((a, b) => a.level - b.level));

export const competencyCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(30)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'validation.format');

export const createCompetencySchema = z.strictObject({
  code: competencyCodeSchema,
  name: z.string().trim().min(1).max(200),
  kind: competencyKindSchema,
  definition: z.string().trim().max(5000).default(''),
  parentId: z.uuid().nullish(),
  /** Sort order among siblings; appended last when omitted. */
  position: z.number().int().min(0).max(100_000).optional(),
  /** A node without levels groups others (an area of a technical field); only nodes with levels are assessed. */
  levels: levelsSchema,
});
export type CreateCompetency = z.infer<typeof createCompetencySchema>;
export const updateCompetencySchema = z
  .strictObject({
    code: competencyCodeSchema,
    name: z.string().trim().min(1).max(200),
    kind: competencyKindSchema,
    definition: z.string().trim().max(5000),
    parentId: z.uuid().nullable(),
    position: z.number().int().min(0).max(100_000),
    levels: levelsSchema,
  })
  .partial();
export type UpdateCompetency = z.infer<typeof updateCompetencySchema>;

export const createFrameworkSchema = z.strictObject({
  name: z.string().trim().min(3).max(200),
  description: z.string().trim().max(5000).default(''),
  /** Who sets the framework (e.g. "Kementerian PANRB", "BKN"). */
  publisher: z.string().trim().max(200).default(''),
  version: z.string().trim().min(1).max(20).default('1'),
  scaleMax: z.number().int().min(1).max(MAX_SCALE).default(5),
  language: z.enum(['id', 'en']).default('id'),
});
export type CreateFramework = z.infer<typeof createFrameworkSchema>;
export const updateFrameworkSchema = z
  .strictObject({
    name: z.string().trim().min(3).max(200),
    description: z.string().trim().max(5000),
    publisher: z.string().trim().max(200),
    version: z.string().trim().min(1).max(20),
    scaleMax: z.number().int().min(1).max(MAX_SCALE),
    language: z.enum(['id', 'en']),
  })
  .partial();
export type UpdateFramework = z.infer<typeof updateFrameworkSchema>;

export const frameworkListQuerySchema = pageQuerySchema.extend({
  q: searchSchema,
  status: frameworkStatusSchema.optional(),
});
export type FrameworkListQuery = z.infer<typeof frameworkListQuerySchema>;

export const frameworkSummarySchema = z.object({
  id: z.uuid(),
  /** The CASE CFDocument identifier: kept through export and import. */
  identifier: z.uuid(),
  name: z.string(),
  description: z.string(),
  publisher: z.string(),
  version: z.string(),
  status: frameworkStatusSchema,
  scaleMax: z.number().int(),
  language: z.enum(['id', 'en']),
  competencyCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  retiredAt: z.string().nullable(),
});
export type FrameworkSummary = z.infer<typeof frameworkSummarySchema>;

export interface CompetencyNode {
  id: string;
  identifier: string;
  code: string;
  name: string;
  kind: CompetencyKind;
  definition: string;
  position: number;
  levels: LevelDefinition[];
  children: CompetencyNode[];
}
export const competencyNodeSchema: z.ZodType<CompetencyNode> = z.lazy(() =>
  z.object({
    id: z.uuid(),
    identifier: z.uuid(),
    code: z.string(),
    name: z.string(),
    kind: competencyKindSchema,
    definition: z.string(),
    position: z.number().int(),
    levels: z.array(levelDefinitionSchema),
    children: z.array(competencyNodeSchema),
  }),
);

/** GET /competency-frameworks/:id: the framework as a tree (DESIGN.md). */
export const frameworkTreeSchema = frameworkSummarySchema.extend({ competencies: z.array(competencyNodeSchema) });
export type FrameworkTree = z.infer<typeof frameworkTreeSchema>;

/** A competency as other screens refer to it (pickers, standards, targets, profiles). */
export const competencyRefSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: competencyKindSchema,
  frameworkId: z.uuid(),
  frameworkName: z.string(),
  /** The highest level defined for this competency. */
  maxLevel: z.number().int(),
});
export type CompetencyRef = z.infer<typeof competencyRefSchema>;

/** GET /competencies: assessable competencies (with levels) of published frameworks, for pickers. */
export const competencyListQuerySchema = pageQuerySchema.extend({
  q: searchSchema,
  frameworkId: z.uuid().optional(),
  kind: competencyKindSchema.optional(),
});
export type CompetencyListQuery = z.infer<typeof competencyListQuerySchema>;

export const FRAMEWORK_FORMATS = ['csv', 'case'] as const;
export const frameworkFormatSchema = z.enum(FRAMEWORK_FORMATS);
export type FrameworkFormat = z.infer<typeof frameworkFormatSchema>;
export const frameworkFormatQuerySchema = z.object({ format: frameworkFormatSchema.default('csv') });

/**
 * The columns of a framework CSV, one row per competency level (a grouping node without
 * levels has one row with the level columns empty). Indicators are one cell, one per line.
 * The identifier columns carry the CASE identifiers so that a re-import is faithful; files
 * written by hand may leave them out (packages/competencies/README.md).
 */
export const FRAMEWORK_CSV_COLUMNS = [
  'framework_identifier',
  'framework',
  'framework_version',
  'framework_publisher',
  'framework_description',
  'framework_language',
  'scale_max',
  'identifier',
  'code',
  'name',
  'kind',
  'parent_code',
  'definition',
  'level',
  'level_description',
  'indicators',
] as const;

// ---------------------------------------------------------------- standards and targets

/** A required (or targeted) level of one competency. Level 0 in a position's standard means "not required here". */
export const competencyLevelInputSchema = z.strictObject({
  competencyId: z.uuid(),
  level: z.number().int().min(0).max(MAX_SCALE),
});
export type CompetencyLevelInput = z.infer<typeof competencyLevelInputSchema>;

const uniqueCompetencies = (items: { competencyId: string }[]) => new Set(items.map((i) => i.competencyId)).size === items.length;

/** PUT /positions/:id/requirements: the position's own levels, replacing the previous ones (class defaults fill the rest). */
export const positionRequirementsInputSchema = z
  .array(competencyLevelInputSchema)
  .max(200)
  .refine(uniqueCompetencies, { message: 'validation.duplicate' });
export type PositionRequirementsInput = z.infer<typeof positionRequirementsInputSchema>;

/** PUT /competency-standards/class-defaults/:kind: the default levels of a position class. */
export const classDefaultsInputSchema = positionRequirementsInputSchema;

export const REQUIREMENT_SOURCES = ['position', 'class'] as const;
export const requirementSchema = z.object({
  competency: competencyRefSchema,
  level: z.number().int(),
  /** Set on the position itself, or the default of its class. */
  source: z.enum(REQUIREMENT_SOURCES),
});
export type Requirement = z.infer<typeof requirementSchema>;

/** GET /positions/:id/requirements. Level 0 overrides ("not required here") are listed too. */
export const positionRequirementsSchema = z.object({
  position: positionRefSchema,
  requirements: z.array(requirementSchema),
});
export type PositionRequirements = z.infer<typeof positionRequirementsSchema>;

export const classDefaultsSchema = z.object({
  kind: positionKindSchema,
  requirements: z.array(z.object({ competency: competencyRefSchema, level: z.number().int() })),
});
export type ClassDefaults = z.infer<typeof classDefaultsSchema>;

/** Columns of the position standards CSV (positions by name and unit code; unit-less positions leave it empty). */
export const STANDARDS_CSV_COLUMNS = ['position', 'org_unit_code', 'framework', 'competency_code', 'level'] as const;

/** POST /competency-standards/import: how many positions got new standards, from how many rows. */
export const standardsImportResultSchema = z.object({ positions: z.number().int(), rows: z.number().int() });
export type StandardsImportResult = z.infer<typeof standardsImportResultSchema>;

/** A course's target: the competency it develops and up to which level. PATCH /courses/:id {competencies}. */
export const courseTargetInputSchema = z.strictObject({
  competencyId: z.uuid(),
  level: proficiencyLevelSchema,
});
export const courseTargetsInputSchema = z
  .array(courseTargetInputSchema)
  .max(30)
  .refine(uniqueCompetencies, { message: 'validation.duplicate' });
export const courseTargetSchema = z.object({
  competencyId: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: competencyKindSchema,
  level: z.number().int(),
  /** The competency's highest level: the most a course may target. */
  maxLevel: z.number().int(),
});
export type CourseTarget = z.infer<typeof courseTargetSchema>;

// ---------------------------------------------------------------- evidence

/**
 * Where evidence comes from. An assessment (assessment centre, uji kompetensi) measures the
 * level at its date; the others (a Cakap course, classical training, other development) raise
 * the achieved level to at least theirs. See `@cakap/competencies` profile rules.
 */
export const EVIDENCE_SOURCES = ['course', 'assessment', 'training', 'other'] as const;
export const evidenceSourceSchema = z.enum(EVIDENCE_SOURCES);
export type EvidenceSource = z.infer<typeof evidenceSourceSchema>;

const isoDateSchema = z.iso.date();

/** POST /users/:id/competency-evidence (admin): evidence from outside Cakap. Course evidence is recorded by Cakap itself. */
export const recordEvidenceSchema = z.strictObject({
  competencyId: z.uuid(),
  level: proficiencyLevelSchema,
  source: z.enum(['assessment', 'training', 'other']),
  title: z.string().trim().min(3).max(300),
  occurredOn: isoDateSchema,
  note: z.string().trim().max(2000).default(''),
  fileId: z.uuid().nullish(),
});
export type RecordEvidence = z.infer<typeof recordEvidenceSchema>;

export const evidenceSchema = z.object({
  id: z.uuid(),
  competencyId: z.uuid(),
  code: z.string(),
  name: z.string(),
  level: z.number().int(),
  source: evidenceSourceSchema,
  title: z.string(),
  note: z.string(),
  occurredOn: z.string(),
  courseId: z.uuid().nullable(),
  enrollmentId: z.uuid().nullable(),
  /** The attachment, served to the learner and admins by GET /competency-evidence/:id/file. */
  file: z.object({ id: z.uuid(), fileName: z.string() }).nullable(),
  recordedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.string(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

// ---------------------------------------------------------------- profile, gaps, recommendations

export const profileRowSchema = z.object({
  competencyId: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: competencyKindSchema,
  frameworkId: z.uuid(),
  frameworkName: z.string(),
  maxLevel: z.number().int(),
  /** Derived from the evidence (0 when there is none). */
  achieved: z.number().int(),
  /** From the position's standard; null when the position does not require it. */
  required: z.number().int().nullable(),
  /** required − achieved when positive, 0 when met, null when not required. */
  gap: z.number().int().nullable(),
});
export type ProfileRow = z.infer<typeof profileRowSchema>;

export const recommendationSchema = z.object({
  course: z.object({
    id: z.uuid(),
    title: z.string(),
    summary: z.string(),
    jp: z.number().int(),
    category: z.string().nullable(),
    version: z.number().int(),
  }),
  /** The gap competencies it develops, biggest gap first. */
  addresses: z.array(z.object({ competencyId: z.uuid(), code: z.string(), name: z.string(), level: z.number().int(), gap: z.number().int() })),
  /** The learner's active enrolment in it, if any. */
  enrollmentId: z.uuid().nullable(),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

/** GET /me/competencies and GET /users/:id/competencies (DESIGN.md). */
export const competencyProfileSchema = z.object({
  user: z.object({
    id: z.uuid(),
    nip: z.string(),
    name: z.string(),
    position: positionRefSchema.nullable(),
    orgUnit: z.object({ id: z.uuid(), name: z.string() }),
  }),
  profile: z.array(profileRowSchema),
  /** Job-Person Match: Σ min(achieved, required) / Σ required, in percent; null without a standard. */
  match: z.number().nullable(),
  evidence: z.array(evidenceSchema),
  recommendations: z.array(recommendationSchema),
});
export type CompetencyProfile = z.infer<typeof competencyProfileSchema>;

// ---------------------------------------------------------------- admin reports

export const heatmapQuerySchema = z.object({
  /** Rows are the child units of this unit (the top-level units when absent), each with its whole subtree. */
  orgUnitId: z.uuid().optional(),
  frameworkId: z.uuid().optional(),
});
export type HeatmapQuery = z.infer<typeof heatmapQuerySchema>;

export const heatmapSchema = z.object({
  parent: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  units: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), asnCount: z.number().int(), hasChildren: z.boolean() })),
  competencies: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
  /** One cell per unit and competency that some ASN there is required to have. */
  cells: z.array(
    z.object({
      orgUnitId: z.uuid(),
      competencyId: z.uuid(),
      /** ASN whose position requires the competency. */
      required: z.number().int(),
      /** Of those, how many meet the required level. */
      met: z.number().int(),
      /** met / required, 0..1. */
      share: z.number(),
    }),
  ),
});
export type Heatmap = z.infer<typeof heatmapSchema>;

export const REPORT_FORMATS = ['csv', 'xlsx'] as const;
export const reportFormatQuerySchema = z.object({ format: z.enum(REPORT_FORMATS).default('csv') });

export const gapListQuerySchema = pageQuerySchema.extend({
  orgUnitId: z.uuid().optional(),
  q: searchSchema,
});
export type GapListQuery = z.infer<typeof gapListQuerySchema>;

export const gapListItemSchema = z.object({
  user: z.object({ id: z.uuid(), nip: z.string(), name: z.string(), position: positionRefSchema.nullable(), orgUnit: z.object({ id: z.uuid(), name: z.string() }) }),
  /** Σ of positive gaps over the required competencies. */
  totalGap: z.number().int(),
  gapCount: z.number().int(),
  match: z.number().nullable(),
  gaps: z.array(z.object({ competencyId: z.uuid(), code: z.string(), name: z.string(), required: z.number().int(), achieved: z.number().int(), gap: z.number().int() })),
});
export type GapListItem = z.infer<typeof gapListItemSchema>;
