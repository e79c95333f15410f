import { randomUUID } from 'node:crypto';
import { canonicalPayload, formatNumber, newVerificationCode, pangkatOf, signPayload, type CertificatePayload } from '@cakap/certificates';
import { CERTIFICATE_MESSAGES, EVALUATION_MESSAGES } from '@cakap/contracts';
import type { DataSource } from 'typeorm';
import { recountBatch, type BatchCounters } from './batches';
import { IssuanceError } from './errors';
import { activeKey } from './keys';
import { notifyIssued } from './notifications';
import { surveyPending } from './survey-gate';
import { jakartaDate } from '@cakap/courses';
import type { Queryable } from '@cakap/db';
import { templateTexts } from './templates';

const M = CERTIFICATE_MESSAGES;

/** What a certificate row holds that rendering needs: a stored certificate renders from its row alone. */
export interface CertificateRecord {
  id: string;
  templateId: string;
  number: string;
  code: string;
  issuedAt: Date;
  recipient: Recipient;
  courseTitle: string;
  jp: number;
  startDate: string;
  endDate: string;
  payload: string;
  signature: string;
  keyId: string;
}

/** The recipient as printed and as SIASN's course history needs them, frozen at issue. */
export interface Recipient {
  name: string;
  nip: string;
  golongan: string | null;
  /** "Penata Muda (III/a)", or '' without a golongan. */
  rank: string;
  position: string | null;
  orgUnit: string;
  asnType: string;
}

export interface ChunkResult {
  /** Items this call looked at (0: nothing was pending). */
  picked: number;
  /** Certificates created by this call, to render and store. */
  issued: CertificateRecord[];
  counters: BatchCounters;
}

interface PendingRow {
  itemId: string;
  userId: string | null;
  active: boolean | null;
  name: string | null;
  nip: string;
  golongan: string | null;
  asnType: string | null;
  position: string | null;
  orgUnit: string | null;
  enrollmentId: string | null;
  enrollmentStatus: string | null;
  title: string | null;
  jp: number | null;
  developmentForm: string | null;
  startDate: string | null;
  endDate: string | null;
  existingId: string | null;
  existingNumber: string | null;
  existingBatchId: string | null;
}

interface ItemOutcome {
  id: string;
  status: 'issued' | 'skipped' | 'failed';
  certificate_id: string | null;
  reason_code: string | null;
  reason_params: Record<string, string> | null;
}

/**
 * Issues up to `limit` pending items of a batch in ONE transaction (invariant 3):
 * - an advisory lock on the course: two batches of one course never decide "has no certificate
 *   yet" in parallel, so the check below cannot race;
 * - each item is checked again (a learner may have been deactivated since the batch was made);
 *   learners holding a current certificate of the course are skipped (alreadyIssued), unless it
 *   is this batch's own (a retried or re-run chunk: the item is simply issued);
 * - a learner who still owes the course's required survey fails (evaluation.surveyMissing, see
 *   survey-gate.ts); a retry once they answered issues it;
 * - the template's sequence row for the year is advanced by the number of new certificates and
 *   stays locked until commit, so numbers are gap-free and used only if the transaction commits;
 * - the certificates go in with one multi-row INSERT, ON CONFLICT DO NOTHING on the
 *   one-per-learner index as the backstop (a conflict rolls everything back: no number is lost);
 * - items, batch counters and the recipients' notifications are written in the same transaction.
 * The PDFs are rendered after commit (render.ts); a certificate without a file is found again.
 */
