import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';
import { JOB_OPTIONS, type JobPayload } from '@cakap/contracts';
import { runSnapshot } from '@cakap/reports';
import type { DataSource } from 'typeorm';
import { CONFIG, DATA_SOURCE } from '../core/tokens';
import type { JobContext, JobHandler, UnfinishedJob } from '../jobs/job-handler';

/** A snapshot queued or running for longer than this has lost its job (or its worker died). */
const UNFINISHED_AFTER = '1 minute';
const SWEEP_LIMIT = 100;

/**
 * The {reports} job: computes a report snapshot with the same `runSnapshot` the api's tests
 * play, so the heavy SQL never runs on the api's event loop. A failed computation is recorded
 * on the snapshot (the next request retries it), not thrown; only an error while recording
 * makes BullMQ retry. Requesters who stopped waiting are notified by `runSnapshot`.
 */
@Injectable()
export class ReportComputeProcessor implements JobHandler<'reportCompute'> {
  readonly job = 'reportCompute' as const;
  readonly jobOptions = JOB_OPTIONS;

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CONFIG) private readonly cfg: AppConfig,
  ) {}

  async handle(payload: JobPayload<'reportCompute'>, ctx: JobContext): Promise<void> {
    const started = Date.now();
    const outcome = await runSnapshot(this.ds, payload.snapshotId, { notifyAfterMs: this.cfg.REPORT_WAIT_MS });
    ctx.log.info({ snapshotId: payload.snapshotId, outcome, ms: Date.now() - started }, 'report snapshot computed');
  }

  /** Snapshots still queued or running a minute after they were asked for. */
  async findUnfinished(): Promise<UnfinishedJob<'reportCompute'>[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM report_snapshots
        WHERE status IN ('queued', 'running') AND requested_at < now() - interval '${UNFINISHED_AFTER}'
        ORDER BY requested_at LIMIT $1`,
      [SWEEP_LIMIT],
    );
    return rows.map((r) => ({ jobId: r.id, payload: { v: 1, snapshotId: r.id } }));
  }
}
