import { Injectable } from '@nestjs/common';
import type {
  CompetencyKind,
  CompetencyListQuery,
  CompetencyRef,
  FrameworkListQuery,
  FrameworkStatus,
  FrameworkSummary,
  LevelDefinition,
  Page,
} from '@cakap/contracts';
import type { CompetencyDocumentNode, FlatCompetency, FrameworkDocument } from '@cakap/competencies';
import { DataSource, type EntityManager } from 'typeorm';
import { likeEscape, rowsOf } from '../common/sql';

/**
 * Natural order of competency codes in SQL (M.2 before M.10): the code without its digits,
 * then its numbers as a numeric array. Matches `compareSiblings` of @cakap/competencies for
 * the codes frameworks use (letters, dots and numbers).
 */
export const NATURAL_CODE_ORDER = (code: string) =>
  `lower(regexp_replace(${code}, '\\d+', '', 'g')), ` +
  `(SELECT array_agg(m[1]::numeric) FROM regexp_matches(${code}, '\\d+', 'g') AS m), ${code}`;

/** Every table that refers to a competency: a referenced competency cannot be deleted. */
const REFERENCES = [
  'position_competency_requirements',
  'competency_class_defaults',
  'course_competency_targets',
  'course_version_competencies',
  'competency_evidence',
] as const;

/** The same tables, with their level: what a level-shrinking edit must keep (level 0 overrides name no level). */
const usedLevels = (competencyIds: string) =>
  REFERENCES.map((table) => `SELECT level FROM ${table} WHERE competency_id IN (${competencyIds})`).join(' UNION ALL ');

interface FrameworkRow {
  id: string;
  identifier: string;
  name: string;
  description: string;
  publisher: string;
  version: string;
  status: FrameworkStatus;
  scale_max: number;
  language: 'id' | 'en';
  competency_count: number;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
  retired_at: Date | null;
}

interface CompetencyRow {
  id: string;
  framework_id: string;
  identifier: string;
  parent_id: string | null;
  code: string;
  name: string;
  kind: CompetencyKind;
  definition: string;
  levels: LevelDefinition[];
  max_level: number;
  position: number;
}

/** A competency as stored, with its framework (the service checks edits against both). */
export type StoredCompetency = FlatCompetency & { frameworkId: string; maxLevel: number };

/** What a competency edit writes (a new one gets a fresh CASE identifier). */
export interface CompetencyValues {
  code: string;
  name: string;
  kind: CompetencyKind;
  definition: string;
  parentId: string | null;
  position: number;
  levels: LevelDefinition[];
}

/** A framework's own columns (an import may bring its CASE identifier; a new one gets a fresh one). */
export type FrameworkValues = Omit<FrameworkDocument, 'competencies' | 'identifier'> & { identifier?: string };

const FRAMEWORK_SELECT = `
  SELECT f.id, f.identifier, f.name, f.description, f.publisher, f.version, f.status, f.scale_max, f.language,
         f.created_at, f.updated_at, f.published_at, f.retired_at,
         (SELECT count(*)::int FROM competencies c WHERE c.framework_id = f.id) AS competency_count
    FROM competency_frameworks f`;

const COMPETENCY_COLUMNS = `c.id, c.framework_id, c.identifier, c.parent_id, c.code, c.name, c.kind, c.definition, c.levels, c.max_level, c.position`;

/** Data access for competency frameworks and their competencies (raw SQL). */
@Injectable()
export class CompetencyFrameworksRepository {
  constructor(private readonly ds: DataSource) {}

