import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';
import { JOBS } from '@cakap/contracts';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../core/logger';
import { CONFIG, LOGGER, REDIS, WORKER_OPTIONS } from '../core/tokens';
import type { ResolvedWorkerOptions } from '../core/worker-options';
import type { JobContext } from './job-handler';
import { JobRegistry } from './job-registry';

/**
 * One BullMQ Worker per queue of the registry. A job is dispatched by its name to its handler
 * after its payload passed the contract's zod schema; the last failed attempt gives the handler
 * a chance to record the failure in Postgres before BullMQ records it in Redis.
 */
@Injectable()
export class WorkersService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly workers: Worker[] = [];

  constructor(
    private readonly registry: JobRegistry,
    @Inject(CONFIG) private readonly cfg: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(WORKER_OPTIONS) private readonly opts: ResolvedWorkerOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.opts.startWorkers) return;
    for (const queue of this.registry.queues()) {
      const worker = new Worker(queue, (job) => this.dispatch(queue, job), {
        connection: this.redis,
        prefix: this.cfg.QUEUE_PREFIX,
        concurrency: this.cfg.WORKER_CONCURRENCY,
      });
      worker.on('error', (err) => this.logger.error({ err, queue }, 'queue worker error'));
      // Handler failures are logged by dispatch(); this also sees jobs failed by BullMQ itself (stalled too often).
      worker.on('failed', (job, err) =>
        this.logger.debug({ queue, jobId: job?.id, job: job?.name, attemptsMade: job?.attemptsMade, err: err.message }, 'job failed'),
      );
      this.workers.push(worker);
    }
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
    this.logger.info(
      { queues: this.registry.queues(), prefix: this.cfg.QUEUE_PREFIX, concurrency: this.cfg.WORKER_CONCURRENCY },
      'queue workers started',
    );
  }

  /** Waits for the jobs in progress to finish (graceful shutdown on SIGTERM/SIGINT). */
  async onModuleDestroy(): Promise<void> {
    if (!this.workers.length) return;
    this.logger.info('closing queue workers, waiting for running jobs');
    await Promise.allSettled(this.workers.map((w) => w.close()));
    this.workers.length = 0;
    this.logger.info('queue workers closed');
  }

  async dispatch(queue: string, job: Job): Promise<void> {
    const entry = this.registry.resolve(queue, job.name);
    if (!entry) throw new UnrecoverableError(`no handler for job "${job.name}" on queue ${queue}`);
    const { key, handler } = entry;
    const attempt = job.attemptsMade + 1;
    const ctx: JobContext = {
      jobId: String(job.id),
      attempt,
      finalAttempt: attempt >= (job.opts.attempts ?? 1),
      log: this.logger.child({ queue, job: job.name, jobId: job.id, attempt }),
      progress: (value) => job.updateProgress(value),
    };
    const parsed = JOBS[key].payload.safeParse(job.data);
    if (!parsed.success) {
      ctx.log.error({ issues: parsed.error.issues }, 'job payload does not match the contract');
      throw new UnrecoverableError('invalid job payload');
    }
    try {
      await handler.handle(parsed.data, ctx);
    } catch (err) {
      if (ctx.finalAttempt || err instanceof UnrecoverableError) {
        ctx.log.error({ err }, 'job failed on its last attempt');
        try {
          await handler.onFinalFailure?.(parsed.data, err, ctx);
        } catch (recordErr) {
          ctx.log.error({ err: recordErr }, 'could not record the final failure');
        }
      } else {
        ctx.log.warn({ err }, 'job attempt failed, BullMQ will retry');
      }
      throw err;
    }
  }
}
