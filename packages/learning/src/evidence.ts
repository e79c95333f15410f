import type { EvidenceSource } from '@cakap/contracts';
import { achievedLevel, courseEvidence } from '@cakap/competencies';
import { jakartaDate } from '@cakap/courses';
import type { DataSource } from 'typeorm';
import { rowsOf, type Queryable } from '@cakap/db';

/**
 * Competency evidence, the one write shared by the api (a course completed, a post-test
 * passed, an admin recording an assessment) and the worker (a quiz graded at its deadline).
 * Evidence is append-only; `competency_achievements` caches the level derived from it.
 */

/**
 * The achieved level of one learner in one competency, recomputed from all their evidence.
 * The transaction-scoped advisory lock serialises writers of the same pair: the second waits
 * for the first to commit and then reads (READ COMMITTED, a fresh snapshot per statement) the
 * evidence of both, so concurrent evidence can never leave a stale level behind.
 */
export async function refreshAchievement(tx: Queryable, userId: string, competencyId: string): Promise<number> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('competency_achievement:' || $1), hashtext($2))`, [userId, competencyId]);
  const evidence: { level: number; source: EvidenceSource; occurredOn: string; recordedAt: Date }[] = await tx.query(
    `SELECT level, source, occurred_on::text AS "occurredOn", created_at AS "recordedAt"
       FROM competency_evidence WHERE user_id = $1 AND competency_id = $2`,
    [userId, competencyId],
  );
  if (!evidence.length) return 0;
  const level = achievedLevel(evidence);
  await tx.query(
    `INSERT INTO competency_achievements (user_id, competency_id, level, evidence_count, updated_at)
     VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (user_id, competency_id) DO UPDATE SET level = EXCLUDED.level, evidence_count = EXCLUDED.evidence_count, updated_at = now()`,
    [userId, competencyId, level, evidence.length],
  );
  return level;
}

/**
 * Records what a completed enrolment proves: each target of its pinned course version at its
 * level — provided every post-test of that version has a passed attempt (`courseEvidence`).
 * Idempotent: the unique (enrollment_id, competency_id) key makes a second call a no-op, so
 * it may run at completion and again when a post-test is passed later. `at` is when the
 * evidence arose (the completion, or the passing of the post-test); its Jakarta date is the
 * evidence's date. Answers the competencies that got new evidence.
 */
export async function recordCourseEvidence(tx: Queryable, enrollmentId: string, at: Date): Promise<string[]> {
  const [e]: { userId: string; courseId: string; version: number; title: string; posttests: number; passed: number }[] = await tx.query(
    `SELECT e.user_id AS "userId", e.course_id AS "courseId", e.version, v.title,
            cardinality(p.keys) AS posttests,
            (SELECT count(DISTINCT a.block_key)::int FROM quiz_attempts a
              WHERE a.enrollment_id = e.id AND a.passed AND a.block_key = ANY(p.keys)) AS passed
       FROM enrollments e
       JOIN course_versions v ON v.course_id = e.course_id AND v.version = e.version
      CROSS JOIN LATERAL (
        SELECT coalesce(array_agg(k #>> '{}'), '{}') AS keys
          FROM jsonb_path_query(v.snapshot, '$.content.modules[*].lessons[*].blocks[*] ? (@.type == "quiz" && @.data.role == "posttest").key') k
      ) p
      WHERE e.id = $1 AND e.status = 'completed'`,
    [enrollmentId],
  );
  if (!e) return [];
  const targets: { competencyId: string; level: number }[] = await tx.query(
    `SELECT competency_id AS "competencyId", level FROM course_version_competencies WHERE course_id = $1 AND version = $2`,
    [e.courseId, e.version],
  );
  const proven = courseEvidence(targets, e.posttests === 0 ? 'none' : e.passed === e.posttests ? 'passed' : 'not_passed');
  if (!proven.length) return [];
  const inserted = rowsOf<{ competencyId: string }>(
    await tx.query(
      `INSERT INTO competency_evidence (user_id, competency_id, level, source, title, occurred_on, enrollment_id, course_id, course_version)
       SELECT $1, t.competency_id, t.level, 'course', $2, $3, $4, $5, $6
         FROM jsonb_to_recordset($7::jsonb) AS t(competency_id uuid, level int)
       ON CONFLICT (enrollment_id, competency_id) DO NOTHING
       RETURNING competency_id AS "competencyId"`,
      [
        e.userId,
        e.title,
        jakartaDate(at),
        enrollmentId,
        e.courseId,
        e.version,
        JSON.stringify(proven.map((p) => ({ competency_id: p.competencyId, level: p.level }))),
      ],
    ),
  );
  // One lock order for every writer (by competency id), so two transactions of one learner cannot deadlock.
  const touched = inserted.map((r) => r.competencyId).sort();
  for (const competencyId of touched) await refreshAchievement(tx, e.userId, competencyId);
  return touched;
}

/**
 * A post-test passed on an enrolment that may already be completed (completed without the
 * pass, when the quiz does not require one, or graded by a person later): the evidence the
 * completion withheld is recorded now. Nothing happens for other attempts or open enrolments.
 */
export async function recordPassedPosttest(
  ds: DataSource,
  attempt: { role: string; passed: boolean | null; enrollmentId: string },
  at: Date,
): Promise<void> {
  if (attempt.role !== 'posttest' || !attempt.passed) return;
  await ds.transaction((tx) => recordCourseEvidence(tx, attempt.enrollmentId, at));
}
