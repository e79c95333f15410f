import { DEFAULT_SURVEY } from '@cakap/evaluation';
import { createDataSource, createTestDatabase, type TestDatabase } from '@cakap/db';
import type { DataSource } from 'typeorm';

/**
 * Rows as the api and the worker write them, for this package's specs: each helper inserts the
 * smallest valid row. Not part of the build.
 */

export interface Db {
  ds: DataSource;
  close(): Promise<void>;
}

export async function testDb(name: string): Promise<Db> {
  const db: TestDatabase = await createTestDatabase(undefined, `cakap_reports_${name}`);
  const ds = createDataSource({ url: db.url, applicationName: `reports-${name}` });
  await ds.initialize();
  return {
    ds,
    async close() {
      await ds.destroy();
      await db.drop();
    },
  };
}

let nipSeq = 0;
/** A valid NIP (born 1986-09-26, appointed 2015-05, male), unique within the run. */
const nextNip = () => `1986092620150510${String(++nipSeq).padStart(2, '0')}`;

export async function unit(ds: DataSource, code: string, name: string, parentId: string | null = null): Promise<string> {
  const [r] = await ds.query(`INSERT INTO org_units (code, name, parent_id) VALUES ($1, $2, $3) RETURNING id`, [code, name, parentId]);
  return r.id;
}

