import type { OrgUnitReport, OrgUnitReportRow } from '@cakap/contracts';
import type { Queryable } from '@cakap/db';
import { rate, round2 } from '@cakap/evaluation';

/** The yearly learning target of every ASN (DOMAIN.md, invariant 8). */
export const JP_TARGET = 20;

/**
 * One statement: the units of the scope (every top-level unit's tree, or one unit's subtree)
 * with their depth and a sort path; the (row, descendant) closure; each active ASN of the scope
 * with their JP and course completions of the year (the JP ledger is booked per WIB year) and
 * whether they meet their position's standard (every required level reached; no achievement =
 * level 0); then per unit, over its whole subtree, counts and sums. Org units cannot form
 * cycles (the api refuses them), so the recursion ends.
 *
 * $1 year, $2 the scope's root unit or null for all.
 */
const UNIT_ROWS = `
  WITH RECURSIVE units AS (
    SELECT id, code, name, parent_id, 0 AS depth, ARRAY[lower(name), id::text] AS path
      FROM org_units WHERE ($2::uuid IS NULL AND parent_id IS NULL) OR id = $2::uuid
    UNION ALL
    SELECT c.id, c.code, c.name, c.parent_id, u.depth + 1, u.path || ARRAY[lower(c.name), c.id::text]
      FROM org_units c JOIN units u ON c.parent_id = u.id
  ), closure AS (
    SELECT id AS row_id, id AS unit_id FROM units
    UNION ALL
    SELECT cl.row_id, c.id FROM closure cl JOIN org_units c ON c.parent_id = cl.unit_id
  ), hours AS (
    SELECT user_id, sum(jp)::int AS jp, count(*) FILTER (WHERE source = 'course')::int AS completions
      FROM learning_hours WHERE year = $1 GROUP BY user_id
  ), people AS (
    SELECT u.id, u.org_unit_id, coalesce(h.jp, 0) AS jp, coalesce(h.completions, 0) AS completions,
           s.required > 0 AS has_standard, s.required > 0 AND s.missing = 0 AS met
      FROM users u
      JOIN units ON units.id = u.org_unit_id
      LEFT JOIN hours h ON h.user_id = u.id
      CROSS JOIN LATERAL (
        SELECT count(*) AS required, count(*) FILTER (WHERE coalesce(a.level, 0) < r.level) AS missing
          FROM effective_position_requirements r
          LEFT JOIN competency_achievements a ON a.user_id = u.id AND a.competency_id = r.competency_id
         WHERE r.position_id = u.position_id
      ) s
     WHERE u.active
  )
  SELECT units.id, units.code, units.name, units.parent_id, units.depth,
         count(p.id)::int AS asn_count,
         count(*) FILTER (WHERE p.jp >= ${JP_TARGET})::int AS reached,
         coalesce(sum(p.jp), 0)::int AS jp_total,
         coalesce(sum(p.completions), 0)::int AS completions,
         count(*) FILTER (WHERE p.has_standard)::int AS with_standard,
         count(*) FILTER (WHERE p.met)::int AS met
    FROM units
    JOIN closure cl ON cl.row_id = units.id
    LEFT JOIN people p ON p.org_unit_id = cl.unit_id
   GROUP BY units.id, units.code, units.name, units.parent_id, units.depth, units.path
   ORDER BY units.path`;

interface UnitRow {
  id: string;
  code: string;
  name: string;
  parent_id: string | null;
  depth: number;
  asn_count: number;
  reached: number;
  jp_total: number;
  completions: number;
  with_standard: number;
  met: number;
}

type Figures = OrgUnitReport['total'];

/**
 * Shares: reaching 20 JP over every active ASN; meeting the standard over the ASN whose
 * position has a standard (someone without one can neither meet nor miss it).
 */
function figures(r: Omit<UnitRow, 'id' | 'code' | 'name' | 'parent_id' | 'depth'>): Figures {
  return {
    asnCount: r.asn_count,
    reached20Jp: r.reached,
    reached20JpShare: rate(r.reached, r.asn_count),
    averageJp: r.asn_count ? round2(r.jp_total / r.asn_count) : null,
    completions: r.completions,
    standardMet: r.met,
    standardMetShare: rate(r.met, r.with_standard),
  };
}

/**
 * Per unit for a year, each unit counting its whole subtree, in tree order (a parent before its
 * children, siblings by name). The total counts each ASN of the scope once: the sum of the
 * top-level rows, whose subtrees do not overlap. Null when the scope's unit does not exist.
 */
export async function computeOrgUnitReport(db: Queryable, year: number, unitId: string | null): Promise<Omit<OrgUnitReport, 'computedAt' | 'stale'> | null> {
  const rows: UnitRow[] = await db.query(UNIT_ROWS, [year, unitId]);
  if (unitId && !rows.length) return null;
  const top = rows.filter((r) => r.depth === 0);
  const sum = (f: (r: UnitRow) => number) => top.reduce((a, r) => a + f(r), 0);
  const units: OrgUnitReportRow[] = rows.map((r) => ({ unitId: r.id, code: r.code, name: r.name, parentId: r.parent_id, depth: r.depth, ...figures(r) }));
  return {
    year,
    unitId,
    total: figures({
      asn_count: sum((r) => r.asn_count),
      reached: sum((r) => r.reached),
      jp_total: sum((r) => r.jp_total),
      completions: sum((r) => r.completions),
      with_standard: sum((r) => r.with_standard),
      met: sum((r) => r.met),
    }),
    units,
  };
}
