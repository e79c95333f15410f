import { Injectable } from '@nestjs/common';
import { JOB_OPTIONS, type JobPayload } from '@cakap/contracts';
import { notify } from '@cakap/db';
import { reminderAt } from '@cakap/evaluation';
import type { JobContext, JobHandler, UnfinishedJob } from '../jobs/job-handler';
import { FollowUpQueue } from './follow-up.queue';
import { FollowUpRepository } from './follow-up.repository';

/** How many due requests one reconciler pass re-adds (the next pass takes the rest). */
const SWEEP_LIMIT = 1000;

/** The portal page of a request's form. */
export const followUpLink = (requestId: string) => `/tindak-lanjut/${requestId}`;

type Outcome = { kind: 'sent'; sentAt: Date; firstStepAt: Date } | { kind: 'early'; dueAt: Date } | { kind: 'cancelled' } | { kind: 'nothing' };

/**
 * The {follow-ups} send job: when a request falls due, Postgres decides. A request still
 * `scheduled` and due is marked `sent` and its respondent notified (in-app, and e-mailed by the
 * notification dispatcher) in one transaction — the learner about their course, the superior
 * about the named employee — then its first reminder is scheduled. A course whose follow-up was
 * switched off meanwhile cancels it; a job that fires early adds itself again for the date.
 * Idempotent: a retry after the commit finds the request sent, and only makes sure its next step
 * is scheduled (the job id makes that a no-op when it is).
 */
@Injectable()
export class FollowUpSendProcessor implements JobHandler<'followUpSend'> {
  readonly job = 'followUpSend' as const;
  readonly jobOptions = JOB_OPTIONS;

  constructor(
    private readonly repo: FollowUpRepository,
    private readonly queue: FollowUpQueue,
  ) {}

  async handle(payload: JobPayload<'followUpSend'>, ctx: JobContext): Promise<void> {
    const { requestId } = payload;
    const out = await this.repo.ds.transaction(async (tx): Promise<Outcome> => {
      const r = await this.repo.lock(tx, requestId);
      if (!r) return { kind: 'nothing' };
      if (r.status === 'sent' && r.sentAt && r.remindersSent === 0) {
        return { kind: 'sent', sentAt: r.sentAt, firstStepAt: reminderAt(r.sentAt, r.policy, 1) };
      }
      if (r.status !== 'scheduled') return { kind: 'nothing' };
      if (!r.policy.enabled) {
        await this.repo.close(tx, r.id, 'cancelled');
        return { kind: 'cancelled' };
      }
      if (r.dueAt.getTime() > Date.now()) return { kind: 'early', dueAt: r.dueAt };
      const sentAt = await this.repo.markSent(tx, r.id);
      await notify(tx, {
        userId: r.respondentId,
        kind: r.role === 'learner' ? 'followUp.due' : 'followUp.superiorDue',
        params: r.role === 'learner' ? { course: r.courseTitle } : { course: r.courseTitle, employee: r.subjectName },
        link: followUpLink(r.id),
        dedupeKey: `followUp.due:${r.id}`,
      });
      return { kind: 'sent', sentAt, firstStepAt: reminderAt(sentAt, r.policy, 1) };
    });
    if (out.kind === 'sent') {
      // Step 1 is the first reminder, or closing the request when the course wants none.
      await this.queue.step(requestId, 1, out.firstStepAt);
      ctx.log.info({ requestId }, 'follow-up sent');
    } else if (out.kind === 'early') {
      // This job's id is still taken while it runs, so the re-added one gets its own.
      await this.queue.send(requestId, out.dueAt, `${requestId}-early-${Date.now()}`);
      ctx.log.info({ requestId, dueAt: out.dueAt }, 'follow-up job fired early; scheduled again');
    } else if (out.kind === 'cancelled') {
      ctx.log.info({ requestId }, 'follow-up cancelled: the course no longer asks for it');
    }
  }

  /** Scheduled requests whose date has passed and whose job is gone (Redis flushed). */
  async findUnfinished(): Promise<UnfinishedJob<'followUpSend'>[]> {
    return (await this.repo.dueScheduled(SWEEP_LIMIT)).map((id) => ({ jobId: id, payload: { v: 1, requestId: id } }));
  }
}
