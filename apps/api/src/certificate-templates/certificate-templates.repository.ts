import { Injectable } from '@nestjs/common';
import type { CertificateTemplate } from '@cakap/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf } from '../common/sql';

/** A template row as the renderer needs it (H4's TemplateRenderer takes the same shape). */
export interface TemplateRow {
  id: string;
  name: string;
  template_key: string;
  config: unknown;
  number_pattern: string;
  logo_file_id: string | null;
  is_default: boolean;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  issued_count: number;
}

const SELECT = `
  SELECT t.*, (SELECT count(*)::int FROM certificates c WHERE c.template_id = t.id) AS issued_count
    FROM certificate_templates t`;

export function toTemplate(r: TemplateRow): CertificateTemplate {
  return {
    id: r.id,
    name: r.name,
    templateKey: r.template_key,
    config: r.config,
    numberPattern: r.number_pattern,
    logoFileId: r.logo_file_id,
    isDefault: r.is_default,
    archived: r.archived_at !== null,
    issuedCount: r.issued_count,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export interface TemplateWrite {
  name: string;
  templateKey: string;
  config: unknown;
  numberPattern: string;
  logoFileId: string | null;
  isDefault: boolean;
}

@Injectable()
export class CertificateTemplatesRepository {
  constructor(private readonly ds: DataSource) {}

  async list(opts: { archived?: boolean; page: number; pageSize: number }): Promise<{ rows: TemplateRow[]; total: number }> {
    const where = opts.archived === undefined ? '' : opts.archived ? 'WHERE t.archived_at IS NOT NULL' : 'WHERE t.archived_at IS NULL';
    const rows: (TemplateRow & { full_count: number })[] = await this.ds.query(
      `SELECT x.*, count(*) OVER ()::int AS full_count FROM (${SELECT} ${where}) x
        ORDER BY x.is_default DESC, lower(x.name) LIMIT $1 OFFSET $2`,
      [opts.pageSize, (opts.page - 1) * opts.pageSize],
    );
    const total = rows[0]?.full_count ?? (opts.page > 1 ? await this.count(where) : 0);
    return { rows, total };
  }

  private async count(where: string): Promise<number> {
    const [r] = await this.ds.query(`SELECT count(*)::int AS n FROM certificate_templates t ${where}`);
    return r.n;
  }

  async find(id: string, em: EntityManager = this.ds.manager): Promise<TemplateRow | null> {
    const [row] = await em.query(`${SELECT} WHERE t.id = $1`, [id]);
    return row ?? null;
  }

  async fileMime(id: string): Promise<string | null> {
    const [row] = await this.ds.query(`SELECT mime_type FROM files WHERE id = $1`, [id]);
    return row?.mime_type ?? null;
  }

  /** Only one default: the previous one gives way in the same transaction. */
  async clearDefault(em: EntityManager, except?: string): Promise<void> {
    await em.query(`UPDATE certificate_templates SET is_default = false, updated_at = now() WHERE is_default AND id IS DISTINCT FROM $1`, [
      except ?? null,
    ]);
  }

  async insert(em: EntityManager, t: TemplateWrite, createdBy: string): Promise<string> {
    const [row] = await em.query(
      `INSERT INTO certificate_templates (name, template_key, config, number_pattern, logo_file_id, is_default, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [t.name, t.templateKey, JSON.stringify(t.config), t.numberPattern, t.logoFileId, t.isDefault, createdBy],
    );
    return row.id;
  }

  async update(
    em: EntityManager,
    id: string,
    p: { name?: string; config?: unknown; numberPattern?: string; logoFileId?: string | null; isDefault?: boolean; archived?: boolean },
  ): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (p.name !== undefined) set('name', p.name);
    if (p.config !== undefined) set('config', JSON.stringify(p.config));
    if (p.numberPattern !== undefined) set('number_pattern', p.numberPattern);
    if (p.logoFileId !== undefined) set('logo_file_id', p.logoFileId);
    if (p.isDefault !== undefined) set('is_default', p.isDefault);
    if (p.archived !== undefined) sets.push(p.archived ? 'archived_at = coalesce(archived_at, now())' : 'archived_at = NULL');
    await em.query(`UPDATE certificate_templates SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
  }

  /** Deletes an unused template; false when it was not there. */
  async delete(id: string): Promise<boolean> {
    return rowsOf(await this.ds.query(`DELETE FROM certificate_templates WHERE id = $1 RETURNING id`, [id])).length > 0;
  }
}