export async function issueChunk(ds: DataSource, batchId: string, opts: { secret: string; limit: number; now?: Date }): Promise<ChunkResult> {
  const now = opts.now ?? new Date();
  return ds.transaction(async (tx) => {
    const [batch]: { courseId: string; templateId: string; numberPattern: string; config: unknown }[] = await tx.query(
      `SELECT b.course_id AS "courseId", b.template_id AS "templateId", t.number_pattern AS "numberPattern", t.config
         FROM certificate_batches b JOIN certificate_templates t ON t.id = b.template_id WHERE b.id = $1`,
      [batchId],
    );
    if (!batch) return { picked: 0, issued: [], counters: emptyCounters };
    await lockCourse(tx, batch.courseId);

    const rows: PendingRow[] = await tx.query(
      `SELECT i.id AS "itemId", u.id AS "userId", u.active, u.name, i.nip, u.golongan, u.asn_type AS "asnType",
              p.name AS position, o.name AS "orgUnit", e.id AS "enrollmentId", e.status AS "enrollmentStatus",
              COALESCE(lh.title, cv.title) AS title, COALESCE(lh.jp, cv.jp) AS jp, lh.development_form AS "developmentForm",
              -- The JP ledger line is the record of what was completed (title and JP of the enrolled
              -- version, its dates); the version itself only if that line were missing.
              to_char(COALESCE(lh.start_date, (e.enrolled_at AT TIME ZONE 'Asia/Jakarta')::date), 'YYYY-MM-DD') AS "startDate",
              to_char(COALESCE(lh.end_date, (e.completed_at AT TIME ZONE 'Asia/Jakarta')::date), 'YYYY-MM-DD') AS "endDate",
              c.id AS "existingId", c.number AS "existingNumber", c.batch_id AS "existingBatchId"
         FROM (SELECT id, nip FROM certificate_batch_items WHERE batch_id = $1 AND status = 'pending'
                ORDER BY nip LIMIT $3 FOR UPDATE SKIP LOCKED) i
         LEFT JOIN users u ON u.nip = i.nip
         LEFT JOIN positions p ON p.id = u.position_id
         LEFT JOIN org_units o ON o.id = u.org_unit_id
         LEFT JOIN enrollments e ON e.user_id = u.id AND e.course_id = $2
         LEFT JOIN learning_hours lh ON lh.enrollment_id = e.id
         LEFT JOIN course_versions cv ON cv.course_id = e.course_id AND cv.version = e.version
         LEFT JOIN certificates c ON c.user_id = u.id AND c.course_id = $2 AND c.status <> 'replaced'
        ORDER BY i.nip`,
      [batchId, batch.courseId, opts.limit],
    );
    if (!rows.length) return { picked: 0, issued: [], counters: await recountBatch(tx, batchId) };

    const owesSurvey = await surveyPending(tx, rows.flatMap((r) => (r.enrollmentId ? [r.enrollmentId] : [])));
    const outcomes: ItemOutcome[] = [];
    const eligible: PendingRow[] = [];
    for (const r of rows) {
      const fail = (code: string): void => void outcomes.push({ id: r.itemId, status: 'failed', certificate_id: null, reason_code: code, reason_params: { nip: r.nip } });
      if (!r.userId) fail(M.unknownNip);
      else if (!r.active) fail(M.inactiveUser);
      else if (r.enrollmentStatus !== 'completed') fail(M.notCompleted);
      else if (r.existingId && r.existingBatchId === batchId) {
        outcomes.push({ id: r.itemId, status: 'issued', certificate_id: r.existingId, reason_code: null, reason_params: null });
      } else if (r.existingId) {
        outcomes.push({ id: r.itemId, status: 'skipped', certificate_id: r.existingId, reason_code: M.alreadyIssued, reason_params: { number: r.existingNumber ?? '' } });
      } else if (r.enrollmentId && owesSurvey.has(r.enrollmentId)) fail(EVALUATION_MESSAGES.surveyMissing);
      else eligible.push(r);
    }

    let issued: CertificateRecord[] = [];
    if (eligible.length) {
      issued = await issueCertificates(
        tx,
        { courseId: batch.courseId, templateId: batch.templateId, numberPattern: batch.numberPattern, config: batch.config, batchId },
        eligible.map((r) => ({
          userId: r.userId!,
          enrollmentId: r.enrollmentId,
          recipient: recipientOf(r),
          courseTitle: r.title ?? '',
          jp: r.jp ?? 0,
          developmentForm: r.developmentForm ?? 'NKL03',
          startDate: r.startDate,
          endDate: r.endDate,
        })),
        { secret: opts.secret, now },
      );
      issued.forEach((c, i) => outcomes.push({ id: eligible[i].itemId, status: 'issued', certificate_id: c.id, reason_code: null, reason_params: null }));
    }

    await tx.query(
      `UPDATE certificate_batch_items i
          SET status = o.status, certificate_id = o.certificate_id, reason_code = o.reason_code, reason_params = o.reason_params,
              attempts = i.attempts + 1, updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS o(id uuid, status text, certificate_id uuid, reason_code text, reason_params jsonb)
        WHERE i.id = o.id`,
      [JSON.stringify(outcomes)],
    );
    return { picked: rows.length, issued, counters: await recountBatch(tx, batchId) };
  });
}

