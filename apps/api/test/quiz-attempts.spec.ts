import { attemptSchema, quizStateSchema, saveAnswersResultSchema, testResultsSchema, pageOf, pendingGradingSchema } from '@cakap/contracts';
import { JOBS } from '@cakap/contracts';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { rmSync } from 'node:fs';
import { richtext, tempDataDir } from './course-fixtures';
import { bearer, createPerson, startApi, type Api, type Person } from './harness';
import { SAMPLES, createBank, enroll, insertQuestion, publishedCourse, quizApi, quizBlock } from './quiz-attempt-fixtures';

/**
 * Quiz attempts against the real api, Postgres and Redis: start (determinism, one open attempt
 * under concurrency, the maximum), autosave, server-side grading, double submit, the deadline,
 * authorisation (invariant 5), completion of the course and the essay grading flow.
 */
describe('quiz attempts', () => {
  let api: Api;
  let q: ReturnType<typeof quizApi>;
  let author: Person;
  let otherAuthor: Person;
  let admin: Person;
  let ani: Person;
  let budi: Person;
  let bankId: string;
  /** Five single-choice questions: the right option is always `a`. */
  let choiceIds: string[];
  const dataDir = tempDataDir();

  beforeAll(async () => {
    api = await startApi({ CAKAP_DATA_DIR: dataDir });
    q = quizApi(api);
    [author, otherAuthor, admin, ani, budi] = await Promise.all([
      createPerson(api, ['author', 'learner'], undefined, 'Penulis'),
      createPerson(api, ['author', 'learner'], undefined, 'Penulis Lain'),
      createPerson(api, ['admin'], undefined, 'Admin'),
      createPerson(api, ['learner'], undefined, 'Ani'),
      createPerson(api, ['learner'], undefined, 'Budi'),
    ]);
    bankId = await createBank(api, author);
    choiceIds = [];
    for (let i = 0; i < 5; i++) {
      const data = {
        prompt: `<p>Soal ${i + 1}</p>`,
        options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `Pilihan ${id}${i}`, correct: id === 'a' })),
      };
      choiceIds.push(await insertQuestion(api, bankId, 'single_choice', data, 2));
    }
  });
  afterAll(async () => {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A published course whose one lesson holds a quiz (and optionally a text first); answers the learner's enrolment. */
  async function quizCourse(who: Person, quiz: Record<string, unknown>, withText = false): Promise<{ courseId: string; enrollmentId: string }> {
    const blocks = [...(withText ? [richtext('t1', '<p>Materi</p>')] : []), quizBlock('q1', quiz)];
    const courseId = await publishedCourse(api, author, admin, blocks, { jp: 2, title: 'Kuis Pelayanan' });
    return { courseId, enrollmentId: await enroll(api, who, courseId) };
  }
  const fixed = (extra: Record<string, unknown> = {}) => ({ selection: { mode: 'fixed', questionIds: choiceIds }, ...extra });
  const allRight = (items: { slot: number }[]) => items.map((i) => ({ slot: i.slot, answer: 'a' }));

  describe('starting', () => {
    it('gives the same questions, order and option order on every reload, and different seeds to different attempts', async () => {
      const { enrollmentId } = await quizCourse(ani, fixed());
      const first = await q.start(ani, enrollmentId, 'q1').expect(201);
      expect(attemptSchema.parse(first.body)).toBeTruthy();
      expect(first.body).toMatchObject({ status: 'open', attemptNo: 1, role: 'graded', title: 'Kuis Uji', deadlineAt: null, result: null });
      expect(first.body.items).toHaveLength(5);
      expect(new Set(first.body.items.map((i: { slot: number }) => i.slot))).toEqual(new Set([0, 1, 2, 3, 4]));

      const again = await q.start(ani, enrollmentId, 'q1').expect(200);
      const got = await q.get(ani, first.body.id).expect(200);
      for (const r of [again, got]) {
        expect(r.body.id).toBe(first.body.id);
        expect(r.body.items).toEqual(first.body.items);
      }
      // The same quiz for another learner: another seed (and with 5 questions of 4 options, another quiz).
      const budiEnrollment = await enroll(api, budi, (await api.ds.query(`SELECT course_id FROM enrollments WHERE id = $1`, [enrollmentId]))[0].course_id);
      const other = await q.start(budi, budiEnrollment, 'q1').expect(201);
      const seeds = await api.ds.query(`SELECT seed FROM quiz_attempts WHERE id = ANY($1::uuid[])`, [[first.body.id, other.body.id]]);
      expect(seeds[0].seed).not.toBe(seeds[1].seed);
      expect(JSON.stringify(other.body.items.map((i: { view: unknown }) => i.view))).not.toBe(JSON.stringify(first.body.items.map((i: { view: unknown }) => i.view)));

      const state = await q.state(ani, enrollmentId, 'q1').expect(200);
      expect(quizStateSchema.parse(state.body)).toMatchObject({ openAttemptId: first.body.id, canStart: false, questionCount: 5, attempts: [{ attemptNo: 1, status: 'open' }] });
    });

    it('keeps one open attempt when five starts race (two tabs, a double click)', async () => {
      const { enrollmentId } = await quizCourse(ani, fixed());
      const results = await Promise.all(Array.from({ length: 5 }, () => q.start(ani, enrollmentId, 'q1')));
      expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      const [{ n }] = await api.ds.query(`SELECT count(*)::int AS n FROM quiz_attempts WHERE enrollment_id = $1`, [enrollmentId]);
      expect(n).toBe(1);
    });

    it('refuses a block that is not a quiz (400) or does not exist (404), and an exhausted maximum (409)', async () => {
      const { enrollmentId } = await quizCourse(ani, fixed({ maxAttempts: 1 }), true);
      const notQuiz = await q.start(ani, enrollmentId, 't1').expect(400);
      expect(notQuiz.body.errors[0].code).toBe('quiz.notAQuiz');
      await q.start(ani, enrollmentId, 'nope').expect(404);
      const a = await q.start(ani, enrollmentId, 'q1').expect(201);
      await q.submit(ani, a.body.id).expect(200);
      const refused = await q.start(ani, enrollmentId, 'q1').expect(409);
      expect(refused.body.errors[0].code).toBe('quiz.noAttemptsLeft');
      expect((await q.state(ani, enrollmentId, 'q1').expect(200)).body).toMatchObject({ canStart: false, openAttemptId: null });
    });

    it('draws N questions at random from a category and its sub-categories, and refuses a pool too small', async () => {
      const [root] = await api.ds.query(`INSERT INTO question_categories (bank_id, name) VALUES ($1, 'Etika') RETURNING id`, [bankId]);
      const [child] = await api.ds.query(`INSERT INTO question_categories (bank_id, parent_id, name) VALUES ($1, $2, 'Netralitas') RETURNING id`, [bankId, root.id]);
      const tf = (i: number, cat: string) => insertQuestion(api, bankId, 'true_false', { prompt: `<p>Pernyataan ${i}</p>`, correct: true }, 1, cat);
      const inCategory = [await tf(1, root.id), await tf(2, child.id), await tf(3, child.id)];
      const { enrollmentId } = await quizCourse(ani, { selection: { mode: 'random', bankId, categoryId: root.id, count: 2 } });
      const a = await q.start(ani, enrollmentId, 'q1').expect(201);
      const drawn = (await api.ds.query(`SELECT items FROM quiz_attempts WHERE id = $1`, [a.body.id]))[0].items.map((i: { questionId: string }) => i.questionId);
      expect(drawn).toHaveLength(2);
      for (const id of drawn) expect(inCategory).toContain(id);

      const { enrollmentId: tooMany } = await quizCourse(ani, { selection: { mode: 'random', bankId, categoryId: child.id, count: 3 } });
      const refused = await q.start(ani, tooMany, 'q1').expect(409);
      expect(refused.body.errors[0].code).toBe('quiz.notEnoughQuestions');
    });

    it('keeps an attempt on the versions it drew when a question is edited later', async () => {
      const id = await insertQuestion(api, bankId, 'true_false', { prompt: '<p>Versi satu</p>', correct: true });
      const { enrollmentId } = await quizCourse(ani, { selection: { mode: 'fixed', questionIds: [id] } });
      const a = await q.start(ani, enrollmentId, 'q1').expect(201);
      await api.ds.query(`INSERT INTO question_versions (question_id, version, type, points, data) VALUES ($1, 2, 'true_false', 1, $2)`, [
        id,
        JSON.stringify({ prompt: '<p>Versi dua</p>', correct: false }),
      ]);
      await api.ds.query(`UPDATE questions SET current_version = 2 WHERE id = $1`, [id]);
      const got = await q.get(ani, a.body.id).expect(200);
      expect(JSON.stringify(got.body.items[0].view)).toContain('Versi satu');
      await q.save(ani, a.body.id, [{ slot: 0, answer: true }]).expect(200);
      expect((await q.submit(ani, a.body.id).expect(200)).body.result).toMatchObject({ percent: 100, passed: true });
    });
  });

  describe('answering and submitting', () => {
    it('autosaves (validated per type, null clears, flags kept), grades on the server and returns the same single result twice', async () => {
      const { enrollmentId } = await quizCourse(ani, fixed({ passPercent: 60 }));
      const a = (await q.start(ani, enrollmentId, 'q1').expect(201)).body;
      const unknown = await q.save(ani, a.id, [{ slot: 7, answer: 'a' }]).expect(400);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'answers.0.slot', code: 'quiz.unknownSlot' })]);
      const invalid = await q.save(ani, a.id, [{ slot: 0, answer: 'a' }, { slot: 1, answer: { pilih: 'a' } }]).expect(400);
      expect(invalid.body.errors).toEqual([expect.objectContaining({ field: 'answers.1.answer', code: 'quiz.invalidAnswer' })]);

      const saved = await q.save(ani, a.id, [...allRight(a.items.slice(0, 3)), { slot: a.items[3].slot, answer: 'b', flagged: true }]).expect(200);
      expect(saveAnswersResultSchema.parse(saved.body)).toMatchObject({ deadlineAt: null });
      // Without `flagged` the flag stays; a null answer clears the answer.
      await q.save(ani, a.id, [{ slot: a.items[2].slot, answer: null }]).expect(200);
      await q.save(ani, a.id, [{ slot: a.items[3].slot, answer: 'b' }, { slot: a.items[1].slot, answer: 'a', flagged: true }]).expect(200);
      await q.save(ani, a.id, [{ slot: a.items[1].slot, answer: 'a', flagged: false }]).expect(200);
      const reloaded = (await q.get(ani, a.id).expect(200)).body;
      const bySlot = new Map(reloaded.items.map((i: { slot: number }) => [i.slot, i]));
      expect(bySlot.get(a.items[0].slot)).toMatchObject({ answer: 'a', flagged: false });
      expect(bySlot.get(a.items[2].slot)).toMatchObject({ answer: null });
      expect(bySlot.get(a.items[1].slot)).toMatchObject({ answer: 'a', flagged: false });
      expect(bySlot.get(a.items[3].slot)).toMatchObject({ answer: 'b', flagged: true });

      const [one, two] = await Promise.all([q.submit(ani, a.id), q.submit(ani, a.id)]);
      expect([one.status, two.status]).toEqual([200, 200]);
      const result = attemptSchema.parse(one.body).result!;
      expect(result).toMatchObject({ score: 4, max: 10, percent: 40, passed: false, reviewAllowed: true });
      expect(two.body.result).toEqual(one.body.result);
      expect(two.body.submittedAt).toBe(one.body.submittedAt);
      const third = await q.submit(ani, a.id).expect(200);
      expect(third.body.result).toEqual(one.body.result);
      expect(third.body).toMatchObject({ status: 'graded', submittedBy: 'learner' });

      const closed = await q.save(ani, a.id, allRight(a.items)).expect(409);
      expect(closed.body.errors[0].code).toBe('quiz.attemptClosed');
    });

    it('refuses answers after the deadline, grades what was saved, and schedules the deadline job', async () => {
      const { enrollmentId } = await quizCourse(ani, fixed({ timeLimitMinutes: 30 }));
      const a = (await q.start(ani, enrollmentId, 'q1').expect(201)).body;
      const minutes = (new Date(a.deadlineAt).getTime() - new Date(a.startedAt).getTime()) / 60_000;
      expect(minutes).toBe(30);
      expect(Math.abs(new Date(a.serverNow).getTime() - Date.now())).toBeLessThan(5000);

      const redis = new Redis(api.cfg.REDIS_URL, { maxRetriesPerRequest: null });
      const queue = new Queue(JOBS.quizDeadline.queue, { connection: redis, prefix: api.cfg.QUEUE_PREFIX });
      try {
        const job = await queue.getJob(a.id);
        expect(job?.data).toEqual({ v: 1, attemptId: a.id });
        expect(await job!.getState()).toBe('delayed');
      } finally {
        await queue.close();
        redis.disconnect();
      }

      await q.save(ani, a.id, allRight(a.items.slice(0, 2))).expect(200);
      await api.ds.query(`UPDATE quiz_attempts SET deadline_at = now() - interval '1 second' WHERE id = $1`, [a.id]);
      const late = await q.save(ani, a.id, allRight(a.items)).expect(409);
      expect(late.body.errors[0].code).toBe('quiz.deadlinePassed');

      // Starting again grades the expired attempt (by the deadline) with what was saved, then starts the next one.
      const next = await q.start(ani, enrollmentId, 'q1').expect(201);
      expect(next.body.attemptNo).toBe(2);
      const expired = (await q.get(ani, a.id).expect(200)).body;
      expect(expired).toMatchObject({ status: 'graded', submittedBy: 'deadline', result: { score: 4, max: 10, percent: 40 } });
    });

    it('grades a submit that arrives after the deadline with what was saved in time, as submitted by the deadline', async () => {
      const { enrollmentId } = await quizCourse(ani, fixed({ timeLimitMinutes: 30 }));
      const a = (await q.start(ani, enrollmentId, 'q1').expect(201)).body;
      await q.save(ani, a.id, allRight(a.items.slice(0, 3))).expect(200);
      await api.ds.query(`UPDATE quiz_attempts SET deadline_at = now() - interval '1 second' WHERE id = $1`, [a.id]);
      await q.save(ani, a.id, allRight(a.items)).expect(409);
      const graded = (await q.submit(ani, a.id).expect(200)).body;
      expect(graded).toMatchObject({ status: 'graded', submittedBy: 'deadline', result: { score: 6, max: 10, percent: 60 } });
    });
  });

  describe('authorisation (invariant 5)', () => {
    it('answers 404 for another learner on every attempt route, and 403 to a learner on grading', async () => {
      const { enrollmentId } = await quizCourse(ani, fixed());
      const a = (await q.start(ani, enrollmentId, 'q1').expect(201)).body;
      await q.state(budi, enrollmentId, 'q1').expect(404);
      await q.start(budi, enrollmentId, 'q1').expect(404);
      await q.testResults(budi, enrollmentId).expect(404);
      await q.get(budi, a.id).expect(404);
      await q.save(budi, a.id, [{ slot: 0, answer: 'a' }]).expect(404);
      await q.submit(budi, a.id).expect(404);
      await q.pending(budi).expect(403);
      await q.grade(budi, a.id, 0, { score: 1 }).expect(403);
      // Nothing changed for the owner.
      expect((await q.get(ani, a.id).expect(200)).body).toMatchObject({ status: 'open', items: expect.arrayContaining([expect.objectContaining({ answer: null })]) });
    });
  });

  describe('completion', () => {
    const jpLines = async (enrollmentId: string) => (await api.ds.query(`SELECT jp FROM learning_hours WHERE enrollment_id = $1`, [enrollmentId])).length;

    it('a client "completed" event no longer completes a quiz; a failed quiz does not complete the course, a passed one does (once)', async () => {
      const { enrollmentId } = await quizCourse(ani, fixed({ passPercent: 80 }), true);
      const claim = await api
        .http()
        .post(`/api/v1/enrollments/${enrollmentId}/progress`)
        .set(bearer(ani))
        .send({ events: [{ blockKey: 't1', kind: 'viewed' }, { blockKey: 'q1', kind: 'completed' }] })
        .expect(200);
      expect(claim.body.blocks).toEqual([expect.objectContaining({ key: 't1', completed: true }), expect.objectContaining({ key: 'q1', rule: 'custom', completed: false })]);
      expect(claim.body.status).toBe('active');

      const failed = (await q.start(ani, enrollmentId, 'q1').expect(201)).body;
      await q.save(ani, failed.id, allRight(failed.items.slice(0, 3))).expect(200);
      expect((await q.submit(ani, failed.id).expect(200)).body.result).toMatchObject({ percent: 60, passed: false });
      const after = await api.http().get(`/api/v1/enrollments/${enrollmentId}`).set(bearer(ani)).expect(200);
      expect(after.body.status).toBe('active');
      expect(await jpLines(enrollmentId)).toBe(0);

      const passed = (await q.start(ani, enrollmentId, 'q1').expect(201)).body;
      await q.save(ani, passed.id, allRight(passed.items)).expect(200);
      expect((await q.submit(ani, passed.id).expect(200)).body.result).toMatchObject({ percent: 100, passed: true });
      await q.submit(ani, passed.id).expect(200);
      const done = await api.http().get(`/api/v1/enrollments/${enrollmentId}`).set(bearer(ani)).expect(200);
      expect(done.body).toMatchObject({ status: 'completed', progress: { percent: 100 } });
      expect(await jpLines(enrollmentId)).toBe(1);
      const events = await api.ds.query(`SELECT kind FROM domain_events WHERE aggregate_id = $1`, [enrollmentId]);
      expect(events).toEqual([{ kind: 'enrollment.completed' }]);
      expect((await q.state(ani, enrollmentId, 'q1').expect(200)).body).toMatchObject({ passed: true, bestPercent: 100 });
    });

    it('a quiz that does not require a pass completes on any graded attempt; test results keep the best pre-test and post-test', async () => {
      const courseId = await publishedCourse(api, author, admin, [
        quizBlock('pre', { ...fixed(), role: 'pretest', requirePass: false }),
        quizBlock('post', { ...fixed(), role: 'posttest' }),
      ]);
      const enrollmentId = await enroll(api, ani, courseId);
      expect((await q.testResults(ani, enrollmentId).expect(200)).body).toEqual({ enrollmentId, pretest: null, posttest: null });
      const pre = (await q.start(ani, enrollmentId, 'pre').expect(201)).body;
      await q.save(ani, pre.id, allRight(pre.items.slice(0, 1))).expect(200);
      await q.submit(ani, pre.id).expect(200);
      const afterPre = await api.http().get(`/api/v1/enrollments/${enrollmentId}`).set(bearer(ani)).expect(200);
      expect(afterPre.body.blocks).toEqual([expect.objectContaining({ key: 'pre', completed: true }), expect.objectContaining({ key: 'post', completed: false })]);

      for (const n of [3, 5, 4]) {
        const post = (await q.start(ani, enrollmentId, 'post').expect(201)).body;
        await q.save(ani, post.id, allRight(post.items.slice(0, n))).expect(200);
        await q.submit(ani, post.id).expect(200);
      }
      const results = testResultsSchema.parse((await q.testResults(ani, enrollmentId).expect(200)).body);
      expect(results).toMatchObject({ pretest: { percent: 20, attemptId: pre.id }, posttest: { percent: 100 } });
      const done = await api.http().get(`/api/v1/enrollments/${enrollmentId}`).set(bearer(ani)).expect(200);
      expect(done.body.status).toBe('completed');
    });

    it('holds an essay as needing grading; the author grades it and the course completes', async () => {
      const essayId = await insertQuestion(api, bankId, 'essay', SAMPLES.essay.data, 5);
      const { courseId, enrollmentId } = await quizCourse(budi, { selection: { mode: 'fixed', questionIds: [choiceIds[0], essayId] }, shuffleQuestions: false, passPercent: 50 });
      const a = (await q.start(budi, enrollmentId, 'q1').expect(201)).body;
      await q.save(budi, a.id, [
        { slot: 0, answer: 'b' },
        { slot: 1, answer: 'Pelayanan yang cepat, tepat dan ramah.' },
      ]).expect(200);
      const submitted = (await q.submit(budi, a.id).expect(200)).body;
      expect(submitted).toMatchObject({ status: 'needs_grading', result: { passed: null, items: [{ slot: 0, score: 0 }, { slot: 1, score: null, needsGrading: true }] } });

      const list = await q.pending(author, `?courseId=${courseId}`).expect(200);
      expect(pageOf(pendingGradingSchema).parse(list.body).items).toEqual([
        expect.objectContaining({ attemptId: a.id, slot: 1, courseId, blockKey: 'q1', type: 'essay', points: 5, answer: 'Pelayanan yang cepat, tepat dan ramah.' }),
      ]);
      expect(JSON.stringify(list.body)).not.toContain('KUNCI-ESAI-RUBRIK');
      expect((await q.pending(otherAuthor, `?courseId=${courseId}`).expect(200)).body.total).toBe(0);
      await q.grade(otherAuthor, a.id, 1, { score: 4 }).expect(404);

      const above = await q.grade(author, a.id, 1, { score: 6 }).expect(400);
      expect(above.body.errors[0]).toMatchObject({ field: 'score', code: 'quiz.scoreAbovePoints' });
      const auto = await q.grade(author, a.id, 0, { score: 1 }).expect(409);
      expect(auto.body.errors[0].code).toBe('quiz.notManual');

      const graded = await q.grade(author, a.id, 1, { score: 4, comment: 'Baik, lengkapi contoh.' }).expect(200);
      expect(graded.body).toMatchObject({ status: 'graded', result: { score: 4, max: 7, percent: 57.14, passed: true } });
      expect((await q.pending(admin, `?courseId=${courseId}`).expect(200)).body.total).toBe(0);
      const mine = (await q.get(budi, a.id).expect(200)).body;
      expect(mine.result.items[1]).toMatchObject({ score: 4, needsGrading: false, comment: 'Baik, lengkapi contoh.' });
      const done = await api.http().get(`/api/v1/enrollments/${enrollmentId}`).set(bearer(budi)).expect(200);
      expect(done.body.status).toBe('completed');
      expect(await jpLines(enrollmentId)).toBe(1);
    });
  });
});
