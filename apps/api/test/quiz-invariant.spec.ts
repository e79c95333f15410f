import { rmSync } from 'node:fs';
import { tempDataDir } from './course-fixtures';
import { createPerson, startApi, type Api, type Person } from './harness';
import { SAMPLES, createBank, enroll, insertQuestion, publishedCourse, quizApi, quizBlock, registryOf } from './quiz-attempt-fixtures';

/**
 * Invariant 2: nothing the api sends a learner before submission holds a key — no correct flag,
 * accepted answer, tolerance, weight, rubric, pair, review or score per option — and after
 * submission only what the review policy allows. It runs for EVERY question type of the
 * registry, so a new type is covered as soon as it is enabled (and fails here until it has a
 * sample in quiz-attempt-fixtures.ts).
 */

/** Property names that only key material uses, anywhere in a learner-facing response before submission. */
const KEY_PROPERTIES = new Set([
  'correct',
  'correctId',
  'correctIds',
  'correctOrder',
  'accepted',
  'tolerance',
  'weight',
  'weights',
  'rubric',
  'pairs',
  'matches',
  'distractors',
  'review',
  'feedback',
  'feedbackTrue',
  'feedbackFalse',
  'optionFeedback',
  'partialCredit',
  'caseSensitive',
  'score',
  'scores',
]);

/** Every property path of a JSON value whose name is in `names` (`view.answer` also counts inside a question's view). */
function keyPaths(value: unknown, names: Set<string>, path = '$', inView = false): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keyPaths(v, names, `${path}[${i}]`, inView));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const here = `${path}.${k}`;
    // Inside a view, `answer` would be the key (the numeric type's author data names it so).
    const bad = names.has(k) || (inView && k === 'answer');
    return [...(bad ? [here] : []), ...keyPaths(v, names, here, inView || k === 'view')];
  });
}

/** Asserts a learner-facing response before submission holds no key material. */
function assertNoKey(label: string, body: unknown, secrets: string[]): void {
  expect({ label, paths: keyPaths(body, KEY_PROPERTIES) }).toEqual({ label, paths: [] });
  const json = JSON.stringify(body);
  expect({ label, leaked: secrets.filter((s) => json.includes(s)) }).toEqual({ label, leaked: [] });
}

describe('invariant 2: no key reaches a learner', () => {
  let api: Api;
  let author: Person;
  let admin: Person;
  let learner: Person;
  let bankId: string;
  const dataDir = tempDataDir();

  beforeAll(async () => {
    api = await startApi({ CAKAP_DATA_DIR: dataDir });
    [author, admin, learner] = await Promise.all([
      createPerson(api, ['author', 'learner'], undefined, 'Penulis'),
      createPerson(api, ['admin']),
      createPerson(api, ['learner'], undefined, 'Peserta'),
    ]);
    bankId = await createBank(api, author);
  });
  afterAll(async () => {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('has a sample question for every enabled question type (add one to quiz-attempt-fixtures.ts for a new type)', () => {
    const types = [...registryOf(api).questionTypes.keys()];
    expect(types.length).toBeGreaterThanOrEqual(8);
    expect(types.filter((t) => !SAMPLES[t])).toEqual([]);
  });

  it('walks every learner-facing response of every question type, before and after submission (review: never)', async () => {
    const q = quizApi(api);
    const types = [...registryOf(api).questionTypes.keys()];
    for (const type of types) {
      const sample = SAMPLES[type];
      if (!sample) throw new Error(`question type ${type} has no sample in quiz-attempt-fixtures.ts: add one`);
      const questionId = await insertQuestion(api, bankId, type, sample.data, 3);
      const courseId = await publishedCourse(api, author, admin, [
        quizBlock('q1', { selection: { mode: 'fixed', questionIds: [questionId] }, reviewPolicy: 'never', shuffleOptions: true, timeLimitMinutes: 10 }),
      ]);
      const enrollmentId = await enroll(api, learner, courseId);
      const label = (step: string) => `${type}: ${step}`;

      assertNoKey(label('quiz state'), (await q.state(learner, enrollmentId, 'q1').expect(200)).body, sample.secrets);
      const started = (await q.start(learner, enrollmentId, 'q1').expect(201)).body;
      assertNoKey(label('start'), started, sample.secrets);
      expect(started.items[0].view).not.toBeNull();
      assertNoKey(label('start again'), (await q.start(learner, enrollmentId, 'q1').expect(200)).body, sample.secrets);
      assertNoKey(label('get'), (await q.get(learner, started.id).expect(200)).body, sample.secrets);
      for (const answer of [sample.wrong, sample.right ?? sample.wrong]) {
        assertNoKey(label('save'), (await q.save(learner, started.id, [{ slot: 0, answer, flagged: true }]).expect(200)).body, sample.secrets);
      }
      assertNoKey(label('get after save'), (await q.get(learner, started.id).expect(200)).body, sample.secrets);
      assertNoKey(label('quiz state with an open attempt'), (await q.state(learner, enrollmentId, 'q1').expect(200)).body, sample.secrets);

      // After submission with review `never`: a per-question score, but no review, feedback or key.
      for (const res of [await q.submit(learner, started.id).expect(200), await q.get(learner, started.id).expect(200)]) {
        const { result, items } = res.body;
        expect(result.reviewAllowed).toBe(false);
        assertNoKey(label('items after submission'), items, sample.secrets);
        const allowedHere = new Set([...KEY_PROPERTIES].filter((k) => k !== 'score' && k !== 'feedback'));
        expect({ type, paths: keyPaths(result, allowedHere) }).toEqual({ type, paths: [] });
        expect(result.items.map((i: { feedback: unknown; comment: unknown }) => [i.feedback, i.comment])).toEqual([[null, null]]);
        const json = JSON.stringify(res.body);
        expect({ type, leaked: sample.secrets.filter((s) => json.includes(s)) }).toEqual({ type, leaked: [] });
      }
      assertNoKey(label('quiz state after submission'), (await q.state(learner, enrollmentId, 'q1').expect(200)).body, sample.secrets);
    }
  });

  it('shows the review once the policy allows it (the check above would see it)', async () => {
    const q = quizApi(api);
    const sample = SAMPLES.single_choice;
    const questionId = await insertQuestion(api, bankId, 'single_choice', sample.data);
    const courseId = await publishedCourse(api, author, admin, [quizBlock('q1', { selection: { mode: 'fixed', questionIds: [questionId] }, reviewPolicy: 'after_submit' })]);
    const enrollmentId = await enroll(api, learner, courseId);
    const started = (await q.start(learner, enrollmentId, 'q1').expect(201)).body;
    assertNoKey('single_choice after_submit: start', started, sample.secrets);
    await q.save(learner, started.id, [{ slot: 0, answer: sample.wrong }]).expect(200);
    const submitted = (await q.submit(learner, started.id).expect(200)).body;
    expect(submitted.result.reviewAllowed).toBe(true);
    expect(submitted.result.items[0].review).toMatchObject({ correctId: 'a' });
    expect(keyPaths(submitted, KEY_PROPERTIES)).toContain('$.result.items[0].review');
    expect(JSON.stringify(submitted)).toContain('KUNCI-SC-SALAH');
  });
});
