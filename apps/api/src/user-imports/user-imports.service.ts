import { Injectable, Logger } from '@nestjs/common';
import { t, type ImportErrorsQuery, type Lang, type Page, type PageQuery, type UserImport } from '@cakap/contracts';
import { UserImportEntity } from '@cakap/db';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { JobQueue } from '../queue/job-queue.service';

/**
 * Users CSV imports: the api stores the file in Postgres and enqueues a job; the worker
 * validates every row and applies the valid ones, recording progress and row errors.
 */
@Injectable()
export class UserImportsService {
  private readonly log = new Logger(UserImportsService.name);

  constructor(
    private readonly ds: DataSource,
    private readonly jobs: JobQueue,
  ) {}

  async start(content: string, fileName: string | null, createdBy: string): Promise<{ id: string }> {
    const row = await this.ds.getRepository(UserImportEntity).save({ content, fileName, createdBy, status: 'queued' });
    try {
      await this.jobs.enqueue('userImport', { v: 1, importId: row.id }, { jobId: row.id });
    } catch (e) {
      // The row is the truth: the worker's reconciler enqueues it once Redis is back.
      this.log.warn({ err: e, importId: row.id }, 'Could not enqueue the import now; the reconciler will');
    }
    return { id: row.id };
  }

  async get(id: string, lang: Lang, q: ImportErrorsQuery): Promise<UserImport> {
    const row = await this.ds.getRepository(UserImportEntity).findOneBy({ id });
    if (!row) throw AppError.notFound();
    return toView(row, lang, q);
  }

  async list(q: PageQuery, lang: Lang): Promise<Page<UserImport>> {
    const [rows, total] = await this.ds.getRepository(UserImportEntity).findAndCount({
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return {
      items: rows.map((r) => toView(r, lang, { errorOffset: 0, errorLimit: 0 })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}

function toView(r: UserImportEntity, lang: Lang, q: ImportErrorsQuery): UserImport {
  return {
    id: r.id,
    status: r.status,
    fileName: r.fileName,
    total: r.total,
    processed: r.processed,
    created: r.created,
    updated: r.updated,
    failed: r.failed,
    errorCount: r.errors.length,
    errors: r.errors.slice(q.errorOffset, q.errorOffset + q.errorLimit).map((e) => ({
      row: e.row,
      field: e.field,
      code: e.code,
      message: t(e.code, lang, e.params),
    })),
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}
