import { DEFAULT_SURVEY } from '@cakap/evaluation';
import { completeLesson } from './competency-profile-fixtures';
import { richtext } from './course-fixtures';
import { bearer, createPerson, startApi, type Api, type Person } from './harness';
import { enroll, publishedCourse } from './quiz-attempt-fixtures';

/** All Likert questions of the default survey at one score. */
const allLikert = (score: number) =>
  Object.fromEntries(DEFAULT_SURVEY.filter((q) => q.type === 'likert').map((q) => [q.id, score]));

const ADAPTED = {
  questions: [
    { id: 'relevansi_1', type: 'likert', dimension: 'relevance', text: 'Materi relevan dengan pekerjaan saya.' },
    { id: 'keseluruhan_1', type: 'likert', dimension: 'overall', text: 'Saya puas dengan kursus ini.' },
    { id: 'saran', type: 'text', text: 'Saran Anda?' },
  ],
  requiredForCertificate: true,
};

describe('level-1 evaluation: the post-course survey', () => {
  let api: Api;
  let admin: Person;
  let author: Person;
  let otherAuthor: Person;
  let learners: Person[];
  let courseId: string;
  const enrollments: string[] = [];

  beforeAll(async () => {
    api = await startApi();
    admin = await createPerson(api, ['admin']);
    author = await createPerson(api, ['author']);
    otherAuthor = await createPerson(api, ['author']);
    learners = await Promise.all([0, 1, 2, 3].map(() => createPerson(api, ['learner'], undefined, 'Peserta Rahasia')));
    courseId = await publishedCourse(api, author, admin, [richtext('b1', '<p>Materi</p>')], { title: 'Kursus Survei' });
    for (const l of learners) enrollments.push(await enroll(api, l, courseId));
    // learners[3] stays enrolled without completing.
    for (const [i, l] of learners.slice(0, 3).entries()) await completeLesson(api, l, enrollments[i]);
  });
  afterAll(() => api.close());

  const survey = (who: Person, path = '') => api.http().get(`/api/v1/courses/${courseId}/survey${path}`).set(bearer(who));
  const answer = (who: Person, i: number, answers: Record<string, unknown>, lang = 'id') =>
    api.http().post(`/api/v1/enrollments/${enrollments[i]}/evaluation`).set(bearer(who)).set('Accept-Language', lang).send({ answers });

  it('shows the default questionnaire to the course authors and admins only', async () => {
    const res = await survey(author).expect(200);
    expect(res.body).toMatchObject({ courseId, isDefault: true, requiredForCertificate: false, responseCount: 0 });
    expect(res.body.questions.map((q: { id: string }) => q.id)).toEqual(DEFAULT_SURVEY.map((q) => q.id));
    await survey(admin).expect(200);
    await survey(otherAuthor).expect(404);
    await survey(learners[0]).expect(403);
    await survey(otherAuthor, '/summary').expect(404);
    await survey(learners[0], '/summary').expect(403);
    await api.http().put(`/api/v1/courses/${courseId}/survey`).set(bearer(otherAuthor)).send(ADAPTED).expect(404);
    await api.http().delete(`/api/v1/courses/${courseId}/survey`).set(bearer(learners[0])).expect(403);
  });

  it("gives a learner their own enrolment's survey, open once the course is completed; anyone else gets 404", async () => {
    const mine = await api.http().get(`/api/v1/enrollments/${enrollments[0]}/evaluation`).set(bearer(learners[0])).expect(200);
    expect(mine.body).toMatchObject({ enrollmentId: enrollments[0], course: { id: courseId, title: 'Kursus Survei' }, open: true, response: null });
    await api.http().get(`/api/v1/enrollments/${enrollments[0]}/evaluation`).set(bearer(learners[1])).expect(404);
    await api.http().get(`/api/v1/enrollments/${enrollments[0]}/evaluation`).set(bearer(admin)).expect(404);
    await answer(learners[1], 0, allLikert(5)).expect(404);
    const notYet = await api.http().get(`/api/v1/enrollments/${enrollments[3]}/evaluation`).set(bearer(learners[3])).expect(200);
    expect(notYet.body.open).toBe(false);
    const refused = await answer(learners[3], 3, allLikert(5)).expect(409);
    expect(refused.body.errors[0].code).toBe('evaluation.notCompleted');
  });

  it('checks the answers, naming each field, in Indonesian or English', async () => {
    const { relevansi_1: _, ...missingOne } = allLikert(4);
    const id = await answer(learners[0], 0, { ...missingOne, konten_1: 6, konten_2: 'baik', lain: 3 }).expect(400);
    expect(id.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'answers.relevansi_1', code: 'evaluation.answerRequired', message: 'Pertanyaan ini wajib dijawab' }),
        expect.objectContaining({ field: 'answers.konten_1', code: 'evaluation.likertRange', message: 'Pilih nilai 1 sampai 5' }),
        expect.objectContaining({ field: 'answers.konten_2', code: 'validation.invalidType' }),
        expect.objectContaining({ field: 'answers.lain', code: 'evaluation.unknownQuestion' }),
      ]),
    );
    const en = await answer(learners[0], 0, { ...allLikert(4), konten_1: 0 }, 'en').expect(400);
    expect(en.body.errors).toEqual([expect.objectContaining({ field: 'answers.konten_1', message: 'Choose a value from 1 to 5' })]);
  });

  it('takes one response per enrolment', async () => {
    const res = await answer(learners[0], 0, { ...allLikert(4), saran_manfaat: '  Contoh kasusnya  ', saran_perbaikan: '' }).expect(201);
    expect(res.body.response.answers).toMatchObject({ saran_manfaat: 'Contoh kasusnya' });
    expect(res.body.response.answers).not.toHaveProperty('saran_perbaikan');
    const again = await answer(learners[0], 0, allLikert(5)).expect(409);
    expect(again.body.errors[0].code).toBe('evaluation.alreadyAnswered');
    // One outbox event per response: the worker decides whether a certificate waited for it.
    const events = await api.ds.query(`SELECT 1 FROM domain_events WHERE kind = 'evaluation.submitted' AND aggregate_id = $1`, [enrollments[0]]);
    expect(events).toHaveLength(1);
  });

  it('shows counts only below three responses', async () => {
    const res = await survey(author, '/summary').expect(200);
    expect(res.body).toMatchObject({ responseCount: 1, minimumResponses: 3 });
    expect(res.body.questions.find((q: { id: string }) => q.id === 'relevansi_1')).toMatchObject({ answered: 1, mean: null, distribution: null });
    expect(JSON.stringify(res.body)).not.toContain('Contoh kasusnya');
  });

  it('lets the authors adapt the survey (earlier responses keep their questions) and reset it', async () => {
    const put = await api.http().put(`/api/v1/courses/${courseId}/survey`).set(bearer(author)).send(ADAPTED).expect(200);
    expect(put.body).toMatchObject({ isDefault: false, requiredForCertificate: true, responseCount: 1 });
    const dup = await api
      .http()
      .put(`/api/v1/courses/${courseId}/survey`)
      .set(bearer(author))
      .send({ questions: [ADAPTED.questions[0], ADAPTED.questions[0]] })
      .expect(400);
    expect(JSON.stringify(dup.body)).toContain('evaluation.questionIdsUnique');

    // The first learner still sees the questions they answered.
    const first = await api.http().get(`/api/v1/enrollments/${enrollments[0]}/evaluation`).set(bearer(learners[0])).expect(200);
    expect(first.body.questions).toHaveLength(DEFAULT_SURVEY.length);
    expect(first.body.requiredForCertificate).toBe(true);

    await answer(learners[1], 1, { relevansi_1: 2, keseluruhan_1: 5, saran: 'Video lebih pendek' }).expect(201);
    await answer(learners[2], 2, { relevansi_1: 5, keseluruhan_1: 4 }).expect(201);
    // A required survey writes the event the auto-issuance waits for, once.
    const events = await api.ds.query(`SELECT payload FROM domain_events WHERE kind = 'evaluation.submitted' AND aggregate_id = $1`, [enrollments[1]]);
    expect(events).toEqual([{ payload: { enrollmentId: enrollments[1], userId: learners[1].id, courseId } }]);
  });

  it('summarises anonymously from three responses, each against the questions it answered', async () => {
    const res = await survey(author, '/summary').expect(200);
    expect(res.body.responseCount).toBe(3);
    const q = (id: string) => res.body.questions.find((x: { id: string }) => x.id === id);
    // relevansi_1 is the same measure in both versions: (4 + 2 + 5) / 3 = 3.67.
    expect(q('relevansi_1')).toMatchObject({ answered: 3, mean: 3.67, distribution: [0, 1, 0, 1, 1] });
    // keseluruhan_1: (4 + 5 + 4) / 3 = 4.33.
    expect(q('keseluruhan_1')).toMatchObject({ answered: 3, mean: 4.33 });
    expect(q('saran')).toMatchObject({ answered: 1, comments: ['Video lebih pendek'] });
    expect(res.body.dimensions).toEqual([
      { dimension: 'relevance', mean: 3.67, answered: 3 },
      { dimension: 'overall', mean: 4.33, answered: 3 },
    ]);
    const json = JSON.stringify(res.body);
    for (const secret of [...enrollments, ...learners.map((l) => l.id), ...learners.map((l) => l.nip), 'Peserta Rahasia']) {
      expect(json).not.toContain(secret);
    }
  });

  it('goes back to the default questionnaire', async () => {
    const res = await api.http().delete(`/api/v1/courses/${courseId}/survey`).set(bearer(admin)).expect(200);
    expect(res.body).toMatchObject({ isDefault: true, requiredForCertificate: false, responseCount: 3 });
    expect(res.body.questions).toHaveLength(DEFAULT_SURVEY.length);
  });
});
