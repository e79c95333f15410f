import { Injectable } from '@nestjs/common';
import type { Certificate, CertificateListQuery, CertificateStatus } from '@cakap/contracts';
import { DataSource } from 'typeorm';
import { likeEscape } from '../common/sql';

/** What the certificate recorded about its recipient at issue (written by @cakap/issuance). */
interface Recipient {
  name: string;
  nip: string;
  orgUnit?: string;
  position?: string | null;
}

export interface CertificateRow {
  id: string;
  user_id: string;
  course_id: string;
  template_id: string;
  number: string;
  year: number;
  code: string;
  status: CertificateStatus;
  issued_at: Date;
  recipient: Recipient;
  course_title: string;
  jp: number;
  development_form: string;
  organiser: string;
  start_date: string;
  end_date: string;
  payload: string;
  signature: string;
  key_id: string;
  storage_key: string | null;
  revoked_at: Date | null;
  revoke_reason: string | null;
  replaced_by: string | null;
  replaces: string | null;
  replaced_by_number: string | null;
  replaced_by_code: string | null;
  replaces_number: string | null;
}

// Dates as text: a `date` column must not travel through a JS Date (time zones shift it).
const SELECT = `
  SELECT c.id, c.user_id, c.course_id, c.template_id, c.number, c.year, c.code, c.status, c.issued_at,
         c.recipient, c.course_title, c.jp, c.development_form, c.organiser,
         to_char(c.start_date, 'YYYY-MM-DD') AS start_date, to_char(c.end_date, 'YYYY-MM-DD') AS end_date,
         c.payload, c.signature, c.key_id, c.storage_key, c.revoked_at, c.revoke_reason, c.replaced_by, c.replaces,
         rb.number AS replaced_by_number, rb.code AS replaced_by_code, rp.number AS replaces_number
    FROM certificates c
    LEFT JOIN certificates rb ON rb.id = c.replaced_by
    LEFT JOIN certificates rp ON rp.id = c.replaces`;

export function toCertificate(r: CertificateRow): Certificate {
  return {
    id: r.id,
    number: r.number,
    code: r.code,
    status: r.status,
    issuedAt: r.issued_at.toISOString(),
    courseId: r.course_id,
    courseTitle: r.course_title,
    jp: r.jp,
    recipient: {
      id: r.user_id,
      name: r.recipient.name,
      nip: r.recipient.nip,
      orgUnit: r.recipient.orgUnit ?? '',
      position: r.recipient.position ?? null,
    },
    hasPdf: r.storage_key !== null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
    revokeReason: r.revoke_reason,
    replacedBy: r.replaced_by ? { id: r.replaced_by, number: r.replaced_by_number! } : null,
    replaces: r.replaces ? { id: r.replaces, number: r.replaces_number! } : null,
  };
}

export type CertificateFilter = Omit<CertificateListQuery, 'page' | 'pageSize'> & { userId?: string };

@Injectable()
export class CertificatesRepository {
  constructor(private readonly ds: DataSource) {}

  private where(f: CertificateFilter): { sql: string; params: unknown[] } {
    const conds: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (f.userId) conds.push(`c.user_id = ${p(f.userId)}`);
    if (f.courseId) conds.push(`c.course_id = ${p(f.courseId)}`);
    if (f.status) conds.push(`c.status = ${p(f.status)}`);
    if (f.year) conds.push(`c.year = ${p(f.year)}`);
    if (f.q) {
      const digits = f.q.replace(/\s+/g, '');
      conds.push(
        `(lower(c.recipient->>'name') LIKE ${p(`%${likeEscape(f.q.toLowerCase())}%`)}
          OR c.recipient->>'nip' LIKE ${p(`${likeEscape(digits)}%`)} OR lower(c.number) LIKE ${p(`%${likeEscape(f.q.toLowerCase())}%`)})`,
      );
    }
    // The unit with its sub-units, by the learner's current unit (as every admin list filters people).
    if (f.orgUnitId) {
      conds.push(`c.user_id IN (SELECT u.id FROM users u WHERE u.org_unit_id IN (
        WITH RECURSIVE sub AS (SELECT id FROM org_units WHERE id = ${p(f.orgUnitId)}
          UNION ALL SELECT o.id FROM org_units o JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub))`);
    }
    return { sql: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
  }

  async list(f: CertificateFilter, page: number, pageSize: number): Promise<{ rows: CertificateRow[]; total: number }> {
    const { sql, params } = this.where(f);
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM certificates c ${sql}`, params);
    const rows = await this.ds.query(`${SELECT} ${sql} ORDER BY c.issued_at DESC, c.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`, params);
    return { rows, total: n };
  }

  /** Every matching certificate in pages of `size`, for exports (keyset pagination, never all in memory). */
  async *each(f: CertificateFilter, size = 1000): AsyncGenerator<CertificateRow[]> {
    const { sql, params } = this.where(f);
    let after: string | null = null;
    for (;;) {
      const keyset = after ? `${sql ? `${sql} AND` : 'WHERE'} c.id > $${params.length + 1}` : sql;
      const rows: CertificateRow[] = await this.ds.query(`${SELECT} ${keyset} ORDER BY c.id LIMIT ${size}`, after ? [...params, after] : params);
      if (!rows.length) return;
      yield rows;
      after = rows[rows.length - 1].id;
      if (rows.length < size) return;
    }
  }

  async find(id: string): Promise<CertificateRow | null> {
    const [row] = await this.ds.query(`${SELECT} WHERE c.id = $1`, [id]);
    return row ?? null;
  }

  async findByCode(code: string): Promise<CertificateRow | null> {
    const [row] = await this.ds.query(`${SELECT} WHERE c.code = $1`, [code]);
    return row ?? null;
  }
}
