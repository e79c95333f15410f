import { FOLLOW_UP_DIMENSIONS, type ProgrammeReport } from '@cakap/contracts';
import { jakartaDate } from '@cakap/courses';
import type { Queryable } from '@cakap/db';
import { periodsUpTo, prePostGain, rankAspects, rate, round2, type AspectInput, type Period } from '@cakap/evaluation';
import { PAIRS_SQL, pairsOf, type PairRow } from './course-report';
import { followUps, LIKERT_SCORES, pooledSatisfaction, VALID_SCORE, type DimensionSums } from './likert';
import { JP_TARGET } from './org-unit-report';

/** The trend shows the period and this many before it. */
export const TREND_PERIODS = 4;


interface CourseRow {
  course_id: string;
  title: string;
  enrolled: number;
  completed: number;
}
interface CountRow {
  course_id: string;
  responses: number;
}
interface SumRow extends DimensionSums {
  course_id: string;
}

/**
 * What one period adds up to, per course: its cohort (the enrolments that began in the period:
 * how many, how many of them completed, their pre/post pairs) and the survey responses submitted
 * in the period (counts and pooled Likert sums per dimension). Four grouped queries.
 */
async function periodFigures(db: Queryable, p: Period) {
  const inPeriod = 'e.enrolled_at >= $1 AND e.enrolled_at < $2';
  const args = [p.start, p.end];
  const courses: CourseRow[] = await db.query(
    `SELECT e.course_id, c.title, count(*)::int AS enrolled, count(*) FILTER (WHERE e.status = 'completed')::int AS completed
       FROM enrollments e JOIN courses c ON c.id = e.course_id
      WHERE ${inPeriod}
      GROUP BY e.course_id, c.title
      ORDER BY enrolled DESC, lower(c.title), e.course_id`,
    args,
  );
  const pairs: PairRow[] = await db.query(PAIRS_SQL(inPeriod, 'e.course_id'), args);
  const responses: CountRow[] = await db.query(
    `SELECT course_id, count(*)::int AS responses FROM survey_responses WHERE submitted_at >= $1 AND submitted_at < $2 GROUP BY course_id`,
    args,
  );
  const sums: SumRow[] = await db.query(
    `SELECT r.course_id, q.dimension, count(*)::int AS answered, sum(q.score)::float8 AS total
       FROM survey_responses r ${LIKERT_SCORES('r')}
      WHERE r.submitted_at >= $1 AND r.submitted_at < $2 AND ${VALID_SCORE}
      GROUP BY r.course_id, q.dimension`,
    args,
  );
  const enrolled = courses.reduce((a, c) => a + c.enrolled, 0);
  const completed = courses.reduce((a, c) => a + c.completed, 0);
  const satisfaction = pooledSatisfaction(
    responses.reduce((a, r) => a + r.responses, 0),
    sums,
  );
  const gain = prePostGain(pairs.flatMap(pairsOf));
  return { courses, pairs, responses, sums, enrolled, completed, satisfaction, gain };
}

/**
 * The programme overview of an evaluation period (a WIB quarter or semester). Enrolment figures
 * follow the period's cohort: the enrolments begun in it, and how many of those are completed
 * (so the completion rate is a share of the same people); level 1 counts the responses
 * submitted in the period, level 3 the follow-ups due in it, JP the ledger lines ending in it.
 */
