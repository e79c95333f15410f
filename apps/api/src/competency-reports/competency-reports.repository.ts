import { Injectable } from '@nestjs/common';
import type { PositionKind } from '@cakap/contracts';
import { DataSource } from 'typeorm';
import { cursorBatches, likeEscape } from '../common/sql';

/**
 * Data access of the competency reports: aggregates computed by Postgres, one statement per
 * shape, never a loop over people in JS.
 *
 * Scale: the queries join users -> effective_position_requirements -> competency_achievements
 * live. That serves a regency (a few thousand ASN: ~0.1 s per report) and stays sane for a
 * province (tried with 50 000 ASN x 9 competencies on a 2-core machine: heat map and a gap
 * page ~1 s, the full gap export ~10 s). At national scale (millions of ASN) the per-unit,
 * per-competency counts and per-person gap totals would become tables materialised by the
 * worker when evidence, standards or people change, and these reports would read those.
 */

/**
 * The rows of a heat map ($1: the parent unit, or null for the top level) and every unit of
 * each row's subtree, as (row_id, unit_id). Org units cannot form cycles (the service refuses them).
 */
const ROW_SUBTREES = `
  WITH RECURSIVE row_units AS (
    SELECT id, code, name FROM org_units
     WHERE parent_id = $1 OR ($1::uuid IS NULL AND parent_id IS NULL)
  ), subtree AS (
    SELECT id AS row_id, id AS unit_id FROM row_units
    UNION ALL
    SELECT s.row_id, c.id FROM subtree s JOIN org_units c ON c.parent_id = s.unit_id
  )`;

export interface HeatmapUnitRow {
  id: string;
  code: string;
  name: string;
  asn_count: number;
  has_children: boolean;
}

export interface HeatmapCellRow {
  row_id: string;
  competency_id: string;
  code: string;
  name: string;
  framework_id: string;
  framework_name: string;
  required: number;
  met: number;
}

/** Where and whom a gap list covers. */
export interface GapScope {
  orgUnitId?: string;
  q?: string;
}

/** One required competency of a person, with the level they reached (0 without evidence). */
export interface RequirementLine {
  competencyId: string;
  code: string;
  name: string;
  required: number;
  achieved: number;
}

export interface GapRow {
  id: string;
  nip: string;
  name: string;
  position_id: string;
  position_name: string;
  position_kind: PositionKind;
  org_unit_id: string;
  org_unit_name: string;
  total_gap: number;
  gap_count: number;
  /** The size of the whole list (the same on every row). */
  total: number;
  lines: RequirementLine[];
}

@Injectable()
export class CompetencyReportsRepository {
  constructor(private readonly ds: DataSource) {}

  async orgUnit(id: string): Promise<{ id: string; code: string; name: string } | null> {
    const [row] = await this.ds.query(`SELECT id, code, name FROM org_units WHERE id = $1`, [id]);
    return row ?? null;
  }

