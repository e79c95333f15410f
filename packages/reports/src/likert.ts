import { FOLLOW_UP_DIMENSIONS, SURVEY_DIMENSIONS, type CourseReport, type FollowUpDimension, type SurveyDimension } from '@cakap/contracts';
import { MINIMUM_RESPONSES, rate, round2 } from '@cakap/evaluation';
import type { Queryable } from '@cakap/db';

/**
 * Likert answers pooled in Postgres. A response stores the questions it answered (with their
 * dimension) next to its answers, so one lateral join over `questions` yields every score with
 * its dimension; Postgres sums them per group and only the sums travel. As in `summarize`, a
 * dimension mean pools every score (each answer weighs the same).
 *
 * `LIKERT_SCORES(alias)` is the FROM-clause tail for a response table aliased `alias`: it
 * adds `q.dimension` and `q.score` (1..5; anything else is not a Likert answer and is skipped).
 */
export const LIKERT_SCORES = (alias: string) => `
  CROSS JOIN LATERAL (
    SELECT q->>'dimension' AS dimension, (${alias}.answers->>(q->>'id'))::numeric AS score
      FROM jsonb_array_elements(${alias}.questions) q
     WHERE q->>'type' = 'likert' AND jsonb_typeof(${alias}.answers->(q->>'id')) = 'number'
  ) q`;
export const VALID_SCORE = `q.score BETWEEN 1 AND 5`;

/** Sums of one group's scores per dimension, as the pooling queries return them. */
export interface DimensionSums {
  dimension: string;
  answered: number;
  total: number;
}

/** A pooled mean, shown only when the group has enough responses (anonymity). */
const pooled = (shown: boolean, total: number, answered: number) => (shown && answered > 0 ? round2(total / answered) : null);

function dimensionsOf<D extends string>(order: readonly D[], sums: readonly DimensionSums[], shown: boolean) {
  return order
    .map((dimension) => ({ dimension, rows: sums.filter((s) => s.dimension === dimension) }))
    .filter((d) => d.rows.length > 0)
    .map(({ dimension, rows }) => {
      const answered = rows.reduce((a, r) => a + r.answered, 0);
      return { dimension, mean: pooled(shown, rows.reduce((a, r) => a + r.total, 0), answered), answered };
    });
}

function overall(sums: readonly DimensionSums[], shown: boolean): number | null {
  return pooled(
    shown,
    sums.reduce((a, r) => a + r.total, 0),
    sums.reduce((a, r) => a + r.answered, 0),
  );
}

/** Level 1 from pooled sums (several courses' responses together). */
export function pooledSatisfaction(responseCount: number, sums: readonly DimensionSums[]): CourseReport['satisfaction'] {
  const shown = responseCount >= MINIMUM_RESPONSES;
  return {
    responseCount,
    minimumResponses: MINIMUM_RESPONSES,
    mean: overall(sums, shown),
    dimensions: dimensionsOf<SurveyDimension>(SURVEY_DIMENSIONS, sums, shown),
  };
}

export type FollowUpResult = CourseReport['followUp']['learner'];

/**
 * Level 3 of one respondent role (the follow-up data contract): `sent` counts the requests
 * that went out (sent, answered or expired), `answered` those answered; the means come from the
 * responses, shown from MINIMUM_RESPONSES responses up.
 */
export function followUpResult(sent: number, answered: number, responses: number, sums: readonly DimensionSums[]): FollowUpResult {
  const shown = responses >= MINIMUM_RESPONSES;
  return {
    sent,
    answered,
    responseRate: rate(answered, sent),
    mean: overall(sums, shown),
    dimensions: dimensionsOf<FollowUpDimension>(FOLLOW_UP_DIMENSIONS, sums, shown),
  };
}

export const ROLES = ['learner', 'superior'] as const;
export type RespondentRole = (typeof ROLES)[number];

/** Rows of a follow-up pooling: per role, counts and per-dimension sums (see `followUpSql`). */
export interface FollowUpCountRow {
  role: RespondentRole;
  sent: number;
  answered: number;
  responses: number;
}
export interface FollowUpSumRow extends DimensionSums {
  role: RespondentRole;
}

/**
 * Both roles' results over the requests chosen by `where` (a condition on `r`, the
 * follow_up_requests row), with parameters `params`: two queries, both grouped in Postgres.
 */
export async function followUps(
  db: Queryable,
  where: string,
  params: unknown[],
): Promise<CourseReport['followUp']> {
  const counts = (await db.query(
    `SELECT r.respondent_role AS role,
            count(*) FILTER (WHERE r.status IN ('sent','answered','expired'))::int AS sent,
            count(*) FILTER (WHERE r.status = 'answered')::int AS answered,
            count(a.id)::int AS responses
       FROM follow_up_requests r
       LEFT JOIN follow_up_responses a ON a.request_id = r.id
      WHERE ${where}
      GROUP BY r.respondent_role`,
    params,
  )) as FollowUpCountRow[];
  const sums = (await db.query(
    `SELECT a.respondent_role AS role, q.dimension, count(*)::int AS answered, sum(q.score)::float8 AS total
       FROM follow_up_requests r
       JOIN follow_up_responses a ON a.request_id = r.id
       ${LIKERT_SCORES('a')}
      WHERE ${where} AND ${VALID_SCORE}
      GROUP BY a.respondent_role, q.dimension`,
    params,
  )) as FollowUpSumRow[];
  const result = (role: RespondentRole) => {
    const c = counts.find((x) => x.role === role);
    return followUpResult(
      c?.sent ?? 0,
      c?.answered ?? 0,
      c?.responses ?? 0,
      sums.filter((s) => s.role === role),
    );
  };
  return { learner: result('learner'), superior: result('superior') };
}
