import { Injectable } from '@nestjs/common';
import type {
  LearningNeed,
  LearningNeedListQuery,
  LearningNeedPatch,
  LearningNeedStatus,
  NeedComment,
  PlanKind,
  PlanTarget,
  PreferredForm,
} from '@cakap/contracts';
import type { Queryable } from '@cakap/db';
import { DataSource } from 'typeorm';
import { likeEscape } from '../common/sql';

/** A need's row as the rules need it (locked by triage and votes). */
export interface NeedState {
  id: string;
  title: string;
  status: LearningNeedStatus;
  proposerId: string;
  planKind: PlanKind | null;
  plannedCourseId: string | null;
  plannedActivity: string | null;
  planYear: number | null;
}

export interface NeedDecision {
  status: LearningNeedStatus;
  decisionReason: string | null;
  planKind: PlanKind | null;
  plannedCourseId: string | null;
  plannedActivity: string | null;
  planYear: number | null;
}

interface NeedRow {
  id: string;
  title: string;
  reason: string;
  votes: number;
  comments: number;
  status: LearningNeedStatus;
  preferred_form: PreferredForm;
  competency_id: string | null;
  competency_code: string | null;
  competency_name: string | null;
  framework_name: string | null;
  proposer_id: string;
  proposer_name: string;
  unit_name: string | null;
  voted_by_me: boolean;
  created_at: Date;
  decision_reason: string | null;
  plan_kind: PlanKind | null;
  planned_course_id: string | null;
  course_title: string | null;
  planned_activity: string | null;
  plan_year: number | null;
}

/** The columns of a need as clients read it (and `extra` ones); `$1` is the caller (for `votedByMe`). */
const needSelect = (extra = '') => `
  SELECT ${extra} n.id, n.title, n.reason, n.votes, n.comments, n.status, n.preferred_form,
         c.id AS competency_id, c.code AS competency_code, c.name AS competency_name, f.name AS framework_name,
         p.id AS proposer_id, p.name AS proposer_name, o.name AS unit_name,
         EXISTS (SELECT 1 FROM learning_need_votes v WHERE v.need_id = n.id AND v.user_id = $1) AS voted_by_me,
         n.created_at, n.decision_reason, n.plan_kind, n.planned_course_id, co.title AS course_title,
         n.planned_activity, n.plan_year
    FROM learning_needs n
    JOIN users p ON p.id = n.proposer_id
    LEFT JOIN org_units o ON o.id = n.org_unit_id
    LEFT JOIN competencies c ON c.id = n.competency_id
    LEFT JOIN competency_frameworks f ON f.id = c.framework_id
    LEFT JOIN courses co ON co.id = n.planned_course_id`;

function toNeed(r: NeedRow): LearningNeed {
  return {
    id: r.id,
    title: r.title,
    reason: r.reason,
    votes: r.votes,
    comments: r.comments,
    status: r.status,
    preferredForm: r.preferred_form,
    competency: r.competency_id ? { id: r.competency_id, code: r.competency_code!, name: r.competency_name!, frameworkName: r.framework_name! } : null,
    proposer: { id: r.proposer_id, name: r.proposer_name, unitName: r.unit_name },
    votedByMe: r.voted_by_me,
    createdAt: r.created_at.toISOString(),
    decisionReason: r.decision_reason,
    plan:
      r.plan_year === null
        ? null
        : { kind: r.plan_kind, courseId: r.planned_course_id, courseTitle: r.course_title, activity: r.planned_activity, year: r.plan_year },
  };
}

/**
 * Whom each need of the filter targets ($1..: the filter's parameters, `n` its alias):
 * with a competency, the active ASN whose position requires a higher level than they reached
 * (no achievement = level 0; only published frameworks count, by the view), as the competency
 * gap report computes it; without one, its proposer and voters.
 */
const targetsSql = (needFilter: string) => `
  SELECT n.id AS need_id, u.id AS user_id, u.org_unit_id, e.level AS required, coalesce(a.level, 0) AS achieved
    FROM learning_needs n
    JOIN effective_position_requirements e ON e.competency_id = n.competency_id
    JOIN users u ON u.position_id = e.position_id AND u.active
    LEFT JOIN competency_achievements a ON a.user_id = u.id AND a.competency_id = n.competency_id
   WHERE ${needFilter} AND n.competency_id IS NOT NULL AND coalesce(a.level, 0) < e.level
  UNION ALL
  SELECT n.id, u.id, u.org_unit_id, NULL, NULL
    FROM learning_needs n
    CROSS JOIN LATERAL (SELECT n.proposer_id AS user_id UNION SELECT v.user_id FROM learning_need_votes v WHERE v.need_id = n.id) s
    JOIN users u ON u.id = s.user_id AND u.active
   WHERE ${needFilter} AND n.competency_id IS NULL`;

export interface PlanCounts {
  needId: string;
  targetCount: number;
  topUnits: { id: string; name: string; count: number }[];
}

/** Data access of learning needs, their votes and comments, and the yearly plan. No rules here. */
@Injectable()
export class LearningNeedsRepository {
  constructor(readonly ds: DataSource) {}

