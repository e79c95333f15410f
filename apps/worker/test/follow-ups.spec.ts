import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JOBS } from '@cakap/contracts';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import { FollowUpScheduler } from '../src/follow-ups/follow-up.scheduler';
import { type Harness, startWorker } from './support';

const WEEK = 7 * 86_400_000;
const DAY = 86_400_000;
const tag = () => randomBytes(4).toString('hex');
const nip = () => `19${Array.from({ length: 16 }, () => Math.floor(Math.random() * 10)).join('')}`;

/** What the api and @cakap/learning write: a unit, people (with their direct superior), a published course. */
async function seedCourse(ds: DataSource, title: string): Promise<{ courseId: string; unitId: string }> {
  const t = tag();
  const [unit] = await ds.query(`INSERT INTO org_units (code, name) VALUES ($1, $2) RETURNING id`, [`FU-${t}`, `Dinas ${t}`]);
  const [owner] = await ds.query(`INSERT INTO users (nip, name, org_unit_id, roles) VALUES ($1, 'Penulis', $2, '{author}') RETURNING id`, [nip(), unit.id]);
  const [course] = await ds.query(`INSERT INTO courses (owner_id, title, jp, status, published_version) VALUES ($1, $2, 4, 'published', 1) RETURNING id`, [owner.id, title]);
  await ds.query(
    `INSERT INTO course_versions (course_id, version, snapshot, hash, published_by, published_at, title, language, jp, module_count, lesson_count, search_text)
     VALUES ($1, 1, '{}', repeat('0', 64), $2, now(), $3, 'id', 4, 1, 1, '')`,
    [course.id, owner.id, title],
  );
  return { courseId: course.id, unitId: unit.id };
}

