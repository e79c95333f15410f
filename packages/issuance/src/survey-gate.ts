import type { Queryable } from '@cakap/db';

/**
 * The evaluation gate (issue 8): a course whose post-course survey is required for the
 * certificate issues none before the learner answered it. One rule for both ways of issuing:
 * the automatic consumer (auto.ts) waits, a bulk batch fails the item (issue.ts).
 * Answers which of these enrolments still owe their survey.
 */
export async function surveyPending(db: Queryable, enrollmentIds: readonly string[]): Promise<Set<string>> {
  if (!enrollmentIds.length) return new Set();
  const rows: { id: string }[] = await db.query(
    `SELECT e.id FROM enrollments e
       JOIN course_surveys s ON s.course_id = e.course_id AND s.required_for_certificate
      WHERE e.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM survey_responses r WHERE r.enrollment_id = e.id)`,
    [enrollmentIds],
  );
  return new Set(rows.map((r) => r.id));
}
