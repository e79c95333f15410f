import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { JobKey } from '@cakap/contracts';
import type { Logger } from '../core/logger';
import { Poller } from '../core/poller';
import { LOGGER, WORKER_OPTIONS } from '../core/tokens';
import type { ResolvedWorkerOptions } from '../core/worker-options';
import { JobRegistry } from './job-registry';
import { QueuesService } from './queues.service';

/** States in which BullMQ will still run a job by itself. */
const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

export interface ReconcileReport {
  checked: number;
  readded: Array<{ job: JobKey; jobId: string; reason: 'missing' | 'failed' | 'completed' | 'unknown' }>;
  errors: number;
}

/**
 * Postgres is the source of truth, Redis only holds queues. On start and then periodically,
 * every job Postgres says is unfinished (a handler's findUnfinished) that BullMQ no longer
 * holds as waiting/active/delayed — Redis was flushed, or a job got lost — is added again with
 * the same jobId, so BullMQ's jobId deduplication keeps a second reconciler (another replica)
 * or the api from adding it twice.
 */
@Injectable()
export class ReconcilerService implements OnApplicationBootstrap, OnModuleDestroy {
  // A failed pass is counted in its report (errors), never thrown.
  private readonly poller = new Poller(
    () => this.pass(),
    () => undefined,
  );

  constructor(
    private readonly registry: JobRegistry,
    private readonly queues: QueuesService,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(WORKER_OPTIONS) private readonly opts: ResolvedWorkerOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.opts.reconcileOnStart) await this.reconcile().catch(() => undefined);
    this.poller.start(this.opts.reconcileIntervalMs, { runNow: false });
  }

  async onModuleDestroy(): Promise<void> {
    await this.poller.stop();
  }

  /** One pass; concurrent calls share the pass in progress. */
  reconcile(): Promise<ReconcileReport> {
    return this.poller.run();
  }

  private async pass(): Promise<ReconcileReport> {
    const report: ReconcileReport = { checked: 0, readded: [], errors: 0 };
    try {
      for (const [key, handler] of this.registry.entries()) {
        if (!handler.findUnfinished) continue;
        const { queue: queueName, name } = this.registry.definition(key);
        const queue = this.queues.get(queueName);
        for (const item of await handler.findUnfinished()) {
          report.checked++;
          try {
            const existing = await queue.getJob(item.jobId);
            let reason: ReconcileReport['readded'][number]['reason'] = 'missing';
            if (existing) {
              const state = await existing.getState();
              if (LIVE_STATES.has(state)) continue;
              reason = state === 'failed' || state === 'completed' ? state : 'unknown';
              // A finished job with this id would make add() a no-op: remove it first.
              await existing.remove();
            }
            await queue.add(name, item.payload, { ...handler.jobOptions, jobId: item.jobId });
            report.readded.push({ job: key, jobId: item.jobId, reason });
            this.logger.warn({ job: key, queue: queueName, jobId: item.jobId, reason }, 'reconciler re-added an unfinished job');
          } catch (err) {
            report.errors++;
            this.logger.error({ err, job: key, jobId: item.jobId }, 'reconciler could not check a job');
          }
        }
      }
    } catch (err) {
      report.errors++;
      this.logger.error({ err }, 'reconciler pass failed');
      throw err;
    }
    this.logger[report.readded.length || report.errors ? 'info' : 'debug'](
      { checked: report.checked, readded: report.readded.length, errors: report.errors },
      'reconciler pass done',
    );
    return report;
  }
}
