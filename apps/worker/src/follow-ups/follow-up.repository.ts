import { Inject, Injectable } from '@nestjs/common';
import { FOLLOW_UP_DEFAULTS, type FollowUpRole } from '@cakap/contracts';
import { rowsOf, type Queryable } from '@cakap/db';
import type { ReminderPolicy } from '@cakap/evaluation';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../core/tokens';

/** A course's follow-up settings as the worker needs them (an absent row = the defaults). */
export interface FollowUpPolicy extends ReminderPolicy {
  enabled: boolean;
  weeksAfter: number;
  includeSuperior: boolean;
}

/** A request locked for one step of its life, with what its notification says. */
export interface LockedRequest {
  id: string;
  status: string;
  role: FollowUpRole;
  respondentId: string;
  dueAt: Date;
  sentAt: Date | null;
  remindersSent: number;
  courseTitle: string;
  subjectName: string;
  policy: FollowUpPolicy;
}

export interface NewRequest {
  enrollmentId: string;
  courseId: string;
  subjectId: string;
  respondentId: string;
  role: FollowUpRole;
  dueAt: Date;
}

const D = FOLLOW_UP_DEFAULTS;
/** The settings columns with the defaults filled in, for a `LEFT JOIN course_follow_ups f`. */
const POLICY_COLUMNS = `coalesce(f.enabled, ${D.enabled}) AS enabled, coalesce(f.weeks_after, ${D.weeksAfter}) AS "weeksAfter",
  coalesce(f.include_superior, ${D.includeSuperior}) AS "includeSuperior", coalesce(f.reminder_days, ${D.reminderDays}) AS "reminderDays",
  coalesce(f.max_reminders, ${D.maxReminders}) AS "maxReminders"`;

/** A completed enrolment, as the scheduler needs it. */
export interface Completion {
  enrollmentId: string;
  userId: string;
  courseId: string;
  completedAt: Date;
}

/** Data access of the follow-up worker. No rules here. */
@Injectable()
export class FollowUpRepository {
  constructor(@Inject(DATA_SOURCE) readonly ds: DataSource) {}

  async policies(db: Queryable, courseIds: readonly string[]): Promise<Map<string, FollowUpPolicy>> {
    const rows: Array<FollowUpPolicy & { courseId: string }> = await db.query(
      `SELECT c.id AS "courseId", ${POLICY_COLUMNS} FROM unnest($1::uuid[]) AS c(id) LEFT JOIN course_follow_ups f ON f.course_id = c.id`,
      [courseIds],
    );
    return new Map(rows.map(({ courseId, ...p }) => [courseId, p]));
  }

  /**
   * The completed enrolments behind these events, read from `enrollments` (the record), not from
   * the event payloads: an event whose enrolment is gone or not completed schedules nothing.
   */
  async completions(db: Queryable, enrollmentIds: readonly string[]): Promise<Completion[]> {
    return db.query(
      `SELECT id AS "enrollmentId", user_id AS "userId", course_id AS "courseId", completed_at AS "completedAt"
         FROM enrollments WHERE id = ANY($1::uuid[]) AND status = 'completed'`,
      [enrollmentIds],
    );
  }

  /** Each learner's direct superior, when they have one whose account is active. */
  async activeSupervisors(db: Queryable, userIds: readonly string[]): Promise<Map<string, string>> {
    const rows: Array<{ userId: string; supervisorId: string }> = await db.query(
      `SELECT u.id AS "userId", s.id AS "supervisorId" FROM users u JOIN users s ON s.id = u.supervisor_id AND s.active WHERE u.id = ANY($1::uuid[])`,
      [userIds],
    );
    return new Map(rows.map((r) => [r.userId, r.supervisorId]));
  }

  /** Inserts the requests; one per enrolment and role already there is kept. Answers the new ones. */
  async insertRequests(db: Queryable, rs: readonly NewRequest[]): Promise<Array<{ id: string; dueAt: Date }>> {
    if (!rs.length) return [];
    return db.query(
      `INSERT INTO follow_up_requests (enrollment_id, course_id, subject_id, respondent_id, respondent_role, due_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::timestamptz[])
       ON CONFLICT (enrollment_id, respondent_role) DO NOTHING
       RETURNING id, due_at AS "dueAt"`,
      [rs.map((r) => r.enrollmentId), rs.map((r) => r.courseId), rs.map((r) => r.subjectId), rs.map((r) => r.respondentId), rs.map((r) => r.role), rs.map((r) => r.dueAt)],
    );
  }

  /** The request under a row lock (two jobs for one request take turns), or null when gone. */
  async lock(db: Queryable, id: string): Promise<LockedRequest | null> {
    const [row] = await db.query(
      `SELECT r.id, r.status, r.respondent_role AS role, r.respondent_id AS "respondentId", r.due_at AS "dueAt", r.sent_at AS "sentAt",
              r.reminders_sent AS "remindersSent", v.title AS "courseTitle", s.name AS "subjectName", ${POLICY_COLUMNS}
         FROM follow_up_requests r
         JOIN enrollments e ON e.id = r.enrollment_id
         JOIN course_versions v ON v.course_id = e.course_id AND v.version = e.version
         JOIN users s ON s.id = r.subject_id
         LEFT JOIN course_follow_ups f ON f.course_id = r.course_id
        WHERE r.id = $1
        FOR UPDATE OF r`,
      [id],
    );
    if (!row) return null;
    const { enabled, weeksAfter, includeSuperior, reminderDays, maxReminders, ...rest } = row;
    return { ...rest, policy: { enabled, weeksAfter, includeSuperior, reminderDays, maxReminders } };
  }

  async close(db: Queryable, id: string, status: 'cancelled' | 'expired'): Promise<void> {
    await db.query(`UPDATE follow_up_requests SET status = $2 WHERE id = $1`, [id, status]);
  }

  /** Answers the new sent_at (the database's clock, which the schedule is computed from). */
  async markSent(db: Queryable, id: string): Promise<Date> {
    const [row] = rowsOf<{ sentAt: Date }>(await db.query(`UPDATE follow_up_requests SET status = 'sent', sent_at = now() WHERE id = $1 RETURNING sent_at AS "sentAt"`, [id]));
    return row.sentAt;
  }

  async markReminded(db: Queryable, id: string, reminder: number): Promise<void> {
    await db.query(`UPDATE follow_up_requests SET reminders_sent = $2, last_reminded_at = now() WHERE id = $1`, [id, reminder]);
  }

  /** Scheduled requests whose date has come (their job was lost, or never added). */
  async dueScheduled(limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT id FROM follow_up_requests WHERE status = 'scheduled' AND due_at <= now() ORDER BY due_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Sent requests whose next step is overdue: reminder n+1 (n sent so far) while n is below the
   * maximum, else closing; both fall (min(n, max) + 1) periods after sending.
   */
  async overdueSent(limit: number): Promise<Array<{ id: string; next: number }>> {
    return this.ds.query(
      `SELECT r.id, r.reminders_sent + 1 AS next
         FROM follow_up_requests r LEFT JOIN course_follow_ups f ON f.course_id = r.course_id
        WHERE r.status = 'sent'
          AND r.sent_at + (least(r.reminders_sent, coalesce(f.max_reminders, ${D.maxReminders})) + 1)
                        * coalesce(f.reminder_days, ${D.reminderDays}) * interval '1 day' <= now()
        ORDER BY r.sent_at LIMIT $1`,
      [limit],
    );
  }
}
