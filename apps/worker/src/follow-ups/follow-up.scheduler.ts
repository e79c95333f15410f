import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { consumeEvents, OutboxWatermark } from '@cakap/db';
import { closesAt, followUpDueAt } from '@cakap/evaluation';
import type { Logger } from '../core/logger';
import { Poller } from '../core/poller';
import { LOGGER, WORKER_OPTIONS } from '../core/tokens';
import type { ResolvedWorkerOptions } from '../core/worker-options';
import { FollowUpQueue } from './follow-up.queue';
import { FollowUpRepository, type NewRequest } from './follow-up.repository';

/** The name of this consumer's receipts in `domain_event_receipts`. */
export const FOLLOW_UP_CONSUMER = 'follow-up-scheduler';
const BATCH = 100;

/**
 * Schedules the level-3 follow-ups: polls the outbox for `enrollment.completed` and, unless the
 * course's follow-up is switched off, creates the learner's request and — when the learner has an
 * active direct superior and the course includes superiors — the superior's, due `weeksAfter`
 * weeks after the completion (unless its answering period would already be over), in the
 * transaction that records the events as consumed. Then each
 * new request gets its delayed send job. A job lost before it was added is found by the
 * reconciler once its date has come (Postgres has the date).
 */
@Injectable()
export class FollowUpScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  /** Later passes skip the outbox's long receipted past. */
  private readonly watermark = new OutboxWatermark();
  private readonly poller = new Poller(
    () => this.drain(),
    (err) => this.logger.error({ err }, 'follow-up outbox poll failed'),
  );

  constructor(
    private readonly repo: FollowUpRepository,
    private readonly queue: FollowUpQueue,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(WORKER_OPTIONS) private readonly opts: ResolvedWorkerOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.poller.start(this.opts.outboxPollMs);
  }

  async onModuleDestroy(): Promise<void> {
    await this.poller.stop();
  }

  /** One pass until the outbox is drained for this consumer; concurrent calls share it. Answers the requests created. */
  poll(): Promise<number> {
    return this.poller.run();
  }

  private async drain(): Promise<number> {
    const startedAt = new Date();
    let created = 0;
    for (;;) {
      let scheduled: Array<{ id: string; dueAt: Date }> = [];
      const consumed = await consumeEvents(this.repo.ds, FOLLOW_UP_CONSUMER, ['enrollment.completed'], BATCH, async (tx, events) => {
        // `enrollment.completed` events are keyed by their enrolment (packages/learning completion.ts).
        const completions = await this.repo.completions(tx, events.map((e) => e.aggregateId));
        const policies = await this.repo.policies(tx, [...new Set(completions.map((c) => c.courseId))]);
        const supervisors = await this.repo.activeSupervisors(tx, [...new Set(completions.map((c) => c.userId))]);
        const requests: NewRequest[] = [];
        for (const c of completions) {
          const policy = policies.get(c.courseId);
          if (!policy?.enabled) continue;
          const dueAt = followUpDueAt(c.completedAt, policy.weeksAfter);
          // A completion so old that its follow-up would already be closed (completions from
          // before this feature, an outbox backlog) asks nobody anything.
          if (closesAt(dueAt, policy).getTime() <= Date.now()) continue;
          const base = { enrollmentId: c.enrollmentId, courseId: c.courseId, subjectId: c.userId, dueAt };
          requests.push({ ...base, respondentId: c.userId, role: 'learner' });
          const superior = supervisors.get(c.userId);
          if (policy.includeSuperior && superior) requests.push({ ...base, respondentId: superior, role: 'superior' });
        }
        scheduled = await this.repo.insertRequests(tx, requests);
      }, { since: this.watermark.value });
      for (const r of scheduled) await this.queue.send(r.id, new Date(r.dueAt));
      created += scheduled.length;
      if (scheduled.length) this.logger.info({ requests: scheduled.length }, 'follow-up requests scheduled');
      if (consumed < BATCH) {
        this.watermark.drainedAt(startedAt);
        return created;
      }
    }
  }
}