export async function user(ds: DataSource, name: string, unitId: string, opts: { positionId?: string; active?: boolean; roles?: string[] } = {}): Promise<string> {
  const [r] = await ds.query(`INSERT INTO users (nip, name, org_unit_id, position_id, active, roles) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, [
    nextNip(),
    name,
    unitId,
    opts.positionId ?? null,
    opts.active ?? true,
    opts.roles ?? ['learner'],
  ]);
  return r.id;
}

/** A published course (version 1) owned by `ownerId`. */
export async function course(ds: DataSource, ownerId: string, title: string, jp = 3): Promise<string> {
  const [c] = await ds.query(`INSERT INTO courses (owner_id, title, jp, status, published_version) VALUES ($1, $2, $3, 'published', 1) RETURNING id`, [ownerId, title, jp]);
  await ds.query(`INSERT INTO course_authors (course_id, user_id, role) VALUES ($1, $2, 'owner')`, [c.id, ownerId]);
  await ds.query(
    `INSERT INTO course_versions (course_id, version, snapshot, hash, published_by, published_at, title, language, jp, module_count, lesson_count, search_text)
     VALUES ($1, 1, '{"content":{"modules":[]}}', repeat('0', 64), $2, now(), $3, 'id', $4, 0, 0, '')`,
    [c.id, ownerId, title, jp],
  );
  return c.id;
}

export async function enrol(ds: DataSource, userId: string, courseId: string, enrolledAt: string, completedAt: string | null = null): Promise<string> {
  const [e] = await ds.query(
    `INSERT INTO enrollments (user_id, course_id, version, status, enrolled_at, completed_at) VALUES ($1, $2, 1, $3, $4, $5) RETURNING id`,
    [userId, courseId, completedAt ? 'completed' : 'active', enrolledAt, completedAt],
  );
  return e.id;
}

/** A submitted attempt; `percent` null with status `needs_grading` (an essay waiting for its grader). */
export async function attempt(
  ds: DataSource,
  enrollmentId: string,
  role: 'pretest' | 'posttest' | 'graded',
  percent: number | null,
  submittedAt: string,
  attemptNo = 1,
): Promise<void> {
  await ds.query(
    `INSERT INTO quiz_attempts (enrollment_id, user_id, course_id, block_key, attempt_no, role, status, seed, items, pass_percent, review_policy, started_at, submitted_at, submitted_by, percent, score, max_score, passed)
     SELECT e.id, e.user_id, e.course_id, 'q-' || $2::text, $3, $2::text, $4, 1, '[]', 60, 'after_submit', $5::timestamptz - interval '10 minutes', $5, 'learner', $6::numeric, $6::numeric, 100, $6::numeric >= 60
       FROM enrollments e WHERE e.id = $1`,
    [enrollmentId, role, attemptNo, percent === null ? 'needs_grading' : 'graded', submittedAt, percent],
  );
}

/** A post-course survey response to the default questionnaire: every Likert question at `score`, and a comment. */
export async function surveyResponse(ds: DataSource, enrollmentId: string, score: number, submittedAt: string, comment = 'Materi sangat membantu'): Promise<void> {
  const answers = Object.fromEntries(DEFAULT_SURVEY.map((q) => [q.id, q.type === 'likert' ? score : comment]));
  await ds.query(
    `INSERT INTO survey_responses (enrollment_id, course_id, questions, answers, submitted_at) SELECT id, course_id, $2, $3, $4 FROM enrollments WHERE id = $1`,
    [enrollmentId, JSON.stringify(DEFAULT_SURVEY), JSON.stringify(answers), submittedAt],
  );
}

/** A JP ledger line; a course line names its enrolment (as completion books it). */
export async function hours(ds: DataSource, userId: string, year: number, jp: number, endDate: string, enrollmentId: string | null = null): Promise<void> {
  await ds.query(
    `INSERT INTO learning_hours (user_id, year, source, enrollment_id, course_id, title, jp, development_form, organiser, start_date, end_date)
     VALUES ($1, $2, $3, $4, (SELECT course_id FROM enrollments WHERE id = $4), 'Pelatihan', $5, 'NKL03', 'BKPSDMD', $6, $6)`,
    [userId, year, enrollmentId ? 'course' : 'classical', enrollmentId, jp, endDate],
  );
}

/** A follow-up questionnaire as the data contract stores it: one Likert question per dimension and a comment. */
const FOLLOW_UP_QUESTIONS = [
  { id: 'penerapan', type: 'likert', dimension: 'application', text: 'Saya menerapkan hasil kursus.', required: true },
  { id: 'peningkatan', type: 'likert', dimension: 'improvement', text: 'Hasil kerja saya meningkat.', required: true },
  { id: 'dukungan', type: 'likert', dimension: 'support', text: 'Atasan mendukung penerapan.', required: true },
  { id: 'contoh', type: 'text', text: 'Contoh penerapan?', required: false },
] as const;

/**
 * A follow-up request of the enrolment for `role` (the respondent is the learner, or `superiorId`);
 * when answered, each dimension given in `scores` is
 * answered with that score (the others are left out) and the comment with a sentence.
 */
export async function followUp(
  ds: DataSource,
  enrollmentId: string,
  role: 'learner' | 'superior',
  status: 'scheduled' | 'sent' | 'answered' | 'expired' | 'cancelled',
  dueAt: string,
  opts: { superiorId?: string; scores?: Partial<Record<'application' | 'improvement' | 'support', number>> } = {},
): Promise<void> {
  const [r] = await ds.query(
    `INSERT INTO follow_up_requests (enrollment_id, course_id, subject_id, respondent_id, respondent_role, due_at, status, sent_at, answered_at)
     SELECT e.id, e.course_id, e.user_id, coalesce($3::uuid, e.user_id), $2, $4::timestamptz, $5::text,
            CASE WHEN $5::text IN ('sent','answered','expired') THEN $4::timestamptz END,
            CASE WHEN $5::text = 'answered' THEN $4::timestamptz + interval '2 days' END
       FROM enrollments e WHERE e.id = $1 RETURNING id, course_id`,
    [enrollmentId, role, opts.superiorId ?? null, dueAt, status],
  );
  if (status !== 'answered') return;
  const answers: Record<string, number | string> = { contoh: 'Sudah diterapkan di kantor' };
  for (const q of FOLLOW_UP_QUESTIONS) {
    const score = q.type === 'likert' ? opts.scores?.[q.dimension] : undefined;
    if (score !== undefined) answers[q.id] = score;
  }
  await ds.query(`INSERT INTO follow_up_responses (request_id, course_id, respondent_role, questions, answers) VALUES ($1, $2, $3, $4, $5)`, [
    r.id,
    r.course_id,
    role,
    JSON.stringify(FOLLOW_UP_QUESTIONS),
    JSON.stringify(answers),
  ]);
}

/** Learning activity on a block of the enrolment at `at`. */
export async function activity(ds: DataSource, enrollmentId: string, at: Date): Promise<void> {
  await ds.query(`INSERT INTO block_progress (enrollment_id, block_key, viewed_at, updated_at) VALUES ($1, 'b1', $2, $2)`, [enrollmentId, at]);
}
