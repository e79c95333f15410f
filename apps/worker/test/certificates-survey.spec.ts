import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JOB_OPTIONS, JOBS } from '@cakap/contracts';
import { createBatch, retryBatch } from '@cakap/issuance';
import type { PluginRegistry } from '@cakap/plugin-sdk/host';
import type { DataSource } from 'typeorm';
import { CompletionConsumer } from '../src/certificates/completion.consumer';
import { PLUGINS } from '../src/core/tokens';
import { certificatesOf, seedCompletedCourse, seedTemplate, waitForBatch } from './certificates-support';
import { type Harness, startWorker } from './support';

/**
 * The evaluation gate (issue 8): a course that requires its post-course survey issues no
 * certificate before the learner answered it, automatically or in bulk.
 */
describe('certificates wait for a required course survey', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cakap-cert-survey-'));
  let h: Harness;
  let registry: PluginRegistry;

  beforeAll(async () => {
    h = await startWorker('certificates', { outboxPollMs: 0 }, { CAKAP_DATA_DIR: dataDir });
    registry = h.app.get<PluginRegistry>(PLUGINS);
  });
  afterAll(async () => {
    await h?.close();
  });

  const QUESTIONS = [{ id: 'keseluruhan_1', type: 'likert', dimension: 'overall', text: 'Saya puas.', required: true }];
  const requireSurvey = (ds: DataSource, courseId: string) =>
    ds.query(`INSERT INTO course_surveys (course_id, questions, required_for_certificate) VALUES ($1, $2, true)`, [courseId, JSON.stringify(QUESTIONS)]);
  const enrollmentOf = async (ds: DataSource, userId: string, courseId: string): Promise<string> =>
    (await ds.query(`SELECT id FROM enrollments WHERE user_id = $1 AND course_id = $2`, [userId, courseId]))[0].id;
  const event = (ds: DataSource, kind: string, e: { enrollmentId: string; userId: string; courseId: string }) =>
    ds.query(`INSERT INTO domain_events (kind, aggregate_id, payload, dedupe_key) VALUES ($1, $2, $3, $4)`, [
      kind,
      e.enrollmentId,
      JSON.stringify(e),
      `${kind}:${e.enrollmentId}`,
    ]);
  /** What the api's evaluation module writes when a learner answers a required survey. */
  const answer = async (ds: DataSource, e: { enrollmentId: string; userId: string; courseId: string }) => {
    await ds.query(`INSERT INTO survey_responses (enrollment_id, course_id, questions, answers) VALUES ($1, $2, $3, '{"keseluruhan_1": 5}')`, [
      e.enrollmentId,
      e.courseId,
      JSON.stringify(QUESTIONS),
    ]);
    await event(ds, 'evaluation.submitted', e);
  };
  const autoBatches = (courseId: string): Promise<{ id: string }[]> =>
    h.ds.query(`SELECT id FROM certificate_batches WHERE course_id = $1 AND kind = 'auto'`, [courseId]);

  it('automatic issuance waits for the answer, then issues exactly one certificate', async () => {
    const course = await seedCompletedCourse(h.ds, 2, 'Kursus Bersurvei');
    const templateId = await seedTemplate(h.ds, registry);
    await h.ds.query(`UPDATE courses SET certificate_auto = true, certificate_template_id = $2 WHERE id = $1`, [course.courseId, templateId]);
    await requireSurvey(h.ds, course.courseId);
    const [late, early] = await Promise.all(
      course.userIds.map(async (userId) => ({ enrollmentId: await enrollmentOf(h.ds, userId, course.courseId), userId, courseId: course.courseId })),
    );
    const consumer = h.app.get(CompletionConsumer);

    // `late` answers after the completion was consumed: no batch, the event is still done.
    await event(h.ds, 'enrollment.completed', late);
    await consumer.poll();
    expect(await autoBatches(course.courseId)).toEqual([]);
    const [{ processed }] = await h.ds.query(`SELECT processed_at IS NOT NULL AS processed FROM domain_events WHERE dedupe_key = $1`, [
      `enrollment.completed:${late.enrollmentId}`,
    ]);
    expect(processed).toBe(true);
    await answer(h.ds, late);
    await Promise.all([consumer.poll(), consumer.poll()]);
    await consumer.poll();
    expect(await autoBatches(course.courseId)).toHaveLength(1);

    // `early` answered before its completion was consumed: the completion issues, the answer adds nothing.
    await event(h.ds, 'enrollment.completed', early);
    await answer(h.ds, early);
    await consumer.poll();
    const batches = await autoBatches(course.courseId);
    expect(batches).toHaveLength(2);
    for (const b of batches) expect(await waitForBatch(h.ds, b.id)).toMatchObject({ status: 'completed', total: 1, issued: 1 });
    const certs = await certificatesOf(h.ds, course.courseId);
    expect(certs.map((c) => c.userId).sort()).toEqual([late.userId, early.userId].sort());
  });

  it('in a bulk batch a learner who has not answered fails with the reason; a retry after answering issues', async () => {
    const course = await seedCompletedCourse(h.ds, 2, 'Kursus Bersurvei Massal');
    const templateId = await seedTemplate(h.ds, registry);
    await requireSurvey(h.ds, course.courseId);
    const [answered, pending] = await Promise.all(
      course.userIds.map(async (userId) => ({ enrollmentId: await enrollmentOf(h.ds, userId, course.courseId), userId, courseId: course.courseId })),
    );
    await answer(h.ds, answered);
    const enqueue = (batchId: string) =>
      h.queues.get(JOBS.certificateBatch.queue).add(JOBS.certificateBatch.name, { v: 1, batchId }, { ...JOB_OPTIONS, jobId: batchId });

    const { id } = await createBatch(h.ds, { courseId: course.courseId, templateId }, course.ownerId);
    await enqueue(id);
    expect(await waitForBatch(h.ds, id)).toMatchObject({ status: 'completed', total: 2, issued: 1, failed: 1 });
    const [item] = await h.ds.query(`SELECT user_id AS "userId", reason_code AS code FROM certificate_batch_items WHERE batch_id = $1 AND status = 'failed'`, [id]);
    expect(item).toEqual({ userId: pending.userId, code: 'evaluation.surveyMissing' });

    await answer(h.ds, pending);
    expect(await retryBatch(h.ds, id)).toBe(1);
    await enqueue(id);
    expect(await waitForBatch(h.ds, id)).toMatchObject({ status: 'completed', issued: 2, failed: 0 });
    expect(await certificatesOf(h.ds, course.courseId)).toHaveLength(2);
  });
});
