import type { CourseReport, SurveyQuestion, SurveySummary } from '@cakap/contracts';
import type { Queryable } from '@cakap/db';
import { DEFAULT_SURVEY, mean, median, prePostGain, rate, round2, summarize, type StoredResponse } from '@cakap/evaluation';
import { LEARNER_SCORES_SQL } from './learner-scores';
import { followUps } from './likert';

/** "Active": learning activity (block progress) within this many days before the report. */
export const ACTIVE_DAYS = 30;

/**
 * Level 2 of a set of enrolments, picked by `where` (a condition on `e`, the enrolment), with
 * pre and post as `LEARNER_SCORES_SQL` defines them. Only enrolments with both count. The pairs
 * come back as two parallel arrays (one row), for `prePostGain`.
 */
export const PAIRS_SQL = (where: string, groupBy = '') => `
  WITH ${LEARNER_SCORES_SQL(where)}
  SELECT ${groupBy ? `${groupBy} AS group_id,` : ''}
         coalesce(array_agg(pre.percent::float8), '{}') AS pre,
         coalesce(array_agg(post.percent::float8), '{}') AS post
    FROM pre JOIN post USING (enrollment_id) JOIN enrollments e ON e.id = pre.enrollment_id
   ${groupBy ? `GROUP BY ${groupBy}` : ''}`;

export interface PairRow {
  group_id?: string;
  pre: number[];
  post: number[];
}
export const pairsOf = (r: PairRow | undefined) => (r ? r.pre.map((pre, i) => ({ pre, post: r.post[i] })) : []);

/** Every month from the first to the last (YYYY-MM), so a chart shows quiet months as zero. */
function fillMonths(rows: CourseReport['monthly']): CourseReport['monthly'] {
  if (!rows.length) return [];
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const out: CourseReport['monthly'] = [];
  let [y, m] = rows[0].month.split('-').map(Number);
  const last = rows[rows.length - 1].month;
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(byMonth.get(month) ?? { month, enrolled: 0, completed: 0 });
    if (month >= last) return out;
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

/** The mean of every Likert answer of a summary, from its per-question distributions (null while hidden). */
function overallMean(summary: SurveySummary): number | null {
  let n = 0;
  let total = 0;
  for (const q of summary.questions) {
    q.distribution?.forEach((count, i) => {
      n += count;
      total += count * (i + 1);
    });
  }
  return n ? round2(total / n) : null;
}

/**
 * The course report: enrolments and completions, level 1 (the survey's anonymous summary over
 * the current questionnaire, as the studio shows it), level 2 and level 3. `now` fixes "active".
 */
export async function computeCourseReport(db: Queryable, courseId: string, now: Date): Promise<Omit<CourseReport, 'computedAt' | 'stale'> | null> {
  const [course] = await db.query(`SELECT id, title FROM courses WHERE id = $1`, [courseId]);
  if (!course) return null;
  const activeSince = new Date(now.getTime() - ACTIVE_DAYS * 86_400_000);
  const [figures] = await db.query(
    `SELECT count(*)::int AS enrolled,
            count(*) FILTER (WHERE e.status = 'completed')::int AS completed,
            count(*) FILTER (WHERE e.status <> 'completed' AND EXISTS (
              SELECT 1 FROM block_progress bp WHERE bp.enrollment_id = e.id AND bp.updated_at >= $2))::int AS active,
            coalesce(array_agg(extract(epoch FROM e.completed_at - e.enrolled_at)::float8 / 86400)
                     FILTER (WHERE e.completed_at IS NOT NULL), '{}') AS days
       FROM enrollments e WHERE e.course_id = $1`,
    [courseId, activeSince],
  );
  const [scores] = await db.query(`WITH ${LEARNER_SCORES_SQL('e.course_id = $1')} SELECT coalesce(array_agg(percent::float8), '{}') AS best FROM best`, [courseId]);
  const [pairs] = await db.query(PAIRS_SQL('e.course_id = $1'), [courseId]);
  const monthly = await db.query(
    `WITH ev AS (
       SELECT to_char(enrolled_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM') AS month, 1 AS enrolled, 0 AS completed FROM enrollments WHERE course_id = $1
       UNION ALL
       SELECT to_char(completed_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM'), 0, 1 FROM enrollments WHERE course_id = $1 AND completed_at IS NOT NULL)
     SELECT month, sum(enrolled)::int AS enrolled, sum(completed)::int AS completed FROM ev GROUP BY month ORDER BY month`,
    [courseId],
  );
  const [survey] = await db.query(`SELECT questions FROM course_surveys WHERE course_id = $1`, [courseId]);
  // Responses without their enrolment: a report never needs to know whose answer is whose.
  const responses: StoredResponse[] = await db.query(`SELECT questions, answers FROM survey_responses WHERE course_id = $1`, [courseId]);
  const summary = summarize((survey?.questions as SurveyQuestion[] | undefined) ?? DEFAULT_SURVEY, responses, { courseId });

  return {
    courseId,
    courseTitle: course.title,
    enrolled: figures.enrolled,
    active: figures.active,
    completed: figures.completed,
    completionRate: rate(figures.completed, figures.enrolled),
    medianDaysToComplete: median(figures.days),
    averageScore: mean(scores.best),
    prePostGain: prePostGain(pairsOf(pairs)),
    satisfaction: {
      responseCount: summary.responseCount,
      minimumResponses: summary.minimumResponses,
      mean: overallMean(summary),
      dimensions: summary.dimensions,
    },
    followUp: await followUps(db, 'r.course_id = $1', [courseId]),
    monthly: fillMonths(monthly),
  };
}
