import { enrollmentDetailSchema, enrollmentProgressSchema, enrollmentSchema, learningHoursSchema, pageOf } from '@cakap/contracts';
import { jakartaYear } from '@cakap/courses';
import { rmSync } from 'node:fs';
import { bearer, createPerson, startApi, type Api, type Person } from './harness';
import { createCourse, publish, putContent, richtext, tempDataDir, tree, type Block } from './course-fixtures';

const video = (key: string): Block => ({ key, type: 'video', data: { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' } });

describe('learning: enrolment, progress, completion and the JP ledger', () => {
  let api: Api;
  let author: Person;
  let admin: Person;
  let ani: Person;
  let budi: Person;
  const dataDir = tempDataDir();
  const thisYear = jakartaYear(new Date());

  beforeAll(async () => {
    api = await startApi({ CAKAP_DATA_DIR: dataDir });
    [author, admin, ani, budi] = await Promise.all([
      createPerson(api, ['author', 'learner'], undefined, 'Penulis'),
      createPerson(api, ['admin'], undefined, 'Admin BKPSDMD'),
      createPerson(api, ['learner'], undefined, 'Ani Peserta'),
      createPerson(api, ['learner'], undefined, 'Budi Peserta'),
    ]);
  });
  afterAll(async () => {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A published course with the given content; answers its id. */
  async function publishedCourse(content: object, body: Record<string, unknown> = {}): Promise<string> {
    const id = await createCourse(api, author, body);
    await putContent(api, author, id, content).expect(200);
    await publish(api, author, admin, id);
    return id;
  }
  const enroll = (who: Person, courseId: string) => api.http().post('/api/v1/enrollments').set(bearer(who)).send({ courseId });
  const progress = (who: Person, id: string, events: object[], lessonKey?: string) =>
    api
      .http()
      .post(`/api/v1/enrollments/${id}/progress`)
      .set(bearer(who))
      .send({ events, ...(lessonKey ? { lessonKey } : {}) });
  const completeLesson = (who: Person, id: string, lessonKey: string) =>
    api.http().post(`/api/v1/enrollments/${id}/lessons/${lessonKey}/complete`).set(bearer(who)).send({});

  describe('enrolment pins the version (invariant 1)', () => {
    it('keeps an enrolled learner on v1 after v2 is published; a new learner gets v2', async () => {
      const courseId = await publishedCourse(tree([richtext('b1', '<p>Versi satu</p>')], 'Pelajaran lama'));
      const first = await enroll(ani, courseId).expect(201);
      expect(first.body).toMatchObject({
        courseId,
        version: 1,
        status: 'active',
        completedAt: null,
        progress: { completedLessons: 0, totalLessons: 1, percent: 0 },
        course: { title: 'Pelayanan Publik Prima', jp: 2, developmentForm: 'NKL03' },
        resumeLessonKey: 'l1',
      });
      // Enrolling again is not an error: the same enrolment, 200.
      const again = await enroll(ani, courseId).expect(200);
      expect(again.body.id).toBe(first.body.id);

      await putContent(api, author, courseId, tree([richtext('b1', '<p>Versi dua</p>'), richtext('b2', '<p>Baru</p>')], 'Pelajaran baru')).expect(200);
      expect(await publish(api, author, admin, courseId)).toBe(2);

      const mine = await api.http().get(`/api/v1/enrollments/${first.body.id}`).set(bearer(ani)).expect(200);
      expect(mine.body.version).toBe(1);
      expect(mine.body.content.modules[0].lessons[0]).toMatchObject({ title: 'Pelajaran lama', blocks: [{ key: 'b1' }] });
      expect(mine.body.content.modules[0].lessons[0].blocks[0].data.html).toContain('Versi satu');

      const other = await enroll(budi, courseId).expect(201);
      expect(other.body.version).toBe(2);
      expect(other.body.content.modules[0].lessons[0].blocks).toHaveLength(2);
      // A block that exists only in v2 is not part of v1.
      const bad = await progress(ani, first.body.id, [{ blockKey: 'b2', kind: 'viewed' }]).expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'events.0.blockKey', code: 'learning.unknownBlock' })]);
    });

    it('refuses a draft, an archived or an unknown course with 404, and a malformed body with 400', async () => {
      const draft = await createCourse(api, author);
      await enroll(ani, draft).expect(404);
      await enroll(ani, '00000000-0000-4000-8000-000000000000').expect(404);
      const archived = await publishedCourse(tree([richtext('x1', '<p>x</p>')]));
      await api.http().post(`/api/v1/courses/${archived}/archive`).set(bearer(author)).send({}).expect(200);
      await enroll(ani, archived).expect(404);
      const bad = await api.http().post('/api/v1/enrollments').set(bearer(ani)).send({ courseId: 'x' }).expect(400);
      expect(bad.body.errors[0].field).toBe('courseId');
    });
  });

  describe('completion rules', () => {
    it('viewed completes text, watched needs 90% of a video, the lesson cannot be finished before, and the course completes', async () => {
      const courseId = await publishedCourse(
        {
          modules: [
            {
              key: 'm1',
              title: 'Modul 1',
              lessons: [
                { key: 'l1', title: 'Teks', blocks: [richtext('t1', '<p>Baca</p>')] },
                { key: 'l2', title: 'Video', blocks: [richtext('t2', '<p>Pengantar</p>'), video('v1')] },
              ],
            },
          ],
        },
        { jp: 3, title: 'Etika ASN' },
      );
      const { body: e } = await enroll(ani, courseId).expect(201);
      expect(e.blocks.map((b: { key: string; rule: string }) => [b.key, b.rule])).toEqual([
        ['t1', 'viewed'],
        ['t2', 'viewed'],
        ['v1', 'watched'],
      ]);

      const p1 = await progress(ani, e.id, [{ blockKey: 't1', kind: 'viewed' }], 'l1').expect(200);
      expect(p1.body).toMatchObject({ progress: { completedLessons: 1, totalLessons: 2, percent: 33 }, lastLessonKey: 'l1', resumeLessonKey: 'l2' });
      // Resending the same batch (a dropped connection) changes nothing.
      const p1again = await progress(ani, e.id, [{ blockKey: 't1', kind: 'viewed' }], 'l1').expect(200);
      expect(p1again.body.blocks[0].completedAt).toBe(p1.body.blocks[0].completedAt);

      const half = await progress(ani, e.id, [{ blockKey: 'v1', kind: 'watched', fraction: 0.5 }], 'l2').expect(200);
      expect(half.body.blocks[2]).toMatchObject({ key: 'v1', completed: false, maxFraction: 0.5 });
      // A bare "completed" claim does not satisfy a watched rule.
      const claim = await progress(ani, e.id, [{ blockKey: 'v1', kind: 'completed' }]).expect(200);
      expect(claim.body.blocks[2].completed).toBe(false);

      const refused = await completeLesson(ani, e.id, 'l2').expect(409);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'blocks.v1', code: 'learning.rulesNotMet' })]);
      expect(refused.body.errors[0].message).toContain('90%');
      const afterRefusal = await api.http().get(`/api/v1/enrollments/${e.id}`).set(bearer(ani)).expect(200);
      expect(afterRefusal.body.blocks[1].completed).toBe(false); // nothing half-applied

      const watched = await progress(ani, e.id, [{ blockKey: 'v1', kind: 'watched', fraction: 0.9 }]).expect(200);
      expect(watched.body.status).toBe('active'); // t2 is still open
      const done = await completeLesson(ani, e.id, 'l2').expect(200);
      expect(done.body).toMatchObject({ status: 'completed', progress: { completedLessons: 2, percent: 100 } });
      expect(done.body.completedAt).toEqual(expect.any(String));

      const hours = await api.http().get('/api/v1/me/learning-hours').set(bearer(ani)).expect(200);
      // The answers are what the contracts say.
      expect(learningHoursSchema.parse(hours.body)).toEqual(hours.body);
      expect(enrollmentProgressSchema.safeParse(done.body).success).toBe(true);
      expect(enrollmentDetailSchema.safeParse((await api.http().get(`/api/v1/enrollments/${e.id}`).set(bearer(ani))).body).success).toBe(true);
      expect(hours.body.year).toBe(thisYear);
      expect(hours.body.entries).toContainEqual(
        expect.objectContaining({ source: 'course', title: 'Etika ASN', jp: 3, year: thisYear, developmentForm: 'NKL03', courseId, certificateNumber: null }),
      );

      // Still idempotent after completion: no second ledger line.
      await completeLesson(ani, e.id, 'l2').expect(200);
      const [{ n }] = await api.ds.query(`SELECT count(*)::int AS n FROM learning_hours WHERE enrollment_id = $1`, [e.id]);
      expect(n).toBe(1);

      const list = await api.http().get('/api/v1/enrollments?status=completed').set(bearer(ani)).expect(200);
      expect(pageOf(enrollmentSchema).safeParse(list.body).success).toBe(true);
      const active = await api.http().get('/api/v1/enrollments?status=active&pageSize=1').set(bearer(ani)).expect(200);
      expect(active.body).toMatchObject({ page: 1, pageSize: 1 });
      expect(active.body.items).toHaveLength(1);
      expect(active.body.total).toBeGreaterThanOrEqual(1);
      expect(active.body.items[0].status).toBe('active');
      expect(list.body.items.map((i: { id: string }) => i.id)).toContain(e.id);
      expect(list.body.items.find((i: { id: string }) => i.id === e.id).progress.percent).toBe(100);
    });

    it('finishing a lesson completes its text blocks; resume moves to the next lesson', async () => {
      const courseId = await publishedCourse({
        modules: [
          { key: 'm1', title: 'M1', lessons: [{ key: 'a1', title: 'A', blocks: [richtext('a1b', '<p>a</p>'), richtext('a2b', '<p>b</p>')] }] },
          { key: 'm2', title: 'M2', lessons: [{ key: 'b1', title: 'B', blocks: [richtext('b1b', '<p>c</p>')] }] },
        ],
      });
      const { body: e } = await enroll(budi, courseId).expect(201);
      const r = await completeLesson(budi, e.id, 'a1').expect(200);
      expect(r.body).toMatchObject({
        status: 'active',
        progress: { completedLessons: 1, totalLessons: 2, percent: 66 },
        resumeLessonKey: 'b1',
        modules: [
          { key: 'm1', completed: true, completedLessons: 1, totalLessons: 1 },
          { key: 'm2', completed: false, completedLessons: 0, totalLessons: 1 },
        ],
      });
      await completeLesson(budi, e.id, 'nope').expect(404);
      const bad = await progress(budi, e.id, [{ blockKey: 'b1b', kind: 'viewed' }, { blockKey: 'zz', kind: 'viewed' }], 'zz').expect(400);
      expect(bad.body.errors.map((x: { field: string }) => x.field).sort()).toEqual(['events.1.blockKey', 'lessonKey']);
      // The valid event of a refused batch was not applied.
      const detail = await api.http().get(`/api/v1/enrollments/${e.id}`).set(bearer(budi)).expect(200);
      expect(detail.body.blocks.find((b: { key: string }) => b.key === 'b1b').completed).toBe(false);
      await progress(budi, e.id, [{ blockKey: 'b1b', kind: 'watched', fraction: 2 }]).expect(400);
    });
  });

  it('completes exactly once under 10 concurrent final requests (one ledger line, one outbox event)', async () => {
    const courseId = await publishedCourse(tree([richtext('only', '<p>Satu-satunya</p>')]), { jp: 4 });
    const learner = await createPerson(api, ['learner']);
    const { body: e } = await enroll(learner, courseId).expect(201);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2 ? progress(learner, e.id, [{ blockKey: 'only', kind: 'viewed' }]) : completeLesson(learner, e.id, 'l1'),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    const [row] = await api.ds.query(`SELECT status, completed_at FROM enrollments WHERE id = $1`, [e.id]);
    expect(row.status).toBe('completed');
    const ledger = await api.ds.query(`SELECT jp, year FROM learning_hours WHERE enrollment_id = $1`, [e.id]);
    expect(ledger).toEqual([{ jp: 4, year: thisYear }]);
    const events = await api.ds.query(`SELECT kind, payload FROM domain_events WHERE aggregate_id = $1`, [e.id]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'enrollment.completed', payload: { enrollmentId: e.id, userId: learner.id, courseId, version: 1, jp: 4 } });
  });

  describe('the JP ledger per year', () => {
    it('sums a year against the 20 JP target; a classical activity of 2025 does not count for 2026', async () => {
      const learner = await createPerson(api, ['learner']);
      const add = (body: object, who: Person = admin) => api.http().post(`/api/v1/users/${learner.id}/learning-hours`).set(bearer(who)).send(body);
      const bimtek = {
        title: 'Bimbingan Teknis Pengelolaan Arsip',
        jp: 12,
        developmentForm: 'KL06',
        organiser: 'ANRI',
        startDate: '2025-12-29',
        endDate: '2025-12-31',
        certificateNumber: '12/ANRI/XII/2025',
      };
      const created = await add(bimtek).expect(201);
      expect(created.body).toMatchObject({ ...bimtek, source: 'classical', year: 2025, courseId: null, evidenceFileId: null });
      await add({ ...bimtek, title: 'Workshop SAKIP', jp: 8, developmentForm: 'KL03', startDate: '2026-03-02', endDate: '2026-03-03', certificateNumber: null }).expect(201);
      await add({ ...bimtek, title: 'Seminar Pelayanan', jp: 5, developmentForm: 'KL02', startDate: '2026-05-04', endDate: '2026-05-04' }).expect(201);

      const y2026 = await api.http().get('/api/v1/me/learning-hours?year=2026').set(bearer(learner)).expect(200);
      expect(y2026.body).toMatchObject({ year: 2026, jp: 13, target: 20 });
      expect(y2026.body.entries.map((x: { title: string }) => x.title)).toEqual(['Workshop SAKIP', 'Seminar Pelayanan']);
      const y2025 = await api.http().get('/api/v1/me/learning-hours?year=2025').set(bearer(learner)).expect(200);
      expect(y2025.body).toMatchObject({ year: 2025, jp: 12, target: 20 });
      expect(y2025.body.entries[0]).toMatchObject({ startDate: '2025-12-29', endDate: '2025-12-31', developmentForm: 'KL06', organiser: 'ANRI' });

      const asAdmin = await api.http().get(`/api/v1/users/${learner.id}/learning-hours?year=2026`).set(bearer(admin)).expect(200);
      expect(asAdmin.body).toEqual(y2026.body);

      // A course completed now counts for the current WIB year.
      const courseId = await publishedCourse(tree([richtext('c1', '<p>c</p>')]), { jp: 2, title: 'Orientasi BerAKHLAK' });
      const { body: e } = await enroll(learner, courseId).expect(201);
      await completeLesson(learner, e.id, 'l1').expect(200);
      const now = await api.http().get('/api/v1/me/learning-hours').set(bearer(learner)).expect(200);
      expect(now.body.year).toBe(thisYear);
      expect(now.body.entries.find((x: { source: string }) => x.source === 'course')).toMatchObject({ title: 'Orientasi BerAKHLAK', jp: 2, courseId });
    });

    it('validates classical activities', async () => {
      const learner = await createPerson(api, ['learner']);
      const url = `/api/v1/users/${learner.id}/learning-hours`;
      const ok = { title: 'Pelatihan Dasar', jp: 10, developmentForm: 'KL01', organiser: 'BKPSDMD', startDate: '2026-02-01', endDate: '2026-02-03' };
      const bad = await api.http().post(url).set(bearer(admin)).send({ ...ok, developmentForm: 'NKL03', jp: 0 }).expect(400);
      expect(bad.body.errors.map((x: { field: string }) => x.field).sort()).toEqual(['developmentForm', 'jp']);
      const dates = await api.http().post(url).set(bearer(admin)).set('Accept-Language', 'en').send({ ...ok, endDate: '2026-01-01' }).expect(400);
      expect(dates.body.errors).toEqual([{ field: 'endDate', code: 'learning.endBeforeStart', message: 'The end date cannot be before the start date' }]);
      const noFile = await api.http().post(url).set(bearer(admin)).send({ ...ok, evidenceFileId: '00000000-0000-4000-8000-000000000000' }).expect(400);
      expect(noFile.body.errors[0]).toMatchObject({ field: 'evidenceFileId', code: 'learning.evidenceNotFound' });
      await api.http().post('/api/v1/users/00000000-0000-4000-8000-000000000000/learning-hours').set(bearer(admin)).send(ok).expect(404);
      await api.http().get('/api/v1/users/00000000-0000-4000-8000-000000000000/learning-hours').set(bearer(admin)).expect(404);
      await api.http().get('/api/v1/me/learning-hours?year=abc').set(bearer(learner)).expect(400);
    });
  });

  describe('a learner reaches only their own enrolments (invariant 5)', () => {
    it("answers 404 on another learner's enrolment for read, progress and lesson completion, and changes nothing", async () => {
      const courseId = await publishedCourse(tree([richtext('p1', '<p>p</p>')]));
      const { body: e } = await enroll(ani, courseId).expect(201);
      await api.http().get(`/api/v1/enrollments/${e.id}`).set(bearer(budi)).expect(404);
      await progress(budi, e.id, [{ blockKey: 'p1', kind: 'viewed' }]).expect(404);
      await completeLesson(budi, e.id, 'l1').expect(404);
      const list = await api.http().get('/api/v1/enrollments').set(bearer(budi)).expect(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(e.id);
      const [row] = await api.ds.query(`SELECT status FROM enrollments WHERE id = $1`, [e.id]);
      expect(row.status).toBe('active');
      const [{ n }] = await api.ds.query(`SELECT count(*)::int AS n FROM block_progress WHERE enrollment_id = $1`, [e.id]);
      expect(n).toBe(0);
    });

    it('keeps the admin ledger endpoints from learners (403)', async () => {
      await api.http().get(`/api/v1/users/${ani.id}/learning-hours`).set(bearer(budi)).expect(403);
      await api
        .http()
        .post(`/api/v1/users/${budi.id}/learning-hours`)
        .set(bearer(budi))
        .send({ title: 'Diklat palsu', jp: 100, developmentForm: 'KL01', organiser: 'X', startDate: '2026-01-01', endDate: '2026-01-02' })
        .expect(403);
    });
  });
});
