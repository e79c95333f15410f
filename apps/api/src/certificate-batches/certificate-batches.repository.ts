import { Injectable } from '@nestjs/common';
import type { Batch, BatchItemQuery, BatchListQuery, BatchProgress } from '@cakap/contracts';
import { DataSource } from 'typeorm';
import { likeEscape } from '../common/sql';

interface BatchRow {
  id: string;
  kind: Batch['kind'];
  status: Batch['status'];
  course_id: string;
  course_title: string;
  template_id: string;
  template_name: string;
  criteria: { orgUnitId?: string | null; completedFrom?: string | null; completedTo?: string | null; listed?: number | null };
  org_unit_name: string | null;
  total: number;
  issued: number;
  skipped: number;
  failed: number;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface BatchItemRow {
  id: string;
  status: 'pending' | 'issued' | 'skipped' | 'failed';
  nip: string;
  user_id: string | null;
  user_name: string | null;
  certificate_id: string | null;
  certificate_number: string | null;
  reason_code: string | null;
  reason_params: Record<string, unknown> | null;
  attempts: number;
}

export interface ArchiveEntry {
  number: string;
  storage_key: string;
}

// The course title of its latest version (a draft title may differ from what learners saw).
const SELECT = `
  SELECT b.id, b.kind, b.status, b.course_id, coalesce(v.title, c.title) AS course_title, b.template_id, t.name AS template_name,
         b.criteria, ou.name AS org_unit_name, b.total, b.issued, b.skipped, b.failed,
         b.created_by, u.name AS created_by_name, b.created_at, b.started_at, b.finished_at
    FROM certificate_batches b
    JOIN courses c ON c.id = b.course_id
    LEFT JOIN LATERAL (SELECT cv.title FROM course_versions cv WHERE cv.course_id = c.id ORDER BY cv.version DESC LIMIT 1) v ON true
    JOIN certificate_templates t ON t.id = b.template_id
    LEFT JOIN org_units ou ON ou.id = (b.criteria->>'orgUnitId')::uuid
    LEFT JOIN users u ON u.id = b.created_by`;

export function toBatch(r: BatchRow): Batch {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    course: { id: r.course_id, title: r.course_title },
    template: { id: r.template_id, name: r.template_name },
    criteria: {
      orgUnit: r.criteria.orgUnitId && r.org_unit_name ? { id: r.criteria.orgUnitId, name: r.org_unit_name } : null,
      completedFrom: r.criteria.completedFrom ?? null,
      completedTo: r.criteria.completedTo ?? null,
      listed: r.criteria.listed ?? null,
    },
    total: r.total,
    issued: r.issued,
    skipped: r.skipped,
    failed: r.failed,
    createdBy: r.created_by ? { id: r.created_by, name: r.created_by_name ?? '' } : null,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

@Injectable()
export class CertificateBatchesRepository {
  constructor(private readonly ds: DataSource) {}

  async list(q: BatchListQuery): Promise<{ rows: BatchRow[]; total: number }> {
    const conds: string[] = [];
    const params: unknown[] = [];
    if (q.courseId) conds.push(`b.course_id = $${params.push(q.courseId)}`);
    if (q.status) conds.push(`b.status = $${params.push(q.status)}`);
    const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM certificate_batches b ${where}`, params);
    const rows = await this.ds.query(
      `${SELECT} ${where} ORDER BY b.created_at DESC, b.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    return { rows, total: n };
  }

  async find(id: string): Promise<BatchRow | null> {
    const [row] = await this.ds.query(`${SELECT} WHERE b.id = $1`, [id]);
    return row ?? null;
  }

  async progress(id: string): Promise<BatchProgress | null> {
    const [row] = await this.ds.query(`SELECT id, status, total, issued, skipped, failed FROM certificate_batches WHERE id = $1`, [id]);
    return row ?? null;
  }

  async items(id: string, q: BatchItemQuery): Promise<{ rows: BatchItemRow[]; total: number }> {
    const conds = ['i.batch_id = $1'];
    const params: unknown[] = [id];
    if (q.status) conds.push(`i.status = $${params.push(q.status)}`);
    if (q.q) {
      const n = params.push(`%${likeEscape(q.q.toLowerCase())}%`);
      const d = params.push(`${likeEscape(q.q.replace(/\s+/g, ''))}%`);
      conds.push(`(lower(u.name) LIKE $${n} OR i.nip LIKE $${d})`);
    }
    const from = `FROM certificate_batch_items i LEFT JOIN users u ON u.id = i.user_id WHERE ${conds.join(' AND ')}`;
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n ${from}`, params);
    const rows = await this.ds.query(
      `SELECT i.id, i.status, i.nip, i.user_id, u.name AS user_name, i.certificate_id, c.number AS certificate_number,
              i.reason_code, i.reason_params, i.attempts
         ${from.replace('WHERE', 'LEFT JOIN certificates c ON c.id = i.certificate_id WHERE')}
        ORDER BY i.nip LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    return { rows, total: n };
  }

  /** The stored PDFs of the certificates this batch issued, by number, in pages (keyset on number). */
  async *archiveEntries(id: string, size = 500): AsyncGenerator<ArchiveEntry[]> {
    let after = '';
    for (;;) {
      const rows: ArchiveEntry[] = await this.ds.query(
        `SELECT c.number, c.storage_key FROM certificate_batch_items i JOIN certificates c ON c.id = i.certificate_id
          WHERE i.batch_id = $1 AND i.status = 'issued' AND c.storage_key IS NOT NULL AND c.number > $2
          ORDER BY c.number LIMIT ${size}`,
        [id, after],
      );
      if (!rows.length) return;
      yield rows;
      after = rows[rows.length - 1].number;
    }
  }
}
