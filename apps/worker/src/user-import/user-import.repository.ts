import { Inject, Injectable } from '@nestjs/common';
import type { AsnType } from '@cakap/contracts';
import type { StoredRowError } from '@cakap/db';
import type { DataSource, QueryRunner } from 'typeorm';
import { DATA_SOURCE } from '../core/tokens';
import { positionKey, type ImportLookups, type NewPosition } from './user-import.validate';

/** A valid row ready for the upsert: its position resolved (created ones included). */
export interface UserUpsertRow {
  nip: string;
  name: string;
  email: string | null;
  phone: string | null;
  golongan: string | null;
  asnType: AsnType;
  orgUnitId: string;
  positionId: string | null;
}

export interface ImportProgress {
  processed: number;
  created: number;
  updated: number;
  failed: number;
}

/** Plain SQL for the users import; everything in bulk, nothing per row. */
@Injectable()
export class UserImportRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  /**
   * Runs `fn` on one connection that holds a session advisory lock on the import, so that two
   * workers never process the same import at once. `locked: false` when another holds it.
   */
  async withImportLock<T>(importId: string, fn: (qr: QueryRunner) => Promise<T>): Promise<{ locked: false } | { locked: true; result: T }> {
    const qr = this.ds.createQueryRunner();
    await qr.connect();
    const key = `user-import:${importId}`;
    try {
      const [{ locked }] = await qr.query(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`, [key]);
      if (!locked) return { locked: false };
      try {
        return { locked: true, result: await fn(qr) };
      } finally {
        if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
        await qr.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [key]).catch(() => undefined);
      }
    } finally {
      await qr.release();
    }
  }

  async status(importId: string): Promise<string | null> {
    const rows: Array<{ status: string }> = await this.ds.query(`SELECT status FROM user_imports WHERE id = $1`, [importId]);
    return rows[0]?.status ?? null;
  }

  /**
   * queued|running -> running, counters and errors reset. started_at is kept from the first
   * attempt: rows created since then count as created on a rerun too, so a rerun reports what
   * the first run would have. Null when the import is missing or already finished.
   */
  async start(qr: QueryRunner, importId: string): Promise<{ content: string; fileName: string | null } | null> {
    const rows = await records<{ content: string; file_name: string | null }>(
      qr,
      `UPDATE user_imports
          SET status = 'running', started_at = coalesce(started_at, now()), finished_at = NULL,
              total = 0, processed = 0, created = 0, updated = 0, failed = 0, errors = '[]'::jsonb
        WHERE id = $1 AND status IN ('queued', 'running')
        RETURNING content, file_name`,
      [importId],
    );
    return rows[0] ? { content: rows[0].content, fileName: rows[0].file_name } : null;
  }

  async loadLookups(qr: QueryRunner, keys: { nips: string[]; unitCodes: string[]; emails: string[] }): Promise<ImportLookups> {
    const units: Array<{ id: string; code: string }> = await qr.query(
      `SELECT id, code FROM org_units WHERE lower(code) = ANY($1::text[])`,
      [keys.unitCodes],
    );
    const unitIds = units.map((u) => u.id);
    const positions: Array<{ id: string; name: string; org_unit_id: string | null }> = await qr.query(
      `SELECT id, name, org_unit_id FROM positions WHERE org_unit_id = ANY($1::uuid[]) OR org_unit_id IS NULL`,
      [unitIds],
    );
    const users: Array<{ nip: string; asn_type: AsnType }> = await qr.query(
      `SELECT nip, asn_type FROM users WHERE nip = ANY($1::varchar[])`,
      [keys.nips],
    );
    const owners: Array<{ email: string; nip: string }> = await qr.query(
      `SELECT lower(email) AS email, nip FROM users WHERE lower(email) = ANY($1::text[])`,
      [keys.emails],
    );
    return {
      orgUnits: new Map(units.map((u) => [u.code.toLowerCase(), u.id])),
      positions: new Map(positions.map((p) => [positionKey(p.org_unit_id, p.name), p.id])),
      existingUsers: new Map(users.map((u) => [u.nip, u.asn_type])),
      emailOwners: new Map(owners.map((o) => [o.email, o.nip])),
    };
  }

  /** Row errors are known before anything is written: store them with the total at once. */
  async saveValidation(qr: QueryRunner, importId: string, total: number, errors: StoredRowError[]): Promise<void> {
    await qr.query(`UPDATE user_imports SET total = $2, errors = $3::jsonb WHERE id = $1`, [
      importId,
      total,
      JSON.stringify(errors),
    ]);
  }

  /** Creates the positions (once: an existing one with the same unit and name is kept); key -> id. */
  async createPositions(qr: QueryRunner, positions: NewPosition[]): Promise<Map<string, string>> {
    if (!positions.length) return new Map();
    const names = positions.map((p) => p.name);
    const units = positions.map((p) => p.orgUnitId);
    await qr.query(
      `INSERT INTO positions (name, kind, org_unit_id)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::uuid[])
       ON CONFLICT (lower(name), coalesce(org_unit_id, '00000000-0000-0000-0000-000000000000'::uuid)) DO NOTHING`,
      [names, positions.map((p) => p.kind), units],
    );
    const rows: Array<{ key: string; id: string }> = await qr.query(
      `SELECT t.key, p.id
         FROM unnest($1::varchar[], $2::uuid[], $3::text[]) AS t(name, org_unit_id, key)
         JOIN positions p ON lower(p.name) = lower(t.name) AND p.org_unit_id = t.org_unit_id`,
      [names, units, positions.map((p) => p.key)],
    );
    return new Map(rows.map((r) => [r.key, r.id]));
  }

  /**
   * One multi-row upsert by NIP. New users get the column defaults (roles {learner}, active,
   * no password); existing users get the file's name, e-mail, ASN type, unit and position, and
   * its phone and golongan when the file has those columns; roles, password and active are
   * never touched. A row counts as created when it was inserted now or since the import first
   * started (an earlier attempt), so a rerun gives the same counts.
   */
  async upsertUsers(
    qr: QueryRunner,
    importId: string,
    rows: UserUpsertRow[],
    columns: { phone: boolean; golongan: boolean },
  ): Promise<{ created: number; updated: number }> {
    if (!rows.length) return { created: 0, updated: 0 };
    const result = await records<{ created: boolean }>(
      qr,
      `INSERT INTO users AS u (nip, name, email, phone, golongan, asn_type, org_unit_id, position_id)
       SELECT * FROM unnest($2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[],
                            $7::varchar[], $8::uuid[], $9::uuid[])
       ON CONFLICT (nip) DO UPDATE SET
         name = EXCLUDED.name,
         email = EXCLUDED.email,
         phone = CASE WHEN $10::boolean THEN EXCLUDED.phone ELSE u.phone END,
         golongan = CASE WHEN $11::boolean THEN EXCLUDED.golongan ELSE u.golongan END,
         asn_type = EXCLUDED.asn_type,
         org_unit_id = EXCLUDED.org_unit_id,
         position_id = EXCLUDED.position_id,
         updated_at = now()
       RETURNING (u.xmax = 0 OR u.created_at >= (SELECT started_at FROM user_imports WHERE id = $1)) AS created`,
      [
        importId,
        rows.map((r) => r.nip),
        rows.map((r) => r.name),
        rows.map((r) => r.email),
        rows.map((r) => r.phone),
        rows.map((r) => r.golongan),
        rows.map((r) => r.asnType),
        rows.map((r) => r.orgUnitId),
        rows.map((r) => r.positionId),
        columns.phone,
        columns.golongan,
      ],
    );
    const created = result.filter((r) => r.created).length;
    return { created, updated: result.length - created };
  }

  async saveProgress(qr: QueryRunner, importId: string, p: ImportProgress): Promise<void> {
    await qr.query(`UPDATE user_imports SET processed = $2, created = $3, updated = $4, failed = $5 WHERE id = $1`, [
      importId,
      p.processed,
      p.created,
      p.updated,
      p.failed,
    ]);
  }

  /** Each row's direct superior by NIP (both users exist by now); one statement, idempotent. */
  async setSupervisors(qr: QueryRunner, pairs: ReadonlyArray<{ nip: string; supervisorNip: string }>): Promise<void> {
    if (!pairs.length) return;
    await qr.query(
      `UPDATE users u SET supervisor_id = s.id, updated_at = now()
         FROM unnest($1::varchar[], $2::varchar[]) AS t(nip, supervisor_nip)
         JOIN users s ON s.nip = t.supervisor_nip
        WHERE u.nip = t.nip AND u.supervisor_id IS DISTINCT FROM s.id`,
      [pairs.map((p) => p.nip), pairs.map((p) => p.supervisorNip)],
    );
  }

  async complete(qr: QueryRunner, importId: string): Promise<void> {
    await qr.query(`UPDATE user_imports SET status = 'completed', finished_at = now() WHERE id = $1`, [importId]);
  }

  /** The file itself is unusable (header, empty, too many rows, unreadable). */
  async failFile(qr: QueryRunner, importId: string, error: StoredRowError): Promise<void> {
    await qr.query(`UPDATE user_imports SET status = 'failed', finished_at = now(), errors = $2::jsonb WHERE id = $1`, [
      importId,
      JSON.stringify([error]),
    ]);
  }

  /**
   * The last attempt crashed: the import is failed, the error goes first, the row errors already
   * found stay, and the counters say what was applied before the crash.
   */
  async failInternal(importId: string, error: StoredRowError): Promise<void> {
    await this.ds.query(
      `UPDATE user_imports SET status = 'failed', finished_at = now(), errors = $2::jsonb || errors
        WHERE id = $1 AND status IN ('queued', 'running')`,
      [importId, JSON.stringify([error])],
    );
  }

  /** Imports Postgres says are not finished, oldest first (for the reconciler). */
  async findUnfinished(limit = 1000): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT id FROM user_imports WHERE status IN ('queued', 'running') ORDER BY created_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }
}

/** The rows of a statement, whatever its kind (TypeORM answers UPDATE ... RETURNING as [rows, count]). */
async function records<T>(qr: QueryRunner, sql: string, params: unknown[]): Promise<T[]> {
  const result = await qr.query(sql, params, true);
  return result.records as T[];
}
