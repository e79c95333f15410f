import type { CourseMeta, EnrollmentStatus } from '@cakap/contracts';
import { jakartaDate, jakartaYear, summarizeProgress, type BlockState, type ContentTypes } from '@cakap/courses';
import type { DataSource } from 'typeorm';
import { recordCourseEvidence } from './evidence';
import type { SnapshotCache } from './snapshots';
import { notify, rowsOf, type Queryable } from '@cakap/db';

/** SIASN's "organiser" of Cakap's own courses (the instance's name is not configurable yet). */
export const COURSE_ORGANISER = 'Cakap e-learning';

/** The enrolment fields completion needs. */
export interface EnrollmentRef {
  id: string;
  userId: string;
  courseId: string;
  version: number;
  status: EnrollmentStatus;
  enrolledAt: Date;
}

/** Block progress of one enrolment, by block key. */
export async function blockStates(db: Queryable, enrollmentId: string): Promise<Map<string, BlockState>> {
  const rows: { key: string; viewedAt: Date | null; maxFraction: string; completedAt: Date | null }[] = await db.query(
    `SELECT block_key AS key, viewed_at AS "viewedAt", max_fraction AS "maxFraction", completed_at AS "completedAt"
       FROM block_progress WHERE enrollment_id = $1`,
    [enrollmentId],
  );
  return new Map(rows.map((r) => [r.key, { viewedAt: r.viewedAt, maxFraction: Number(r.maxFraction), completedAt: r.completedAt }]));
}

/**
 * Records a block as complete, decided by the server (a quiz graded and passed): the client
 * cannot complete such a block by reporting an event. The first completion wins (monotonic, as
 * every progress write).
 */
export async function recordBlockCompleted(db: Queryable, enrollmentId: string, blockKey: string, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO block_progress (enrollment_id, block_key, viewed_at, max_fraction, completed_at)
     VALUES ($1, $2, $3, 0, $3)
     ON CONFLICT (enrollment_id, block_key) DO UPDATE SET
       viewed_at = LEAST(block_progress.viewed_at, EXCLUDED.viewed_at),
       completed_at = COALESCE(block_progress.completed_at, EXCLUDED.completed_at),
       updated_at = now()`,
    [enrollmentId, blockKey, at],
  );
}

/**
 * Completes the enrolment exactly once: the conditional UPDATE (active → completed) lets one
 * caller through, and only that caller writes the JP ledger line (invariant 8), the outbox
 * event and the competency evidence of the version's targets, in the same transaction. The unique keys (ledger per enrolment, event dedupe key) are
 * the backstop. Answers whether this call completed it.
 */
export async function completeEnrollment(ds: DataSource, e: EnrollmentRef, meta: CourseMeta, at: Date): Promise<boolean> {
  const year = jakartaYear(at);
  return ds.transaction(async (tx) => {
    const updated = rowsOf<{ id: string }>(
      await tx.query(
        `UPDATE enrollments SET status = 'completed', completed_at = $2, updated_at = now()
          WHERE id = $1 AND status = 'active' RETURNING id`,
        [e.id, at],
      ),
    );
    if (!updated.length) return false;
    const [line] = await tx.query(
      `INSERT INTO learning_hours (user_id, year, source, enrollment_id, course_id, title, jp, development_form, organiser, start_date, end_date)
       VALUES ($1, $2, 'course', $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [e.userId, year, e.id, e.courseId, meta.title, meta.jp, meta.developmentForm, COURSE_ORGANISER, jakartaDate(new Date(e.enrolledAt)), jakartaDate(at)],
    );
    await tx.query(`INSERT INTO domain_events (kind, aggregate_id, payload, dedupe_key) VALUES ('enrollment.completed', $1, $2, $3)`, [
      e.id,
      JSON.stringify({
        enrollmentId: e.id,
        userId: e.userId,
        courseId: e.courseId,
        version: e.version,
        completedAt: at.toISOString(),
        jp: meta.jp,
        year,
        learningHoursId: line.id,
      }),
      `enrollment.completed:${e.id}`,
    ]);
    await recordCourseEvidence(tx, e.id, at);
    // Level 1 of the evaluation: the post-course survey opens now (every course has one, the
    // default questionnaire until its authors adapt it).
    await notify(tx, {
      userId: e.userId,
      kind: 'evaluation.surveyOpen',
      params: { course: meta.title },
      link: `/belajar/${e.id}/survei`,
      dedupeKey: `evaluation.surveyOpen:${e.id}`,
    });
    return true;
  });
}

/**
 * Completes the course when every block is done, exactly once — the same write whether the api
 * (a submitted quiz, a graded essay) or the worker (a quiz graded at its deadline) gets there
 * first. Answers whether this call completed the course.
 */
export async function completeCourseIfDone(ds: DataSource, types: ContentTypes, snapshots: SnapshotCache, enrollmentId: string, at: Date): Promise<boolean> {
  const [e]: EnrollmentRef[] = await ds.query(
    `SELECT id, user_id AS "userId", course_id AS "courseId", version, status, enrolled_at AS "enrolledAt" FROM enrollments WHERE id = $1`,
    [enrollmentId],
  );
  if (!e || e.status !== 'active') return false;
  const snapshot = await snapshots.get(e.courseId, e.version);
  const summary = summarizeProgress(snapshot.content, types, await blockStates(ds, e.id));
  if (!summary.courseComplete) return false;
  return completeEnrollment(ds, e, snapshot.meta, at);
}

/** Records a block completed by the server, then completes the course if that was the last thing missing. */
export async function completeBlock(
  ds: DataSource,
  types: ContentTypes,
  snapshots: SnapshotCache,
  enrollmentId: string,
  blockKey: string,
  at: Date,
): Promise<boolean> {
  await recordBlockCompleted(ds, enrollmentId, blockKey, at);
  return completeCourseIfDone(ds, types, snapshots, enrollmentId, at);
}
