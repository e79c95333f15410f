import { Injectable } from '@nestjs/common';
import type { PendingGradingQuery } from '@cakap/contracts';
import type { Queryable } from '@cakap/db';
import { ATTEMPT_COLUMNS, toAttemptRow, type AttemptRow } from '@cakap/learning';
import type { AttemptItemRef, DrawCandidate } from '@cakap/quiz';
import { DataSource } from 'typeorm';

/** The learner's enrolment as a quiz needs it, with the block's attempts so far (one query). */
export interface QuizEnrollment {
  id: string;
  courseId: string;
  version: number;
  /** Attempts started on this block, open one included. */
  used: number;
  openId: string | null;
  /** The open attempt's deadline has passed (by the database's clock). */
  openExpired: boolean;
}

export interface AnswerRow {
  slot: number;
  answer: unknown;
  flagged: boolean;
  score: number | null;
  needsGrading: boolean;
  feedback: string | null;
  comment: string | null;
}

export interface NewAttempt {
  enrollmentId: string;
  userId: string;
  courseId: string;
  blockKey: string;
  role: string;
  seed: number;
  items: AttemptItemRef[];
  passPercent: number;
  reviewPolicy: string;
  timeLimitMinutes: number | null;
}

export interface AnswerWrite {
  slot: number;
  answer: unknown;
  /** undefined: the flag stays as it was. */
  flagged: boolean | undefined;
}

const candidates = (rows: { questionId: string; versionId: string; points: string }[]): DrawCandidate[] =>
  rows.map((r) => ({ questionId: r.questionId, versionId: r.versionId, points: Number(r.points) }));

/** Data access for attempts. Every learner-facing read is scoped by user_id (invariant 5). */
@Injectable()
export class QuizAttemptsRepository {
  constructor(private readonly ds: DataSource) {}

  async enrollment(userId: string, enrollmentId: string, blockKey: string): Promise<QuizEnrollment | null> {
    const rows = await this.ds.query(
      `SELECT e.id, e.course_id AS "courseId", e.version,
              (SELECT count(*)::int FROM quiz_attempts a WHERE a.enrollment_id = e.id AND a.block_key = $3) AS used,
              o.id AS "openId", COALESCE(o.deadline_at <= now(), false) AS "openExpired"
         FROM enrollments e
         LEFT JOIN quiz_attempts o ON o.enrollment_id = e.id AND o.block_key = $3 AND o.status = 'open'
        WHERE e.id = $1 AND e.user_id = $2`,
      [enrollmentId, userId, blockKey],
    );
    return rows[0] ?? null;
  }

  async ownsEnrollment(userId: string, enrollmentId: string): Promise<boolean> {
    const rows = await this.ds.query(`SELECT 1 FROM enrollments WHERE id = $1 AND user_id = $2`, [enrollmentId, userId]);
    return rows.length > 0;
  }

  /** The attempts of one block, newest first. */
  async attemptsOf(enrollmentId: string, blockKey: string): Promise<AttemptRow[]> {
    const rows = await this.ds.query(
      `SELECT ${ATTEMPT_COLUMNS} FROM quiz_attempts a JOIN enrollments e ON e.id = a.enrollment_id
        WHERE a.enrollment_id = $1 AND a.block_key = $2 ORDER BY a.attempt_no DESC`,
      [enrollmentId, blockKey],
    );
    return rows.map(toAttemptRow);
  }

  /** The listed questions' current versions, in the listed order; deleted questions are skipped. */
  async currentVersions(questionIds: string[]): Promise<DrawCandidate[]> {
    const rows = await this.ds.query(
      `SELECT q.id AS "questionId", v.id AS "versionId", v.points
         FROM unnest($1::uuid[]) WITH ORDINALITY AS l(id, n)
         JOIN questions q ON q.id = l.id AND q.deleted_at IS NULL
         JOIN question_banks b ON b.id = q.bank_id AND b.deleted_at IS NULL
         JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        ORDER BY l.n`,
      [questionIds],
    );
    return candidates(rows);
  }

  /** The live questions of a bank, or of a category with its sub-categories. */
  async pool(bankId: string, categoryId: string | null): Promise<DrawCandidate[]> {
    const rows = await this.ds.query(
      `WITH RECURSIVE cats AS (
         SELECT id FROM question_categories WHERE id = $2 AND bank_id = $1
         UNION ALL
         SELECT c.id FROM question_categories c JOIN cats ON c.parent_id = cats.id
       )
       SELECT q.id AS "questionId", v.id AS "versionId", v.points
         FROM questions q
         JOIN question_banks b ON b.id = q.bank_id AND b.deleted_at IS NULL
         JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE q.bank_id = $1 AND q.deleted_at IS NULL AND ($2::uuid IS NULL OR q.category_id IN (SELECT id FROM cats))`,
      [bankId, categoryId],
    );
    return candidates(rows);
  }