/** Takes the course's issuing lock for the rest of the transaction (every path that creates a current certificate). */
export async function lockCourse(tx: Queryable, courseId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('certificates:course:' || $1, 0))`, [courseId]);
}

function recipientOf(r: { name: string | null; nip: string; golongan: string | null; position: string | null; orgUnit: string | null; asnType: string | null }): Recipient {
  return {
    name: r.name ?? '',
    nip: r.nip,
    golongan: r.golongan,
    rank: pangkatOf(r.golongan),
    position: r.position,
    orgUnit: r.orgUnit ?? '',
    asnType: r.asnType ?? 'pns',
  };
}

/** One certificate to create: who, and what they completed (from the JP ledger line). */
interface NewCertificate {
  userId: string;
  enrollmentId: string | null;
  recipient: Recipient;
  courseTitle: string;
  jp: number;
  developmentForm: string;
  startDate: string | null;
  endDate: string | null;
  /** Given when the id must be known before the insert (a reissue points the old row at it). */
  id?: string;
  replaces?: string;
}

/**
 * Numbers, signs and inserts certificates of one course and template, inside the caller's
 * transaction, which must hold the course lock (lockCourse). The template's sequence row for
 * the issue year is advanced by their count and stays locked until commit: numbers are
 * gap-free and consumed only if the transaction commits. The one-per-learner index is the
 * backstop (ChunkConflictError rolls everything back). Recipients are notified in the same
 * transaction (once per certificate).
 */
async function issueCertificates(
  tx: Queryable,
  t: { courseId: string; templateId: string; numberPattern: string; config: unknown; batchId: string | null },
  learners: NewCertificate[],
  opts: { secret: string; now: Date },
): Promise<CertificateRecord[]> {
  const { now } = opts;
  const issuedOn = jakartaDate(now);
  const year = Number(issuedOn.slice(0, 4));
  const month = Number(issuedOn.slice(5, 7));
  const [seqRow]: { lastValue: number }[] = await tx.query(
    `INSERT INTO certificate_number_sequences (template_id, year, last_value) VALUES ($1, $2, $3)
     ON CONFLICT (template_id, year) DO UPDATE SET last_value = certificate_number_sequences.last_value + EXCLUDED.last_value
     RETURNING last_value AS "lastValue"`,
    [t.templateId, year, learners.length],
  );
  const firstSeq = seqRow.lastValue - learners.length + 1;
  const key = await activeKey(tx, opts.secret, now);
  const { issuer } = templateTexts(t.config);
  const records: CertificateRecord[] = [];
  const inserts = learners.map((l, i) => {
    const seq = firstSeq + i;
    const number = formatNumber(t.numberPattern, { seq, year, month, courseCode: null });
    const code = newVerificationCode();
    const end = l.endDate ?? issuedOn;
    const signed: CertificatePayload = {
      v: 1,
      kid: key.id,
      code,
      number,
      name: l.recipient.name,
      nip: l.recipient.nip,
      course: l.courseTitle,
      jp: l.jp,
      start: l.startDate,
      end,
      issuedOn,
      issuer,
    };
    const payload = canonicalPayload(signed);
    const record: CertificateRecord = {
      id: l.id ?? randomUUID(),
      templateId: t.templateId,
      number,
      code,
      issuedAt: now,
      recipient: l.recipient,
      courseTitle: l.courseTitle,
      jp: l.jp,
      startDate: l.startDate ?? end,
      endDate: end,
      payload,
      signature: signPayload(key.privateKey, payload),
      keyId: key.id,
    };
    records.push(record);
    return {
      ...record,
      userId: l.userId,
      enrollmentId: l.enrollmentId,
      seq,
      year,
      developmentForm: l.developmentForm,
      organiser: issuer,
      replaces: l.replaces ?? null,
    };
  });
  const inserted: { id: string }[] = await tx.query(
    `INSERT INTO certificates (id, user_id, course_id, enrollment_id, template_id, batch_id, number, year, seq, code, issued_at,
                               recipient, course_title, jp, development_form, organiser, start_date, end_date, payload, signature, key_id, replaces)
     SELECT r.id, r."userId", $2, r."enrollmentId", $3, $4, r.number, r.year, r.seq, r.code, $5,
            r.recipient, r."courseTitle", r.jp, r."developmentForm", r.organiser, r."startDate", r."endDate", r.payload, r.signature, r."keyId", r.replaces
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "userId" uuid, "enrollmentId" uuid, number text, year int, seq int, code text,
            recipient jsonb, "courseTitle" text, jp int, "developmentForm" text, organiser text, "startDate" date, "endDate" date,
            payload text, signature text, "keyId" text, replaces uuid)
     ON CONFLICT (user_id, course_id) WHERE status <> 'replaced' DO NOTHING
     RETURNING id`,
    [JSON.stringify(inserts), t.courseId, t.templateId, t.batchId, now],
  );
  if (inserted.length !== inserts.length) {
    // Someone issued outside the course lock: roll back so that no number is consumed; the
    // retried chunk sees their certificate and skips the learner.
    throw new ChunkConflictError(inserts.length - inserted.length);
  }
  await notifyIssued(tx, records.map((r) => r.id));
  return records;
}

/** Revokes a valid certificate: it stays on record (and verifiable as revoked), never deleted. */
export async function revokeCertificate(ds: DataSource, id: string, reason: string, by: string | null, now = new Date()): Promise<void> {
  await ds.transaction(async (tx) => {
    const [row]: { status: string }[] = await tx.query(`SELECT status FROM certificates WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw new IssuanceError('notFound');
    if (row.status !== 'valid') throw new IssuanceError(M.alreadyRevoked);
    await tx.query(`UPDATE certificates SET status = 'revoked', revoked_at = $2, revoked_by = $3, revoke_reason = $4 WHERE id = $1`, [id, now, by, reason]);
  });
}