  async list(q: FrameworkListQuery, statuses: readonly FrameworkStatus[] | null): Promise<Page<FrameworkSummary>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.q) {
      params.push(`%${likeEscape(q.q.toLowerCase())}%`);
      where.push(`(lower(f.name) LIKE $${params.length} OR lower(f.publisher) LIKE $${params.length})`);
    }
    if (q.status) {
      params.push(q.status);
      where.push(`f.status = $${params.length}`);
    }
    if (statuses) {
      params.push(statuses);
      where.push(`f.status = ANY($${params.length}::text[])`);
    }
    const filter = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const [{ count }] = await this.ds.query(`SELECT count(*)::int AS count FROM competency_frameworks f${filter}`, params);
    const rows: FrameworkRow[] = await this.ds.query(
      `${FRAMEWORK_SELECT}${filter} ORDER BY lower(f.name), lower(f.version), f.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { items: rows.map(toSummary), total: count, page: q.page, pageSize: q.pageSize };
  }

  async summary(id: string, m: EntityManager = this.ds.manager): Promise<FrameworkSummary | null> {
    const rows: FrameworkRow[] = await m.query(`${FRAMEWORK_SELECT} WHERE f.id = $1`, [id]);
    return rows.length ? toSummary(rows[0]) : null;
  }

  /** The framework that already holds this CASE document or this name and version, if any. */
  async conflicting(identifier: string, name: string, version: string, m: EntityManager = this.ds.manager): Promise<FrameworkSummary | null> {
    const rows: FrameworkRow[] = await m.query(
      `${FRAMEWORK_SELECT} WHERE f.identifier = $1 OR (lower(f.name) = lower($2) AND lower(f.version) = lower($3)) LIMIT 1`,
      [identifier, name, version],
    );
    return rows.length ? toSummary(rows[0]) : null;
  }

  async competencies(frameworkId: string, m: EntityManager = this.ds.manager): Promise<StoredCompetency[]> {
    const rows: CompetencyRow[] = await m.query(`SELECT ${COMPETENCY_COLUMNS} FROM competencies c WHERE c.framework_id = $1`, [frameworkId]);
    return rows.map(toStored);
  }

  async competency(id: string, m: EntityManager = this.ds.manager): Promise<StoredCompetency | null> {
    const rows: CompetencyRow[] = await m.query(`SELECT ${COMPETENCY_COLUMNS} FROM competencies c WHERE c.id = $1`, [id]);
    return rows.length ? toStored(rows[0]) : null;
  }

  async insertFramework(m: EntityManager, v: FrameworkValues, createdBy: string | null): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO competency_frameworks (identifier, name, description, publisher, version, scale_max, language, status, created_by, published_at)
       VALUES (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $8::text, $9, CASE WHEN $8::text = 'published' THEN now() END)
       RETURNING id`,
      [v.identifier ?? null, v.name, v.description, v.publisher, v.version, v.scaleMax, v.language, v.status, createdBy],
    );
    return row.id;
  }

  /**
   * A whole framework from a file (or the seed), identifiers kept. One INSERT per depth of the
   * tree, parents first (the parent key is checked at once), so a dictionary of thousands of
   * competencies takes a handful of statements; parents are found by their CASE identifier.
   */
  async insertDocument(m: EntityManager, doc: FrameworkDocument, createdBy: string | null): Promise<string> {
    const frameworkId = await this.insertFramework(m, doc, createdBy);
    let depth = doc.competencies.map((node) => ({ node, parent: null as string | null }));
    while (depth.length) {
      await m.query(
        `INSERT INTO competencies (framework_id, identifier, parent_id, code, name, kind, definition, levels, position)
         SELECT $1, n.identifier, p.id, n.code, n.name, n.kind, n.definition, n.levels, n.position
           FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::int[])
                AS n(identifier, parent, code, name, kind, definition, levels, position)
           LEFT JOIN competencies p ON p.framework_id = $1 AND p.identifier = n.parent`,
        [
          frameworkId,
          depth.map((d) => d.node.identifier),
          depth.map((d) => d.parent),
          depth.map((d) => d.node.code),
          depth.map((d) => d.node.name),
          depth.map((d) => d.node.kind),
          depth.map((d) => d.node.definition),
          depth.map((d) => JSON.stringify(d.node.levels)),
          depth.map((d) => d.node.position),
        ],
      );
      depth = depth.flatMap(({ node }) => node.children.map((child: CompetencyDocumentNode) => ({ node: child, parent: node.identifier })));
    }
    return frameworkId;
  }

  async updateFramework(m: EntityManager, id: string, patch: Partial<Omit<FrameworkValues, 'identifier' | 'status'>>): Promise<void> {
    const columns: Record<keyof typeof patch, string> = {
      name: 'name',
      description: 'description',
      publisher: 'publisher',
      version: 'version',
      scaleMax: 'scale_max',
      language: 'language',
    };
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      params.push(value);
      sets.push(`${columns[key as keyof typeof patch]} = $${params.length}`);
    }
    if (sets.length) await m.query(`UPDATE competency_frameworks SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
  }

  /** One conditional UPDATE: the transition happens only from the allowed states, even under concurrent calls. */
  async transition(id: string, from: readonly FrameworkStatus[], to: FrameworkStatus): Promise<boolean> {
    const stamp = to === 'published' ? 'published_at = now(), retired_at = NULL' : 'retired_at = now()';
    const result = await this.ds.query(
      `UPDATE competency_frameworks SET status = $2, ${stamp}, updated_at = now() WHERE id = $1 AND status = ANY($3::text[]) RETURNING id`,
      [id, to, from],
    );
    return rowsOf(result).length > 0;
  }

  async touch(m: EntityManager, frameworkId: string): Promise<void> {
    await m.query(`UPDATE competency_frameworks SET updated_at = now() WHERE id = $1`, [frameworkId]);
  }

  async lockFramework(m: EntityManager, id: string): Promise<void> {
    await m.query(`SELECT 1 FROM competency_frameworks WHERE id = $1 FOR UPDATE`, [id]);
  }

  async deleteFramework(id: string): Promise<void> {
    await this.ds.query(`DELETE FROM competency_frameworks WHERE id = $1`, [id]);
  }

  /** Is any competency of the framework referenced by standards, defaults, course targets or evidence? */
  async frameworkInUse(id: string): Promise<boolean> {
    const ids = `SELECT id FROM competencies WHERE framework_id = $1`;
    const [row] = await this.ds.query(
      `SELECT ${REFERENCES.map((t) => `EXISTS (SELECT 1 FROM ${t} WHERE competency_id IN (${ids}))`).join(' OR ')} AS used`,
      [id],
    );
    return row.used;
  }

  async competencyInUse(id: string, m: EntityManager = this.ds.manager): Promise<boolean> {
    const [row] = await m.query(`SELECT ${REFERENCES.map((t) => `EXISTS (SELECT 1 FROM ${t} WHERE competency_id = $1)`).join(' OR ')} AS used`, [id]);
    return row.used;
  }

  /** The highest level anything refers to (0 when nothing does). */
  async highestUsedLevel(competencyId: string, m: EntityManager = this.ds.manager): Promise<number> {
    const [row] = await m.query(`SELECT coalesce(max(level), 0)::int AS level FROM (${usedLevels('$1')}) used`, [competencyId]);
    return row.level;
  }

  /** The highest level any competency of the framework defines (what the scale must still cover). */
  async highestDefinedLevel(frameworkId: string, m: EntityManager = this.ds.manager): Promise<number> {
    const [row] = await m.query(`SELECT coalesce(max(max_level), 0)::int AS level FROM competencies WHERE framework_id = $1`, [frameworkId]);
    return row.level;
  }

  async hasAssessable(frameworkId: string): Promise<boolean> {
    const [row] = await this.ds.query(`SELECT EXISTS (SELECT 1 FROM competencies WHERE framework_id = $1 AND max_level > 0) AS ok`, [frameworkId]);
    return row.ok;
  }

  async hasChildren(id: string, m: EntityManager = this.ds.manager): Promise<boolean> {
    const [row] = await m.query(`SELECT EXISTS (SELECT 1 FROM competencies WHERE parent_id = $1) AS ok`, [id]);
    return row.ok;
  }

  /** The position after the last sibling: a competency added without one goes last. */
  async nextPosition(m: EntityManager, frameworkId: string, parentId: string | null): Promise<number> {
    const [row] = await m.query(
      `SELECT coalesce(max(position) + 1, 0)::int AS next FROM competencies WHERE framework_id = $1 AND parent_id IS NOT DISTINCT FROM $2::uuid`,
      [frameworkId, parentId],
    );
    return row.next;
  }

  async insertCompetency(m: EntityManager, frameworkId: string, v: CompetencyValues): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO competencies (framework_id, identifier, parent_id, code, name, kind, definition, levels, position)
       VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7::jsonb, $8)
       RETURNING id`,
      [frameworkId, v.parentId, v.code, v.name, v.kind, v.definition, JSON.stringify(v.levels), v.position],
    );
    return row.id;
  }

  async updateCompetency(m: EntityManager, id: string, v: CompetencyValues): Promise<void> {
    await m.query(
      `UPDATE competencies SET parent_id = $2, code = $3, name = $4, kind = $5, definition = $6, levels = $7::jsonb, position = $8, updated_at = now()
        WHERE id = $1`,
      [id, v.parentId, v.code, v.name, v.kind, v.definition, JSON.stringify(v.levels), v.position],
    );
  }

  async deleteCompetency(m: EntityManager, id: string): Promise<void> {
    await m.query(`DELETE FROM competencies WHERE id = $1`, [id]);
  }

  /** GET /competencies: assessable competencies (with levels) of published frameworks. */
  async assessable(q: CompetencyListQuery): Promise<Page<CompetencyRef>> {
    const where = [`f.status = 'published'`, `c.max_level > 0`];
    const params: unknown[] = [];
    if (q.q) {
      params.push(`%${likeEscape(q.q.toLowerCase())}%`);
      where.push(`lower(c.code || ' ' || c.name) LIKE $${params.length}`);
    }
    if (q.frameworkId) {
      params.push(q.frameworkId);
      where.push(`c.framework_id = $${params.length}`);
    }
    if (q.kind) {
      params.push(q.kind);
      where.push(`c.kind = $${params.length}`);
    }
    const from = ` FROM competencies c JOIN competency_frameworks f ON f.id = c.framework_id WHERE ${where.join(' AND ')}`;
    const [{ count }] = await this.ds.query(`SELECT count(*)::int AS count${from}`, params);
    const rows: RefRow[] = await this.ds.query(
      `SELECT ${REF_COLUMNS}${from}
        ORDER BY lower(f.name), f.id, ${NATURAL_CODE_ORDER('c.code')}
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { items: rows.map(toRef), total: count, page: q.page, pageSize: q.pageSize };
  }
}

/** The columns of a CompetencyRef, for every query that answers with one (c = competencies, f = its framework). */
export const REF_COLUMNS = `c.id, c.code, c.name, c.kind, c.framework_id, f.name AS framework_name, c.max_level`;

export interface RefRow {
  id: string;
  code: string;
  name: string;
  kind: CompetencyKind;
  framework_id: string;
  framework_name: string;
  max_level: number;
}

export function toRef(r: RefRow): CompetencyRef {
  return { id: r.id, code: r.code, name: r.name, kind: r.kind, frameworkId: r.framework_id, frameworkName: r.framework_name, maxLevel: r.max_level };
}

function toSummary(r: FrameworkRow): FrameworkSummary {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: r.id,
    identifier: r.identifier,
    name: r.name,
    description: r.description,
    publisher: r.publisher,
    version: r.version,
    status: r.status,
    scaleMax: r.scale_max,
    language: r.language,
    competencyCount: r.competency_count,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    publishedAt: iso(r.published_at),
    retiredAt: iso(r.retired_at),
  };
}

function toStored(r: CompetencyRow): StoredCompetency {
  return {
    id: r.id,
    frameworkId: r.framework_id,
    identifier: r.identifier,
    parentId: r.parent_id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    definition: r.definition,
    levels: r.levels,
    maxLevel: r.max_level,
    position: r.position,
  };
}