  /**
   * Starts an attempt unless one is open: the partial unique index (one open attempt per
   * enrolment and block) is the arbiter, so of two tabs starting at once one inserts and the
   * other gets null. The deadline is counted by the database's clock, like every check of it.
   */
  async insert(n: NewAttempt): Promise<AttemptRow | null> {
    const rows = await this.ds.query(
      `WITH ins AS (
         INSERT INTO quiz_attempts (enrollment_id, user_id, course_id, block_key, attempt_no, role, seed, items, pass_percent, review_policy, deadline_at)
         SELECT $1::uuid, $2::uuid, $3::uuid, $4::text,
                (SELECT COALESCE(max(attempt_no), 0) + 1 FROM quiz_attempts WHERE enrollment_id = $1::uuid AND block_key = $4::text),
                $5::text, $6::int, $7::jsonb, $8::int, $9::text, now() + make_interval(mins => $10::int)
         ON CONFLICT (enrollment_id, block_key) WHERE status = 'open' DO NOTHING
         RETURNING *
       )
       SELECT ${ATTEMPT_COLUMNS} FROM ins a JOIN enrollments e ON e.id = a.enrollment_id`,
      [n.enrollmentId, n.userId, n.courseId, n.blockKey, n.role, n.seed, JSON.stringify(n.items), n.passPercent, n.reviewPolicy, n.timeLimitMinutes],
    );
    return rows.length ? toAttemptRow(rows[0]) : null;
  }

  /** One attempt of this learner (or of anyone when userId is null) with its answers. */
  async find(attemptId: string, userId: string | null, db: Queryable = this.ds): Promise<{ attempt: AttemptRow; answers: AnswerRow[] } | null> {
    const rows = await db.query(
      `SELECT ${ATTEMPT_COLUMNS},
              COALESCE((SELECT json_agg(json_build_object('slot', x.slot, 'answer', x.answer, 'flagged', x.flagged, 'score', x.score,
                        'needsGrading', x.needs_grading, 'feedback', x.feedback, 'comment', x.comment))
                          FROM attempt_answers x WHERE x.attempt_id = a.id), '[]') AS answers
         FROM quiz_attempts a JOIN enrollments e ON e.id = a.enrollment_id
        WHERE a.id = $1 AND ($2::uuid IS NULL OR a.user_id = $2)`,
      [attemptId, userId],
    );
    if (!rows.length) return null;
    const answers = (rows[0].answers as AnswerRow[]).map((r) => ({ ...r, score: r.score === null ? null : Number(r.score) }));
    return { attempt: toAttemptRow(rows[0]), answers };
  }

  /** The immutable part of an attempt, for validating saves. */
  async itemsOf(attemptId: string): Promise<{ userId: string; items: AttemptItemRef[] } | null> {
    const rows = await this.ds.query(`SELECT user_id AS "userId", items FROM quiz_attempts WHERE id = $1`, [attemptId]);
    return rows[0] ?? null;
  }

  /**
   * Saves answers in one statement, only while the attempt is the caller's, open and before its
   * deadline (the attempt row is read in the same statement). Null when nothing was written.
   * An autosave commits without waiting for the WAL flush (synchronous_commit off, for this
   * statement only): a crash of Postgres can lose the last fraction of a second of autosaves,
   * which the player sends again with its next save — never a submission or a grade.
   */
  async saveAnswers(attemptId: string, userId: string, writes: AnswerWrite[]): Promise<{ savedAt: Date; deadlineAt: Date | null } | null> {
    const rows = await this.ds.query(
      `WITH a AS (
         SELECT id, deadline_at FROM quiz_attempts
          WHERE id = $1 AND user_id = $2 AND status = 'open' AND (deadline_at IS NULL OR deadline_at > now())
       ), w AS (
         INSERT INTO attempt_answers (attempt_id, slot, answer, flagged, saved_at)
         SELECT a.id, x.slot, x.answer, COALESCE(x.flagged, false), now()
           FROM a, jsonb_to_recordset($3::jsonb) AS x(slot int, answer jsonb, flagged boolean)
         ON CONFLICT (attempt_id, slot) DO UPDATE SET
           answer = EXCLUDED.answer,
           flagged = CASE WHEN EXCLUDED.slot = ANY($4::int[]) THEN EXCLUDED.flagged ELSE attempt_answers.flagged END,
           saved_at = now()
         RETURNING 1
       )
       SELECT now() AS "savedAt", a.deadline_at AS "deadlineAt", (SELECT count(*) FROM w)::int AS n
         FROM a, (SELECT set_config('synchronous_commit', 'off', true)) AS relaxed`,
      [
        attemptId,
        userId,
        JSON.stringify(writes.map((w) => ({ slot: w.slot, answer: w.answer, flagged: w.flagged ?? null }))),
        writes.filter((w) => w.flagged !== undefined).map((w) => w.slot),
      ],
    );
    return rows.length && rows[0].n > 0 ? { savedAt: rows[0].savedAt, deadlineAt: rows[0].deadlineAt } : null;
  }

