import { Injectable } from '@nestjs/common';
import type { CompetencyLevelInput, PositionKind, PositionRef, Requirement } from '@cakap/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { NATURAL_CODE_ORDER, REF_COLUMNS, toRef, type RefRow } from '../competency-frameworks/competency-frameworks.repository';

/** A competency as the standards check it: does it exist, is it assessable, is its framework published. */
export interface CompetencyCheckRow {
  id: string;
  code: string;
  framework_name: string;
  framework_status: string;
  max_level: number;
}

/** A position as the standards CSV names it: by name, and its unit's code (null for unit-less positions). */
export interface NamedPosition {
  id: string;
  name: string;
  unitCode: string | null;
}

/** One line of the standards CSV export. */
export interface StandardRow {
  position: string;
  org_unit_code: string | null;
  framework: string;
  competency_code: string;
  level: number;
}

/**
 * Only published frameworks' competencies count in a standard (the effective_position_requirements
 * view says the same). A position's own levels for a retired framework stay stored, dormant,
 * so re-publishing the framework brings them back; they are neither listed nor replaced.
 */
const IN_PUBLISHED = (competencyId: string) =>
  `${competencyId} IN (SELECT c.id FROM competencies c JOIN competency_frameworks f ON f.id = c.framework_id WHERE f.status = 'published')`;

const ORDER = `lower(f.name), f.id, ${NATURAL_CODE_ORDER('c.code')}`;

/** Data access for position standards and class defaults (raw SQL). */
@Injectable()
export class CompetencyStandardsRepository {
  constructor(private readonly ds: DataSource) {}

  /** The position, locked for the rest of the transaction when `m` is one (two PUTs apply one after the other). */
  async position(id: string, m: EntityManager = this.ds.manager, lock = false): Promise<PositionRef | null> {
    const rows: PositionRef[] = await m.query(`SELECT id, name, kind FROM positions WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  /** The position's own levels (level 0 included) and the class defaults it does not override. */
  async requirements(position: PositionRef): Promise<Requirement[]> {
    const rows: (RefRow & { level: number; source: Requirement['source'] })[] = await this.ds.query(
      `SELECT ${REF_COLUMNS}, r.level, r.source
         FROM (SELECT o.competency_id, o.level, 'position' AS source
                 FROM position_competency_requirements o WHERE o.position_id = $1
               UNION ALL
               SELECT d.competency_id, d.level, 'class'
                 FROM competency_class_defaults d
                WHERE d.position_kind = $2 AND d.level > 0
                  AND NOT EXISTS (SELECT 1 FROM position_competency_requirements o
                                   WHERE o.position_id = $1 AND o.competency_id = d.competency_id)) r
         JOIN competencies c ON c.id = r.competency_id
         JOIN competency_frameworks f ON f.id = c.framework_id AND f.status = 'published'
        ORDER BY ${ORDER}`,
      [position.id, position.kind],
    );
    return rows.map((r) => ({ competency: toRef(r), level: r.level, source: r.source }));
  }

  async checkRows(ids: readonly string[]): Promise<CompetencyCheckRow[]> {
    return this.ds.query(
      `SELECT c.id, c.code, c.max_level, f.name AS framework_name, f.status AS framework_status
         FROM competencies c JOIN competency_frameworks f ON f.id = c.framework_id
        WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async replaceOwn(m: EntityManager, positionId: string, items: readonly CompetencyLevelInput[], userId: string): Promise<void> {
    await m.query(`DELETE FROM position_competency_requirements WHERE position_id = $1 AND ${IN_PUBLISHED('competency_id')}`, [positionId]);
    if (!items.length) return;
    await m.query(
      `INSERT INTO position_competency_requirements (position_id, competency_id, level, updated_by)
       SELECT $1, i.competency_id, i.level, $4 FROM unnest($2::uuid[], $3::int[]) AS i(competency_id, level)`,
      [positionId, items.map((i) => i.competencyId), items.map((i) => i.level), userId],
    );
  }

  /** Class defaults of published frameworks, every kind. */
  async classDefaults(): Promise<(RefRow & { position_kind: PositionKind; level: number })[]> {
    return this.ds.query(
      `SELECT d.position_kind, d.level, ${REF_COLUMNS}
         FROM competency_class_defaults d
         JOIN competencies c ON c.id = d.competency_id
         JOIN competency_frameworks f ON f.id = c.framework_id AND f.status = 'published'
        ORDER BY ${ORDER}`,
    );
  }

  /** Level 0 is "no default" and is not stored. The kind's rows are locked by the delete, so concurrent PUTs serialise. */
  async replaceClassDefaults(kind: PositionKind, items: readonly CompetencyLevelInput[], userId: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('competency_class_defaults:' || $1))`, [kind]);
      await m.query(`DELETE FROM competency_class_defaults WHERE position_kind = $1 AND ${IN_PUBLISHED('competency_id')}`, [kind]);
      const stored = items.filter((i) => i.level > 0);
      if (!stored.length) return;
      await m.query(
        `INSERT INTO competency_class_defaults (position_kind, competency_id, level, updated_by)
         SELECT $1, i.competency_id, i.level, $4 FROM unnest($2::uuid[], $3::int[]) AS i(competency_id, level)`,
        [kind, stored.map((i) => i.competencyId), stored.map((i) => i.level), userId],
      );
    });
  }

  /** Positions whose (lower-case) names are among `names`, with their unit's code. */
  async positionsNamed(names: readonly string[]): Promise<NamedPosition[]> {
    return this.ds.query(
      `SELECT p.id, p.name, o.code AS "unitCode"
         FROM positions p LEFT JOIN org_units o ON o.id = p.org_unit_id
        WHERE lower(p.name) = ANY($1::text[])`,
      [names],
    );
  }

  /** Assessable competencies of published frameworks whose (lower-case) codes are among `codes`. */
  async assessableCoded(codes: readonly string[]): Promise<CompetencyCheckRow[]> {
    return this.ds.query(
      `SELECT c.id, c.code, c.max_level, f.name AS framework_name, f.status AS framework_status
         FROM competencies c JOIN competency_frameworks f ON f.id = c.framework_id
        WHERE f.status = 'published' AND c.max_level > 0 AND lower(c.code) = ANY($1::text[])`,
      [codes],
    );
  }

  /** Every position's own levels in published frameworks: what the standards CSV export writes. */
  async standardRows(): Promise<StandardRow[]> {
    return this.ds.query(
      `SELECT p.name AS position, u.code AS org_unit_code, f.name AS framework, c.code AS competency_code, r.level
         FROM position_competency_requirements r
         JOIN positions p ON p.id = r.position_id
         LEFT JOIN org_units u ON u.id = p.org_unit_id
         JOIN competencies c ON c.id = r.competency_id
         JOIN competency_frameworks f ON f.id = c.framework_id AND f.status = 'published'
        ORDER BY lower(p.name), lower(u.code) NULLS FIRST, p.id, ${ORDER}`,
    );
  }
}
