import { CERTIFICATE_MESSAGES, type CreateBatch } from '@cakap/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { IssuanceError } from './errors';
import { rowsOf, type Queryable } from '@cakap/db';

const M = CERTIFICATE_MESSAGES;

/**
 * The template a batch of this course uses: the one asked for, else the course's, else the
 * default. Archived templates issue nothing new.
 */
export async function resolveTemplateId(db: Queryable, courseId: string, templateId?: string | null): Promise<string> {
  const [row]: { id: string }[] = await db.query(
    `SELECT t.id FROM certificate_templates t
      WHERE t.archived_at IS NULL
        AND t.id = COALESCE($2::uuid, (SELECT certificate_template_id FROM courses WHERE id = $1), (SELECT id FROM certificate_templates WHERE is_default))`,
    [courseId, templateId ?? null],
  );
  if (!row) throw new IssuanceError(templateId ? 'notFound' : M.noTemplate);
  return row.id;
}

/**
 * Records a batch and its items in ONE transaction (the worker's to-do list: Postgres first, then
 * the caller enqueues `certificateBatch` with jobId = the batch id). Who is selected:
 * - by criteria: the course's completed enrolments, completed within [completedFrom, completedTo]
 *   (days in Asia/Jakarta), of learners whose CURRENT unit is the unit or one of its sub-units;
 * - by list (NIPs or user ids): every listed learner; an unknown NIP, an inactive account or a
 *   course not completed is a failed item that says why, so the admin sees the whole list back.
 * Learners who already hold a certificate of the course are pending here: the worker marks them
 * skipped under the course lock, where the answer cannot change underneath it.
 */
