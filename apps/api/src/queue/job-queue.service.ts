import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';
import { JOB_OPTIONS, JOBS, QUEUES, type JobKey, type JobPayload, type QueueName } from '@cakap/contracts';
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { InjectConfig } from '../config/config.module';
import { InjectRedis } from '../redis/redis.module';

/**
 * The api's only way onto the queues: typed by JOBS in @cakap/contracts, payloads validated
 * before they leave. Jobs are enqueued after the Postgres row exists, with the row's id as
 * jobId, so a retried request or a reconciler never makes two jobs for one piece of work.
 */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly cfg: AppConfig,
  ) {}

  private queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.redis, prefix: this.cfg.QUEUE_PREFIX });
      this.queues.set(name, q);
    }
    return q;
  }

  async enqueue<K extends JobKey>(key: K, payload: JobPayload<K>, opts: JobsOptions & { jobId: string }) {
    const job = JOBS[key];
    const data = job.payload.parse(payload);
    await this.queue(job.queue).add(job.name, data, { ...JOB_OPTIONS, ...opts });
  }

  /** Waiting/active/delayed/failed counts of every queue, for /metrics. */
  async depths(): Promise<{ queue: string; state: string; count: number }[]> {
    const out: { queue: string; state: string; count: number }[] = [];
    for (const name of Object.values(QUEUES)) {
      const counts = await this.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed');
      for (const [state, count] of Object.entries(counts)) out.push({ queue: name, state, count });
    }
    return out;
  }

  async onApplicationShutdown() {
    // The shared Redis connection is closed by RedisModule; only drop the Queue objects.
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
  }
}
