import { Injectable } from '@nestjs/common';
import { createBatch, retryBatch } from '@cakap/issuance';
import {
  CERTIFICATE_MESSAGES,
  ErrorCode,
  t,
  type Batch,
  type BatchItem,
  type BatchItemQuery,
  type BatchListQuery,
  type BatchProgress,
  type CreateBatch,
  type Lang,
  type Page,
} from '@cakap/contracts';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { issuing } from '../certificates/issuance-error';
import { JobQueue } from '../queue/job-queue.service';
import { CertificateBatchesRepository, toBatch, type ArchiveEntry } from './certificate-batches.repository';

export const FINISHED: readonly Batch['status'][] = ['completed', 'failed'];

@Injectable()
export class CertificateBatchesService {
  constructor(
    private readonly repo: CertificateBatchesRepository,
    private readonly ds: DataSource,
    private readonly queue: JobQueue,
  ) {}

  /** The batch and its items go to Postgres first; the job only carries the id (jobId = batch id). */
  async create(input: CreateBatch, createdBy: string): Promise<{ id: string }> {
    const { id } = await issuing(() => createBatch(this.ds, input, createdBy));
    await this.enqueue(id);
    return { id };
  }

  async list(q: BatchListQuery): Promise<Page<Batch>> {
    const { rows, total } = await this.repo.list(q);
    return { items: rows.map(toBatch), total, page: q.page, pageSize: q.pageSize };
  }

  async get(id: string): Promise<Batch> {
    const row = await this.repo.find(id);
    if (!row) throw AppError.notFound();
    return toBatch(row);
  }

  async progress(id: string): Promise<BatchProgress> {
    const p = await this.repo.progress(id);
    if (!p) throw AppError.notFound();
    return p;
  }

  async items(id: string, q: BatchItemQuery, lang: Lang): Promise<Page<BatchItem>> {
    await this.progress(id);
    const { rows, total } = await this.repo.items(id, q);
    return {
      items: rows.map((r) => ({
        id: r.id,
        status: r.status,
        nip: r.nip,
        user: r.user_id ? { id: r.user_id, name: r.user_name ?? '' } : null,
        certificate: r.certificate_id ? { id: r.certificate_id, number: r.certificate_number ?? '' } : null,
        // Stored as a message key: translated for this reader.
        reason: r.reason_code ? t(r.reason_code, lang, r.reason_params ?? {}) : null,
        attempts: r.attempts,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** Failed items back to pending, and the batch back on the queue. */
  async retry(id: string): Promise<Batch> {
    await issuing(() => retryBatch(this.ds, id));
    await this.enqueue(id);
    return this.get(id);
  }

  /** The issued certificates' PDFs for the ZIP; refused while the batch still runs. */
  async archive(id: string): Promise<{ batch: Batch; entries: AsyncIterable<ArchiveEntry[]> }> {
    const batch = await this.get(id);
    if (!FINISHED.includes(batch.status)) {
      throw new AppError(ErrorCode.Conflict, {}, [{ field: '_', code: CERTIFICATE_MESSAGES.batchNotFinished }]);
    }
    return { batch, entries: this.repo.archiveEntries(id) };
  }

  private async enqueue(id: string) {
    await this.queue.enqueue('certificateBatch', { v: 1, batchId: id }, { jobId: id });
  }
}