/**
 * Reissues a valid or revoked certificate: a new number (the template's sequence, this year)
 * and code, the recipient as they are NOW (a corrected name or rank is the usual reason), the
 * course facts of the original; the old row is kept as `replaced` and both point at each
 * other. Under the course lock, in one transaction; the caller enqueues `certificateRender`.
 */
export async function reissueCertificate(
  ds: DataSource,
  id: string,
  reason: string,
  by: string | null,
  opts: { secret: string; now?: Date },
): Promise<CertificateRecord> {
  const now = opts.now ?? new Date();
  return ds.transaction(async (tx) => {
    const [old]: { courseId: string }[] = await tx.query(`SELECT course_id AS "courseId" FROM certificates WHERE id = $1`, [id]);
    if (!old) throw new IssuanceError('notFound');
    await lockCourse(tx, old.courseId);
    const [c]: Array<{
      status: string;
      userId: string;
      enrollmentId: string | null;
      templateId: string;
      numberPattern: string;
      config: unknown;
      courseTitle: string;
      jp: number;
      developmentForm: string;
      startDate: string;
      endDate: string;
      name: string;
      nip: string;
      golongan: string | null;
      asnType: string;
      position: string | null;
      orgUnit: string | null;
    }> = await tx.query(
      `SELECT c.status, c.user_id AS "userId", c.enrollment_id AS "enrollmentId", c.template_id AS "templateId",
              t.number_pattern AS "numberPattern", t.config, c.course_title AS "courseTitle", c.jp, c.development_form AS "developmentForm",
              to_char(c.start_date, 'YYYY-MM-DD') AS "startDate", to_char(c.end_date, 'YYYY-MM-DD') AS "endDate",
              u.name, u.nip, u.golongan, u.asn_type AS "asnType", p.name AS position, o.name AS "orgUnit"
         FROM certificates c JOIN certificate_templates t ON t.id = c.template_id JOIN users u ON u.id = c.user_id
         LEFT JOIN positions p ON p.id = u.position_id LEFT JOIN org_units o ON o.id = u.org_unit_id
        WHERE c.id = $1 FOR UPDATE OF c`,
      [id],
    );
    if (c.status === 'replaced') throw new IssuanceError(M.notReissuable);
    const newId = randomUUID();
    // The old row leaves the one-current index first (replaced_by is a deferred reference).
    await tx.query(
      `UPDATE certificates SET status = 'replaced', replaced_by = $2, revoked_at = COALESCE(revoked_at, $3),
              revoked_by = COALESCE(revoked_by, $4), revoke_reason = COALESCE(revoke_reason, $5) WHERE id = $1`,
      [id, newId, now, by, reason],
    );
    const [created] = await issueCertificates(
      tx,
      { courseId: old.courseId, templateId: c.templateId, numberPattern: c.numberPattern, config: c.config, batchId: null },
      [
        {
          userId: c.userId,
          enrollmentId: c.enrollmentId,
          recipient: recipientOf(c),
          courseTitle: c.courseTitle,
          jp: c.jp,
          developmentForm: c.developmentForm,
          startDate: c.startDate,
          endDate: c.endDate,
          id: newId,
          replaces: id,
        },
      ],
      { secret: opts.secret, now },
    );
    return created;
  });
}