async function seedPerson(ds: DataSource, unitId: string, name: string, supervisorId: string | null = null, active = true): Promise<string> {
  const [u] = await ds.query(`INSERT INTO users (nip, name, org_unit_id, supervisor_id, active) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
    nip(),
    name,
    unitId,
    supervisorId,
    active,
  ]);
  return u.id;
}

/** The completion as @cakap/learning's completeEnrollment writes it: the completed enrolment and its outbox event. */
async function complete(ds: DataSource, courseId: string, userId: string, completedAt: Date): Promise<string> {
  const [e] = await ds.query(
    `INSERT INTO enrollments (user_id, course_id, version, status, enrolled_at, completed_at) VALUES ($1, $2, 1, 'completed', $3, $3) RETURNING id`,
    [userId, courseId, completedAt],
  );
  await ds.query(`INSERT INTO domain_events (kind, aggregate_id, payload, dedupe_key) VALUES ('enrollment.completed', $1, $2, $3)`, [
    e.id,
    JSON.stringify({ enrollmentId: e.id, userId, courseId, version: 1, completedAt: completedAt.toISOString(), jp: 4, year: 2026 }),
    `enrollment.completed:${e.id}`,
  ]);
  return e.id;
}

interface RequestRow {
  id: string;
  role: string;
  respondent_id: string;
  status: string;
  due_at: Date;
  sent_at: Date | null;
  reminders_sent: number;
}
const requestsOf = (ds: DataSource, enrollmentId: string): Promise<RequestRow[]> =>
  ds.query(
    `SELECT id, respondent_role AS role, respondent_id, status, due_at, sent_at, reminders_sent FROM follow_up_requests WHERE enrollment_id = $1 ORDER BY respondent_role`,
    [enrollmentId],
  );
const notificationsOf = (ds: DataSource, requestId: string) =>
  ds.query(`SELECT user_id AS "userId", kind, params, link, dedupe_key AS "dedupeKey" FROM notifications WHERE link = $1 ORDER BY created_at, kind`, [
    `/tindak-lanjut/${requestId}`,
  ]);

async function waitFor<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`${what}: still ${JSON.stringify(v)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const statusOf = async (ds: DataSource, id: string) => (await ds.query(`SELECT status FROM follow_up_requests WHERE id = $1`, [id]))[0].status as string;

describe('level-3 follow-ups in the worker', () => {
  let h: Harness;
  let h2: Harness;

  beforeAll(async () => {
    // The outbox is polled by hand (two workers at once where it matters); the queues are consumed.
    h = await startWorker('follow-ups', { outboxPollMs: 0 });
    h2 = await startWorker('follow-ups', { outboxPollMs: 0, startWorkers: false });
  });
  afterAll(async () => {
    await h2?.close();
    await h?.close();
  });

  const queue = () => h.queues.get(JOBS.followUpSend.queue);
  const job = async (id: string): Promise<Job> =>
    waitFor(`job ${id}`, async () => (await queue().getJob(id)) as Job, (j) => j !== undefined, 5_000);
  /** Brings a date in Postgres and its delayed job forward together ("weeks later" in a test). */
  async function bringForward(jobId: string, sql: string, params: unknown[]) {
    await h.ds.query(sql, params);
    await (await job(jobId)).changeDelay(100);
  }

  let courseId: string;
  let learnerWithSuperior: { userId: string; superiorId: string; enrollmentId: string };

  it('schedules one request per role once, however many workers poll; the superior only when one is known and active', async () => {
    const course = await seedCourse(h.ds, 'Manajemen Arsip Dinamis');
    courseId = course.courseId;
    const superiorId = await seedPerson(h.ds, course.unitId, 'Drs. Bambang Atasan, M.Si.');
    const retired = await seedPerson(h.ds, course.unitId, 'Atasan Nonaktif', null, false);
    const withSuperior = await seedPerson(h.ds, course.unitId, 'Siti Pegawai', superiorId);
    const alone = await seedPerson(h.ds, course.unitId, 'Budi Tanpa Atasan');
    const inactiveSuperior = await seedPerson(h.ds, course.unitId, 'Rina Pegawai', retired);
    const completedAt = new Date(Date.now() - 60_000);
    const e1 = await complete(h.ds, courseId, withSuperior, completedAt);
    const e2 = await complete(h.ds, courseId, alone, completedAt);
    const e3 = await complete(h.ds, courseId, inactiveSuperior, completedAt);
    learnerWithSuperior = { userId: withSuperior, superiorId, enrollmentId: e1 };

    const s1 = h.app.get(FollowUpScheduler);
    const s2 = h2.app.get(FollowUpScheduler);
    await Promise.all([s1.poll(), s2.poll(), s1.poll(), s2.poll()]);
    await s1.poll();

    const r1 = await requestsOf(h.ds, e1);
    expect(r1.map((r) => [r.role, r.respondent_id, r.status])).toEqual([
      ['learner', withSuperior, 'scheduled'],
      ['superior', superiorId, 'scheduled'],
    ]);
    // The defaults: 8 weeks after completion.
    expect(r1[0].due_at.getTime()).toBe(completedAt.getTime() + 8 * WEEK);
    expect((await requestsOf(h.ds, e2)).map((r) => r.role)).toEqual(['learner']);
    expect((await requestsOf(h.ds, e3)).map((r) => r.role)).toEqual(['learner']);
    // Each request waits as a delayed job of its own.
    for (const r of r1) {
      const j = await job(r.id);
      expect(await j.getState()).toBe('delayed');
      expect(j.data).toEqual({ v: 1, requestId: r.id });
    }
  });

  it('creates nothing for a course whose follow-up is switched off or a completion whose follow-up would be closed already, and honours the weeks and superior settings', async () => {
    const off = await seedCourse(h.ds, 'Kursus Tanpa Tindak Lanjut');
    await h.ds.query(`INSERT INTO course_follow_ups (course_id, enabled) VALUES ($1, false)`, [off.courseId]);
    const custom = await seedCourse(h.ds, 'Kursus Empat Minggu');
    await h.ds.query(`INSERT INTO course_follow_ups (course_id, weeks_after, include_superior) VALUES ($1, 4, false)`, [custom.courseId]);
    const boss = await seedPerson(h.ds, off.unitId, 'Atasan');
    const someone = await seedPerson(h.ds, off.unitId, 'Pegawai', boss);
    const at = new Date(Date.now() - 60_000);
    const eOff = await complete(h.ds, off.courseId, someone, at);
    const eCustom = await complete(h.ds, custom.courseId, someone, at);
    // Completed so long ago that the follow-up (4 weeks, then 7 days × 3 to answer) would be closed.
    const eOld = await complete(h.ds, custom.courseId, boss, new Date(Date.now() - 8 * WEEK));
    await h.app.get(FollowUpScheduler).poll();
    expect(await requestsOf(h.ds, eOff)).toEqual([]);
    expect(await requestsOf(h.ds, eOld)).toEqual([]);
    const [only, ...none] = await requestsOf(h.ds, eCustom);
    expect(none).toEqual([]);
    expect(only).toMatchObject({ role: 'learner' });
    expect(only.due_at.getTime()).toBe(at.getTime() + 4 * WEEK);
    await queue().remove(only.id);
  });

  it('sends each request when its date comes and notifies the learner about the course and the superior about the employee', async () => {
    const [learner, superior] = await requestsOf(h.ds, learnerWithSuperior.enrollmentId);
    for (const r of [learner, superior]) {
      await bringForward(r.id, `UPDATE follow_up_requests SET due_at = now() WHERE id = $1`, [r.id]);
    }
    await waitFor('sent', async () => [await statusOf(h.ds, learner.id), await statusOf(h.ds, superior.id)], (s) => s.every((x) => x === 'sent'));
    expect(await notificationsOf(h.ds, learner.id)).toEqual([
      {
        userId: learnerWithSuperior.userId,
        kind: 'followUp.due',
        params: { course: 'Manajemen Arsip Dinamis' },
        link: `/tindak-lanjut/${learner.id}`,
        dedupeKey: `followUp.due:${learner.id}`,
      },
    ]);
    expect(await notificationsOf(h.ds, superior.id)).toEqual([
      expect.objectContaining({
        userId: learnerWithSuperior.superiorId,
        kind: 'followUp.superiorDue',
        params: { course: 'Manajemen Arsip Dinamis', employee: 'Siti Pegawai' },
      }),
    ]);
    // The first reminder waits, a week later by default.
    const first = await job(`${learner.id}-remind-1`);
    expect(await first.getState()).toBe('delayed');
    expect(first.timestamp + first.delay - Date.now()).toBeGreaterThan(7 * DAY - 60_000);

    // A second send job (a retry, a duplicate) changes nothing.
    await queue().add(JOBS.followUpSend.name, { v: 1, requestId: learner.id }, { jobId: `${learner.id}-again` });
    await waitFor('duplicate done', async () => (await queue().getJob(`${learner.id}-again`))?.finishedOn, (v) => v !== undefined);
    expect(await notificationsOf(h.ds, learner.id)).toHaveLength(1);
  });

  it('reminds at most the course maximum, one period apart, then expires the request', async () => {
    const [learner] = await requestsOf(h.ds, learnerWithSuperior.enrollmentId);
    await h.ds.query(`INSERT INTO course_follow_ups (course_id, reminder_days, max_reminders) VALUES ($1, 2, 2)`, [courseId]);
    // Each step: the request was sent one period earlier than Postgres says, and its job fires now.
    const step = async (n: number) =>
      bringForward(`${learner.id}-remind-${n}`, `UPDATE follow_up_requests SET sent_at = sent_at - interval '2 days' WHERE id = $1`, [learner.id]);
    await step(1);
    await waitFor('reminder 1', async () => (await requestsOf(h.ds, learnerWithSuperior.enrollmentId))[0].reminders_sent, (n) => n === 1);
    await step(2);
    await waitFor('reminder 2', async () => (await requestsOf(h.ds, learnerWithSuperior.enrollmentId))[0].reminders_sent, (n) => n === 2);
    expect(await statusOf(h.ds, learner.id)).toBe('sent');
    await step(3);
    await waitFor('expired', () => statusOf(h.ds, learner.id), (s) => s === 'expired');
    const reminders = (await notificationsOf(h.ds, learner.id)).filter((n: { kind: string }) => n.kind === 'followUp.reminder');
    expect(reminders.map((n: { dedupeKey: string }) => n.dedupeKey)).toEqual([`followUp.reminder:${learner.id}:1`, `followUp.reminder:${learner.id}:2`]);
    expect(reminders[0].params).toEqual({ course: 'Manajemen Arsip Dinamis', employee: 'Siti Pegawai' });
  });

  it('cancels a request whose course switched its follow-up off before the date', async () => {
    const course = await seedCourse(h.ds, 'Kursus Dibatalkan');
    const someone = await seedPerson(h.ds, course.unitId, 'Pegawai Batal');
    const e = await complete(h.ds, course.courseId, someone, new Date());
    await h.app.get(FollowUpScheduler).poll();
    const [r] = await requestsOf(h.ds, e);
    await h.ds.query(`INSERT INTO course_follow_ups (course_id, enabled) VALUES ($1, false)`, [course.courseId]);
    await bringForward(r.id, `UPDATE follow_up_requests SET due_at = now() WHERE id = $1`, [r.id]);
    await waitFor('cancelled', () => statusOf(h.ds, r.id), (s) => s === 'cancelled');
    expect(await notificationsOf(h.ds, r.id)).toEqual([]);
  });

  it('the reconciler re-adds what Postgres says is due after the Redis keys are gone', async () => {
    const course = await seedCourse(h.ds, 'Kursus Redis Hilang');
    const boss = await seedPerson(h.ds, course.unitId, 'Atasan Rekonsiliasi');
    const someone = await seedPerson(h.ds, course.unitId, 'Pegawai Rekonsiliasi', boss);
    const e = await complete(h.ds, course.courseId, someone, new Date());
    await h.app.get(FollowUpScheduler).poll();
    const [learner, superior] = await requestsOf(h.ds, e);
    // Redis loses everything of this queue; meanwhile the learner's date has come, and the
    // superior's request had been sent long ago (its first reminder is overdue).
    await queue().obliterate({ force: true });
    await h.ds.query(`UPDATE follow_up_requests SET due_at = now() - interval '1 minute' WHERE id = $1`, [learner.id]);
    await h.ds.query(`UPDATE follow_up_requests SET status = 'sent', due_at = now() - interval '9 days', sent_at = now() - interval '8 days' WHERE id = $1`, [superior.id]);

    const report = await h.reconciler.reconcile();
    expect(report.readded).toEqual(
      expect.arrayContaining([
        { job: 'followUpSend', jobId: learner.id, reason: 'missing' },
        { job: 'followUpRemind', jobId: `${superior.id}-remind-1`, reason: 'missing' },
      ]),
    );
    await waitFor('learner sent', () => statusOf(h.ds, learner.id), (s) => s === 'sent');
    await waitFor('superior reminded', async () => (await requestsOf(h.ds, e))[1].reminders_sent, (n) => n === 1);
    expect((await notificationsOf(h.ds, superior.id)).map((n: { kind: string }) => n.kind)).toEqual(['followUp.reminder']);
  });

  describe('a delayed job added by one worker process', () => {
    const main = join(__dirname, '../dist/main.js');
    const name = 'follow-ups-restart';
    const children: ChildProcess[] = [];
    const output: string[] = [];
    let probe: Harness;

    beforeAll(async () => {
      // `turbo test` builds the worker first; running this file alone, build it when stale.
      if (!existsSync(main) || statSync(main).mtimeMs < newestMtime(join(__dirname, '../src'))) {
        execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(__dirname, '../tsconfig.build.json')], { stdio: 'inherit' });
      }
      // Only to read the queue the processes use; it consumes nothing.
      probe = await startWorker(name, { startWorkers: false, outboxPollMs: 0 });
    });
    afterAll(async () => {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      await probe?.close();
    });

    const spawnWorker = () => {
      const child = spawn(process.execPath, [main], {
        env: { ...process.env, QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}:${name}`, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'info' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
      child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
      children.push(child);
      return child;
    };
    const stop = async (child: ChildProcess) => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    };

    it('fires in a new worker process after the first one stopped', async () => {
      const course = await seedCourse(probe.ds, 'Kursus Lintas Proses');
      const someone = await seedPerson(probe.ds, course.unitId, 'Pegawai Lintas Proses');
      const e = await complete(probe.ds, course.courseId, someone, new Date());

      // The first process consumes the completion and adds the delayed job (due in 8 weeks).
      const first = spawnWorker();
      const [r] = await waitFor('scheduled', () => requestsOf(probe.ds, e), (rs) => rs.length === 1, 30_000).catch((err: Error) => {
        throw new Error(`${err.message}\nworker output:\n${output.join('').slice(-4000)}`);
      });
      const q = probe.queues.get(JOBS.followUpSend.queue);
      const delayed = await waitFor('delayed job', async () => q.getJob(r.id), (j) => j !== undefined);
      expect(await delayed!.getState()).toBe('delayed');
      await stop(first);

      // While no worker runs, "eight weeks pass": the date in Postgres and the job's delay move together.
      await probe.ds.query(`UPDATE follow_up_requests SET due_at = now() + interval '2 seconds' WHERE id = $1`, [r.id]);
      await (await q.getJob(r.id))!.changeDelay(2_000);
      expect(await statusOf(probe.ds, r.id)).toBe('scheduled');

      spawnWorker();
      await waitFor('sent by the new process', () => statusOf(probe.ds, r.id), (s) => s === 'sent', 30_000).catch((err: Error) => {
        throw new Error(`${err.message}\nworker output:\n${output.join('').slice(-4000)}`);
      });
      expect(await notificationsOf(probe.ds, r.id)).toEqual([expect.objectContaining({ userId: someone, kind: 'followUp.due' })]);
    }, 90_000);
  });
});

function newestMtime(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, e) => {
    const path = join(dir, e.name);
    return Math.max(newest, e.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }, 0);
}
