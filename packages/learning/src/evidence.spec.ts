import type { CourseContent, CourseMeta } from '@cakap/contracts';
import { createDataSource, createTestDatabase, type TestDatabase } from '@cakap/db';
import type { DataSource } from 'typeorm';
import { completeEnrollment, type EnrollmentRef } from './completion';
import { recordCourseEvidence, recordPassedPosttest, refreshAchievement } from './evidence';

/** Competency evidence as completion and grading write it, against a real migrated database. */
describe('competency evidence', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let userId: string;
  let m5: string;
  let m3: string;
  const meta = { title: 'Pelayanan Publik Prima', jp: 2, developmentForm: 'NKL03' } as CourseMeta;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource({ url: db.url, applicationName: 'learning-evidence-test' });
    await ds.initialize();
    const [unit] = await ds.query(`INSERT INTO org_units (code, name) VALUES ('U', 'U') RETURNING id`);
    [{ id: userId }] = await ds.query(`INSERT INTO users (nip, name, org_unit_id) VALUES ('198609262015051001', 'Ani', $1) RETURNING id`, [unit.id]);
    const [f] = await ds.query(
      `INSERT INTO competency_frameworks (identifier, name, status) VALUES (gen_random_uuid(), 'SKJ', 'published') RETURNING id`,
    );
    const levels = JSON.stringify([1, 2, 3, 4, 5].map((level) => ({ level, description: `Level ${level}`, indicators: [] })));
    [{ id: m5 }, { id: m3 }] = await ds.query(
      `INSERT INTO competencies (framework_id, identifier, code, name, kind, levels)
       VALUES ($1, gen_random_uuid(), 'M.5', 'Pelayanan Publik', 'manajerial', $2), ($1, gen_random_uuid(), 'M.3', 'Komunikasi', 'manajerial', $2)
       RETURNING id`,
      [f.id, levels],
    );
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  /** A published version 1 with the given content and targets; answers the course id. */
  async function course(content: CourseContent, targets: [string, number][]): Promise<string> {
    const [{ id }] = await ds.query(`INSERT INTO courses (owner_id, title, jp, status, published_version) VALUES ($1, $2, 2, 'published', 1) RETURNING id`, [
      userId,
      meta.title,
    ]);
    await ds.query(
      `INSERT INTO course_versions (course_id, version, snapshot, hash, published_by, published_at, title, language, jp, module_count, lesson_count, search_text)
       VALUES ($1, 1, $2, repeat('0', 64), $3, now(), $4, 'id', 2, 1, 1, '')`,
      [id, JSON.stringify({ meta, content, authors: [], publishedAt: new Date().toISOString() }), userId, meta.title],
    );
    for (const [competencyId, level] of targets) {
      await ds.query(`INSERT INTO course_version_competencies (course_id, version, competency_id, level) VALUES ($1, 1, $2, $3)`, [id, competencyId, level]);
    }
    return id;
  }
  const lesson = (blocks: CourseContent['modules'][0]['lessons'][0]['blocks']): CourseContent => ({
    modules: [{ key: 'm1', title: 'M', lessons: [{ key: 'l1', title: 'L', blocks }] }],
  });
  async function enrol(courseId: string): Promise<EnrollmentRef> {
    const [e] = await ds.query(
      `INSERT INTO enrollments (user_id, course_id, version, enrolled_at) VALUES ($1, $2, 1, '2026-01-05T00:00:00Z')
       RETURNING id, user_id AS "userId", course_id AS "courseId", version, status, enrolled_at AS "enrolledAt"`,
      [userId, courseId],
    );
    return e;
  }
  const evidenceOf = (enrollmentId: string) =>
    ds.query(`SELECT competency_id AS "competencyId", level, source, title, occurred_on::text AS "occurredOn" FROM competency_evidence WHERE enrollment_id = $1 ORDER BY level`, [
      enrollmentId,
    ]);
  const achieved = async (competencyId: string) =>
    (await ds.query(`SELECT level, evidence_count AS "count" FROM competency_achievements WHERE user_id = $1 AND competency_id = $2`, [userId, competencyId]))[0];

  it('records each target once when the course completes, even from three processes at once, and derives the achieved level', async () => {
    const e = await enrol(await course(lesson([{ key: 't1', type: 'text', data: {} }]), [[m5, 2], [m3, 1]]));
    // 31 Jan 18:00 UTC is already 1 Feb in Jakarta: the evidence carries the Jakarta date.
    const at = new Date('2026-01-31T18:00:00Z');
    const results = await Promise.all([1, 2, 3].map(() => completeEnrollment(ds, e, meta, at)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await evidenceOf(e.id)).toEqual([
      { competencyId: m3, level: 1, source: 'course', title: meta.title, occurredOn: '2026-02-01' },
      { competencyId: m5, level: 2, source: 'course', title: meta.title, occurredOn: '2026-02-01' },
    ]);
    expect(await recordCourseEvidence(ds, e.id, at)).toEqual([]);
    expect(await achieved(m5)).toEqual({ level: 2, count: 1 });
  });

  it('withholds the evidence of a course with a post-test until the post-test is passed, then records it once', async () => {
    const posttest = { key: 'q1', type: 'quiz', data: { role: 'posttest' } };
    const e = await enrol(await course(lesson([posttest, { key: 'q0', type: 'quiz', data: { role: 'pretest' } }]), [[m3, 3]]));
    const attempt = (passed: boolean, no: number) =>
      ds.query(
        `INSERT INTO quiz_attempts (enrollment_id, user_id, course_id, block_key, attempt_no, role, status, seed, items, pass_percent, review_policy, submitted_at, passed)
         VALUES ($1, $2, $3, 'q1', $4, 'posttest', 'graded', 1, '[]', 70, 'never', now(), $5)`,
        [e.id, userId, e.courseId, no, passed],
      );
    await attempt(false, 1);
    expect(await completeEnrollment(ds, e, meta, new Date('2026-02-02T03:00:00Z'))).toBe(true);
    expect(await evidenceOf(e.id)).toEqual([]);

    await attempt(true, 2);
    // Another attempt's role or result proves nothing.
    await recordPassedPosttest(ds, { role: 'graded', passed: true, enrollmentId: e.id }, new Date());
    await recordPassedPosttest(ds, { role: 'posttest', passed: false, enrollmentId: e.id }, new Date());
    expect(await evidenceOf(e.id)).toEqual([]);
    await Promise.all([1, 2].map(() => recordPassedPosttest(ds, { role: 'posttest', passed: true, enrollmentId: e.id }, new Date('2026-02-03T03:00:00Z'))));
    expect(await evidenceOf(e.id)).toEqual([{ competencyId: m3, level: 3, source: 'course', title: meta.title, occurredOn: '2026-02-03' }]);
    expect(await achieved(m3)).toEqual({ level: 3, count: 2 });
  });

  it('records nothing for an enrolment that is not completed', async () => {
    const e = await enrol(await course(lesson([{ key: 't1', type: 'text', data: {} }]), [[m5, 4]]));
    expect(await recordCourseEvidence(ds, e.id, new Date())).toEqual([]);
    expect(await evidenceOf(e.id)).toEqual([]);
  });

  it('lets a later assessment lower the level and a later course raise it again', async () => {
    const assess = (level: number, on: string) =>
      ds.query(`INSERT INTO competency_evidence (user_id, competency_id, level, source, title, occurred_on) VALUES ($1, $2, $3, 'assessment', 'Uji kompetensi', $4)`, [
        userId,
        m5,
        level,
        on,
      ]);
    // m5 is at 2 from the first course (1 Feb).
    await assess(1, '2026-03-01');
    expect(await refreshAchievement(ds, userId, m5)).toBe(1);
    const e = await enrol(await course(lesson([{ key: 't1', type: 'text', data: {} }]), [[m5, 3]]));
    await completeEnrollment(ds, e, meta, new Date('2026-04-01T03:00:00Z'));
    expect(await achieved(m5)).toEqual({ level: 3, count: 3 });
    // An assessment dated before the course, recorded afterwards, does not undo it.
    await assess(1, '2026-03-15');
    expect(await refreshAchievement(ds, userId, m5)).toBe(3);
  });
});
