import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSignedPayload, verifyPayload } from '@cakap/certificates';
import { JOB_OPTIONS, JOBS } from '@cakap/contracts';
import { createBatch, publicKeySet, reissueCertificate, retryBatch, revokeCertificate } from '@cakap/issuance';
import type { PluginRegistry } from '@cakap/plugin-sdk/host';
import { CompletionConsumer } from '../src/certificates/completion.consumer';
import { PLUGINS } from '../src/core/tokens';
import { allStored, certificatesOf, completeCourse, getBatch, randomNip, range, seedCompletedCourse, seedTemplate, waitForBatch } from './certificates-support';
import { type Harness, startWorker } from './support';

/**
 * Bulk issuance end to end: the real worker module consumes the real {certificates} queue,
 * issues in chunks against the run's Postgres, renders with the real renderer and stores the
 * PDFs on disk. Invariant 3: one certificate per learner and course, numbers without gaps.
 */
describe('certificate batches', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cakap-cert-worker-'));
  let h: Harness;
  let registry: PluginRegistry;

  beforeAll(async () => {
    h = await startWorker('certificates', { outboxPollMs: 0 }, { CAKAP_DATA_DIR: dataDir, CERTIFICATE_CHUNK_SIZE: '50', WORKER_CONCURRENCY: '2' });
    registry = h.app.get<PluginRegistry>(PLUGINS);
  });
  afterAll(async () => {
    await h?.close();
  });

  const enqueue = (batchId: string) =>
    h.queues.get(JOBS.certificateBatch.queue).add(JOBS.certificateBatch.name, { v: 1, batchId }, { ...JOB_OPTIONS, jobId: batchId });

  it('issues a batch of 300 exactly once, numbered 1..300 in NIP order, every PDF stored, every learner notified', async () => {
    const course = await seedCompletedCourse(h.ds, 300);
    const templateId = await seedTemplate(h.ds, registry);
    const { id } = await createBatch(h.ds, { courseId: course.courseId, templateId }, course.ownerId);
    await enqueue(id);
    expect(await waitForBatch(h.ds, id)).toMatchObject({ status: 'completed', total: 300, issued: 300, skipped: 0, failed: 0 });

    const certs = await certificatesOf(h.ds, course.courseId);
    expect(certs.map((c) => c.seq)).toEqual(range(1, 300));
    expect(certs.map((c) => c.nip)).toEqual(course.nips);
    expect(certs[0].number).toMatch(/^0001\/T[0-9A-F]{6}\/[IVX]+\/\d{4}$/);
    expect(allStored(dataDir, certs)).toBe(true);
    // The stored PDF carries the signed payload, which the published key verifies.
    const [row] = await h.ds.query(`SELECT storage_key, payload, signature, key_id, pdf_sha256 FROM certificates WHERE number = $1`, [certs[0].number]);
    const pdf = readFileSync(join(dataDir, 'files', row.storage_key));
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(row.pdf_sha256);
    expect(readSignedPayload(pdf)).toEqual({ payload: row.payload, signature: row.signature, keyId: row.key_id });
    const key = (await publicKeySet(h.ds)).keys.find((k) => k.kid === row.key_id)!;
    expect(verifyPayload(key.x, row.payload, row.signature)).toBe(true);
    const [{ n }] = await h.ds.query(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'certificate.issued' AND user_id = ANY($1::uuid[])`,
      [course.userIds],
    );
    expect(n).toBe(300);

    // Re-running the finished batch changes nothing.
    await h.ds.query(`UPDATE certificate_batches SET status = 'queued' WHERE id = $1`, [id]);
    await enqueue(id);
    expect(await waitForBatch(h.ds, id)).toMatchObject({ status: 'completed', issued: 300, skipped: 0, failed: 0 });
    expect((await certificatesOf(h.ds, course.courseId)).map((c) => c.seq)).toEqual(range(1, 300));
  });

  it('two batches of one course started at once: one certificate per learner, the rest skipped as already issued', async () => {
    const course = await seedCompletedCourse(h.ds, 200);
    const templateId = await seedTemplate(h.ds, registry);
    const a = await createBatch(h.ds, { courseId: course.courseId, templateId }, course.ownerId);
    const b = await createBatch(h.ds, { courseId: course.courseId, templateId }, course.ownerId);
    await Promise.all([enqueue(a.id), enqueue(b.id)]);
    const [ra, rb] = await Promise.all([waitForBatch(h.ds, a.id), waitForBatch(h.ds, b.id)]);

    expect(ra.issued + rb.issued).toBe(200);
    expect(ra.skipped + rb.skipped).toBe(200);
    expect(ra.failed + rb.failed).toBe(0);
    const certs = await certificatesOf(h.ds, course.courseId);
    expect(certs.map((c) => c.seq)).toEqual(range(1, 200));
    expect(new Set(certs.map((c) => c.userId)).size).toBe(200);
    expect(allStored(dataDir, certs)).toBe(true);
    const skipped = await h.ds.query(
      `SELECT i.reason_code AS code, i.reason_params AS params, c.number FROM certificate_batch_items i JOIN certificates c ON c.id = i.certificate_id
        WHERE i.status = 'skipped' AND i.batch_id = ANY($1::uuid[]) LIMIT 1`,
      [[a.id, b.id]],
    );
    expect(skipped[0]).toMatchObject({ code: 'certificate.alreadyIssued', params: { number: skipped[0].number } });
  });

  it('numbers stay gap-free per template while batches of two templates run chunk after chunk in parallel', async () => {
    const [t1, t2] = [await seedTemplate(h.ds, registry), await seedTemplate(h.ds, registry)];
    const courses = await Promise.all([1, 2, 3, 4].map(() => seedCompletedCourse(h.ds, 120)));
    const batches = await Promise.all(
      courses.map((c, i) => createBatch(h.ds, { courseId: c.courseId, templateId: i % 2 ? t2 : t1 }, c.ownerId)),
    );
    await Promise.all(batches.map((b) => enqueue(b.id)));
    for (const b of batches) expect(await waitForBatch(h.ds, b.id)).toMatchObject({ status: 'completed', issued: 120 });

    for (const t of [t1, t2]) {
      const seqs: { seq: number }[] = await h.ds.query(`SELECT seq FROM certificates WHERE template_id = $1 ORDER BY seq`, [t]);
      expect(seqs.map((s) => s.seq)).toEqual(range(1, 240));
      const [seqRow] = await h.ds.query(`SELECT last_value FROM certificate_number_sequences WHERE template_id = $1`, [t]);
      expect(seqRow.last_value).toBe(240);
    }
  });

  it('lists NIPs: unknown, inactive and not completed fail with their reason; the rest are issued', async () => {
    const course = await seedCompletedCourse(h.ds, 3);
    const templateId = await seedTemplate(h.ds, registry);
    await h.ds.query(`UPDATE users SET active = false WHERE nip = $1`, [course.nips[1]]);
    const other = await seedCompletedCourse(h.ds, 1, 'Kursus Lain');
    const unknown = '199912312020121999';
    const { id, total, failed } = await createBatch(
      h.ds,
      { courseId: course.courseId, templateId, nips: [course.nips[0], course.nips[1], other.nips[0], unknown, course.nips[0]] },
      course.ownerId,
    );
    expect({ total, failed }).toEqual({ total: 4, failed: 3 });
    await enqueue(id);
    expect(await waitForBatch(h.ds, id)).toMatchObject({ status: 'completed', total: 4, issued: 1, failed: 3 });
    const reasons = await h.ds.query(`SELECT nip, reason_code AS code FROM certificate_batch_items WHERE batch_id = $1 AND status = 'failed' ORDER BY nip`, [id]);
    expect(Object.fromEntries(reasons.map((r: { nip: string; code: string }) => [r.nip, r.code]))).toEqual({
      [course.nips[1]]: 'certificate.inactiveUser',
      [other.nips[0]]: 'certificate.notCompleted',
      [unknown]: 'certificate.unknownNip',
    });
  });

  it('a render failure fails the item with its reason and keeps the certificate; a retry renders it and the item is issued', async () => {
    const course = await seedCompletedCourse(h.ds, 5);
    // A configuration its template type refuses: every render fails.
    const templateId = await seedTemplate(h.ds, registry, { broken: true });
    const { id } = await createBatch(h.ds, { courseId: course.courseId, templateId }, course.ownerId);
    await enqueue(id);
    expect(await waitForBatch(h.ds, id)).toMatchObject({ status: 'completed', issued: 0, failed: 5 });
    const items = await h.ds.query(`SELECT reason_code AS code, certificate_id FROM certificate_batch_items WHERE batch_id = $1`, [id]);
    expect(items.every((i: { code: string; certificate_id: string | null }) => i.code === 'certificate.renderFailed' && i.certificate_id)).toBe(true);
    const before = await certificatesOf(h.ds, course.courseId);
    expect(before.map((c) => [c.seq, c.storageKey])).toEqual(range(1, 5).map((s) => [s, null]));

    const sttp = registry.plugins.flatMap((p) => p.certificateTemplates ?? []).find((t) => t.key === 'sttp')!;
    await h.ds.query(`UPDATE certificate_templates SET config = $2, updated_at = now() WHERE id = $1`, [templateId, JSON.stringify(sttp.defaultConfig)]);
    expect(await retryBatch(h.ds, id)).toBe(5);
    expect((await getBatch(h.ds, id)).status).toBe('queued');
    await enqueue(id);
    expect(await waitForBatch(h.ds, id)).toMatchObject({ status: 'completed', issued: 5, failed: 0 });
    const after = await certificatesOf(h.ds, course.courseId);
    expect(after.map((c) => c.seq)).toEqual(range(1, 5));
    expect(allStored(dataDir, after)).toBe(true);
  });

  it('a Redis flushed halfway: the reconciler re-adds the running batch and it completes exactly once', async () => {
    const course = await seedCompletedCourse(h.ds, 600);
    const templateId = await seedTemplate(h.ds, registry);
    const { id } = await createBatch(h.ds, { courseId: course.courseId, templateId }, course.ownerId);
    await enqueue(id);
    while ((await getBatch(h.ds, id)).issued === 0) await new Promise((r) => setTimeout(r, 5));
    // The flush: every key of this file's queues (its own prefix), the running job included.
    // The handler already running goes on; the re-added job then runs beside it, which the
    // course lock makes harmless.
    await h.queues.get(JOBS.certificateBatch.queue).obliterate({ force: true });
    expect((await getBatch(h.ds, id)).issued).toBeLessThan(600);
    const report = await h.reconciler.reconcile();
    expect(report.readded).toContainEqual({ job: 'certificateBatch', jobId: id, reason: 'missing' });

    expect(await waitForBatch(h.ds, id)).toMatchObject({ status: 'completed', issued: 600, skipped: 0, failed: 0 });
    const certs = await certificatesOf(h.ds, course.courseId);
    expect(certs.map((c) => c.seq)).toEqual(range(1, 600));
    expect(allStored(dataDir, certs)).toBe(true);
  });

  it('revoke keeps the certificate; reissue gives a new number and code, keeps the old one as replaced, and the render job stores the new PDF', async () => {
    const course = await seedCompletedCourse(h.ds, 2);
    const templateId = await seedTemplate(h.ds, registry);
    const { id } = await createBatch(h.ds, { courseId: course.courseId, templateId }, course.ownerId);
    await enqueue(id);
    await waitForBatch(h.ds, id);
    const [first, second] = await h.ds.query(`SELECT id, number, code FROM certificates WHERE course_id = $1 ORDER BY seq`, [course.courseId]);

    await revokeCertificate(h.ds, second.id, 'Data tidak benar', course.ownerId);
    await expect(revokeCertificate(h.ds, second.id, 'Lagi', course.ownerId)).rejects.toMatchObject({ code: 'certificate.alreadyRevoked' });

    await h.ds.query(`UPDATE users SET name = 'Nama Diperbaiki' WHERE id = $1`, [course.userIds[0]]);
    const created = await reissueCertificate(h.ds, first.id, 'Nama salah ketik', course.ownerId, { secret: h.cfg.CAKAP_KEY_SECRET });
    expect(created.number).not.toBe(first.number);
    expect(created.code).not.toBe(first.code);
    expect(created.recipient.name).toBe('Nama Diperbaiki');
    await expect(reissueCertificate(h.ds, first.id, 'Lagi', null, { secret: h.cfg.CAKAP_KEY_SECRET })).rejects.toMatchObject({
      code: 'certificate.notReissuable',
    });
    const rows = await h.ds.query(
      `SELECT id, status, seq, replaced_by AS "replacedBy", replaces FROM certificates WHERE course_id = $1 ORDER BY seq`,
      [course.courseId],
    );
    expect(rows).toEqual([
      { id: first.id, status: 'replaced', seq: 1, replacedBy: created.id, replaces: null },
      { id: second.id, status: 'revoked', seq: 2, replacedBy: null, replaces: null },
      { id: created.id, status: 'valid', seq: 3, replacedBy: null, replaces: first.id },
    ]);

    await h.queues
      .get(JOBS.certificateRender.queue)
      .add(JOBS.certificateRender.name, { v: 1, certificateId: created.id }, { ...JOB_OPTIONS, jobId: created.id });
    for (let i = 0; ; i++) {
      const [row] = await h.ds.query(`SELECT storage_key FROM certificates WHERE id = $1`, [created.id]);
      if (row.storage_key) break;
      if (i > 200) throw new Error('the reissued certificate was not rendered');
      await new Promise((r) => setTimeout(r, 50));
    }
  });

  it('automatic issuance: a completion event of a course with certificates on gives exactly one certificate', async () => {
    const course = await seedCompletedCourse(h.ds, 0, 'Kursus Otomatis');
    const templateId = await seedTemplate(h.ds, registry);
    await h.ds.query(`UPDATE courses SET certificate_auto = true, certificate_template_id = $2 WHERE id = $1`, [course.courseId, templateId]);
    const [learner] = await h.ds.query(`INSERT INTO users (nip, name, org_unit_id) VALUES ($1, 'Peserta Otomatis', $2) RETURNING id`, [
      randomNip(),
      course.unitId,
    ]);
    await completeCourse(h.ds, course.courseId, [learner.id], 'Kursus Otomatis');
    const [enrollment] = await h.ds.query(`SELECT id FROM enrollments WHERE user_id = $1`, [learner.id]);
    const event = { enrollmentId: enrollment.id, userId: learner.id, courseId: course.courseId };
    await h.ds.query(`INSERT INTO domain_events (kind, aggregate_id, payload, dedupe_key) VALUES ('enrollment.completed', $1, $2, $3)`, [
      enrollment.id,
      JSON.stringify(event),
      `enrollment.completed:${enrollment.id}`,
    ]);

    const consumer = h.app.get(CompletionConsumer);
    await Promise.all([consumer.poll(), consumer.poll()]);
    await consumer.poll();
    const batches = await h.ds.query(`SELECT id, kind FROM certificate_batches WHERE course_id = $1`, [course.courseId]);
    expect(batches).toEqual([{ id: expect.any(String), kind: 'auto' }]);
    expect(await waitForBatch(h.ds, batches[0].id)).toMatchObject({ status: 'completed', total: 1, issued: 1 });
    const certs = await certificatesOf(h.ds, course.courseId);
    expect(certs).toHaveLength(1);
    expect(certs[0]).toMatchObject({ userId: learner.id, seq: 1 });
    const [{ processed }] = await h.ds.query(`SELECT processed_at IS NOT NULL AS processed FROM domain_events WHERE aggregate_id = $1`, [enrollment.id]);
    expect(processed).toBe(true);
  });
});