  async list(me: string, query: LearningNeedListQuery): Promise<{ items: LearningNeed[]; total: number }> {
    const params: unknown[] = [me];
    const where: string[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (query.q) add((p) => `lower(n.title) LIKE ${p}`, `%${likeEscape(query.q.toLowerCase())}%`);
    if (query.status) add((p) => `n.status = ${p}`, query.status);
    if (query.competencyId) add((p) => `n.competency_id = ${p}`, query.competencyId);
    if (query.unitId) add((p) => `n.org_unit_id = ${p}`, query.unitId);
    if (query.mine) where.push('n.proposer_id = $1');
    const order = query.sort === 'recent' ? 'n.created_at DESC, n.id' : 'n.votes DESC, n.created_at DESC, n.id';
    params.push(query.pageSize, (query.page - 1) * query.pageSize);
    const rows: (NeedRow & { total: number })[] = await this.ds.query(
      `${needSelect('count(*) OVER ()::int AS total,')}
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${order} LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    if (rows.length || query.page === 1) return { items: rows.map(toNeed), total: rows[0]?.total ?? 0 };
    // A page past the end still tells the total ($1, the caller, is typed for the filters that do not use it).
    const [{ n }] = await this.ds.query(
      `SELECT count(*)::int AS n FROM learning_needs n WHERE ${['$1::uuid IS NOT NULL', ...where].join(' AND ')}`,
      params.slice(0, -2),
    );
    return { items: [], total: n };
  }

  async find(me: string, id: string, db: Queryable = this.ds): Promise<LearningNeed | null> {
    const [row] = await db.query(`${needSelect()} WHERE n.id = $2`, [me, id]);
    return row ? toNeed(row) : null;
  }

  /** The need's state, locked against concurrent triage and votes until the transaction ends. */
  async lock(db: Queryable, id: string): Promise<NeedState | null> {
    const [row] = await db.query(
      `SELECT id, title, status, proposer_id AS "proposerId", plan_kind AS "planKind", planned_course_id AS "plannedCourseId",
              planned_activity AS "plannedActivity", plan_year AS "planYear"
         FROM learning_needs WHERE id = $1 FOR NO KEY UPDATE`,
      [id],
    );
    return row ?? null;
  }

  async publishedCompetencyExists(id: string): Promise<boolean> {
    const rows = await this.ds.query(
      `SELECT 1 FROM competencies c JOIN competency_frameworks f ON f.id = c.framework_id AND f.status = 'published' WHERE c.id = $1`,
      [id],
    );
    return rows.length > 0;
  }

  async plannableCourseTitle(db: Queryable, id: string): Promise<string | null> {
    const [row] = await db.query(`SELECT title FROM courses WHERE id = $1 AND status <> 'archived'`, [id]);
    return row?.title ?? null;
  }

  async userName(id: string, db: Queryable = this.ds): Promise<string> {
    const [row] = await db.query(`SELECT name FROM users WHERE id = $1`, [id]);
    return row.name;
  }

  /** The proposal is filed under the proposer's unit of today. */
  async insert(proposerId: string, input: { title: string; reason: string; competencyId: string | null; preferredForm: PreferredForm }): Promise<string> {
    const [row] = await this.ds.query(
      `INSERT INTO learning_needs (title, reason, competency_id, preferred_form, proposer_id, org_unit_id)
       SELECT $1, $2, $3, $4, u.id, u.org_unit_id FROM users u WHERE u.id = $5 RETURNING id`,
      [input.title, input.reason, input.competencyId, input.preferredForm, proposerId],
    );
    return row.id;
  }

  async update(id: string, patch: LearningNeedPatch): Promise<void> {
    const columns: Record<keyof LearningNeedPatch, string> = {
      title: 'title',
      reason: 'reason',
      competencyId: 'competency_id',
      preferredForm: 'preferred_form',
    };
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [key, column] of Object.entries(columns) as [keyof LearningNeedPatch, string][]) {
      if (patch[key] === undefined) continue;
      params.push(patch[key]);
      sets.push(`${column} = $${params.length}`);
    }
    await this.ds.query(`UPDATE learning_needs SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
  }

  async delete(id: string): Promise<void> {
    await this.ds.query(`DELETE FROM learning_needs WHERE id = $1`, [id]);
  }

  async decide(db: Queryable, id: string, d: NeedDecision, adminId: string): Promise<void> {
    await db.query(
      `UPDATE learning_needs SET status = $2, decision_reason = $3, plan_kind = $4, planned_course_id = $5, planned_activity = $6,
              plan_year = $7, triaged_by = $8, triaged_at = now(), updated_at = now()
        WHERE id = $1`,
      [id, d.status, d.decisionReason, d.planKind, d.plannedCourseId, d.plannedActivity, d.planYear, adminId],
    );
  }

  async voterIds(db: Queryable, needId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await db.query(`SELECT user_id FROM learning_need_votes WHERE need_id = $1`, [needId]);
    return rows.map((r) => r.user_id);
  }

  /** The vote; the trigger counts it in the same transaction. */
  async addVote(db: Queryable, needId: string, userId: string): Promise<void> {
    await db.query(`INSERT INTO learning_need_votes (need_id, user_id) VALUES ($1, $2)`, [needId, userId]);
  }

  async removeVote(db: Queryable, needId: string, userId: string): Promise<void> {
    await db.query(`DELETE FROM learning_need_votes WHERE need_id = $1 AND user_id = $2`, [needId, userId]);
  }

  async voteCount(db: Queryable, needId: string): Promise<number> {
    const [row] = await db.query(`SELECT votes FROM learning_needs WHERE id = $1`, [needId]);
    return row.votes;
  }

  /** Oldest first, as a conversation reads. */
  async comments(needId: string, page: number, pageSize: number): Promise<{ items: (Omit<NeedComment, 'canDelete'>)[]; total: number }> {
    const [rows, [{ n }]] = await Promise.all([
      this.ds.query(
        `SELECT c.id, c.body, c.author_id, u.name AS author_name, c.created_at
           FROM learning_need_comments c JOIN users u ON u.id = c.author_id
          WHERE c.need_id = $1 ORDER BY c.created_at, c.id LIMIT $2 OFFSET $3`,
        [needId, pageSize, (page - 1) * pageSize],
      ),
      this.ds.query(`SELECT count(*)::int AS n FROM learning_need_comments WHERE need_id = $1`, [needId]),
    ]);
    return {
      items: rows.map((r: { id: string; body: string; author_id: string; author_name: string; created_at: Date }) => ({
        id: r.id,
        body: r.body,
        author: { id: r.author_id, name: r.author_name },
        createdAt: r.created_at.toISOString(),
      })),
      total: n,
    };
  }

  async insertComment(db: Queryable, needId: string, authorId: string, body: string): Promise<{ id: string; createdAt: Date }> {
    const [row] = await db.query(
      `INSERT INTO learning_need_comments (need_id, author_id, body) VALUES ($1, $2, $3) RETURNING id, created_at AS "createdAt"`,
      [needId, authorId, body],
    );
    return row;
  }

  async comment(needId: string, commentId: string): Promise<{ authorId: string } | null> {
    const [row] = await this.ds.query(`SELECT author_id AS "authorId" FROM learning_need_comments WHERE id = $1 AND need_id = $2`, [commentId, needId]);
    return row ?? null;
  }

  async deleteComment(commentId: string): Promise<void> {
    await this.ds.query(`DELETE FROM learning_need_comments WHERE id = $1`, [commentId]);
  }

  /** The needs of a year's plan (accepted or planned for it), most supported first. */
  async planNeeds(me: string, year: number): Promise<LearningNeed[]> {
    const rows: NeedRow[] = await this.ds.query(
      `${needSelect()} WHERE n.status IN ('accepted', 'planned') AND n.plan_year = $2 ORDER BY n.votes DESC, n.created_at, n.id`,
      [me, year],
    );
    return rows.map(toNeed);
  }

  /** Per need of the year's plan: its target count and the (at most 3) units with the most targets. */
  async planCounts(year: number): Promise<PlanCounts[]> {
    return this.ds.query(
      `WITH t AS (${targetsSql(`n.status IN ('accepted', 'planned') AND n.plan_year = $1`)}),
       per_unit AS (
         SELECT need_id, org_unit_id, count(*)::int AS n,
                row_number() OVER (PARTITION BY need_id ORDER BY count(*) DESC, org_unit_id) AS rank
           FROM t GROUP BY need_id, org_unit_id
       )
       SELECT pu.need_id AS "needId", sum(pu.n)::int AS "targetCount",
              coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'count', pu.n) ORDER BY pu.rank)
                       FILTER (WHERE pu.rank <= 3 AND o.id IS NOT NULL), '[]') AS "topUnits"
         FROM per_unit pu LEFT JOIN org_units o ON o.id = pu.org_unit_id
        GROUP BY pu.need_id`,
      [year],
    );
  }

  /** One page of a need's target ASN, largest gap first. */
  async targets(needId: string, q: string | undefined, page: number, pageSize: number): Promise<{ items: PlanTarget[]; total: number }> {
    const params: unknown[] = [needId];
    let search = '';
    if (q) {
      params.push(`%${likeEscape(q.toLowerCase())}%`, `${likeEscape(q.replace(/\s/g, ''))}%`);
      search = `AND (lower(u.name) LIKE $2 OR u.nip LIKE $3)`;
    }
    params.push(pageSize, (page - 1) * pageSize);
    const rows: (PlanTarget & { total: number })[] = await this.ds.query(
      `WITH t AS (${targetsSql('n.id = $1')})
       SELECT count(*) OVER ()::int AS total, u.id AS "userId", u.nip, u.name, o.name AS "unitName",
              t.required, t.achieved, t.required - t.achieved AS gap
         FROM t JOIN users u ON u.id = t.user_id LEFT JOIN org_units o ON o.id = t.org_unit_id
        WHERE true ${search}
        ORDER BY gap DESC NULLS LAST, u.name, u.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { items: rows.map(({ total: _, ...r }) => r), total: rows[0]?.total ?? 0 };
  }
}
