import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';
import { JOB_OPTIONS, type JobPayload } from '@cakap/contracts';
import { CertificateRenderer, ChunkConflictError, issueChunk, recordRenderFailures, recountBatch, unstoredOfBatch, type CertificateRecord } from '@cakap/issuance';
import type { DataSource } from 'typeorm';
import { CONFIG, DATA_SOURCE } from '../core/tokens';
import type { JobContext, JobHandler, UnfinishedJob } from '../jobs/job-handler';

/**
 * The {certificates} batch job (jobId = batch id): queued → running, then chunk after chunk
 * until no item is pending — each chunk issued exactly once in one transaction (issueChunk),
 * then its PDFs rendered and stored — then the certificates of the batch still without a file
 * (a worker killed between commit and files, or items put back by a retry), then completed.
 * Memory stays flat: one chunk of items and PDFs in flight at a time. Re-running a finished or
 * half-done batch is safe: Postgres says what is left.
 */
@Injectable()
export class CertificateBatchProcessor implements JobHandler<'certificateBatch'> {
  readonly job = 'certificateBatch' as const;
  readonly jobOptions = JOB_OPTIONS;

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CONFIG) private readonly cfg: AppConfig,
    private readonly renderer: CertificateRenderer,
  ) {}

  async handle({ batchId }: JobPayload<'certificateBatch'>, ctx: JobContext): Promise<void> {
    const [, started]: [unknown, number] = await this.ds.query(
      `UPDATE certificate_batches SET status = 'running', started_at = COALESCE(started_at, now()), updated_at = now()
        WHERE id = $1 AND status IN ('queued', 'running')`,
      [batchId],
    );
    if (!started) return; // finished (or gone): a re-added job has nothing to do.

    // Pipelined: the next chunk is issued (Postgres' work) while this one renders and stores
    // (the worker's CPU and disk). A crash in between still leaves only committed chunks and
    // certificates without files, which the pass below finds.
    let chunk = await this.issueChunk(batchId);
    for (;;) {
      const next = chunk.picked ? this.issueChunk(batchId) : undefined;
      next?.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
      if (chunk.issued.length) await this.store(batchId, chunk.issued);
      await ctx.progress(chunk.counters);
      if (!next) break;
      chunk = await next;
    }
    // Keyset paging: a certificate that fails again is not picked twice in this pass.
    for (let after = ''; ; ) {
      const page = await unstoredOfBatch(this.ds, batchId, this.cfg.CERTIFICATE_CHUNK_SIZE, after);
      if (!page.length) break;
      await this.store(batchId, page);
      after = page[page.length - 1].number;
      if (page.length < this.cfg.CERTIFICATE_CHUNK_SIZE) break;
    }
    const counters = await recountBatch(this.ds, batchId);
    await this.ds.query(`UPDATE certificate_batches SET status = 'completed', finished_at = now(), updated_at = now() WHERE id = $1`, [batchId]);
    await ctx.progress({ ...counters, status: 'completed' });
    ctx.log.info({ batchId, ...counters }, 'certificate batch completed');
  }

  async onFinalFailure({ batchId }: JobPayload<'certificateBatch'>): Promise<void> {
    await this.ds.query(`UPDATE certificate_batches SET status = 'failed', finished_at = now(), updated_at = now() WHERE id = $1 AND status <> 'completed'`, [
      batchId,
    ]);
  }

  /** Batches Postgres says are unfinished: the reconciler re-adds those without a live job. */
  async findUnfinished(): Promise<UnfinishedJob<'certificateBatch'>[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM certificate_batches WHERE status IN ('queued', 'running') ORDER BY created_at LIMIT 1000`,
    );
    return rows.map((r) => ({ jobId: r.id, payload: { v: 1, batchId: r.id } }));
  }

  private async issueChunk(batchId: string) {
    const opts = { secret: this.cfg.CAKAP_KEY_SECRET, limit: this.cfg.CERTIFICATE_CHUNK_SIZE };
    try {
      return await issueChunk(this.ds, batchId, opts);
    } catch (err) {
      // Rolled back because a learner got a certificate elsewhere meanwhile: the retry skips them.
      if (err instanceof ChunkConflictError) return issueChunk(this.ds, batchId, opts);
      throw err;
    }
  }

  private async store(batchId: string, certificates: CertificateRecord[]): Promise<void> {
    const out = await this.renderer.renderAndStore(this.ds, certificates);
    if (out.failed.length) {
      await recordRenderFailures(this.ds, batchId, out.failed);
      await recountBatch(this.ds, batchId);
    }
  }
}
