import { JOB_OPTIONS, JOBS } from '@cakap/contracts';
import type { DataSource } from 'typeorm';
import { type Harness, resetPeople, seedUnit, seedUser, startWorker } from './support';

/**
 * The {quiz-deadline} job end to end: the real worker module consumes the real queue and
 * grades, in the run's Postgres, an attempt whose learner never submitted — with what they
 * saved — and completes the course when that passes the quiz. The rows are what the api writes
 * (a published course with a quiz block, an enrolment, an attempt with its drawn versions).
 */
describe('quiz deadline', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startWorker('quiz-deadline');
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await resetPeople(h.ds);
  });

  /** A course whose only block is a one-question true/false quiz, a learner enrolled in it, and an open attempt. */
  async function openAttempt(ds: DataSource, deadline: string, answer: boolean | null): Promise<{ attemptId: string; enrollmentId: string }> {
    const unit = await seedUnit(ds, 'BKPSDMD', 'BKPSDMD');
    const userId = await seedUser(ds, { nip: '198609262015051001', name: 'Ani', orgUnitId: unit });
    const [bank] = await ds.query(`INSERT INTO question_banks (title, owner_id) VALUES ('Bank', $1) RETURNING id`, [userId]);
    const [question] = await ds.query(`INSERT INTO questions (bank_id, type) VALUES ($1, 'true_false') RETURNING id`, [bank.id]);
    const [version] = await ds.query(`INSERT INTO question_versions (question_id, version, type, points, data) VALUES ($1, 1, 'true_false', 2, $2) RETURNING id`, [
      question.id,
      JSON.stringify({ prompt: '<p>ASN wajib netral.</p>', correct: true }),
    ]);
    const [course] = await ds.query(`INSERT INTO courses (owner_id, title, jp, status, published_version) VALUES ($1, 'Netralitas ASN', 2, 'published', 1) RETURNING id`, [userId]);
    const quiz = { title: 'Kuis', selection: { mode: 'fixed', questionIds: [question.id] }, passPercent: 50, timeLimitMinutes: 10 };
    const snapshot = {
      meta: { title: 'Netralitas ASN', jp: 2, developmentForm: 'NKL03' },
      content: { modules: [{ key: 'm1', title: 'M', lessons: [{ key: 'l1', title: 'L', blocks: [{ key: 'q1', type: 'quiz', data: quiz }] }] }] },
      authors: [],
      publishedAt: new Date().toISOString(),
    };
    await ds.query(
      `INSERT INTO course_versions (course_id, version, snapshot, hash, published_by, published_at, title, language, jp, module_count, lesson_count, search_text)
       VALUES ($1, 1, $2, repeat('0', 64), $3, now(), 'Netralitas ASN', 'id', 2, 1, 1, '')`,
      [course.id, JSON.stringify(snapshot), userId],
    );
    const [enrollment] = await ds.query(`INSERT INTO enrollments (user_id, course_id, version, enrolled_at) VALUES ($1, $2, 1, now() - interval '1 day') RETURNING id`, [
      userId,
      course.id,
    ]);
    const [attempt] = await ds.query(
      `INSERT INTO quiz_attempts (enrollment_id, user_id, course_id, block_key, attempt_no, role, seed, items, pass_percent, review_policy, started_at, deadline_at)
       VALUES ($1, $2, $3, 'q1', 1, 'graded', 7, $4, 50, 'after_submit', now() - interval '10 minutes', $5) RETURNING id`,
      [enrollment.id, userId, course.id, JSON.stringify([{ slot: 0, questionId: question.id, versionId: version.id, points: 2 }]), deadline],
    );
    if (answer !== null) await h.ds.query(`INSERT INTO attempt_answers (attempt_id, slot, answer) VALUES ($1, 0, $2)`, [attempt.id, JSON.stringify(answer)]);
    return { attemptId: attempt.id, enrollmentId: enrollment.id };
  }

  const attemptRow = async (id: string) =>
    (await h.ds.query(`SELECT status, submitted_by, submitted_at, deadline_at, score, percent, passed FROM quiz_attempts WHERE id = $1`, [id]))[0];

  async function waitGraded(id: string, timeoutMs = 15_000) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const row = await attemptRow(id);
      if (row.status !== 'open') return row;
      if (Date.now() > until) throw new Error(`attempt ${id} still open after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function waitFor<T>(read: () => Promise<T>, want: T, timeoutMs = 10_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const got = await read();
      if (got === want || Date.now() > until) return got;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const enqueue = (attemptId: string, delay = 0) =>
    h.queues.get(JOBS.quizDeadline.queue).add(JOBS.quizDeadline.name, { v: 1, attemptId }, { ...JOB_OPTIONS, jobId: attemptId, delay });

  it('grades an expired attempt with what was saved, without the learner, and completes the course once', async () => {
    const { attemptId, enrollmentId } = await openAttempt(h.ds, new Date(Date.now() - 1000).toISOString(), true);
    await enqueue(attemptId);
    const row = await waitGraded(attemptId);
    expect(row).toMatchObject({ status: 'graded', submitted_by: 'deadline', score: '2.00', percent: '100.00', passed: true });
    const [answer] = await h.ds.query(`SELECT score, max_score, needs_grading FROM attempt_answers WHERE attempt_id = $1`, [attemptId]);
    expect(answer).toEqual({ score: '2.00', max_score: '2.00', needs_grading: false });
    // The course completes right after the grade commits (its own transaction).
    expect(await waitFor(async () => (await h.ds.query(`SELECT status FROM enrollments WHERE id = $1`, [enrollmentId]))[0].status, 'completed')).toBe('completed');
    const lines = await h.ds.query(`SELECT jp FROM learning_hours WHERE enrollment_id = $1`, [enrollmentId]);
    expect(lines).toEqual([{ jp: 2 }]);

    // A second job for the same attempt (a retry, the reconciler) changes nothing.
    await h.queues.get(JOBS.quizDeadline.queue).add(JOBS.quizDeadline.name, { v: 1, attemptId }, { ...JOB_OPTIONS, jobId: `${attemptId}-again` });
    await new Promise((r) => setTimeout(r, 500));
    expect(await attemptRow(attemptId)).toEqual(row);
    expect(await h.ds.query(`SELECT jp FROM learning_hours WHERE enrollment_id = $1`, [enrollmentId])).toHaveLength(1);
  });

  it('scores an attempt with nothing saved as 0 and leaves the course open', async () => {
    const { attemptId, enrollmentId } = await openAttempt(h.ds, new Date(Date.now() - 1000).toISOString(), null);
    await enqueue(attemptId);
    expect(await waitGraded(attemptId)).toMatchObject({ status: 'graded', submitted_by: 'deadline', score: '0.00', passed: false });
    // Once the job is done (removed on completion), the course is still open.
    expect(await waitFor(async () => (await h.queues.get(JOBS.quizDeadline.queue).getJob(attemptId)) === undefined, true)).toBe(true);
    const [e] = await h.ds.query(`SELECT status FROM enrollments WHERE id = $1`, [enrollmentId]);
    expect(e.status).toBe('active');
  });

  it('a job that fires before the deadline schedules itself again and grades once the deadline has passed', async () => {
    const { attemptId } = await openAttempt(h.ds, new Date(Date.now() + 1500).toISOString(), false);
    await enqueue(attemptId);
    await new Promise((r) => setTimeout(r, 700));
    expect((await attemptRow(attemptId)).status).toBe('open');
    const row = await waitGraded(attemptId);
    expect(row).toMatchObject({ status: 'graded', submitted_by: 'deadline', passed: false });
    expect(new Date(row.submitted_at).getTime()).toBeGreaterThanOrEqual(new Date(row.deadline_at).getTime());
  });

  it('the reconciler finds an expired attempt that has no job (Redis flushed) and it gets graded', async () => {
    const { attemptId } = await openAttempt(h.ds, new Date(Date.now() - 60_000).toISOString(), true);
    const report = await h.reconciler.reconcile();
    expect(report.readded).toEqual([{ job: 'quizDeadline', jobId: attemptId, reason: 'missing' }]);
    expect(await waitGraded(attemptId)).toMatchObject({ status: 'graded', submitted_by: 'deadline', passed: true });
    expect((await h.reconciler.reconcile()).readded).toEqual([]);
  });
});