export async function computeProgrammeReport(db: Queryable, period: Period): Promise<Omit<ProgrammeReport, 'computedAt' | 'stale'>> {
  const periods = periodsUpTo(period, TREND_PERIODS);
  const all: Awaited<ReturnType<typeof periodFigures>>[] = [];
  // One period after the other: a report job holds one connection, never the pool.
  for (const p of periods) all.push(await periodFigures(db, p));
  const current = all[all.length - 1];

  const [activity] = await db.query(
    `SELECT count(DISTINCT e.user_id)::int AS learners FROM enrollments e
      WHERE (e.enrolled_at >= $1 AND e.enrolled_at < $2)
         OR (e.completed_at >= $1 AND e.completed_at < $2)
         OR EXISTS (SELECT 1 FROM block_progress bp WHERE bp.enrollment_id = e.id AND bp.updated_at >= $1 AND bp.updated_at < $2)`,
    [period.start, period.end],
  );
  // The JP ledger's dates are WIB calendar dates.
  const startDate = jakartaDate(period.start);
  const endDate = jakartaDate(period.end);
  const [jp] = await db.query(`SELECT coalesce(sum(jp), 0)::int AS total FROM learning_hours WHERE end_date >= $1 AND end_date < $2`, [startDate, endDate]);
  // The yearly 20 JP target as it stood at the end of the period (JP of the year booked by then).
  const [target] = await db.query(
    `SELECT count(*)::int AS asn, count(*) FILTER (WHERE coalesce(h.jp, 0) >= ${JP_TARGET})::int AS reached
       FROM users u
       LEFT JOIN (SELECT user_id, sum(jp) AS jp FROM learning_hours WHERE year = $1 AND end_date < $2 GROUP BY user_id) h ON h.user_id = u.id
      WHERE u.active`,
    [period.year, endDate],
  );
  const followUp = await followUps(db, 'r.due_at >= $1 AND r.due_at < $2', [period.start, period.end]);

  const completionRate = rate(current.completed, current.enrolled);
  const followUpResponses = followUp.learner.answered + followUp.superior.answered;
  const aspectInputs: AspectInput[] = [
    ...current.satisfaction.dimensions.map((d) => ({ key: `satisfaction.${d.dimension}`, kind: 'satisfaction' as const, value: d.mean, count: current.satisfaction.responseCount })),
    ...FOLLOW_UP_DIMENSIONS.map((dimension) => {
      // Both respondent roles rate the same dimension: pooled, each score weighing the same.
      const rows = [followUp.learner, followUp.superior].flatMap((r) => r.dimensions.filter((d) => d.dimension === dimension && d.mean !== null));
      const answered = rows.reduce((a, d) => a + d.answered, 0);
      const value = answered ? round2(rows.reduce((a, d) => a + (d.mean ?? 0) * d.answered, 0) / answered) : null;
      return { key: `followUp.${dimension}`, kind: 'followUp' as const, value, count: followUpResponses };
    }),
    { key: 'result.completionRate', kind: 'result', value: completionRate, count: current.enrolled },
    { key: 'result.normalisedGain', kind: 'result', value: current.gain.normalisedGain, count: current.gain.learners },
    { key: 'result.reached20JpShare', kind: 'result', value: rate(target.reached, target.asn), count: target.asn },
  ];
  const ranked = rankAspects(aspectInputs);

  const gainByCourse = new Map(current.pairs.map((r) => [r.group_id, prePostGain(pairsOf(r)).normalisedGain]));
  const satisfactionOf = (courseId: string) =>
    pooledSatisfaction(
      current.responses.find((r) => r.course_id === courseId)?.responses ?? 0,
      current.sums.filter((s) => s.course_id === courseId),
    ).mean;

  return {
    period: { key: period.key, start: period.start.toISOString(), end: period.end.toISOString() },
    enrolled: current.enrolled,
    completed: current.completed,
    completionRate,
    activeLearners: activity.learners,
    totalJp: jp.total,
    prePostGain: current.gain,
    satisfaction: current.satisfaction,
    followUp,
    trend: periods.map((p, i) => ({
      period: p.key,
      enrolled: all[i].enrolled,
      completed: all[i].completed,
      completionRate: rate(all[i].completed, all[i].enrolled),
      satisfaction: all[i].satisfaction.mean,
      normalisedGain: all[i].gain.normalisedGain,
    })),
    ...ranked,
    courses: current.courses.map((c) => ({
      courseId: c.course_id,
      title: c.title,
      enrolled: c.enrolled,
      completed: c.completed,
      completionRate: rate(c.completed, c.enrolled),
      satisfaction: satisfactionOf(c.course_id),
      normalisedGain: gainByCourse.get(c.course_id) ?? null,
    })),
  };
}
