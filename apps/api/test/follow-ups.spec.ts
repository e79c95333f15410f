import { randomUUID } from 'node:crypto';
import { DEFAULT_LEARNER_FOLLOW_UP, DEFAULT_SUPERIOR_FOLLOW_UP } from '@cakap/evaluation';
import { completeLesson } from './competency-profile-fixtures';
import { richtext } from './course-fixtures';
import { bearer, createPerson, createUnit, nextNip, startApi, type Api, type Person } from './harness';
import { enroll, publishedCourse } from './quiz-attempt-fixtures';

const likertOf = (qs: typeof DEFAULT_LEARNER_FOLLOW_UP, score: number) =>
  Object.fromEntries(qs.filter((q) => q.type === 'likert').map((q) => [q.id, score]));

/**
 * Level-3 follow-ups through the api. The requests are what the worker writes when their date
 * comes (worker test follow-ups.spec.ts drives that part): rows in `follow_up_requests`.
 */
describe('level-3 evaluation: follow-up surveys', () => {
  let api: Api;
  let admin: Person;
  let author: Person;
  let otherAuthor: Person;
  let superior: Person;
  let learners: Person[];
  let courseId: string;
  const enrollments: string[] = [];
  /** learners[i]'s own request (sent), and the superior's about learners[0] (sent). */
  const own: string[] = [];
  let aboutFirst: string;
  let upcoming: string;
  let upcomingForSuperior: string;
  let expired: string;

  async function request(enrollmentId: string, subject: Person, respondent: Person, role: 'learner' | 'superior', status: string, dueSql = `now() - interval '1 day'`) {
    const [row] = await api.ds.query(
      `INSERT INTO follow_up_requests (enrollment_id, course_id, subject_id, respondent_id, respondent_role, due_at, status, sent_at)
       VALUES ($1, $2, $3, $4, $5, ${dueSql}, $6::varchar, CASE WHEN $6::varchar IN ('sent', 'expired') THEN now() - interval '1 day' END) RETURNING id`,
      [enrollmentId, courseId, subject.id, respondent.id, role, status],
    );
    return row.id as string;
  }

  beforeAll(async () => {
    api = await startApi();
    admin = await createPerson(api, ['admin']);
    author = await createPerson(api, ['author']);
    otherAuthor = await createPerson(api, ['author']);
    superior = await createPerson(api, ['learner'], undefined, 'Dr. Atasan Langsung, M.Si.');
    learners = await Promise.all([0, 1, 2, 3, 4].map(() => createPerson(api, ['learner'], undefined, 'Pegawai Rahasia')));
    courseId = await publishedCourse(api, author, admin, [richtext('b1', '<p>Materi</p>')], { title: 'Kursus Tindak Lanjut API' });
    for (const l of learners) {
      const e = await enroll(api, l, courseId);
      await completeLesson(api, l, e);
      enrollments.push(e);
    }
    for (const [i, l] of learners.slice(0, 4).entries()) own.push(await request(enrollments[i], l, l, 'learner', 'sent'));
    aboutFirst = await request(enrollments[0], learners[0], superior, 'superior', 'sent');
    upcoming = await request(enrollments[4], learners[4], learners[4], 'learner', 'scheduled', `now() + interval '8 weeks'`);
    upcomingForSuperior = await request(enrollments[4], learners[4], superior, 'superior', 'scheduled', `now() + interval '8 weeks'`);
    expired = await request(enrollments[1], learners[1], superior, 'superior', 'expired');
  });
  afterAll(() => api.close());

  const settings = (who: Person, path = '') => api.http().get(`/api/v1/courses/${courseId}/follow-up${path}`).set(bearer(who));
  const put = (who: Person, body: object) => api.http().put(`/api/v1/courses/${courseId}/follow-up`).set(bearer(who)).send(body);
  const form = (who: Person, id: string) => api.http().get(`/api/v1/follow-ups/${id}`).set(bearer(who));
  const respond = (who: Person, id: string, answers: Record<string, unknown>, lang = 'id') =>
    api.http().post(`/api/v1/follow-ups/${id}/response`).set(bearer(who)).set('Accept-Language', lang).send({ answers });
  const mine = (who: Person, query = '') => api.http().get(`/api/v1/me/follow-ups${query}`).set(bearer(who));
  const VALID = { enabled: true, weeksAfter: 12, includeSuperior: false, reminderDays: 5, maxReminders: 3 };

  describe('course settings', () => {
    it('shows the defaults to the course authors and admins only', async () => {
      const res = await settings(author).expect(200);
      expect(res.body).toMatchObject({ courseId, enabled: true, weeksAfter: 8, includeSuperior: true, reminderDays: 7, maxReminders: 2, isDefault: true });
      expect(res.body.learnerQuestions.map((q: { id: string }) => q.id)).toEqual(DEFAULT_LEARNER_FOLLOW_UP.map((q) => q.id));
      expect(res.body.superiorQuestions.map((q: { id: string }) => q.id)).toEqual(DEFAULT_SUPERIOR_FOLLOW_UP.map((q) => q.id));
      await settings(admin).expect(200);
      await settings(otherAuthor).expect(404);
      await settings(learners[0]).expect(403);
      await settings(otherAuthor, '/summary').expect(404);
      await settings(learners[0], '/summary').expect(403);
      await put(otherAuthor, VALID).expect(404);
      await put(learners[0], VALID).expect(403);
      await api.http().delete(`/api/v1/courses/${courseId}/follow-up`).set(bearer(learners[0])).expect(403);
    });

    it('validates every field and the questionnaires, naming each field', async () => {
      const bad = await put(author, { enabled: 'ya', weeksAfter: 0, includeSuperior: true, reminderDays: 31, maxReminders: 6 }).expect(400);
      const fields = bad.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['enabled', 'weeksAfter', 'reminderDays', 'maxReminders']));
      const q = { id: 'a', type: 'likert', dimension: 'relevance', text: 'Diterapkan?' };
      const wrongDimension = await put(author, { ...VALID, learnerQuestions: [q] }).expect(400);
      expect(wrongDimension.body.errors[0].field).toBe('learnerQuestions.0.dimension');
      const dup = await put(author, { ...VALID, superiorQuestions: [{ ...q, dimension: 'support' }, { ...q, dimension: 'support' }] }).expect(400);
      expect(JSON.stringify(dup.body)).toContain('evaluation.questionIdsUnique');
    });

    it('saves the settings with an adapted questionnaire, and goes back to the defaults', async () => {
      const superiorQuestions = [{ id: 'terap', type: 'likert', dimension: 'application', text: 'Pegawai ini menerapkan hasil kursus.' }];
      const res = await put(author, { ...VALID, superiorQuestions }).expect(200);
      expect(res.body).toMatchObject({ ...VALID, isDefault: false, learnerQuestionsDefault: true, superiorQuestionsDefault: false });
      expect(res.body.superiorQuestions).toEqual([{ ...superiorQuestions[0], required: true }]);
      expect((await settings(admin).expect(200)).body.weeksAfter).toBe(12);
      const reset = await api.http().delete(`/api/v1/courses/${courseId}/follow-up`).set(bearer(admin)).expect(200);
      expect(reset.body).toMatchObject({ weeksAfter: 8, isDefault: true, superiorQuestionsDefault: true });
    });
  });

  describe('my follow-ups and the form', () => {
    it('lists my requests as a learner (with my own upcoming one) and as a superior (naming the employee)', async () => {
      const l0 = await mine(learners[0]).expect(200);
      expect(l0.body).toMatchObject({ total: 1, page: 1 });
      expect(l0.body.items[0]).toMatchObject({ id: own[0], role: 'learner', status: 'sent', subject: null, course: { id: courseId, title: 'Kursus Tindak Lanjut API' } });
      expect(l0.body.items[0].closesAt).toEqual(expect.any(String));

      const boss = await mine(superior).expect(200);
      // The expired one too; never the superior's request that is not sent yet.
      expect(boss.body.items.map((i: { id: string }) => i.id)).toEqual([aboutFirst, expired]);
      expect(boss.body.items[0]).toMatchObject({ role: 'superior', subject: { name: 'Pegawai Rahasia', nip: learners[0].nip } });
      expect(JSON.stringify(boss.body)).not.toContain(upcomingForSuperior);

      const soon = await mine(learners[4], '?status=scheduled').expect(200);
      expect(soon.body.items).toEqual([expect.objectContaining({ id: upcoming, status: 'scheduled', sentAt: null })]);
      expect((await mine(superior, '?status=expired').expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([expired]);
      expect((await mine(superior, '?page=2&pageSize=1').expect(200)).body).toMatchObject({ total: 2, items: [{ id: expired }] });
      await mine(superior, '?status=unknown').expect(400);
      // Search: the course title, or the employee a superior is asked about (never oneself).
      expect((await mine(superior, `?q=${learners[0].nip.slice(0, 10)}`).expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([aboutFirst]);
      expect((await mine(superior, '?q=tindak%20lanjut').expect(200)).body.total).toBe(2);
      expect((await mine(learners[0], '?q=rahasia').expect(200)).body.total).toBe(0);
    });

    it('gives the form to its respondent only: anyone else, admins included, gets 404', async () => {
      const res = await form(learners[0], own[0]).expect(200);
      expect(res.body).toMatchObject({ id: own[0], role: 'learner', open: true, subject: null, response: null });
      expect(res.body.questions.map((q: { id: string }) => q.id)).toEqual(DEFAULT_LEARNER_FOLLOW_UP.map((q) => q.id));
      const boss = await form(superior, aboutFirst).expect(200);
      expect(boss.body).toMatchObject({ role: 'superior', subject: { name: 'Pegawai Rahasia', nip: learners[0].nip } });
      expect(boss.body.questions.map((q: { id: string }) => q.id)).toEqual(DEFAULT_SUPERIOR_FOLLOW_UP.map((q) => q.id));
      // The employee does not read their superior's form, nor another learner's.
      await form(learners[0], aboutFirst).expect(404);
      await form(learners[1], own[0]).expect(404);
      await form(admin, own[0]).expect(404);
      await form(author, own[0]).expect(404);
      await form(learners[0], randomUUID()).expect(404);
      await respond(learners[1], own[0], likertOf(DEFAULT_LEARNER_FOLLOW_UP, 4)).expect(404);
    });

    it('checks the answers, naming each question, in Indonesian or English', async () => {
      const { penerapan_1: _, ...missing } = likertOf(DEFAULT_LEARNER_FOLLOW_UP, 4);
      const res = await respond(learners[0], own[0], { ...missing, penerapan_2: 6, lain: 3 }).expect(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'answers.penerapan_1', message: 'Pertanyaan ini wajib dijawab' }),
          expect.objectContaining({ field: 'answers.penerapan_2', code: 'evaluation.likertRange' }),
          expect.objectContaining({ field: 'answers.lain', code: 'evaluation.unknownQuestion' }),
        ]),
      );
      const en = await respond(learners[0], own[0], { ...likertOf(DEFAULT_LEARNER_FOLLOW_UP, 4), peningkatan_1: 0 }, 'en').expect(400);
      expect(en.body.errors).toEqual([expect.objectContaining({ field: 'answers.peningkatan_1', message: 'Choose a value from 1 to 5' })]);
    });

    it('takes one response while the request is open: 409 once answered, before it is sent and once expired', async () => {
      const res = await respond(learners[0], own[0], { ...likertOf(DEFAULT_LEARNER_FOLLOW_UP, 4), contoh_penerapan: '  Arsip digital di loket  ' }).expect(201);
      expect(res.body).toMatchObject({ status: 'answered', open: false, response: { answers: { contoh_penerapan: 'Arsip digital di loket' } } });
      const again = await respond(learners[0], own[0], likertOf(DEFAULT_LEARNER_FOLLOW_UP, 5)).expect(409);
      expect(again.body.errors[0].code).toBe('followUp.alreadyAnswered');
      const early = await respond(learners[4], upcoming, likertOf(DEFAULT_LEARNER_FOLLOW_UP, 5)).expect(409);
      expect(early.body.errors[0]).toMatchObject({ code: 'followUp.notOpen', message: 'Survei tindak lanjut ini belum dibuka atau sudah ditutup' });
      const late = await respond(superior, expired, likertOf(DEFAULT_SUPERIOR_FOLLOW_UP, 5)).expect(409);
      expect(late.body.errors[0].code).toBe('followUp.notOpen');
      // The answered form shows the respondent their own answers, and nobody else anything.
      expect((await form(learners[0], own[0]).expect(200)).body.response.answers.penerapan_1).toBe(4);
      await form(learners[1], own[0]).expect(404);
      expect((await mine(learners[0], '?status=answered').expect(200)).body.items[0]).toMatchObject({ id: own[0], answeredAt: expect.any(String) });
    });
  });

  describe('the anonymous summary', () => {
    it('shows counts only below three responses per role, then means and sorted comments without names or ids', async () => {
      await respond(learners[1], own[1], { ...likertOf(DEFAULT_LEARNER_FOLLOW_UP, 2), hambatan: 'Waktu terbatas' }).expect(201);
      const two = await settings(author, '/summary').expect(200);
      expect(two.body.learner).toMatchObject({ sent: 4, answered: 2, scheduled: 1, minimumResponses: 3, mean: null });
      expect(two.body.learner.dimensions.every((d: { mean: null }) => d.mean === null)).toBe(true);
      expect(JSON.stringify(two.body)).not.toContain('Waktu terbatas');

      await respond(learners[2], own[2], likertOf(DEFAULT_LEARNER_FOLLOW_UP, 3)).expect(201);
      await respond(superior, aboutFirst, { ...likertOf(DEFAULT_SUPERIOR_FOLLOW_UP, 5), contoh_perubahan: 'Lebih tertib' }).expect(201);
      const res = await settings(admin, '/summary').expect(200);
      // (4 + 2 + 3) / 3 = 3 on every dimension.
      expect(res.body.learner).toMatchObject({ sent: 4, answered: 3, mean: 3 });
      expect(res.body.learner.dimensions).toEqual([
        { dimension: 'application', mean: 3, answered: 6 },
        { dimension: 'improvement', mean: 3, answered: 6 },
        { dimension: 'support', mean: 3, answered: 6 },
      ]);
      expect(res.body.learner.comments).toEqual([
        expect.objectContaining({ questionId: 'contoh_penerapan', answers: ['Arsip digital di loket'] }),
        expect.objectContaining({ questionId: 'hambatan', answers: ['Waktu terbatas'] }),
      ]);
      // One superior answered (of two sent): below the minimum, counts only.
      expect(res.body.superior).toMatchObject({ sent: 2, answered: 1, scheduled: 1, mean: null });
      expect(JSON.stringify(res.body.superior)).not.toContain('Lebih tertib');
      const json = JSON.stringify(res.body);
      for (const secret of [...own, aboutFirst, ...enrollments, ...learners.flatMap((l) => [l.id, l.nip]), superior.id, 'Pegawai Rahasia', 'Atasan Langsung']) {
        expect(json).not.toContain(secret);
      }
    });
  });

  describe('the direct superior on the users api', () => {
    const patch = (id: string, body: object) => api.http().patch(`/api/v1/users/${id}`).set(bearer(admin)).send(body);

    it('accepts another existing user, shows them on the user and on /me, and clears with null', async () => {
      const res = await patch(learners[3].id, { supervisorId: superior.id }).expect(200);
      expect(res.body.supervisor).toEqual({ id: superior.id, nip: expect.any(String), name: 'Dr. Atasan Langsung, M.Si.' });
      const me = await api.http().get('/api/v1/me').set(bearer(learners[3])).expect(200);
      expect(me.body.supervisor).toMatchObject({ id: superior.id });
      const list = await api.http().get(`/api/v1/users?q=${learners[3].nip}`).set(bearer(admin)).expect(200);
      expect(list.body.items[0].supervisor).toMatchObject({ id: superior.id });
      expect((await patch(learners[3].id, { supervisorId: null }).expect(200)).body.supervisor).toBeNull();
    });

    it('refuses the user themselves and an unknown user, naming the field', async () => {
      const self = await patch(learners[3].id, { supervisorId: learners[3].id }).expect(400);
      expect(self.body.errors).toEqual([expect.objectContaining({ field: 'supervisorId', code: 'followUp.supervisorSelf' })]);
      const unknown = await patch(learners[3].id, { supervisorId: randomUUID() }).expect(400);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'supervisorId', code: 'followUp.supervisorUnknown' })]);
      await patch(learners[3].id, { supervisorId: 'bukan-uuid' }).expect(400);
      await api.http().patch(`/api/v1/users/${learners[3].id}`).set(bearer(learners[3])).send({ supervisorId: superior.id }).expect(403);
    });

    it('takes the superior when a user is created', async () => {
      const orgUnitId = await createUnit(api.ds);
      const res = await api
        .http()
        .post('/api/v1/users')
        .set(bearer(admin))
        .send({ nip: nextNip(), name: 'Pegawai Baru', orgUnitId, roles: ['learner'], supervisorId: superior.id })
        .expect(201);
      expect(res.body.supervisor).toMatchObject({ id: superior.id, name: 'Dr. Atasan Langsung, M.Si.' });
    });
  });
});
