import type { JobKey, JobPayload } from '@cakap/contracts';
import type { JobsOptions } from 'bullmq';
import type { Logger } from '../core/logger';

export interface JobContext {
  jobId: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** No retry follows if this attempt fails. */
  finalAttempt: boolean;
  log: Logger;
  /** Reports progress on the BullMQ job (dashboards); Postgres stays the record of it. */
  progress(value: object): Promise<void>;
}

/** A job Postgres says is unfinished, as the reconciler re-adds it. */
export interface UnfinishedJob<K extends JobKey = JobKey> {
  jobId: string;
  payload: JobPayload<K>;
}

/**
 * Runs one kind of job (a key of contracts' JOBS). The worker refuses to start unless every
 * job has exactly one handler (job-registry.ts).
 */
export interface JobHandler<K extends JobKey = JobKey> {
  readonly job: K;
  /** Options for a job the worker (re-)adds itself: the same ones the api uses. */
  readonly jobOptions: Omit<JobsOptions, 'jobId'>;
  handle(payload: JobPayload<K>, ctx: JobContext): Promise<void>;
  /** Called once when the last attempt failed (or the error is unrecoverable), before BullMQ records it. */
  onFinalFailure?(payload: JobPayload<K>, error: unknown, ctx: JobContext): Promise<void>;
  /** What Postgres says is still to do, for the reconciler. */
  findUnfinished?(): Promise<UnfinishedJob<K>[]>;
}
