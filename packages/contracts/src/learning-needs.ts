import { z } from 'zod';
import { pageQuerySchema, searchSchema } from './common';

/**
 * Learning needs (AKPK, issue 8): ASN propose a development need, others vote and comment,
 * admins triage it (accepted for a year, planned as a course or a classical activity, or
 * declined with a reason the proposer sees), and the yearly plan lists the accepted needs with
 * the ASN they target, taken from the competency gaps. Involving ASN in planning is how the
 * programme meets resistance to change (DOMAIN.md).
 */

export const LEARNING_NEED_STATUSES = ['proposed', 'accepted', 'planned', 'declined'] as const;
export const learningNeedStatusSchema = z.enum(LEARNING_NEED_STATUSES);
export type LearningNeedStatus = z.infer<typeof learningNeedStatusSchema>;

/** How the proposer would like to learn (the forms of development of the ASN regulation). */
export const PREFERRED_FORMS = ['elearning', 'classical', 'blended', 'coaching', 'mentoring', 'workshop', 'internship', 'other'] as const;
export const preferredFormSchema = z.enum(PREFERRED_FORMS);
export type PreferredForm = z.infer<typeof preferredFormSchema>;

export const PLAN_KINDS = ['course', 'classical'] as const;
export const planKindSchema = z.enum(PLAN_KINDS);
export type PlanKind = z.infer<typeof planKindSchema>;

/** Needs take votes only while they may still shape the plan. */
export const VOTABLE_STATUSES: readonly LearningNeedStatus[] = ['proposed', 'accepted'];

export const LEARNING_NEEDS_MESSAGES = {
  competencyNotPublished: 'learningNeeds.competencyNotPublished',
  ownNeed: 'learningNeeds.ownNeed',
  alreadyVoted: 'learningNeeds.alreadyVoted',
  votingClosed: 'learningNeeds.votingClosed',
  notEditable: 'learningNeeds.notEditable',
  reasonRequired: 'learningNeeds.reasonRequired',
  planYearRequired: 'learningNeeds.planYearRequired',
  planKindRequired: 'learningNeeds.planKindRequired',
  courseRequired: 'learningNeeds.courseRequired',
  activityRequired: 'learningNeeds.activityRequired',
  courseNotFound: 'learningNeeds.courseNotFound',
} as const;

const title = z.string().trim().min(5).max(200);
const reason = z.string().trim().min(10).max(4000);

/** POST /learning-needs (DESIGN.md `{title, reason, competencyId?}`). */
export const learningNeedInputSchema = z.strictObject({
  title,
  reason,
  competencyId: z.uuid().nullish(),
  preferredForm: preferredFormSchema.default('elearning'),
});
export type LearningNeedInput = z.input<typeof learningNeedInputSchema>;

/** PATCH /learning-needs/:id: any of the proposal's fields. */
export const learningNeedPatchSchema = z.strictObject({
  title: title.optional(),
  reason: reason.optional(),
  competencyId: z.uuid().nullish(),
  preferredForm: preferredFormSchema.optional(),
});
export type LearningNeedPatch = z.infer<typeof learningNeedPatchSchema>;

export const LEARNING_NEED_SORTS = ['votes', 'recent'] as const;

export const learningNeedListQuerySchema = pageQuerySchema.extend({
  q: searchSchema,
  status: learningNeedStatusSchema.optional(),
  competencyId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  /** Only the caller's own proposals. */
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  sort: z.enum(LEARNING_NEED_SORTS).default('votes'),
});
export type LearningNeedListQuery = z.infer<typeof learningNeedListQuerySchema>;

export const learningNeedPlanSchema = z.object({
  /** null while a need is accepted for a year but not yet planned as something. */
  kind: planKindSchema.nullable(),
  courseId: z.uuid().nullable(),
  courseTitle: z.string().nullable(),
  activity: z.string().nullable(),
  year: z.number().int(),
});
export type LearningNeedPlan = z.infer<typeof learningNeedPlanSchema>;

