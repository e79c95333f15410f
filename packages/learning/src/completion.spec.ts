import type { CourseContent, CourseMeta } from '@cakap/contracts';
import type { ContentTypes } from '@cakap/courses';
import { createDataSource, createTestDatabase, type TestDatabase } from '@cakap/db';
import { coreQuizPlugin } from '@cakap/quiz';
import type { DataSource } from 'typeorm';
import { blockStates, completeBlock, COURSE_ORGANISER } from './completion';
import { SnapshotCache } from './snapshots';

/** Completion as the api and the worker both run it, against a real migrated database. */
describe('completing blocks and courses', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let snapshots: SnapshotCache;
  let userId: string;
  let courseId: string;

  // The quiz block's rule is the core's (custom); everything else here is a viewed text.
  const quizRule = coreQuizPlugin.contentTypes[0].completion;
  const types = {
    contentType: (k: string) => ({ key: k, completion: k === 'quiz' ? quizRule : { kind: 'viewed' } }),
  } as unknown as ContentTypes;
  const content: CourseContent = {
    modules: [{ key: 'm1', title: 'M', lessons: [{ key: 'l1', title: 'L', blocks: [{ key: 't1', type: 'text', data: {} }, { key: 'q1', type: 'quiz', data: {} }] }] }],
  };
  const meta = { title: 'Etika ASN', jp: 3, developmentForm: 'NKL03' } as CourseMeta;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource({ url: db.url, applicationName: 'learning-test' });
    await ds.initialize();
    snapshots = new SnapshotCache(ds, 2);
    const [unit] = await ds.query(`INSERT INTO org_units (code, name) VALUES ('U', 'U') RETURNING id`);
    [{ id: userId }] = await ds.query(`INSERT INTO users (nip, name, org_unit_id) VALUES ('198609262015051001', 'Ani', $1) RETURNING id`, [unit.id]);
    [{ id: courseId }] = await ds.query(`INSERT INTO courses (owner_id, title, jp, status, published_version) VALUES ($1, 'Etika ASN', 3, 'published', 1) RETURNING id`, [userId]);
    await ds.query(
      `INSERT INTO course_versions (course_id, version, snapshot, hash, published_by, published_at, title, language, jp, module_count, lesson_count, search_text)
       VALUES ($1, 1, $2, repeat('0', 64), $3, now(), 'Etika ASN', 'id', 3, 1, 1, '')`,
      [courseId, JSON.stringify({ meta, content, authors: [], publishedAt: new Date().toISOString() }), userId],
    );
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  async function enrol(): Promise<string> {
    await ds.query(`DELETE FROM learning_hours; DELETE FROM domain_events; DELETE FROM enrollments`);
    const [e] = await ds.query(`INSERT INTO enrollments (user_id, course_id, version, enrolled_at) VALUES ($1, $2, 1, '2025-12-01T00:00:00Z') RETURNING id`, [userId, courseId]);
    return e.id;
  }

  it('records the block, and leaves the course open while another block is not done', async () => {
    const id = await enrol();
    const at = new Date('2026-03-01T02:00:00Z');
    expect(await completeBlock(ds, types, snapshots, id, 'q1', at)).toBe(false);
    expect((await blockStates(ds, id)).get('q1')).toMatchObject({ completedAt: at });
    const [e] = await ds.query(`SELECT status FROM enrollments WHERE id = $1`, [id]);
    expect(e.status).toBe('active');
    // The first completion stays: a later grading does not move it.
    await completeBlock(ds, types, snapshots, id, 'q1', new Date('2026-03-02T02:00:00Z'));
    expect((await blockStates(ds, id)).get('q1')!.completedAt).toEqual(at);
  });

  it('completes the course exactly once when the last block completes, even from two processes at once', async () => {
    const id = await enrol();
    await ds.query(`INSERT INTO block_progress (enrollment_id, block_key, viewed_at, completed_at) VALUES ($1, 't1', now(), now())`, [id]);
    // 31 Dec 18:00 UTC is already the next year in WIB (invariant 8).
    const at = new Date('2025-12-31T18:00:00Z');
    const results = await Promise.all([1, 2, 3].map(() => completeBlock(ds, types, new SnapshotCache(ds), id, 'q1', at)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const [e] = await ds.query(`SELECT status, completed_at FROM enrollments WHERE id = $1`, [id]);
    expect(e).toEqual({ status: 'completed', completed_at: at });
    const lines = await ds.query(`SELECT year, jp, title, organiser, development_form FROM learning_hours WHERE enrollment_id = $1`, [id]);
    expect(lines).toEqual([{ year: 2026, jp: 3, title: 'Etika ASN', organiser: COURSE_ORGANISER, development_form: 'NKL03' }]);
    const events = await ds.query(`SELECT kind, payload FROM domain_events WHERE aggregate_id = $1`, [id]);
    expect(events).toEqual([{ kind: 'enrollment.completed', payload: expect.objectContaining({ enrollmentId: id, jp: 3, year: 2026 }) }]);
    // The learner is asked, once, to answer the post-course survey.
    const asked = await ds.query(`SELECT kind, params, link FROM notifications WHERE dedupe_key = $1`, [`evaluation.surveyOpen:${id}`]);
    expect(asked).toEqual([{ kind: 'evaluation.surveyOpen', params: { course: 'Etika ASN' }, link: `/belajar/${id}/survei` }]);
    expect(await completeBlock(ds, types, snapshots, id, 'q1', new Date())).toBe(false);
  });
});