export async function createBatch(
  db: DataSource | EntityManager,
  input: CreateBatch,
  createdBy: string | null,
  opts: { kind?: 'manual' | 'auto'; now?: Date } = {},
): Promise<{ id: string; total: number; failed: number }> {
  // Inside a caller's transaction (the outbox consumer) this is a savepoint of it.
  const manager = 'createQueryRunner' in db ? db.manager : db;
  return manager.transaction(async (tx) => {
    const [course]: { id: string; published: boolean }[] = await tx.query(
      `SELECT id, published_version IS NOT NULL AS published FROM courses WHERE id = $1`,
      [input.courseId],
    );
    if (!course) throw new IssuanceError('notFound');
    if (!course.published) throw new IssuanceError(M.courseNotPublished);
    const templateId = await resolveTemplateId(tx, input.courseId, input.templateId);
    const listed = input.nips ? new Set(input.nips).size : input.userIds ? new Set(input.userIds).size : null;
    const criteria = {
      orgUnitId: input.orgUnitId ?? null,
      completedFrom: input.completedFrom ?? null,
      completedTo: input.completedTo ?? null,
      listed,
    };
    const now = opts.now ?? new Date();
    const [batch]: { id: string }[] = await tx.query(
      `INSERT INTO certificate_batches (kind, course_id, template_id, criteria, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
      [opts.kind ?? 'manual', input.courseId, templateId, JSON.stringify(criteria), createdBy, now],
    );

    const counts: { total: number; failed: number }[] =
      input.nips || input.userIds
        ? await tx.query(
            `WITH listed AS (
               SELECT DISTINCT nip FROM unnest($3::text[]) AS nip
               UNION SELECT nip FROM users WHERE id = ANY($4::uuid[])
             ), picked AS (
               SELECT l.nip, u.id AS user_id, e.id AS enrollment_id,
                      CASE WHEN u.id IS NULL THEN $5 WHEN NOT u.active THEN $6
                           WHEN e.status IS DISTINCT FROM 'completed' THEN $7 END AS reason
                 FROM listed l
                 LEFT JOIN users u ON u.nip = l.nip
                 LEFT JOIN enrollments e ON e.user_id = u.id AND e.course_id = $2
             ), ins AS (
               INSERT INTO certificate_batch_items (batch_id, nip, user_id, enrollment_id, status, reason_code, reason_params)
               SELECT $1, nip, user_id, enrollment_id, CASE WHEN reason IS NULL THEN 'pending' ELSE 'failed' END, reason,
                      CASE WHEN reason IS NULL THEN NULL ELSE jsonb_build_object('nip', nip) END
                 FROM picked
               RETURNING status
             )
             SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'failed')::int AS failed FROM ins`,
            [batch.id, input.courseId, input.nips ?? [], input.userIds ?? [], M.unknownNip, M.inactiveUser, M.notCompleted],
          )
        : await tx.query(
            `WITH RECURSIVE units AS (
               SELECT id FROM org_units WHERE id = $3
               UNION ALL SELECT o.id FROM org_units o JOIN units ON o.parent_id = units.id
             ), ins AS (
               INSERT INTO certificate_batch_items (batch_id, nip, user_id, enrollment_id, status, reason_code)
               SELECT $1, u.nip, u.id, e.id, CASE WHEN u.active THEN 'pending' ELSE 'failed' END,
                      CASE WHEN u.active THEN NULL ELSE $6 END
                 FROM enrollments e JOIN users u ON u.id = e.user_id
                WHERE e.course_id = $2 AND e.status = 'completed'
                  AND ($3::uuid IS NULL OR u.org_unit_id IN (SELECT id FROM units))
                  AND ($4::date IS NULL OR e.completed_at >= $4::date::timestamp AT TIME ZONE 'Asia/Jakarta')
                  AND ($5::date IS NULL OR e.completed_at < ($5::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta')
               RETURNING status
             )
             SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'failed')::int AS failed FROM ins`,
            [batch.id, input.courseId, input.orgUnitId ?? null, input.completedFrom ?? null, input.completedTo ?? null, M.inactiveUser],
          );
    const { total, failed } = counts[0];
    if (total === 0) throw new IssuanceError(M.nothingToIssue);
    await tx.query(`UPDATE certificate_batches SET total = $2, failed = $3 WHERE id = $1`, [batch.id, total, failed]);
    return { id: batch.id, total, failed };
  });
}

/**
 * Puts a batch's failed items back to pending (the worker checks each again: a learner may have
 * completed the course or been imported since) and the batch back to queued. The caller
 * enqueues `certificateBatch` afterwards. Answers how many items will be tried again.
 */
export async function retryBatch(ds: DataSource, batchId: string): Promise<number> {
  return ds.transaction(async (tx) => {
    const [batch]: { id: string }[] = await tx.query(`SELECT id FROM certificate_batches WHERE id = $1 FOR UPDATE`, [batchId]);
    if (!batch) throw new IssuanceError('notFound');
    const [, retried]: [unknown, number] = await tx.query(
      `UPDATE certificate_batch_items SET status = 'pending', reason_code = NULL, reason_params = NULL, updated_at = now()
        WHERE batch_id = $1 AND status = 'failed'`,
      [batchId],
    );
    if (retried > 0) {
      await tx.query(`UPDATE certificate_batches SET status = 'queued', finished_at = NULL, updated_at = now() WHERE id = $1`, [batchId]);
      await recountBatch(tx, batchId);
    }
    return retried;
  });
}

/** The batch's counters from its items: recomputed, never incremented, so a retried chunk cannot skew them. */
export async function recountBatch(db: Queryable, batchId: string): Promise<BatchCounters> {
  const [row]: BatchCounters[] = await db.query(
    `UPDATE certificate_batches b SET
       issued = s.issued, skipped = s.skipped, failed = s.failed, total = s.total, updated_at = now()
       FROM (SELECT count(*)::int AS total,
                    count(*) FILTER (WHERE status = 'issued')::int AS issued,
                    count(*) FILTER (WHERE status = 'skipped')::int AS skipped,
                    count(*) FILTER (WHERE status = 'failed')::int AS failed,
                    count(*) FILTER (WHERE status = 'pending')::int AS pending
               FROM certificate_batch_items WHERE batch_id = $1) s
      WHERE b.id = $1
      RETURNING b.status, s.total, s.issued, s.skipped, s.failed, s.pending`,
    [batchId],
  ).then((r: unknown) => rowsOf<BatchCounters>(r));
  return row;
}

/**
 * The items whose certificate was recorded but whose PDF could not be made or stored: failed,
 * with the reason; the certificate row stays (retryBatch puts the item back, the worker renders
 * it again and the item is issued).
 */
export async function recordRenderFailures(db: Queryable, batchId: string, failed: Array<{ id: string; code: string; problem: string }>): Promise<void> {
  if (!failed.length) return;
  await db.query(
    `UPDATE certificate_batch_items i SET status = 'failed', reason_code = f.code, reason_params = jsonb_build_object('problem', f.problem), updated_at = now()
       FROM unnest($2::uuid[], $3::text[], $4::text[]) AS f(id, code, problem)
      WHERE i.batch_id = $1 AND i.certificate_id = f.id`,
    [batchId, failed.map((f) => f.id), failed.map((f) => f.code), failed.map((f) => f.problem)],
  );
}

export interface BatchCounters {
  status: string;
  total: number;
  issued: number;
  skipped: number;
  failed: number;
  pending: number;
}
