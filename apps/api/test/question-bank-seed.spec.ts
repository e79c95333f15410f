import { createDataSource, createTestDatabase, type TestDatabase } from '@cakap/db';
import type { DataSource } from 'typeorm';
import { buildPluginRegistry } from '../src/plugins/plugins.module';
import { DEMO_BANK, DEMO_QUESTIONS } from '../src/seed/question-bank';
import { QUIZ_COURSE, SAMPLE_COURSE } from '../src/seed/sample-course';
import { DEMO_ACCOUNTS, seed } from '../src/seed/seed';

/** The demo question bank, on a database of its own (the seed's rows are counted). */
let db: TestDatabase;
let ds: DataSource;

beforeAll(async () => {
  db = await createTestDatabase(process.env.DATABASE_URL, 'cakap_bank_seed_test');
  ds = createDataSource({ url: db.url, applicationName: 'cakap-bank-seed-test', poolSize: 2 });
  await ds.initialize();
});

afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

const bankRows = () =>
  ds.query(
    `SELECT b.title, u.nip AS owner,
            (SELECT count(*)::int FROM questions q WHERE q.bank_id = b.id) AS questions,
            (SELECT count(*)::int FROM question_versions v JOIN questions q ON q.id = v.question_id WHERE q.bank_id = b.id) AS versions,
            (SELECT count(*)::int FROM question_categories c WHERE c.bank_id = b.id) AS categories,
            (SELECT array_agg(DISTINCT q.type ORDER BY q.type) FROM questions q WHERE q.bank_id = b.id) AS types
       FROM question_banks b JOIN users u ON u.id = b.owner_id`,
  );

describe('demo seed: the question bank', () => {
  it('is skipped while the question types are not enabled', async () => {
    const summary = await seed(ds, undefined, buildPluginRegistry(['@cakap/plugin-content']));
    expect(summary.questionBank).toBe('skipped');
    expect(await bankRows()).toEqual([]);
  });

  it('creates the bank once, owned by the demo author, with every built-in type; the sample course is untouched', async () => {
    const plugins = buildPluginRegistry(['@cakap/plugin-content', '@cakap/plugin-questions']);
    const [course] = await ds.query(`SELECT id, revision, published_version FROM courses WHERE title = $1`, [SAMPLE_COURSE.title]);
    const lines: string[] = [];
    expect((await seed(ds, (l) => lines.push(l), plugins)).questionBank).toBe('created');
    expect(lines.some((l) => l.includes(DEMO_BANK.title))).toBe(true);
    expect((await seed(ds, undefined, plugins)).questionBank).toBe('existing');

    expect(await bankRows()).toEqual([
      {
        title: 'Bank Soal Pelayanan Publik Prima',
        owner: DEMO_ACCOUNTS.find((a) => a.label === 'author')!.nip,
        questions: DEMO_QUESTIONS.length,
        versions: DEMO_QUESTIONS.length,
        categories: 4,
        types: ['essay', 'matching', 'multiple_choice', 'numeric', 'ordering', 'short_answer', 'single_choice', 'true_false'],
      },
    ]);
    const summaries: { summary: string }[] = await ds.query(`SELECT summary FROM questions`);
    expect(summaries.every((q) => q.summary.length > 10 && !q.summary.includes('<'))).toBe(true);
    expect(await ds.query(`SELECT id, revision, published_version FROM courses WHERE title = $1`, [SAMPLE_COURSE.title])).toEqual([course]);
  });

  it('publishes the quiz course once: a pre-test of five and a timed post-test of every automatically graded demo question', async () => {
    const plugins = buildPluginRegistry(['@cakap/plugin-content', '@cakap/plugin-questions']);
    expect((await seed(ds, undefined, plugins)).quizCourse).toBe(false); // published by the run above
    const versions: { snapshot: { content: { modules: { lessons: { blocks: { type: string; data: Record<string, unknown> }[] }[] }[] } } }[] = await ds.query(
      `SELECT v.snapshot FROM course_versions v JOIN courses c ON c.id = v.course_id WHERE c.title = $1`,
      [QUIZ_COURSE.title],
    );
    expect(versions).toHaveLength(1);
    const quizzes = versions[0].snapshot.content.modules.flatMap((m) => m.lessons.flatMap((l) => l.blocks)).filter((b) => b.type === 'quiz');
    const auto: { id: string }[] = await ds.query(`SELECT id FROM questions WHERE type <> 'essay' ORDER BY created_at, id`);
    expect(quizzes.map((q) => [q.data.role, (q.data.selection as { questionIds: string[] }).questionIds.length, q.data.timeLimitMinutes])).toEqual([
      ['pretest', 5, null],
      ['posttest', auto.length, 15],
    ]);
    expect((quizzes[1].data.selection as { questionIds: string[] }).questionIds).toEqual(auto.map((q) => q.id));
    // Passing its post-test proves M.5 at level 3.
    const targets = await ds.query(
      `SELECT c.code, t.level FROM course_version_competencies t JOIN competencies c ON c.id = t.competency_id
         JOIN courses co ON co.id = t.course_id WHERE co.title = $1`,
      [QUIZ_COURSE.title],
    );
    expect(targets).toEqual([{ code: 'M.5', level: 3 }]);
  });
});
