import { Injectable } from '@nestjs/common';
import { JOB_OPTIONS, type JobPayload } from '@cakap/contracts';
import { notify } from '@cakap/db';
import { closesAt, reminderAt } from '@cakap/evaluation';
import type { JobContext, JobHandler, UnfinishedJob } from '../jobs/job-handler';
import { followUpLink } from './follow-up-send.processor';
import { FollowUpQueue, remindJobId } from './follow-up.queue';
import { FollowUpRepository } from './follow-up.repository';

const SWEEP_LIMIT = 1000;

type Outcome = { kind: 'next'; n: number; at: Date; did: 'reminded' | 'waiting' } | { kind: 'expired' } | { kind: 'nothing' };

/**
 * The {follow-ups} remind job: the next step of a sent, unanswered request, as Postgres says it
 * stands — never trusting the job's own number, so a retry, a duplicate or changed settings
 * cannot remind twice: with n reminders sent, reminder n+1 is due (n+1) periods after sending
 * while n is below the course's maximum; after that, the request expires one period after the
 * last reminder. Each reminder is a notification (deduplicated per request and number) and the
 * counter, in one transaction; then the following step is scheduled.
 */
@Injectable()
export class FollowUpRemindProcessor implements JobHandler<'followUpRemind'> {
  readonly job = 'followUpRemind' as const;
  readonly jobOptions = JOB_OPTIONS;

  constructor(
    private readonly repo: FollowUpRepository,
    private readonly queue: FollowUpQueue,
  ) {}

  async handle(payload: JobPayload<'followUpRemind'>, ctx: JobContext): Promise<void> {
    const { requestId } = payload;
    const out = await this.repo.ds.transaction(async (tx): Promise<Outcome> => {
      const r = await this.repo.lock(tx, requestId);
      if (!r || r.status !== 'sent' || !r.sentAt) return { kind: 'nothing' };
      const next = r.remindersSent + 1;
      const now = Date.now();
      if (next > r.policy.maxReminders) {
        const closing = closesAt(r.sentAt, r.policy);
        if (closing.getTime() > now) return { kind: 'next', n: next, at: closing, did: 'waiting' };
        await this.repo.close(tx, r.id, 'expired');
        return { kind: 'expired' };
      }
      const at = reminderAt(r.sentAt, r.policy, next);
      if (at.getTime() > now) return { kind: 'next', n: next, at, did: 'waiting' };
      await notify(tx, {
        userId: r.respondentId,
        kind: 'followUp.reminder',
        params: { course: r.courseTitle, employee: r.subjectName },
        link: followUpLink(r.id),
        dedupeKey: `followUp.reminder:${r.id}:${next}`,
      });
      await this.repo.markReminded(tx, r.id, next);
      const following = next + 1;
      return {
        kind: 'next',
        n: following,
        at: following > r.policy.maxReminders ? closesAt(r.sentAt, r.policy) : reminderAt(r.sentAt, r.policy, following),
        did: 'reminded',
      };
    });
    if (out.kind === 'next') {
      // A job's id stays taken while it runs: when the step to schedule has this job's own id (it
      // fired before its date: clock skew, or a lengthened period), the re-added one gets its own.
      const canonical = remindJobId(requestId, out.n);
      await this.queue.step(requestId, out.n, out.at, canonical === ctx.jobId ? `${canonical}-early-${Date.now()}` : canonical);
      if (out.did === 'reminded') ctx.log.info({ requestId, reminder: out.n - 1 }, 'follow-up reminder sent');
    } else if (out.kind === 'expired') {
      ctx.log.info({ requestId }, 'follow-up expired unanswered');
    }
  }

  /** Sent requests whose next reminder or closing is overdue and whose job is gone. */
  async findUnfinished(): Promise<UnfinishedJob<'followUpRemind'>[]> {
    return (await this.repo.overdueSent(SWEEP_LIMIT)).map((r) => ({
      jobId: remindJobId(r.id, r.next),
      payload: { v: 1, requestId: r.id, reminder: r.next },
    }));
  }
}
