import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';
import { JOB_OPTIONS, JOBS } from '@cakap/contracts';
import { consumeCompletions } from '@cakap/issuance';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import type { Logger } from '../core/logger';
import { Poller } from '../core/poller';
import { CONFIG, DATA_SOURCE, LOGGER, REDIS, WORKER_OPTIONS } from '../core/tokens';
import type { ResolvedWorkerOptions } from '../core/worker-options';

/**
 * Automatic certificates: polls the outbox at start-up and every few seconds, turns each
 * completion of a course with automatic issuance into a one-item batch (exactly once: the event
 * is marked in the batch's transaction) and enqueues it. When the course requires its survey,
 * the learner's `evaluation.submitted` event does it instead (@cakap/issuance auto.ts). A batch whose
 * enqueue is lost is still queued in Postgres, so the reconciler adds it.
 */
@Injectable()
export class CompletionConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly poller = new Poller(
    () => this.drain(),
    (err) => this.logger.error({ err }, 'certificate outbox poll failed'),
  );
  private queue: Queue | undefined;

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CONFIG) private readonly cfg: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(WORKER_OPTIONS) private readonly opts: ResolvedWorkerOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.poller.start(this.opts.outboxPollMs);
  }

  async onModuleDestroy(): Promise<void> {
    await this.poller.stop();
    await this.queue?.close();
  }

  /** One pass until the outbox is drained; concurrent calls share it. Answers the batches created. */
  poll(): Promise<number> {
    return this.poller.run();
  }

  private producer(): Queue {
    this.queue ??= new Queue(JOBS.certificateBatch.queue, { connection: this.redis, prefix: this.cfg.QUEUE_PREFIX });
    return this.queue;
  }

  private async drain(): Promise<number> {
    let created = 0;
    for (;;) {
      const { processed, batchIds } = await consumeCompletions(this.ds);
      for (const batchId of batchIds) {
        await this.producer().add(JOBS.certificateBatch.name, { v: 1, batchId }, { ...JOB_OPTIONS, jobId: batchId });
      }
      created += batchIds.length;
      if (batchIds.length) this.logger.info({ batches: batchIds.length }, 'automatic certificate batches created');
      if (!processed) return created;
    }
  }
}
