import { JOBS } from '@cakap/contracts';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { REDIS } from '../src/core/tokens';
import { type Harness, enqueueImport, getImport, insertImport, resetPeople, seedUnit, startWorker, usersByNip, waitForImport } from './support';

/**
 * Postgres is the source of truth: an import it calls queued or running whose job is not in
 * BullMQ (Redis flushed, job lost) is enqueued again and completes.
 */
describe('reconciler', () => {
  const csv = (nip: string) => `nip,nama,email,unit_kerja,jabatan\n${nip},Rahmat Hidayat,,BKPSDMD,\n`;
  let h: Harness;

  beforeAll(async () => {
    h = await startWorker('reconciler');
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await resetPeople(h.ds);
    await seedUnit(h.ds, 'BKPSDMD', 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah');
  });

  it('re-adds a queued import whose job is missing, with the same job id, and it completes', async () => {
    // The api wrote the row, then Redis lost the job (or it was never added).
    const id = await insertImport(h.ds, csv('198609262015051001'));
    const report = await h.reconciler.reconcile();
    expect(report.readded).toEqual([{ job: 'userImport', jobId: id, reason: 'missing' }]);

    const imp = await waitForImport(h.ds, id);
    expect(imp).toMatchObject({ status: 'completed', created: 1, failed: 0 });
    expect((await usersByNip(h.ds)).get('198609262015051001')?.name).toBe('Rahmat Hidayat');

    // Nothing left to do on the next pass.
    expect((await h.reconciler.reconcile()).readded).toEqual([]);
  });

  it('leaves alone a job BullMQ still holds, and re-adds it once the queue was obliterated (a flushed Redis)', async () => {
    // A worker that consumes nothing, so the job stays waiting.
    const idle = await startWorker('reconciler-idle', { startWorkers: false });
    try {
      const id = await insertImport(idle.ds, csv('199001012015011002'));
      await enqueueImport(idle, id);
      const queue = idle.queues.get(JOBS.userImport.queue);
      expect(await queue.getJobState(id)).toBe('waiting');
      expect((await idle.reconciler.reconcile()).readded).toEqual([]);

      await queue.obliterate({ force: true });
      expect(await queue.getJob(id)).toBeUndefined();
      const report = await idle.reconciler.reconcile();
      expect(report.readded).toEqual([{ job: 'userImport', jobId: id, reason: 'missing' }]);
      expect(await queue.getJobState(id)).toBe('waiting');
      expect((await getImport(idle.ds, id)).status).toBe('queued');
    } finally {
      await idle.close();
    }
  });

  it('runs on worker start: a worker booting after Redis lost the jobs finishes the imports', async () => {
    const id = await insertImport(h.ds, csv('199102022015012003'));
    // A "running" import whose worker died and whose job is gone as well.
    await h.ds.query(`UPDATE user_imports SET status = 'running', started_at = now() WHERE id = $1`, [id]);
    const booting = await startWorker('reconciler-boot', { reconcileOnStart: true });
    try {
      const imp = await waitForImport(booting.ds, id);
      expect(imp).toMatchObject({ status: 'completed', created: 1 });
    } finally {
      await booting.close();
    }
  });

  it('re-adds a job that BullMQ holds as failed while Postgres says the import is unfinished', async () => {
    const idle = await startWorker('reconciler-failed', { startWorkers: false });
    try {
      const id = await insertImport(idle.ds, csv('199203032016011004'));
      await enqueueImport(idle, id, 1);
      const queue = idle.queues.get(JOBS.userImport.queue);
      // Another consumer (say, an outdated worker) fails the job in Redis without a word to Postgres.
      const rogue = new Worker(JOBS.userImport.queue, async () => Promise.reject(new Error('lost')), {
        connection: idle.app.get<Redis>(REDIS),
        prefix: idle.cfg.QUEUE_PREFIX,
      });
      try {
        for (let i = 0; i < 100 && (await queue.getJobState(id)) !== 'failed'; i++) await new Promise((r) => setTimeout(r, 50));
      } finally {
        await rogue.close();
      }
      expect(await queue.getJobState(id)).toBe('failed');

      const report = await idle.reconciler.reconcile();
      expect(report.readded).toEqual([{ job: 'userImport', jobId: id, reason: 'failed' }]);
      expect(await queue.getJobState(id)).toBe('waiting');
    } finally {
      await idle.close();
    }
  });
});
