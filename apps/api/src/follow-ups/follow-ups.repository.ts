import { Injectable } from '@nestjs/common';
import { FOLLOW_UP_DEFAULTS, type CourseFollowUpSettings, type FollowUpQuestion, type FollowUpRole, type FollowUpStatus, type MyFollowUpsQuery } from '@cakap/contracts';
import type { Queryable } from '@cakap/db';
import type { StoredFollowUpResponse, SurveyAnswers } from '@cakap/evaluation';
import { DataSource } from 'typeorm';
import { likeEscape } from '../common/sql';

/** A course's saved follow-up settings (null questions = the default questionnaire). */
export type SavedFollowUp = CourseFollowUpSettings;

/** A request as its respondent reads it. */
export interface RequestRow {
  id: string;
  courseId: string;
  courseTitle: string;
  role: FollowUpRole;
  status: FollowUpStatus;
  subjectName: string;
  subjectNip: string;
  dueAt: Date;
  sentAt: Date | null;
  answeredAt: Date | null;
  reminderDays: number;
  maxReminders: number;
}

export interface OwnFollowUpResponse {
  questions: FollowUpQuestion[];
  answers: SurveyAnswers;
  submittedAt: Date;
}

const D = FOLLOW_UP_DEFAULTS;
const REQUEST_COLUMNS = `r.id, r.course_id AS "courseId", v.title AS "courseTitle", r.respondent_role AS role, r.status,
  s.name AS "subjectName", s.nip AS "subjectNip", r.due_at AS "dueAt", r.sent_at AS "sentAt", r.answered_at AS "answeredAt",
  coalesce(f.reminder_days, ${D.reminderDays}) AS "reminderDays", coalesce(f.max_reminders, ${D.maxReminders}) AS "maxReminders"`;
const REQUEST_FROM = `follow_up_requests r
  JOIN enrollments e ON e.id = r.enrollment_id
  JOIN course_versions v ON v.course_id = e.course_id AND v.version = e.version
  JOIN users s ON s.id = r.subject_id
  LEFT JOIN course_follow_ups f ON f.course_id = r.course_id`;

/** What each status filter of "my follow-ups" lists; without one, all but cancelled ones and other people's upcoming. */
const STATUS_FILTER: Record<NonNullable<MyFollowUpsQuery['status']> | 'all', string> = {
  sent: `r.status = 'sent'`,
  answered: `r.status = 'answered'`,
  expired: `r.status = 'expired'`,
  // A superior learns of a request when it is sent; only the learner sees their own coming.
  scheduled: `r.status = 'scheduled' AND r.respondent_role = 'learner'`,
  all: `(r.status IN ('sent', 'answered', 'expired') OR (r.status = 'scheduled' AND r.respondent_role = 'learner'))`,
};

/** Data access for follow-up settings, requests and responses. No rules here. */
@Injectable()
export class FollowUpsRepository {
  constructor(readonly ds: DataSource) {}

  async settings(courseId: string, db: Queryable = this.ds): Promise<SavedFollowUp | null> {
    const [row] = await db.query(
      `SELECT enabled, weeks_after AS "weeksAfter", include_superior AS "includeSuperior", reminder_days AS "reminderDays",
              max_reminders AS "maxReminders", learner_questions AS "learnerQuestions", superior_questions AS "superiorQuestions"
         FROM course_follow_ups WHERE course_id = $1`,
      [courseId],
    );
    return row ?? null;
  }

