import { Injectable } from '@nestjs/common';
import type { SurveyQuestion } from '@cakap/contracts';
import type { StoredResponse, SurveyAnswers } from '@cakap/evaluation';
import type { Queryable } from '@cakap/db';
import { DataSource } from 'typeorm';

export interface SavedSurvey {
  questions: SurveyQuestion[];
  requiredForCertificate: boolean;
}

export interface LearnerEnrollment {
  id: string;
  userId: string;
  courseId: string;
  courseTitle: string;
  completed: boolean;
}

export interface OwnResponse {
  questions: SurveyQuestion[];
  answers: SurveyAnswers;
  submittedAt: Date;
}

/** Data access for course surveys and their responses. No rules here. */
@Injectable()
export class EvaluationRepository {
  constructor(readonly ds: DataSource) {}

  async survey(courseId: string, db: Queryable = this.ds): Promise<SavedSurvey | null> {
    const [row] = await db.query(
      `SELECT questions, required_for_certificate AS "requiredForCertificate" FROM course_surveys WHERE course_id = $1`,
      [courseId],
    );
    return row ?? null;
  }

  async saveSurvey(courseId: string, survey: SavedSurvey, userId: string): Promise<void> {
    await this.ds.query(
      `INSERT INTO course_surveys (course_id, questions, required_for_certificate, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (course_id) DO UPDATE SET questions = EXCLUDED.questions,
         required_for_certificate = EXCLUDED.required_for_certificate, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [courseId, JSON.stringify(survey.questions), survey.requiredForCertificate, userId],
    );
  }

  async deleteSurvey(courseId: string): Promise<void> {
    await this.ds.query(`DELETE FROM course_surveys WHERE course_id = $1`, [courseId]);
  }

  async responseCount(courseId: string): Promise<number> {
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM survey_responses WHERE course_id = $1`, [courseId]);
    return n;
  }

  /** Every response of a course, deliberately without the enrolment: reports are anonymous. */
  async anonymousResponses(courseId: string): Promise<StoredResponse[]> {
    return this.ds.query(`SELECT questions, answers FROM survey_responses WHERE course_id = $1`, [courseId]);
  }

  /** One enrolment of this learner, with its course title at the pinned version; someone else's is not found. */
  async enrollment(userId: string, id: string): Promise<LearnerEnrollment | null> {
    const [row] = await this.ds.query(
      `SELECT e.id, e.user_id AS "userId", e.course_id AS "courseId", v.title AS "courseTitle", e.status = 'completed' AS completed
         FROM enrollments e JOIN course_versions v ON v.course_id = e.course_id AND v.version = e.version
        WHERE e.id = $1 AND e.user_id = $2`,
      [id, userId],
    );
    return row ?? null;
  }

  async ownResponse(enrollmentId: string, db: Queryable = this.ds): Promise<OwnResponse | null> {
    const [row] = await db.query(`SELECT questions, answers, submitted_at AS "submittedAt" FROM survey_responses WHERE enrollment_id = $1`, [
      enrollmentId,
    ]);
    return row ?? null;
  }

  async insertResponse(db: Queryable, e: LearnerEnrollment, questions: readonly SurveyQuestion[], answers: SurveyAnswers): Promise<void> {
    await db.query(`INSERT INTO survey_responses (enrollment_id, course_id, questions, answers) VALUES ($1, $2, $3, $4)`, [
      e.id,
      e.courseId,
      JSON.stringify(questions),
      JSON.stringify(answers),
    ]);
  }

  /**
   * The outbox event that lets the worker's auto-issuance issue a certificate that waited for
   * this survey (packages/issuance auto.ts). At most one per enrolment.
   */
  async recordSubmitted(db: Queryable, e: LearnerEnrollment): Promise<void> {
    await db.query(
      `INSERT INTO domain_events (kind, aggregate_id, payload, dedupe_key) VALUES ('evaluation.submitted', $1, $2, $3)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [e.id, JSON.stringify({ enrollmentId: e.id, userId: e.userId, courseId: e.courseId }), `evaluation.submitted:${e.id}`],
    );
  }
}