/** A need as the board and its page show it (DESIGN.md list item `{id, title, votes, status}` and more). */
export const learningNeedSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  reason: z.string(),
  votes: z.number().int(),
  comments: z.number().int(),
  status: learningNeedStatusSchema,
  preferredForm: preferredFormSchema,
  competency: z.object({ id: z.uuid(), code: z.string(), name: z.string(), frameworkName: z.string() }).nullable(),
  proposer: z.object({ id: z.uuid(), name: z.string(), unitName: z.string().nullable() }),
  votedByMe: z.boolean(),
  createdAt: z.string(),
  decisionReason: z.string().nullable(),
  plan: learningNeedPlanSchema.nullable(),
});
export type LearningNeed = z.infer<typeof learningNeedSchema>;

export const voteResultSchema = z.object({ votes: z.number().int(), votedByMe: z.boolean() });
export type VoteResult = z.infer<typeof voteResultSchema>;

export const needCommentInputSchema = z.strictObject({ body: z.string().trim().min(1).max(2000) });
export type NeedCommentInput = z.infer<typeof needCommentInputSchema>;

/** A comment is plain text: clients render it as text, never as HTML. */
export const needCommentSchema = z.object({
  id: z.uuid(),
  body: z.string(),
  author: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: z.string(),
  /** The caller wrote it or is an admin. */
  canDelete: z.boolean(),
});
export type NeedComment = z.infer<typeof needCommentSchema>;

/**
 * POST /learning-needs/:id/triage (admins). Mirrors the table's CHECKs with a per-field error:
 * declined needs a reason; accepted needs the target year; planned needs the year and either a
 * course or a classical activity. Back to `proposed` clears the decision.
 */
export const triageInputSchema = z
  .strictObject({
    status: learningNeedStatusSchema,
    decisionReason: z.string().trim().max(2000).nullish(),
    planKind: planKindSchema.nullish(),
    plannedCourseId: z.uuid().nullish(),
    plannedActivity: z.string().trim().max(300).nullish(),
    planYear: z.coerce.number().int().min(2000).max(2100).nullish(),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.status === 'declined' && !v.decisionReason) issue('decisionReason', LEARNING_NEEDS_MESSAGES.reasonRequired);
    if ((v.status === 'accepted' || v.status === 'planned') && v.planYear == null) issue('planYear', LEARNING_NEEDS_MESSAGES.planYearRequired);
    if (v.status !== 'planned') return;
    if (!v.planKind) issue('planKind', LEARNING_NEEDS_MESSAGES.planKindRequired);
    else if (v.planKind === 'course' && !v.plannedCourseId) issue('plannedCourseId', LEARNING_NEEDS_MESSAGES.courseRequired);
    else if (v.planKind === 'classical' && !v.plannedActivity) issue('plannedActivity', LEARNING_NEEDS_MESSAGES.activityRequired);
  });
export type TriageInput = z.input<typeof triageInputSchema>;

/** GET /learning-plan?year= (admins); `format=csv|xlsx` downloads it. */
export const learningPlanQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  format: z.enum(['csv', 'xlsx']).optional(),
});
export type LearningPlanQuery = z.infer<typeof learningPlanQuerySchema>;

/** Whom a need targets: ASN below the required level of its competency, or (without one) its proposer and voters. */
export const TARGET_SOURCES = ['competency-gap', 'supporters'] as const;

export const learningPlanItemSchema = learningNeedSchema.extend({
  targetSource: z.enum(TARGET_SOURCES),
  targetCount: z.number().int(),
  /** The units with the most target ASN, most first (at most 3). */
  topUnits: z.array(z.object({ id: z.uuid(), name: z.string(), count: z.number().int() })),
});
export type LearningPlanItem = z.infer<typeof learningPlanItemSchema>;

export const learningPlanSchema = z.object({
  year: z.number().int(),
  items: z.array(learningPlanItemSchema),
});
export type LearningPlan = z.infer<typeof learningPlanSchema>;

export const planTargetsQuerySchema = pageQuerySchema.extend({ q: searchSchema });
export type PlanTargetsQuery = z.infer<typeof planTargetsQuerySchema>;

/** One target ASN; the levels are null for a need without a competency (its supporters). */
export const planTargetSchema = z.object({
  userId: z.uuid(),
  nip: z.string(),
  name: z.string(),
  unitName: z.string().nullable(),
  required: z.number().int().nullable(),
  achieved: z.number().int().nullable(),
  gap: z.number().int().nullable(),
});
export type PlanTarget = z.infer<typeof planTargetSchema>;