  async frameworkExists(id: string): Promise<boolean> {
    const rows = await this.ds.query(`SELECT 1 FROM competency_frameworks WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  /** The heat map's rows: each child unit with the active ASN of its whole subtree. */
  heatmapUnits(parentId: string | null): Promise<HeatmapUnitRow[]> {
    return this.ds.query(
      `${ROW_SUBTREES}
       SELECT r.id, r.code, r.name, count(u.id)::int AS asn_count,
              EXISTS (SELECT 1 FROM org_units c WHERE c.parent_id = r.id) AS has_children
         FROM row_units r
         JOIN subtree s ON s.row_id = r.id
         LEFT JOIN users u ON u.org_unit_id = s.unit_id AND u.active
        GROUP BY r.id, r.code, r.name
        ORDER BY r.name, r.code`,
      [parentId],
    );
  }

  /**
   * Per row and competency: how many active ASN there are required to have it (by their
   * position's standard) and how many of them reach the required level (no achievement = 0).
   * Only pairs with someone required come back; only published frameworks count (the view).
   */
  heatmapCells(parentId: string | null, frameworkId: string | null): Promise<HeatmapCellRow[]> {
    return this.ds.query(
      `${ROW_SUBTREES}
       SELECT s.row_id, c.id AS competency_id, c.code, c.name, f.id AS framework_id, f.name AS framework_name,
              count(*)::int AS required,
              count(*) FILTER (WHERE coalesce(a.level, 0) >= e.level)::int AS met
         FROM subtree s
         JOIN users u ON u.org_unit_id = s.unit_id AND u.active
         JOIN effective_position_requirements e ON e.position_id = u.position_id
         JOIN competencies c ON c.id = e.competency_id
         JOIN competency_frameworks f ON f.id = c.framework_id
         LEFT JOIN competency_achievements a ON a.user_id = u.id AND a.competency_id = e.competency_id
        WHERE $2::uuid IS NULL OR c.framework_id = $2
        GROUP BY s.row_id, c.id, c.code, c.name, f.id, f.name`,
      [parentId, frameworkId],
    );
  }

  /** One page of the gap list (see `gapListSql`). */
  gapPage(scope: GapScope, limit: number, offset: number): Promise<GapRow[]> {
    const { sql, params } = gapListSql(scope, { limit, offset });
    return this.ds.query(sql, params);
  }

  /**
   * The whole gap list in batches through a server-side cursor: Postgres aggregates once and
   * the rows stream as the client takes them (re-running the aggregate per page would cost
   * minutes for a province). The cursor holds a connection for the download: stopping the
   * iteration (the client left) or the timeout gives it back.
   */
  gapBatches(scope: GapScope): AsyncGenerator<GapRow[]> {
    const { sql, params } = gapListSql(scope);
    return cursorBatches<GapRow>(this.ds, sql, params);
  }
}

/**
 * Active ASN of the scope with at least one required competency and their gap totals, in the
 * list's order: biggest total gap, then most gaps, then name. Each row carries its required
 * competencies (`lines`), looked up after paging, so a page costs one aggregate plus its own rows.
 */
function gapListSql(scope: GapScope, page?: { limit: number; offset: number }): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const where = ['u.active'];
  let subtree = '';
  if (scope.orgUnitId) {
    params.push(scope.orgUnitId);
    subtree = `RECURSIVE scope AS (
        SELECT id FROM org_units WHERE id = $${params.length}
        UNION ALL SELECT c.id FROM org_units c JOIN scope ON c.parent_id = scope.id
      ),`;
    where.push('u.org_unit_id IN (SELECT id FROM scope)');
  }
  if (scope.q) {
    params.push(`%${likeEscape(scope.q.toLowerCase())}%`, `${likeEscape(scope.q.replace(/\s/g, ''))}%`);
    where.push(`(lower(u.name) LIKE $${params.length - 1} OR u.nip LIKE $${params.length})`);
  }
  const order = 'ORDER BY total_gap DESC, gap_count DESC, name, id';
  let paging = '';
  if (page) {
    params.push(page.limit, page.offset);
    paging = `LIMIT $${params.length - 1} OFFSET $${params.length}`;
  }
  const sql = `
    WITH ${subtree} totals AS (
      SELECT u.id AS user_id,
             sum(greatest(e.level - coalesce(a.level, 0), 0))::int AS total_gap,
             count(*) FILTER (WHERE coalesce(a.level, 0) < e.level)::int AS gap_count
        FROM users u
        JOIN effective_position_requirements e ON e.position_id = u.position_id
        LEFT JOIN competency_achievements a ON a.user_id = u.id AND a.competency_id = e.competency_id
       WHERE ${where.join(' AND ')}
       GROUP BY u.id
    ), listed AS (
      SELECT u.id, u.nip, u.name, u.position_id, p.name AS position_name, p.kind AS position_kind,
             o.id AS org_unit_id, o.name AS org_unit_name, t.total_gap, t.gap_count, count(*) OVER ()::int AS total
        FROM totals t
        JOIN users u ON u.id = t.user_id
        JOIN positions p ON p.id = u.position_id
        JOIN org_units o ON o.id = u.org_unit_id
       ${order} ${paging}
    )
    SELECT l.*, lines.lines
      FROM listed l
      CROSS JOIN LATERAL (
        SELECT json_agg(json_build_object('competencyId', c.id, 'code', c.code, 'name', c.name,
                                          'required', e.level, 'achieved', coalesce(a.level, 0))) AS lines
          FROM effective_position_requirements e
          JOIN competencies c ON c.id = e.competency_id
          LEFT JOIN competency_achievements a ON a.user_id = l.id AND a.competency_id = e.competency_id
         WHERE e.position_id = l.position_id
      ) lines
     ${order}`;
  return { sql, params };
}