  /** Why a save wrote nothing: not the caller's (null), submitted, or past its deadline. */
  async saveRefusal(attemptId: string, userId: string): Promise<'closed' | 'deadline' | null> {
    const rows = await this.ds.query(
      `SELECT status, (deadline_at IS NOT NULL AND deadline_at <= now()) AS expired FROM quiz_attempts WHERE id = $1 AND user_id = $2`,
      [attemptId, userId],
    );
    if (!rows.length) return null;
    return rows[0].status !== 'open' ? 'closed' : rows[0].expired ? 'deadline' : null;
  }

  /** Best graded pre-test and post-test of an enrolment (ties: the earliest). */
  async bestTests(enrollmentId: string): Promise<{ role: 'pretest' | 'posttest'; id: string; percent: string; submittedAt: Date }[]> {
    return this.ds.query(
      `SELECT DISTINCT ON (role) role, id, percent, submitted_at AS "submittedAt"
         FROM quiz_attempts
        WHERE enrollment_id = $1 AND status = 'graded' AND role IN ('pretest', 'posttest')
        ORDER BY role, percent DESC, submitted_at`,
      [enrollmentId],
    );
  }

  /** Answers waiting for a person, oldest submission first; `authorId` limits them to courses that user authors. */
  async pending(authorId: string | null, q: PendingGradingQuery) {
    const params: unknown[] = [authorId, q.courseId ?? null];
    const where = `x.needs_grading AND a.status = 'needs_grading'
      AND ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM course_authors ca WHERE ca.course_id = a.course_id AND ca.user_id = $1))
      AND ($2::uuid IS NULL OR a.course_id = $2)`;
    const [{ n }] = await this.ds.query(
      `SELECT count(*)::int AS n FROM attempt_answers x JOIN quiz_attempts a ON a.id = x.attempt_id WHERE ${where}`,
      params,
    );
    params.push(q.pageSize, (q.page - 1) * q.pageSize);
    const rows: {
      attemptId: string;
      slot: number;
      courseId: string;
      courseTitle: string;
      blockKey: string;
      learnerId: string;
      learnerName: string;
      nip: string;
      submittedAt: Date;
      seed: number;
      item: AttemptItemRef;
      answer: unknown;
    }[] = await this.ds.query(
      `SELECT a.id AS "attemptId", x.slot, a.course_id AS "courseId", c.title AS "courseTitle", a.block_key AS "blockKey",
              u.id AS "learnerId", u.name AS "learnerName", u.nip, a.submitted_at AS "submittedAt", a.seed,
              (SELECT i FROM jsonb_array_elements(a.items) i WHERE (i->>'slot')::int = x.slot) AS item, x.answer
         FROM attempt_answers x
         JOIN quiz_attempts a ON a.id = x.attempt_id
         JOIN courses c ON c.id = a.course_id
         JOIN users u ON u.id = a.user_id
        WHERE ${where}
        ORDER BY a.submitted_at, a.id, x.slot
        LIMIT $3 OFFSET $4`,
      params,
    );
    return { rows, total: n as number };
  }

  /** Locks an attempt for grading by a person; `authorId` limits it to courses that user authors. */
  async lockForGrading(db: Queryable, attemptId: string, authorId: string | null): Promise<AttemptRow | null> {
    const rows = await db.query(
      `SELECT ${ATTEMPT_COLUMNS} FROM quiz_attempts a JOIN enrollments e ON e.id = a.enrollment_id
        WHERE a.id = $1 AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM course_authors ca WHERE ca.course_id = a.course_id AND ca.user_id = $2))
        FOR UPDATE OF a`,
      [attemptId, authorId],
    );
    return rows.length ? toAttemptRow(rows[0]) : null;
  }

  async gradeAnswer(db: Queryable, attemptId: string, slot: number, score: number, max: number, comment: string, graderId: string): Promise<void> {
    await db.query(
      `UPDATE attempt_answers SET score = $3, max_score = $4, needs_grading = false, comment = $5, graded_by = $6, graded_at = now()
        WHERE attempt_id = $1 AND slot = $2`,
      [attemptId, slot, score, max, comment || null, graderId],
    );
  }

  async slotScores(db: Queryable, attemptId: string): Promise<Map<number, { score: number; needsGrading: boolean }>> {
    const rows: { slot: number; score: string | null; needsGrading: boolean }[] = await db.query(
      `SELECT slot, score, needs_grading AS "needsGrading" FROM attempt_answers WHERE attempt_id = $1`,
      [attemptId],
    );
    return new Map(rows.map((r) => [r.slot, { score: Number(r.score ?? 0), needsGrading: r.needsGrading }]));
  }

  async setTotals(db: Queryable, attemptId: string, t: { status: string; score: number; max: number; percent: number; passed: boolean | null }): Promise<void> {
    await db.query(`UPDATE quiz_attempts SET status = $2, score = $3, max_score = $4, percent = $5, passed = $6 WHERE id = $1`, [
      attemptId,
      t.status,
      t.score,
      t.max,
      t.percent,
      t.passed,
    ]);
  }
}
