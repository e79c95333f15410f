import { z } from 'zod';
import { pageQuerySchema } from './common';
import { enrollmentStatusSchema, isoDateSchema } from './learning';

/**
 * Mandatory training (issue 4): an admin assigns a published course to a unit (optionally with
 * its sub-units), a position or listed users, with a due date. Targets are resolved at read
 * time from each learner's current unit, position and id.
 */

export const ASSIGNMENT_TARGET_KINDS = ['org_unit', 'position', 'users'] as const;
export const assignmentTargetKindSchema = z.enum(ASSIGNMENT_TARGET_KINDS);
export type AssignmentTargetKind = z.infer<typeof assignmentTargetKindSchema>;

/** Message keys of the assignment rules (catalogue in i18n.ts). */
export const ASSIGNMENT_MESSAGES = {
  oneTarget: 'assignments.oneTarget',
  dueInPast: 'assignments.dueInPast',
  courseNotPublished: 'assignments.courseNotPublished',
  unknownTarget: 'assignments.unknownTarget',
} as const;

/** POST /course-assignments (admin): exactly one target of unit, position or listed users. */
export const createAssignmentSchema = z
  .strictObject({
    courseId: z.uuid(),
    orgUnitId: z.uuid().nullish(),
    includeSubUnits: z.boolean().optional(),
    positionId: z.uuid().nullish(),
    userIds: z.array(z.uuid()).min(1).max(1000).nullish(),
    /** The deadline, a date in Asia/Jakarta; not before today. */
    dueAt: isoDateSchema,
    note: z.string().trim().max(1000).nullish(),
  })
  .refine((v) => [v.orgUnitId, v.positionId, v.userIds].filter((t) => t != null).length === 1, {
    path: ['orgUnitId'],
    message: ASSIGNMENT_MESSAGES.oneTarget,
  });
export type CreateAssignment = z.infer<typeof createAssignmentSchema>;

export const assignmentSchema = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  courseTitle: z.string(),
  targetKind: assignmentTargetKindSchema,
  orgUnitId: z.uuid().nullable(),
  includeSubUnits: z.boolean(),
  positionId: z.uuid().nullable(),
  userIds: z.array(z.uuid()).nullable(),
  /** The unit's or position's name; null for listed users (the portal shows their count). */
  targetLabel: z.string().nullable(),
  dueAt: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  counts: z.object({
    assigned: z.number().int(),
    enrolled: z.number().int(),
    completed: z.number().int(),
    /** Assigned learners who have not completed the course after the due date. */
    overdue: z.number().int(),
  }),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const assignmentListQuerySchema = pageQuerySchema.extend({
  /** Cancelled assignments are listed only when asked for. */
  includeCancelled: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export type AssignmentListQuery = z.infer<typeof assignmentListQuerySchema>;

/** GET /me/assignments: a course assigned to me, with my enrolment in it if any. */
export const myAssignmentSchema = z.object({
  assignmentId: z.uuid(),
  courseId: z.uuid(),
  title: z.string(),
  jp: z.number().int(),
  dueAt: z.string(),
  overdue: z.boolean(),
  note: z.string().nullable(),
  enrollment: z
    .object({
      id: z.uuid(),
      status: enrollmentStatusSchema,
      percent: z.number().int().min(0).max(100),
    })
    .nullable(),
});
export type MyAssignment = z.infer<typeof myAssignmentSchema>;

export const myAssignmentsSchema = z.object({ items: z.array(myAssignmentSchema) });
export type MyAssignments = z.infer<typeof myAssignmentsSchema>;
