import { Injectable } from '@nestjs/common';
import { JOB_OPTIONS, type JobPayload } from '@cakap/contracts';
import type { JobContext, JobHandler, UnfinishedJob } from '../jobs/job-handler';
import { UserImportRepository } from './user-import.repository';
import { UserImportService } from './user-import.service';

/**
 * The {user-import} job: its payload names an import, whose file and state live in Postgres.
 * Unexpected errors are retried by BullMQ; the last attempt marks the import failed.
 */
@Injectable()
export class UserImportProcessor implements JobHandler<'userImport'> {
  readonly job = 'userImport' as const;
  /** As the api's JobQueue adds it; jobId = importId. */
  readonly jobOptions = JOB_OPTIONS;

  constructor(
    private readonly service: UserImportService,
    private readonly repo: UserImportRepository,
  ) {}

  async handle(payload: JobPayload<'userImport'>, ctx: JobContext): Promise<void> {
    await this.service.run(payload.importId, ctx.log);
  }

  async onFinalFailure(payload: JobPayload<'userImport'>, _error: unknown, ctx: JobContext): Promise<void> {
    await this.repo.failInternal(payload.importId, {
      row: 0,
      field: 'file',
      code: 'internal',
      // The message's {requestId}: the job id leads an operator to the logs of the failure.
      params: { requestId: ctx.jobId },
    });
  }

  async findUnfinished(): Promise<UnfinishedJob<'userImport'>[]> {
    const ids = await this.repo.findUnfinished();
    return ids.map((importId) => ({ jobId: importId, payload: { v: 1, importId } }));
  }
}
