import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';
import { JOB_OPTIONS, JOBS } from '@cakap/contracts';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { CONFIG, REDIS } from '../core/tokens';

/** The id of the job that runs step `n` of a sent request (reminder n, or closing it after the last). */
export const remindJobId = (requestId: string, n: number) => `${requestId}-remind-${n}`;

/**
 * The {follow-ups} producer of the worker: delayed jobs whose ids are derived from the request,
 * so adding one twice (a retried job, the reconciler) is a no-op while the first is waiting.
 * Redis keeps delayed jobs across worker restarts; Postgres keeps the dates, for the reconciler.
 */
@Injectable()
export class FollowUpQueue implements OnModuleDestroy {
  private queue: Queue | undefined;

  constructor(
    @Inject(CONFIG) private readonly cfg: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** The request is sent at `at`; `jobId` differs from the request id only for a job that fired early. */
  async send(requestId: string, at: Date, jobId = requestId): Promise<void> {
    await this.producer().add(JOBS.followUpSend.name, { v: 1, requestId }, { ...JOB_OPTIONS, jobId, delay: delayUntil(at) });
  }

  async step(requestId: string, n: number, at: Date, jobId = remindJobId(requestId, n)): Promise<void> {
    await this.producer().add(JOBS.followUpRemind.name, { v: 1, requestId, reminder: n }, { ...JOB_OPTIONS, jobId, delay: delayUntil(at) });
  }

  private producer(): Queue {
    this.queue ??= new Queue(JOBS.followUpSend.queue, { connection: this.redis, prefix: this.cfg.QUEUE_PREFIX });
    return this.queue;
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue?.close();
  }
}

/** A little past the date, so a job never fires a hair before what Postgres calls due. */
function delayUntil(at: Date): number {
  return Math.max(0, at.getTime() - Date.now()) + 50;
}