  async saveSettings(courseId: string, s: SavedFollowUp, userId: string): Promise<void> {
    await this.ds.query(
      `INSERT INTO course_follow_ups (course_id, enabled, weeks_after, include_superior, reminder_days, max_reminders, learner_questions, superior_questions, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (course_id) DO UPDATE SET enabled = EXCLUDED.enabled, weeks_after = EXCLUDED.weeks_after,
         include_superior = EXCLUDED.include_superior, reminder_days = EXCLUDED.reminder_days, max_reminders = EXCLUDED.max_reminders,
         learner_questions = EXCLUDED.learner_questions, superior_questions = EXCLUDED.superior_questions,
         updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [
        courseId,
        s.enabled,
        s.weeksAfter,
        s.includeSuperior,
        s.reminderDays,
        s.maxReminders,
        s.learnerQuestions && JSON.stringify(s.learnerQuestions),
        s.superiorQuestions && JSON.stringify(s.superiorQuestions),
        userId,
      ],
    );
  }

  async deleteSettings(courseId: string): Promise<void> {
    await this.ds.query(`DELETE FROM course_follow_ups WHERE course_id = $1`, [courseId]);
  }

  /** Counts per role: sent = delivered whatever became of them since (the reports' definition). */
  async counts(courseId: string, role: FollowUpRole): Promise<{ sent: number; answered: number; scheduled: number }> {
    const [row] = await this.ds.query(
      `SELECT count(*) FILTER (WHERE status IN ('sent', 'answered', 'expired'))::int AS sent,
              count(*) FILTER (WHERE status = 'answered')::int AS answered,
              count(*) FILTER (WHERE status = 'scheduled')::int AS scheduled
         FROM follow_up_requests WHERE course_id = $1 AND respondent_role = $2`,
      [courseId, role],
    );
    return row;
  }

  /** Every response of a course and role, deliberately without the request: summaries are anonymous. */
  async anonymousResponses(courseId: string, role: FollowUpRole): Promise<StoredFollowUpResponse[]> {
    return this.ds.query(`SELECT questions, answers FROM follow_up_responses WHERE course_id = $1 AND respondent_role = $2`, [courseId, role]);
  }

  async mine(userId: string, q: MyFollowUpsQuery): Promise<{ items: RequestRow[]; total: number }> {
    const params: unknown[] = [userId];
    let where = `r.respondent_id = $1 AND ${STATUS_FILTER[q.status ?? 'all']}`;
    if (q.q) {
      params.push(`%${likeEscape(q.q.toLowerCase())}%`, `${likeEscape(q.q.replace(/\s/g, ''))}%`);
      // The learner's own requests are about themselves: only a superior's match the employee.
      where += ` AND (lower(v.title) LIKE $2 OR (r.respondent_role = 'superior' AND (lower(s.name) LIKE $2 OR s.nip LIKE $3)))`;
    }
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM ${REQUEST_FROM} WHERE ${where}`, params);
    const items: RequestRow[] = await this.ds.query(
      `SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM} WHERE ${where}
        ORDER BY (r.status = 'sent') DESC, coalesce(r.answered_at, r.sent_at, r.due_at) DESC, r.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { items, total };
  }

  /** A request of this respondent (locked in a transaction); anyone else's is not found. */
  async request(userId: string, id: string, db: Queryable = this.ds, lock = false): Promise<RequestRow | null> {
    const [row] = await db.query(
      `SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM} WHERE r.id = $1 AND r.respondent_id = $2 ${lock ? 'FOR UPDATE OF r' : ''}`,
      [id, userId],
    );
    return row ?? null;
  }

  async ownResponse(requestId: string): Promise<OwnFollowUpResponse | null> {
    const [row] = await this.ds.query(`SELECT questions, answers, submitted_at AS "submittedAt" FROM follow_up_responses WHERE request_id = $1`, [
      requestId,
    ]);
    return row ?? null;
  }

  /** The response and the request's new status, in the caller's transaction. */
  async insertResponse(db: Queryable, r: RequestRow, questions: readonly FollowUpQuestion[], answers: SurveyAnswers): Promise<void> {
    await db.query(`INSERT INTO follow_up_responses (request_id, course_id, respondent_role, questions, answers) VALUES ($1, $2, $3, $4, $5)`, [
      r.id,
      r.courseId,
      r.role,
      JSON.stringify(questions),
      JSON.stringify(answers),
    ]);
    await db.query(`UPDATE follow_up_requests SET status = 'answered', answered_at = now() WHERE id = $1`, [r.id]);
  }
}
