import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';
import type { Logger } from '../core/logger';
import { CONFIG, LOGGER } from '../core/tokens';
import { parseUserCsv } from './user-import.csv';
import { type ImportProgress, UserImportRepository, type UserUpsertRow } from './user-import.repository';
import { lookupKeys, validateUserRows } from './user-import.validate';

/** Rows per transaction: one multi-row upsert and one progress update each. */
export const USER_IMPORT_CHUNK_SIZE = 500;

export type UserImportOutcome =
  | { status: 'completed'; total: number; created: number; updated: number; failed: number; ms: number }
  | { status: 'failed'; code: string; ms: number }
  | { status: 'skipped'; reason: 'not-found' | 'finished' | 'locked' };

/**
 * Runs one users CSV import (the use case behind the {user-import} job):
 * 1. queued|running -> running, counters reset (started_at kept from the first attempt);
 * 2. parse; a file-level problem fails the import with one error on row 0;
 * 3. validate every row against what the database holds, loaded in bulk; store the row errors;
 * 4. create the positions the file introduces, then upsert the valid rows by NIP in chunks,
 *    each chunk in one transaction with its progress; invalid rows count as failed;
 * 5. the direct superiors named by nip_atasan, once every row is written (a superior may come
 *    later in the file);
 * 6. completed.
 * Idempotent: a rerun (retry after a crash, reconciler) ends with the same users and counts.
 */
@Injectable()
export class UserImportService {
  constructor(
    private readonly repo: UserImportRepository,
    @Inject(CONFIG) private readonly cfg: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async run(importId: string, log: Logger = this.logger): Promise<UserImportOutcome> {
    const t0 = performance.now();
    const elapsed = () => Math.round(performance.now() - t0);
    const locked = await this.repo.withImportLock(importId, async (qr): Promise<UserImportOutcome> => {
      const started = await this.repo.start(qr, importId);
      if (!started) {
        const status = await this.repo.status(importId);
        log.warn({ importId, status }, status ? 'user import already finished, nothing to do' : 'user import not found');
        return { status: 'skipped', reason: status ? 'finished' : 'not-found' };
      }
      log.info({ importId, fileName: started.fileName, bytes: started.content.length }, 'user import started');

      const parsed = parseUserCsv(started.content, this.cfg.IMPORT_MAX_ROWS);
      if (!parsed.ok) {
        await this.repo.failFile(qr, importId, parsed.error);
        log.info({ importId, error: parsed.error, ms: elapsed() }, 'user import failed: file rejected');
        return { status: 'failed', code: parsed.error.code, ms: elapsed() };
      }

      const lookups = await this.repo.loadLookups(qr, lookupKeys(parsed.rows));
      const verdict = validateUserRows(parsed.rows, lookups);
      const total = parsed.rows.length;
      await this.repo.saveValidation(qr, importId, total, verdict.errors);

      await qr.startTransaction();
      const createdPositions = await this.repo.createPositions(qr, verdict.newPositions);
      await qr.commitTransaction();
      if (verdict.newPositions.length) {
        log.info({ importId, positions: verdict.newPositions.map((p) => p.name) }, 'user import created positions');
      }

      const columns = { phone: parsed.columns.has('telepon'), golongan: parsed.columns.has('golongan') };
      const progress: ImportProgress = { processed: 0, created: 0, updated: 0, failed: 0 };
      let next = 0; // index into verdict.valid, which is in file order
      for (let from = 0; from < total; from += USER_IMPORT_CHUNK_SIZE) {
        const upto = Math.min(from + USER_IMPORT_CHUNK_SIZE, total);
        const lastRow = parsed.rows[upto - 1].row;
        const chunk: UserUpsertRow[] = [];
        while (next < verdict.valid.length && verdict.valid[next].row <= lastRow) {
          const { row: _row, newPositionKey, positionId, supervisorNip: _supervisor, ...user } = verdict.valid[next++];
          const resolved = newPositionKey ? createdPositions.get(newPositionKey) : positionId;
          if (newPositionKey && !resolved) throw new Error(`position for "${newPositionKey}" was not created`);
          chunk.push({ ...user, positionId: resolved ?? null });
        }
        await qr.startTransaction();
        try {
          const { created, updated } = await this.repo.upsertUsers(qr, importId, chunk, columns);
          progress.created += created;
          progress.updated += updated;
          progress.failed += upto - from - chunk.length;
          progress.processed = upto;
          await this.repo.saveProgress(qr, importId, progress);
          await qr.commitTransaction();
        } catch (err) {
          await qr.rollbackTransaction();
          throw err;
        }
      }
      await this.repo.setSupervisors(
        qr,
        verdict.valid.flatMap((v) => (v.supervisorNip ? [{ nip: v.nip, supervisorNip: v.supervisorNip }] : [])),
      );
      await this.repo.complete(qr, importId);
      log.info({ importId, total, ...progress, ms: elapsed() }, 'user import completed');
      return { status: 'completed', total, created: progress.created, updated: progress.updated, failed: progress.failed, ms: elapsed() };
    });
    if (!locked.locked) {
      log.warn({ importId }, 'user import is being processed by another worker, skipping');
      return { status: 'skipped', reason: 'locked' };
    }
    return locked.result;
  }
}