/** A chunk collided with a certificate issued elsewhere; retrying the chunk resolves it. */
export class ChunkConflictError extends Error {
  constructor(readonly conflicts: number) {
    super(`${conflicts} learner(s) of the chunk received a certificate meanwhile; chunk rolled back`);
    this.name = 'ChunkConflictError';
  }
}

const emptyCounters: BatchCounters = { status: 'completed', total: 0, issued: 0, skipped: 0, failed: 0, pending: 0 };

const RECORD_COLUMNS = `c.id, c.template_id AS "templateId", c.number, c.code, c.issued_at AS "issuedAt", c.recipient,
  c.course_title AS "courseTitle", c.jp, to_char(c.start_date, 'YYYY-MM-DD') AS "startDate", to_char(c.end_date, 'YYYY-MM-DD') AS "endDate",
  c.payload, c.signature, c.key_id AS "keyId"`;

/** Certificates of a batch recorded but not stored yet (a worker died between commit and files), a page at a time. */
export async function unstoredOfBatch(db: Queryable, batchId: string, limit: number, afterNumber = ''): Promise<CertificateRecord[]> {
  return db.query(
    `SELECT ${RECORD_COLUMNS} FROM certificates c WHERE c.batch_id = $1 AND c.storage_key IS NULL AND c.number > $3 ORDER BY c.number LIMIT $2`,
    [batchId, limit, afterNumber],
  );
}

export async function certificateRecord(db: Queryable, id: string): Promise<CertificateRecord | undefined> {
  const [row]: CertificateRecord[] = await db.query(`SELECT ${RECORD_COLUMNS} FROM certificates c WHERE c.id = $1`, [id]);
  return row;
}
