import { Injectable } from '@nestjs/common';
import type { OrgUnit, OrgUnitListQuery, OrgUnitRef, Page } from '@cakap/contracts';
import { OrgUnitEntity } from '@cakap/db';
import { DataSource, type EntityManager } from 'typeorm';
import { likeEscape } from '../common/sql';

interface Row {
  id: string;
  code: string;
  name: string;
  parent_id: string | null;
  created_at: Date;
  updated_at: Date;
  child_count: string;
  user_count: string;
}

const SELECT = `
  SELECT o.id, o.code, o.name, o.parent_id, o.created_at, o.updated_at,
         (SELECT count(*) FROM org_units c WHERE c.parent_id = o.id) AS child_count,
         (SELECT count(*) FROM users u WHERE u.org_unit_id = o.id) AS user_count
    FROM org_units o`;

/** Data access for the org-unit tree. */
@Injectable()
export class OrgUnitsRepository {
  constructor(private readonly ds: DataSource) {}

  async list(q: OrgUnitListQuery): Promise<Page<OrgUnit>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.q) {
      params.push(`%${likeEscape(q.q.toLowerCase())}%`);
      where.push(`(lower(o.name) LIKE $${params.length} OR lower(o.code) LIKE $${params.length})`);
    }
    if (q.parentId === 'root') where.push('o.parent_id IS NULL');
    else if (q.parentId) {
      params.push(q.parentId);
      where.push(`o.parent_id = $${params.length}`);
    }
    const filter = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const [{ count }] = await this.ds.query(`SELECT count(*) FROM org_units o${filter}`, params);
    const rows: Row[] = await this.ds.query(
      `${SELECT}${filter} ORDER BY o.name, o.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { items: await this.withAncestors(rows), total: Number(count), page: q.page, pageSize: q.pageSize };
  }

  async get(id: string): Promise<OrgUnit | null> {
    const rows: Row[] = await this.ds.query(`${SELECT} WHERE o.id = $1`, [id]);
    return rows.length ? (await this.withAncestors(rows))[0] : null;
  }

  exists(id: string): Promise<boolean> {
    return this.ds.getRepository(OrgUnitEntity).existsBy({ id });
  }

  /** True when `candidate` is `id` itself or lies below it. */
  async isSelfOrDescendant(m: EntityManager, id: string, candidate: string): Promise<boolean> {
    const rows = await m.query(
      `WITH RECURSIVE sub AS (SELECT id FROM org_units WHERE id = $1
         UNION ALL SELECT c.id FROM org_units c JOIN sub ON c.parent_id = sub.id)
       SELECT 1 FROM sub WHERE id = $2`,
      [id, candidate],
    );
    return rows.length > 0;
  }

  private async withAncestors(rows: Row[]): Promise<OrgUnit[]> {
    const ancestors = new Map<string, OrgUnitRef[]>();
    if (rows.length) {
      const found: { origin: string; id: string; code: string; name: string }[] = await this.ds.query(
        `WITH RECURSIVE anc AS (
           SELECT o.id AS origin, p.id, p.code, p.name, p.parent_id, 1 AS depth
             FROM org_units o JOIN org_units p ON p.id = o.parent_id WHERE o.id = ANY($1)
           UNION ALL
           SELECT anc.origin, p.id, p.code, p.name, p.parent_id, anc.depth + 1
             FROM anc JOIN org_units p ON p.id = anc.parent_id WHERE anc.depth < 32)
         SELECT origin, id, code, name FROM anc ORDER BY origin, depth DESC`,
        [rows.map((r) => r.id)],
      );
      for (const a of found) {
        const list = ancestors.get(a.origin) ?? [];
        list.push({ id: a.id, code: a.code, name: a.name });
        ancestors.set(a.origin, list);
      }
    }
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      parentId: r.parent_id,
      ancestors: ancestors.get(r.id) ?? [],
      childCount: Number(r.child_count),
      userCount: Number(r.user_count),
      createdAt: new Date(r.created_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
    }));
  }
}
