import type { DataSource } from 'typeorm';
import { createBatch } from './batches';
import { IssuanceError } from './errors';
import { surveyPending } from './survey-gate';
import type { Queryable } from '@cakap/db';

/**
 * The outbox events that may issue an automatic certificate: a completion (packages/learning
 * completion.ts), and the answer to a survey the certificate waited for (the api's evaluation
 * module writes it only when the course requires its survey).
 */
interface CertificateEvent {
  id: string;
  kind: 'enrollment.completed' | 'evaluation.submitted';
  enrollmentId: string;
  userId: string;
  courseId: string;
}

/** Whether a completed enrolment is ready for its certificate: completion, plus the required survey answered. */
export async function readyForCertificate(db: Queryable, event: Pick<CertificateEvent, 'enrollmentId'>): Promise<boolean> {
  return !(await surveyPending(db, [event.enrollmentId])).has(event.enrollmentId);
}

/**
 * Whether an 'evaluation.submitted' event may issue: 'wait' while another consumer still holds
 * the enrolment's completion event (it may be creating the batch right now; the event is taken
 * again next pass; waiting on its lock instead could deadlock two consumers), 'no' when an
 * automatic batch already holds the enrolment (the completion found the survey answered).
 */
async function afterSurvey(db: Queryable, enrollmentId: string): Promise<'yes' | 'no' | 'wait'> {
  const key = `enrollment.completed:${enrollmentId}`;
  const locked = await db.query(`SELECT 1 FROM domain_events WHERE dedupe_key = $1 FOR UPDATE SKIP LOCKED`, [key]);
  if (!locked.length && (await db.query(`SELECT 1 FROM domain_events WHERE dedupe_key = $1`, [key])).length) return 'wait';
  const batched = await db.query(
    `SELECT 1 FROM certificate_batch_items i JOIN certificate_batches b ON b.id = i.batch_id
      WHERE i.enrollment_id = $1 AND b.kind = 'auto' LIMIT 1`,
    [enrollmentId],
  );
  return batched.length ? 'no' : 'yes';
}

/**
 * The auto-issuance outbox consumer: takes up to `limit` unprocessed certificate events (FOR
 * UPDATE SKIP LOCKED, so two workers share them), and for each of a course with automatic
 * issuance on whose learner is ready (readyForCertificate), creates a one-item batch (kind 'auto').
 * An event whose learner still owes the required survey is processed without a batch: their
 * 'evaluation.submitted' event issues it later, so a waiting learner never holds up the outbox.
 * Events are marked processed in the SAME transaction as the batch insert: exactly one batch per
 * ready enrolment. Answers how many events were processed and the created batch ids, for the
 * caller to enqueue (the reconciler enqueues them too if it is lost).
 */
export async function consumeCompletions(ds: DataSource, limit = 50): Promise<{ processed: number; batchIds: string[] }> {
  return ds.transaction(async (tx) => {
    const events: CertificateEvent[] = await tx.query(
      `SELECT id, kind, payload->>'enrollmentId' AS "enrollmentId", payload->>'userId' AS "userId", payload->>'courseId' AS "courseId"
         FROM domain_events WHERE kind IN ('enrollment.completed', 'evaluation.submitted') AND processed_at IS NULL
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
      const decision = e.kind === 'evaluation.submitted' && autoCourses.has(e.courseId) ? await afterSurvey(tx, e.enrollmentId) : 'yes';
      if (decision === 'wait') continue;
      processed.push(e.id);
      if (decision === 'no' || !autoCourses.has(e.courseId) || !(await readyForCertificate(tx, e))) continue;
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
