import { Injectable } from '@nestjs/common';
import type { Page, Position, PositionListQuery } from '@cakap/contracts';
import { PositionEntity } from '@cakap/db';
import { DataSource } from 'typeorm';
import { likeEscape } from '../common/sql';

interface Row {
  id: string;
  name: string;
  kind: Position['kind'];
  org_unit_id: string | null;
  unit_code: string | null;
  unit_name: string | null;
  user_count: string;
  created_at: Date;
  updated_at: Date;
}

/** Data access for positions (jabatan). */
@Injectable()
export class PositionsRepository {
  constructor(private readonly ds: DataSource) {}

  async list(q: PositionListQuery): Promise<Page<Position>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.q) {
      params.push(`%${likeEscape(q.q.toLowerCase())}%`);
      where.push(`lower(p.name) LIKE $${params.length}`);
    }
    if (q.kind) {
      params.push(q.kind);
      where.push(`p.kind = $${params.length}`);
    }
    if (q.orgUnitId) {
      params.push(q.orgUnitId);
      where.push(`p.org_unit_id = $${params.length}`);
    }
    const filter = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const [{ count }] = await this.ds.query(`SELECT count(*) FROM positions p${filter}`, params);
    const rows: Row[] = await this.ds.query(
      `${this.select()}${filter} ORDER BY p.name, p.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { items: rows.map(toPosition), total: Number(count), page: q.page, pageSize: q.pageSize };
  }

  async get(id: string): Promise<Position | null> {
    const rows: Row[] = await this.ds.query(`${this.select()} WHERE p.id = $1`, [id]);
    return rows.length ? toPosition(rows[0]) : null;
  }

  exists(id: string): Promise<boolean> {
    return this.ds.getRepository(PositionEntity).existsBy({ id });
  }

  private select() {
    return `SELECT p.id, p.name, p.kind, p.org_unit_id, o.code AS unit_code, o.name AS unit_name,
                   p.created_at, p.updated_at,
                   (SELECT count(*) FROM users u WHERE u.position_id = p.id) AS user_count
              FROM positions p LEFT JOIN org_units o ON o.id = p.org_unit_id`;
  }
}

function toPosition(r: Row): Position {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    orgUnit: r.org_unit_id ? { id: r.org_unit_id, code: r.unit_code!, name: r.unit_name! } : null,
    userCount: Number(r.user_count),
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
