import { JOBS } from '@cakap/contracts';
import { readSnapshot, requestSnapshot, sourceStamp, type Snapshot } from '@cakap/reports';
import type { DataSource } from 'typeorm';
import { type Harness, seedUnit, seedUser, startWorker } from './support';

/**
 * The {reports} job end to end: the api's side of the protocol (requestSnapshot, then the job
 * named by the snapshot id) against the real worker module, queue and database. The course is
 * what the api writes: a published version, enrolments, completions.
 */
describe('report snapshots in the worker', () => {
  let h: Harness;
  let courseId: string;
  let adminId: string;
  const learners: string[] = [];
  const enrollments: string[] = [];

  beforeAll(async () => {
    h = await startWorker('reports', {}, { REPORT_WAIT_MS: '8000' });
    const unit = await seedUnit(h.ds, 'LAPORAN-W', 'Unit Laporan Worker');
    adminId = await seedUser(h.ds, { nip: '198609262015051201', name: 'Admin Laporan', orgUnitId: unit, roles: ['admin'] });
    const [course] = await h.ds.query(`INSERT INTO courses (owner_id, title, jp, status, published_version) VALUES ($1, 'Kursus Laporan Worker', 2, 'published', 1) RETURNING id`, [adminId]);
    courseId = course.id;
    await h.ds.query(
      `INSERT INTO course_versions (course_id, version, snapshot, hash, published_by, published_at, title, language, jp, module_count, lesson_count, search_text)
       VALUES ($1, 1, '{}', repeat('0', 64), $2, now(), 'Kursus Laporan Worker', 'id', 2, 0, 0, '')`,
      [courseId, adminId],
    );
    for (let i = 0; i < 3; i++) {
      learners.push(await seedUser(h.ds, { nip: `19860926201505121${i}`, name: `Peserta ${i}`, orgUnitId: unit }));
      const [e] = await h.ds.query(`INSERT INTO enrollments (user_id, course_id, version, enrolled_at) VALUES ($1, $2, 1, '2026-02-01T02:00:00Z') RETURNING id`, [learners[i], courseId]);
      enrollments.push(e.id);
    }
    await complete(h.ds, enrollments[0], '2026-02-03T02:00:00Z');
  });
  afterAll(async () => {
    await h?.close();
  });

  const complete = (ds: DataSource, id: string, at: string) =>
    ds.query(`UPDATE enrollments SET status = 'completed', completed_at = $2 WHERE id = $1`, [id, at]);

  /** What the api does on a GET that finds no fresh snapshot. */
  async function ask(): Promise<{ snapshot: Snapshot; fresh: boolean }> {
    const asked = await requestSnapshot(h.ds, { kind: 'course', courseId }, adminId);
    if (!asked.fresh) {
      await h.queues.get(JOBS.reportCompute.queue).add(JOBS.reportCompute.name, { v: 1, snapshotId: asked.snapshot.id }, { jobId: asked.snapshot.id, removeOnComplete: true });
    }
    return asked;
  }

  async function waitReady(id: string, timeoutMs = 15_000): Promise<Snapshot> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const s = await readSnapshot(h.ds, id);
      if (s?.status === 'ready' || s?.status === 'failed') return s;
      if (Date.now() > until) throw new Error(`snapshot ${id} still ${s?.status} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('computes a requested course report, serves it while nothing changed, and recomputes after a completion', async () => {
    const first = await ask();
    expect(first.fresh).toBe(false);
    const ready = await waitReady(first.snapshot.id);
    expect(ready).toMatchObject({ status: 'ready', data: { courseId, enrolled: 3, completed: 1, completionRate: 0.3333, stale: false } });

    const again = await ask();
    expect(again).toMatchObject({ fresh: true, snapshot: { id: first.snapshot.id, computedAt: ready.computedAt } });

    const [stored] = await h.ds.query(`SELECT source_stamp FROM report_snapshots WHERE id = $1`, [first.snapshot.id]);
    expect(await sourceStamp(h.ds, { kind: 'course', courseId }, new Date())).toBe(stored.source_stamp);
    await complete(h.ds, enrollments[1], '2026-02-05T02:00:00Z');
    expect(await sourceStamp(h.ds, { kind: 'course', courseId }, new Date())).not.toBe(stored.source_stamp);
    const afterCompletion = await ask();
    expect(afterCompletion.fresh).toBe(false);
    const recomputed = await waitReady(first.snapshot.id);
    expect(recomputed.data).toMatchObject({ completed: 2, completionRate: 0.6667, medianDaysToComplete: 3 });
    expect(recomputed.computedAt!.getTime()).toBeGreaterThan(ready.computedAt!.getTime());
    // Computed within the api's wait: the admin was answered, nobody is notified.
    expect(await h.ds.query(`SELECT 1 FROM notifications WHERE user_id = $1 AND kind = 'report.ready'`, [adminId])).toEqual([]);
  });

  it('re-adds a snapshot whose job was lost, and tells the requester who stopped waiting', async () => {
    await complete(h.ds, enrollments[2], '2026-02-07T02:00:00Z');
    // Queued two minutes ago, and no job in Redis (flushed, or the api died before adding it).
    const { snapshot } = await requestSnapshot(h.ds, { kind: 'course', courseId }, adminId);
    await h.ds.query(`UPDATE report_snapshots SET requested_at = now() - interval '2 minutes' WHERE id = $1`, [snapshot.id]);
    const pass = await h.reconciler.reconcile();
    expect(pass.readded).toContainEqual({ job: 'reportCompute', jobId: snapshot.id, reason: 'missing' });
    expect((await waitReady(snapshot.id)).data).toMatchObject({ completed: 3, completionRate: 1 });
    const [note] = await h.ds.query(`SELECT params, link FROM notifications WHERE user_id = $1 AND kind = 'report.ready'`, [adminId]);
    expect(note).toEqual({ params: { report: 'Kursus Laporan Worker' }, link: `/admin/laporan/kursus/${courseId}` });
  });
});
