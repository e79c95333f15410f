import type { DataSource } from 'typeorm';
import { createBatch } from './batches';
import { IssuanceError } from './errors';
import type { Queryable } from '@cakap/db';

/** An `enrollment.completed` outbox event (packages/learning completion.ts). */
interface CompletionEvent {
  id: string;
  enrollmentId: string;
  userId: string;
  courseId: string;
}

/**
 * Whether a completed enrolment is ready for its certificate. Today: always (completion is the
 * whole requirement). Issue 8 (the evaluation survey) hooks in HERE: when the course requires
 * the survey, answer false until it is submitted, and have the survey's submission emit an
 * event this consumer also reads (or reset the completion event's processed_at).
 */
export async function readyForCertificate(_db: Queryable, _event: CompletionEvent): Promise<boolean> {
  return true;
}

/**
 * The auto-issuance outbox consumer: takes up to `limit` unprocessed `enrollment.completed`
 * events (FOR UPDATE SKIP LOCKED, so two workers share them), and for each whose course has
 * automatic issuance on, creates a one-item batch (kind 'auto'). The event is marked processed
 * in the SAME transaction as the batch insert: exactly one batch per completion. Answers how
 * many events were processed and the created batch ids, for the caller to enqueue (the reconciler enqueues them too if it is lost).
 */
export async function consumeCompletions(ds: DataSource, limit = 50): Promise<{ processed: number; batchIds: string[] }> {
  return ds.transaction(async (tx) => {
    const events: CompletionEvent[] = await tx.query(
      `SELECT id, payload->>'enrollmentId' AS "enrollmentId", payload->>'userId' AS "userId", payload->>'courseId' AS "courseId"
         FROM domain_events WHERE kind = 'enrollment.completed' AND processed_at IS NULL
        ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    if (!events.length) return { processed: 0, batchIds: [] };
    const autoCourses = new Set<string>(
      (
        await tx.query(`SELECT id FROM courses WHERE id = ANY($1::uuid[]) AND certificate_auto`, [[...new Set(events.map((e) => e.courseId))]])
      ).map((r: { id: string }) => r.id),
    );
    const batchIds: string[] = [];
    const processed: string[] = [];
    for (const e of events) {
      if (autoCourses.has(e.courseId) && !(await readyForCertificate(tx, e))) continue;
      processed.push(e.id);
      if (!autoCourses.has(e.courseId)) continue;
      try {
        // createBatch opens a nested transaction: a savepoint inside ours, so one refusal
        // (no template configured) does not undo the other events of this pass.
        const batch = await createBatch(tx, { courseId: e.courseId, userIds: [e.userId] }, null, { kind: 'auto' });
        batchIds.push(batch.id);
      } catch (err) {
        if (!(err instanceof IssuanceError)) throw err;
        // Not issuable (no template, course unpublished...): nothing to retry automatically;
        // an admin issues it in bulk later. The event is done.
      }
    }
    await tx.query(`UPDATE domain_events SET processed_at = now() WHERE id = ANY($1::uuid[])`, [processed]);
    return { processed: processed.length, batchIds };
  });
}
