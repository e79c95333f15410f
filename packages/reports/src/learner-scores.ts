import type { CourseLearnerQuery, CourseLearnerRow, EnrollmentStatus } from '@cakap/contracts';
import { individualGain } from '@cakap/evaluation';

/**
 * Level 2 per enrolment, defined once for every report: the course and programme reports
 * average it, the course's learner list shows it row by row, so "pre" and "post" mean the same
 * everywhere. Three CTEs keyed by `enrollment_id`, over the enrolments picked by `where` (a
 * condition on `e`, the enrolment):
 * - `pre`: the earliest graded pre-test attempt (the knowledge brought in; a retake is no longer "pre");
 * - `post`: the best graded post-test attempt;
 * - `best`: the best graded quiz or post-test attempt (the course report's average score).
 * Postgres plans away a CTE nothing references, so a caller pays only for those it joins.
 * `a.course_id = e.course_id` always holds; saying it lets a course condition on `e` reach the
 * attempts' course index.
 */
export const LEARNER_SCORES_SQL = (where: string) => `
  pre AS (
    SELECT DISTINCT ON (a.enrollment_id) a.enrollment_id, a.percent
      FROM quiz_attempts a JOIN enrollments e ON e.id = a.enrollment_id AND e.course_id = a.course_id
     WHERE ${where} AND a.role = 'pretest' AND a.status = 'graded'
     ORDER BY a.enrollment_id, a.submitted_at, a.attempt_no
  ), post AS (
    SELECT a.enrollment_id, max(a.percent) AS percent
      FROM quiz_attempts a JOIN enrollments e ON e.id = a.enrollment_id AND e.course_id = a.course_id
     WHERE ${where} AND a.role = 'posttest' AND a.status = 'graded'
     GROUP BY a.enrollment_id
  ), best AS (
    SELECT a.enrollment_id, max(a.percent) AS percent
      FROM quiz_attempts a JOIN enrollments e ON e.id = a.enrollment_id AND e.course_id = a.course_id
     WHERE ${where} AND a.role IN ('graded', 'posttest') AND a.status = 'graded'
     GROUP BY a.enrollment_id
  )`;

/** A course's learner list row as Postgres returns it. */
export interface CourseLearnerDbRow {
  enrollment_id: string;
  user_id: string;
  nip: string;
  name: string;
  unit_name: string;
  status: EnrollmentStatus;
  enrolled_at: Date;
  completed_at: Date | null;
  pre: number | null;
  post: number | null;
  best: number | null;
  /** The size of the whole filtered list (the same on every row). */
  total: number;
}

/** What narrows and orders the list (the query without its paging). */
export interface CourseLearnerFilter {
  q?: string;
  status?: EnrollmentStatus;
  sort: CourseLearnerQuery['sort'];
}

/** Highest first with the learners lacking the figure last; the name, then the enrolment, break ties so paging is stable. */
const ORDER: Record<CourseLearnerQuery['sort'], string> = {
  name: 'u.name, u.nip, e.id',
  gain: '(post.percent - pre.percent) DESC NULLS LAST, u.name, u.nip, e.id',
  post: 'post.percent DESC NULLS LAST, u.name, u.nip, e.id',
};

/** LIKE wildcards typed by the user match themselves. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/**
 * The course's enrolments with their level 2 (`LEARNER_SCORES_SQL`), filtered and sorted as
 * the list asks; one page (`page`) or all of it (the export's cursor). Served straight from
 * the course's indexes (enrolments by course, attempts by course), no snapshot: a page is cheap
 * and, unlike the anonymous reports, names people, so it is never stored.
 */
export function courseLearnersSql(courseId: string, filter: CourseLearnerFilter, page?: { limit: number; offset: number }): { sql: string; params: unknown[] } {
  const params: unknown[] = [courseId];
  const where = ['e.course_id = $1'];
  if (filter.status) {
    params.push(filter.status);
    where.push(`e.status = $${params.length}`);
  }
  if (filter.q) {
    params.push(`%${likeEscape(filter.q.toLowerCase())}%`, `${likeEscape(filter.q.replace(/\s/g, ''))}%`);
    where.push(`(lower(u.name) LIKE $${params.length - 1} OR u.nip LIKE $${params.length})`);
  }
  let paging = '';
  if (page) {
    params.push(page.limit, page.offset);
    paging = `LIMIT $${params.length - 1} OFFSET $${params.length}`;
  }
  const sql = `
    WITH ${LEARNER_SCORES_SQL('e.course_id = $1')}
    SELECT e.id AS enrollment_id, u.id AS user_id, u.nip, u.name, o.name AS unit_name,
           e.status, e.enrolled_at, e.completed_at,
           pre.percent::float8 AS pre, post.percent::float8 AS post, best.percent::float8 AS best,
           count(*) OVER ()::int AS total
      FROM enrollments e
      JOIN users u ON u.id = e.user_id
      JOIN org_units o ON o.id = u.org_unit_id
      LEFT JOIN pre ON pre.enrollment_id = e.id
      LEFT JOIN post ON post.enrollment_id = e.id
      LEFT JOIN best ON best.enrollment_id = e.id
     WHERE ${where.join(' AND ')}
     ORDER BY ${ORDER[filter.sort]}
     ${paging}`;
  return { sql, params };
}

/** A row as the contract has it: the gain and g by the rules of @cakap/evaluation. */
export function toCourseLearnerRow(r: CourseLearnerDbRow): CourseLearnerRow {
  return {
    enrollmentId: r.enrollment_id,
    userId: r.user_id,
    nip: r.nip,
    name: r.name,
    unitName: r.unit_name,
    status: r.status,
    enrolledAt: new Date(r.enrolled_at).toISOString(),
    completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
    pre: r.pre,
    post: r.post,
    ...individualGain(r.pre, r.post),
    bestScore: r.best,
  };
}
