import { courseReportSchema } from '@cakap/contracts';
import { randomUUID } from 'node:crypto';
import { computeCourseReport } from './course-report';
import { readSnapshot, requestSnapshot, runSnapshot } from './snapshots';
import { sourceStamp } from './stamp';
import { activity, attempt, course, enrol, followUp, surveyResponse, testDb, unit, user, type Db } from './test-fixtures';

/**
 * The course report over a small course whose every figure was worked out by hand, and the
 * snapshot protocol the api and the worker share.
 */
describe('course report', () => {
  let db: Db;
  let courseId: string;
  let quietCourseId: string;
  const e: Record<string, string> = {};
  const now = new Date('2026-03-20T05:00:00Z');
  const people: string[] = [];

  beforeAll(async () => {
    db = await testDb('course');
    const { ds } = db;
    const u = await unit(ds, 'BKPSDMD', 'BKPSDMD');
    const owner = await user(ds, 'Penulis Kursus', u, { roles: ['author'] });
    const superior = await user(ds, 'Atasan Langsung', u);
    courseId = await course(ds, owner, 'Etika ASN');
    quietCourseId = await course(ds, owner, 'Kursus Sepi');
    for (const name of ['A', 'B', 'C', 'D', 'E', 'F']) people.push(await user(ds, `Peserta Rahasia ${name}`, u));
    const [A, B, C, D, E, F] = people;
    // Days to complete: A 2, B 4, C 5, D 10. D enrolled at 01:00 WIB on 1 February (still 31 January in UTC).
    e.A = await enrol(ds, A, courseId, '2026-01-10T02:00:00Z', '2026-01-12T02:00:00Z');
    e.B = await enrol(ds, B, courseId, '2026-01-20T02:00:00Z', '2026-01-24T02:00:00Z');
    e.C = await enrol(ds, C, courseId, '2026-02-05T02:00:00Z', '2026-02-10T02:00:00Z');
    e.D = await enrol(ds, D, courseId, '2026-01-31T18:00:00Z', '2026-02-10T18:00:00Z');
    e.E = await enrol(ds, E, courseId, '2026-03-01T02:00:00Z');
    e.F = await enrol(ds, F, courseId, '2026-03-05T02:00:00Z');
    await activity(ds, e.E, new Date(now.getTime() - 3 * 86_400_000));
    await activity(ds, e.F, new Date(now.getTime() - 40 * 86_400_000));
    // Pre: the earliest graded pre-test (A retook it: 40 counts, not 55). Post: the best post-test (A: 70, not 60).
    await attempt(ds, e.A, 'pretest', 40, '2026-01-10T03:00:00Z', 1);
    await attempt(ds, e.A, 'pretest', 55, '2026-01-11T03:00:00Z', 2);
    await attempt(ds, e.A, 'posttest', 60, '2026-01-12T01:00:00Z', 1);
    await attempt(ds, e.A, 'posttest', 70, '2026-01-12T01:30:00Z', 2);
    await attempt(ds, e.B, 'pretest', 50, '2026-01-20T03:00:00Z');
    await attempt(ds, e.B, 'posttest', 80, '2026-01-24T01:00:00Z');
    await attempt(ds, e.C, 'pretest', 60, '2026-02-05T03:00:00Z');
    await attempt(ds, e.C, 'posttest', 65, '2026-02-10T01:00:00Z');
    await attempt(ds, e.D, 'pretest', 70, '2026-02-01T03:00:00Z');
    await attempt(ds, e.D, 'posttest', 95, '2026-02-10T17:00:00Z');
    // E: a pre-test and a graded quiz, no post-test (no pair); F: a post-test still waiting for its grader.
    await attempt(ds, e.E, 'pretest', 30, '2026-03-01T03:00:00Z');
    await attempt(ds, e.E, 'graded', 50, '2026-03-02T03:00:00Z');
    await attempt(ds, e.F, 'pretest', 20, '2026-03-05T03:00:00Z');
    await attempt(ds, e.F, 'posttest', null, '2026-03-06T03:00:00Z');
    await surveyResponse(ds, e.A, 3, '2026-01-12T03:00:00Z');
    await surveyResponse(ds, e.B, 4, '2026-01-24T03:00:00Z');
    await surveyResponse(ds, e.C, 5, '2026-02-10T03:00:00Z');
    await followUp(ds, e.A, 'learner', 'answered', '2026-03-09T00:00:00Z', { scores: { application: 4, support: 2 } });
    await followUp(ds, e.B, 'learner', 'answered', '2026-03-19T00:00:00Z', { scores: { application: 5, support: 3 } });
    await followUp(ds, e.C, 'learner', 'answered', '2026-04-07T00:00:00Z', { scores: { application: 3, support: 4 } });
    await followUp(ds, e.D, 'learner', 'expired', '2026-04-07T00:00:00Z');
    await followUp(ds, e.E, 'learner', 'scheduled', '2026-05-01T00:00:00Z');
    await followUp(ds, e.A, 'superior', 'sent', '2026-03-09T00:00:00Z', { superiorId: superior });
    await followUp(ds, e.B, 'superior', 'answered', '2026-03-19T00:00:00Z', { superiorId: superior, scores: { application: 5 } });
    await followUp(ds, e.C, 'superior', 'cancelled', '2026-04-07T00:00:00Z', { superiorId: superior });
    // The quiet course: two responses only.
    const q1 = await enrol(ds, A, quietCourseId, '2026-01-10T02:00:00Z', '2026-01-11T02:00:00Z');
    const q2 = await enrol(ds, B, quietCourseId, '2026-01-10T02:00:00Z', '2026-01-11T02:00:00Z');
    await surveyResponse(ds, q1, 5, '2026-01-11T03:00:00Z');
    await surveyResponse(ds, q2, 1, '2026-01-11T03:00:00Z');
  });
  afterAll(async () => {
    await db?.close();
  });

  it('computes every figure of the hand-checked course', async () => {
    const report = await computeCourseReport(db.ds, courseId, now);
    expect(report).toEqual({
      courseId,
      courseTitle: 'Etika ASN',
      enrolled: 6,
      // E was active 3 days ago; F's last activity was 40 days ago.
      active: 1,
      completed: 4,
      // 4 / 6 = 0.6666… → 0.6667
      completionRate: 0.6667,
      // days 2, 4, 5, 10 → (4 + 5) / 2
      medianDaysToComplete: 4.5,
      // best graded/post-test percent per enrolment: A 70, B 80, C 65, D 95, E 50 → 360 / 5 = 72 (F ungraded)
      averageScore: 72,
      // pre 40, 50, 60, 70 → 55; post 70, 80, 65, 95 → 77.5; gains 30, 30, 5, 25 → 22.5; ⟨g⟩ = 22.5 / 45 = 0.5
      prePostGain: { learners: 4, averagePre: 55, averagePost: 77.5, averageGain: 22.5, normalisedGain: 0.5 },
      // three responses, every Likert answer 3, 4 and 5 → 4 everywhere; each dimension has two questions → 6 answers
      satisfaction: {
        responseCount: 3,
        minimumResponses: 3,
        mean: 4,
        dimensions: ['relevance', 'content', 'presenter', 'usefulness', 'platform', 'overall'].map((dimension) => ({ dimension, mean: 4, answered: 6 })),
      },
      followUp: {
        // sent: A, B, C answered + D expired (E is only scheduled) = 4; answered 3 → 0.75
        // application 4, 5, 3 → 4; support 2, 3, 4 → 3; all six scores 21 / 6 = 3.5
        learner: {
          sent: 4,
          answered: 3,
          responseRate: 0.75,
          mean: 3.5,
          dimensions: [
            { dimension: 'application', mean: 4, answered: 3 },
            { dimension: 'support', mean: 3, answered: 3 },
          ],
        },
        // sent: A's (open) and B's (answered); C's was cancelled. One response: means hidden.
        superior: { sent: 2, answered: 1, responseRate: 0.5, mean: null, dimensions: [{ dimension: 'application', mean: null, answered: 1 }] },
      },
      // months in WIB: D's enrolment (31 Jan 18:00 UTC) and completion (10 Feb 18:00 UTC) fall in February
      monthly: [
        { month: '2026-01', enrolled: 2, completed: 2 },
        { month: '2026-02', enrolled: 2, completed: 2 },
        { month: '2026-03', enrolled: 2, completed: 0 },
      ],
    });
    expect(courseReportSchema.safeParse({ ...report, computedAt: now.toISOString(), stale: false }).success).toBe(true);
  });

  it('keeps respondents anonymous: no names, ids or comments, and no means below three responses', async () => {
    const text = JSON.stringify(await computeCourseReport(db.ds, courseId, now));
    for (const id of [...people, ...Object.values(e)]) expect(text).not.toContain(id);
    expect(text).not.toContain('Peserta Rahasia');
    expect(text).not.toContain('Materi sangat membantu');
    expect(text).not.toContain('Sudah diterapkan');
    const quiet = await computeCourseReport(db.ds, quietCourseId, now);
    expect(quiet!.satisfaction).toMatchObject({ responseCount: 2, mean: null });
    expect(quiet!.satisfaction.dimensions.every((d) => d.mean === null && d.answered === 4)).toBe(true);
  });

  it('is null for a course that does not exist', async () => {
    expect(await computeCourseReport(db.ds, randomUUID(), now)).toBeNull();
  });

  it('computes a snapshot once, serves it while the sources are unchanged, and recomputes after a completion', async () => {
    const scope = { kind: 'course' as const, courseId };
    const first = await requestSnapshot(db.ds, scope, people[0]);
    expect(first).toMatchObject({ fresh: false, snapshot: { status: 'queued', data: null } });
    expect(await runSnapshot(db.ds, first.snapshot.id, { notifyAfterMs: 60_000 })).toBe('ready');
    // A second job for the same request (a retried or duplicated one) has nothing left to do.
    expect(await runSnapshot(db.ds, first.snapshot.id, { notifyAfterMs: 60_000 })).toBe('skipped');
    const again = await requestSnapshot(db.ds, scope, people[0]);
    expect(again.fresh).toBe(true);
    expect(again.snapshot).toMatchObject({ id: first.snapshot.id, status: 'ready', data: { completed: 4, stale: false } });

    // E completes: the stamp moves, the snapshot is queued again but keeps its data as a stale copy.
    await db.ds.query(`UPDATE enrollments SET status = 'completed', completed_at = '2026-03-18T02:00:00Z' WHERE id = $1`, [e.E]);
    const stale = await requestSnapshot(db.ds, scope, people[0]);
    expect(stale).toMatchObject({ fresh: false, snapshot: { id: first.snapshot.id, status: 'queued', data: { completed: 4 } } });
    // Asking again while it is queued changes nothing.
    expect((await requestSnapshot(db.ds, scope, people[1])).snapshot.requestedAt).toEqual(stale.snapshot.requestedAt);
    expect(await runSnapshot(db.ds, first.snapshot.id, { notifyAfterMs: 60_000 })).toBe('ready');
    expect((await readSnapshot(db.ds, first.snapshot.id))!.data).toMatchObject({ completed: 5, completionRate: 0.8333 });
    // Nobody waited longer than the api does: no notification.
    expect(await db.ds.query(`SELECT 1 FROM notifications WHERE kind = 'report.ready'`)).toEqual([]);
  });

  it('gives concurrent first requests one snapshot', async () => {
    const [owner] = await db.ds.query(`SELECT owner_id FROM courses WHERE id = $1`, [courseId]);
    const busy = await course(db.ds, owner.owner_id, 'Kursus Serentak');
    const asked = await Promise.all(people.map((p) => requestSnapshot(db.ds, { kind: 'course', courseId: busy }, p)));
    expect(new Set(asked.map((a) => a.snapshot.id)).size).toBe(1);
    expect(asked.every((a) => a.snapshot.status === 'queued' && !a.fresh)).toBe(true);
  });

  it('changes the stamp when an essay post-test is graded later', async () => {
    const scope = { kind: 'course' as const, courseId };
    const before = await sourceStamp(db.ds, scope, now);
    await db.ds.query(`UPDATE quiz_attempts SET status = 'graded', percent = 60, score = 60 WHERE enrollment_id = $1 AND role = 'posttest'`, [e.F]);
    expect(await sourceStamp(db.ds, scope, now)).not.toBe(before);
    // The same sources on another day: "active" may differ, so the stamp does too.
    expect(await sourceStamp(db.ds, scope, new Date(now.getTime() + 86_400_000))).not.toBe(await sourceStamp(db.ds, scope, now));
  });

  it('notifies the requester when the computation finished after the api stopped waiting', async () => {
    const { snapshot } = await requestSnapshot(db.ds, { kind: 'course', courseId: quietCourseId }, people[2]);
    await db.ds.query(`UPDATE report_snapshots SET requested_at = now() - interval '1 minute' WHERE id = $1`, [snapshot.id]);
    expect(await runSnapshot(db.ds, snapshot.id, { notifyAfterMs: 8000 })).toBe('ready');
    const notes = await db.ds.query(`SELECT user_id, params, link FROM notifications WHERE kind = 'report.ready'`);
    expect(notes).toEqual([{ user_id: people[2], params: { report: 'Kursus Sepi' }, link: `/admin/laporan/kursus/${quietCourseId}` }]);
  });

  it('records a failed computation, and the next request retries it', async () => {
    const { snapshot } = await requestSnapshot(db.ds, { kind: 'course', courseId: randomUUID() }, people[0]);
    expect(await runSnapshot(db.ds, snapshot.id, { notifyAfterMs: 8000 })).toBe('failed');
    expect(await readSnapshot(db.ds, snapshot.id)).toMatchObject({ status: 'failed', error: expect.stringContaining('does not exist') });
    const retry = await requestSnapshot(db.ds, { kind: 'course', courseId: snapshot.scope }, people[0]);
    expect(retry).toMatchObject({ fresh: false, snapshot: { id: snapshot.id, status: 'queued', error: null } });
  });
});
