import { z } from 'zod';
import { pageQuerySchema, searchSchema } from './common';
import { surveyAnswerSchema } from './evaluation';
import { followUpDimensionSchema } from './reports';

/**
 * Programme evaluation level 3 (behaviour): some weeks after completing a course, the learner and
 * — where known — their direct superior are asked how far the learning shows at work. The worker
 * schedules and sends the requests (delayed jobs with reminders); the rules live in
 * `@cakap/evaluation` (follow-up.ts). Per-course settings; an absent row means the defaults.
 */

export const FOLLOW_UP_ROLES = ['learner', 'superior'] as const;
export const followUpRoleSchema = z.enum(FOLLOW_UP_ROLES);
export type FollowUpRole = z.infer<typeof followUpRoleSchema>;

export const FOLLOW_UP_STATUSES = ['scheduled', 'sent', 'answered', 'expired', 'cancelled'] as const;
export const followUpStatusSchema = z.enum(FOLLOW_UP_STATUSES);
export type FollowUpStatus = z.infer<typeof followUpStatusSchema>;

/** The defaults of a course without saved settings (the migration's column defaults). */
export const FOLLOW_UP_DEFAULTS = { enabled: true, weeksAfter: 8, includeSuperior: true, reminderDays: 7, maxReminders: 2 } as const;

export const FOLLOW_UP_MESSAGES = {
  notOpen: 'followUp.notOpen',
  alreadyAnswered: 'followUp.alreadyAnswered',
  supervisorSelf: 'followUp.supervisorSelf',
  supervisorUnknown: 'followUp.supervisorUnknown',
} as const;

const questionId = z.string().trim().regex(/^[a-z0-9_-]{1,40}$/, 'validation.format');

/** Like the post-course survey's questions, but a Likert question measures a level-3 dimension. */
export const followUpQuestionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    id: questionId,
    type: z.literal('likert'),
    text: z.string().trim().min(3).max(500),
    dimension: followUpDimensionSchema,
    required: z.boolean().default(true),
  }),
  z.strictObject({
    id: questionId,
    type: z.literal('text'),
    text: z.string().trim().min(3).max(500),
    required: z.boolean().default(false),
  }),
]);
export type FollowUpQuestion = z.infer<typeof followUpQuestionSchema>;

export const followUpQuestionsSchema = z
  .array(followUpQuestionSchema)
  .min(1)
  .max(40)
  .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, { message: 'evaluation.questionIdsUnique' });

/** PUT /courses/:id/follow-up (course authors and admins). Null questions = the default questionnaire of that role. */
export const courseFollowUpInputSchema = z.strictObject({
  enabled: z.boolean(),
  weeksAfter: z.number().int().min(1).max(52),
  includeSuperior: z.boolean(),
  reminderDays: z.number().int().min(1).max(30),
  maxReminders: z.number().int().min(0).max(5),
  learnerQuestions: followUpQuestionsSchema.nullable().default(null),
  superiorQuestions: followUpQuestionsSchema.nullable().default(null),
});
export type CourseFollowUpInput = z.input<typeof courseFollowUpInputSchema>;
export type CourseFollowUpSettings = z.output<typeof courseFollowUpInputSchema>;

/** GET /courses/:id/follow-up: the settings in force, the questionnaires filled in with the defaults. */
export const courseFollowUpSchema = z.object({
  courseId: z.uuid(),
  enabled: z.boolean(),
  weeksAfter: z.number().int(),
  includeSuperior: z.boolean(),
  reminderDays: z.number().int(),
  maxReminders: z.number().int(),
  learnerQuestions: z.array(followUpQuestionSchema),
  superiorQuestions: z.array(followUpQuestionSchema),
  /** No saved settings: the defaults apply. */
  isDefault: z.boolean(),
  learnerQuestionsDefault: z.boolean(),
  superiorQuestionsDefault: z.boolean(),
});
export type CourseFollowUp = z.infer<typeof courseFollowUpSchema>;

/** The anonymous results of one respondent role; figures from the minimum number of responses up. */
export const followUpRoleSummarySchema = z.object({
  role: followUpRoleSchema,
  /** Requests sent (due and delivered, whatever became of them since) and answered. */
  sent: z.number().int(),
  answered: z.number().int(),
  /** Still waiting for their date. */
  scheduled: z.number().int(),
  minimumResponses: z.number().int(),
  /** Mean of every Likert answer; null below the minimum. */
  mean: z.number().nullable(),
  dimensions: z.array(z.object({ dimension: followUpDimensionSchema, mean: z.number().nullable(), answered: z.number().int() })),
  /** The text answers, sorted, without names; empty below the minimum. */
  comments: z.array(z.object({ questionId: z.string(), text: z.string(), answers: z.array(z.string()) })),
});
export type FollowUpRoleSummary = z.infer<typeof followUpRoleSummarySchema>;

/** GET /courses/:id/follow-up/summary (authors and admins): never who answered what. */
export const followUpSummarySchema = z.object({
  courseId: z.uuid(),
  learner: followUpRoleSummarySchema,
  superior: followUpRoleSummarySchema,
});
export type FollowUpSummary = z.infer<typeof followUpSummarySchema>;

/** GET /me/follow-ups: my requests as a learner and as a direct superior. */
export const myFollowUpsQuerySchema = pageQuerySchema.extend({
  /** `sent` = waiting for my answer. Without it: all but cancelled ones (and only my own upcoming ones). */
  status: z.enum(['sent', 'answered', 'expired', 'scheduled']).optional(),
  /** Course title or, for a superior, the employee's name or NIP. */
  q: searchSchema,
});
export type MyFollowUpsQuery = z.infer<typeof myFollowUpsQuerySchema>;

export const followUpListItemSchema = z.object({
  id: z.uuid(),
  status: followUpStatusSchema,
  role: followUpRoleSchema,
  course: z.object({ id: z.uuid(), title: z.string() }),
  /** The employee the follow-up is about, for a superior's request; null for the learner's own. */
  subject: z.object({ name: z.string(), nip: z.string() }).nullable(),
  dueAt: z.string(),
  sentAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  /** After this a sent request is no longer open (its last reminder's period ended). */
  closesAt: z.string().nullable(),
});
export type FollowUpListItem = z.infer<typeof followUpListItemSchema>;

/** GET /follow-ups/:id (the respondent only; anyone else gets 404): the form. */
export const followUpFormSchema = z.object({
  id: z.uuid(),
  status: followUpStatusSchema,
  role: followUpRoleSchema,
  course: z.object({ id: z.uuid(), title: z.string() }),
  subject: z.object({ name: z.string(), nip: z.string() }).nullable(),
  /** The questions asked (once answered: the ones answered). */
  questions: z.array(followUpQuestionSchema),
  dueAt: z.string(),
  sentAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  /** Sent and not answered or expired: the form takes an answer. */
  open: z.boolean(),
  response: z.object({ answers: z.record(z.string(), surveyAnswerSchema), submittedAt: z.string() }).nullable(),
});
export type FollowUpForm = z.infer<typeof followUpFormSchema>;

/** POST /follow-ups/:id/response: `{answers: {<questionId>: 1..5 | text}}`; a second response is 409. */
export const followUpResponseInputSchema = z.strictObject({
  answers: z.record(z.string(), surveyAnswerSchema),
});
export type FollowUpResponseInput = z.infer<typeof followUpResponseInputSchema>;
