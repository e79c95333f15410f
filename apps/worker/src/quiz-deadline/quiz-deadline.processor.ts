import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';
import { JOB_OPTIONS, JOBS, type JobPayload } from '@cakap/contracts';
import { QuestionVersionCache, SnapshotCache, submitAttempt, type GradingDeps } from '@cakap/learning';
import type { PluginRegistry } from '@cakap/plugin-sdk/host';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { CONFIG, DATA_SOURCE, PLUGINS, REDIS } from '../core/tokens';
import type { JobContext, JobHandler, UnfinishedJob } from '../jobs/job-handler';

/** How many expired attempts one reconciler pass re-adds (the next pass takes the rest). */
const SWEEP_LIMIT = 1000;

/**
 * The {quiz-deadline} job: grades an open attempt whose deadline has passed, with the answers
 * saved before it — the same grading (and completion) as the api's submit, so a learner who
 * closed the tab still gets a result. Idempotent: an attempt already submitted is left alone.
 * A job that fires before the deadline (clock skew between api and database) adds itself again
 * for the deadline; the reconciler sweeps Postgres for expired attempts that have no job.
 */
@Injectable()
export class QuizDeadlineProcessor implements JobHandler<'quizDeadline'>, OnModuleDestroy {
  readonly job = 'quizDeadline' as const;
  /** As the api's JobQueue adds it; jobId = attemptId. */
  readonly jobOptions = JOB_OPTIONS;
  private readonly deps: GradingDeps;
  private queue: Queue | undefined;

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(PLUGINS) registry: PluginRegistry,
    @Inject(CONFIG) private readonly cfg: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    this.deps = { registry, snapshots: new SnapshotCache(ds), versions: new QuestionVersionCache(ds) };
  }

  async handle(payload: JobPayload<'quizDeadline'>, ctx: JobContext): Promise<void> {
    const out = await submitAttempt(this.ds, this.deps, payload.attemptId, 'deadline');
    if (out.kind === 'graded') {
      ctx.log.info({ attemptId: payload.attemptId, status: out.attempt.status, percent: out.attempt.percent }, 'attempt graded at its deadline');
    } else if (out.kind === 'not_due' && out.deadlineAt) {
      // Early: this job's id is still taken while it runs, so the re-added one gets its own.
      const delay = Math.max(0, new Date(out.deadlineAt).getTime() - Date.now()) + 100;
      await this.producer().add(JOBS.quizDeadline.name, payload, { ...JOB_OPTIONS, jobId: `${payload.attemptId}-early-${Date.now()}`, delay });
      ctx.log.info({ attemptId: payload.attemptId, delay }, 'deadline job fired early; scheduled again');
    }
  }

  /** Open attempts past their deadline (the job was lost with Redis, or never added). */
  async findUnfinished(): Promise<UnfinishedJob<'quizDeadline'>[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM quiz_attempts WHERE status = 'open' AND deadline_at <= now() ORDER BY deadline_at LIMIT $1`,
      [SWEEP_LIMIT],
    );
    return rows.map((r) => ({ jobId: r.id, payload: { v: 1, attemptId: r.id } }));
  }

  private producer(): Queue {
    this.queue ??= new Queue(JOBS.quizDeadline.queue, { connection: this.redis, prefix: this.cfg.QUEUE_PREFIX });
    return this.queue;
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue?.close();
  }
}
