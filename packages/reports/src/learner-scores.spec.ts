import { prePostGain } from '@cakap/evaluation';
import { computeCourseReport } from './course-report';
import { courseLearnersSql, toCourseLearnerRow, type CourseLearnerDbRow, type CourseLearnerFilter } from './learner-scores';
import { attempt, course, enrol, testDb, unit, user, type Db } from './test-fixtures';

/**
 * Level 2 per learner: the list reads the same pre and post as the course report's averages
 * (one SQL definition). Every figure below was worked out by hand.
 */
describe('learner scores', () => {
  let db: Db;
  let courseId: string;
  const e: Record<string, string> = {};

  beforeAll(async () => {
    db = await testDb('learners');
    const { ds } = db;
    const u = await unit(ds, 'BKD', 'Badan Kepegawaian Daerah');
    const owner = await user(ds, 'Penulis', u, { roles: ['author'] });
    courseId = await course(ds, owner, 'Manajemen Arsip');
    const otherCourseId = await course(ds, owner, 'Kursus Lain');
    const [ana, beni, cahya, dian] = [await user(ds, 'Ana', u), await user(ds, 'Beni', u), await user(ds, 'Cahya', u), await user(ds, 'Dian', u)];
    e.ana = await enrol(ds, ana, courseId, '2026-01-05T02:00:00Z', '2026-01-09T02:00:00Z');
    e.beni = await enrol(ds, beni, courseId, '2026-01-05T02:00:00Z');
    e.cahya = await enrol(ds, cahya, courseId, '2026-01-05T02:00:00Z');
    e.dian = await enrol(ds, dian, otherCourseId, '2026-01-05T02:00:00Z');
    // Ana: pre 40 then a retake 55 (pre stays 40); post 60 then 75 (post 75); a graded quiz 90 (best 90).
    await attempt(ds, e.ana, 'pretest', 40, '2026-01-05T03:00:00Z', 1);
    await attempt(ds, e.ana, 'pretest', 55, '2026-01-06T03:00:00Z', 2);
    await attempt(ds, e.ana, 'posttest', 60, '2026-01-08T03:00:00Z', 1);
    await attempt(ds, e.ana, 'posttest', 75, '2026-01-08T04:00:00Z', 2);
    await attempt(ds, e.ana, 'graded', 90, '2026-01-07T03:00:00Z');
    // Beni: 90 → 85 (worse). Cahya: pre 20, her post-test waits for its grader.
    await attempt(ds, e.beni, 'pretest', 90, '2026-01-05T03:00:00Z');
    await attempt(ds, e.beni, 'posttest', 85, '2026-01-08T03:00:00Z');
    await attempt(ds, e.cahya, 'pretest', 20, '2026-01-05T03:00:00Z');
    await attempt(ds, e.cahya, 'posttest', null, '2026-01-08T03:00:00Z');
    // Dian is in another course: never in this list.
    await attempt(ds, e.dian, 'pretest', 10, '2026-01-05T03:00:00Z');
  });
  afterAll(async () => {
    await db?.close();
  });

  async function rows(filter: Partial<CourseLearnerFilter> = {}, page?: { limit: number; offset: number }) {
    const { sql, params } = courseLearnersSql(courseId, { sort: 'name', ...filter }, page);
    const found: CourseLearnerDbRow[] = await db.ds.query(sql, params);
    return found.map(toCourseLearnerRow);
  }

  it('gives each enrolment its earliest pre-test, best post-test, gain, g and best score', async () => {
    const list = await rows();
    expect(list.map((r) => [r.name, r.status, r.pre, r.post, r.gain, r.normalisedGain, r.bestScore])).toEqual([
      // 40 → 75: gain 35, g = 35 / 60 = 0.58333… → 0.5833
      ['Ana', 'completed', 40, 75, 35, 0.5833, 90],
      // 90 → 85: gain −5, g = −5 / 10 = −0.5
      ['Beni', 'active', 90, 85, -5, -0.5, 85],
      ['Cahya', 'active', 20, null, null, null, null],
    ]);
    expect(list[0]).toMatchObject({ enrollmentId: e.ana, enrolledAt: '2026-01-05T02:00:00.000Z', completedAt: '2026-01-09T02:00:00.000Z' });
  });

  it('agrees with the course report: its averages are those of the rows with both tests', async () => {
    const list = await rows();
    const pairs = list.filter((r) => r.pre !== null && r.post !== null).map((r) => ({ pre: r.pre!, post: r.post! }));
    const report = await computeCourseReport(db.ds, courseId, new Date('2026-02-01T00:00:00Z'));
    // (40, 75), (90, 85): pre 65, post 80, gain 15, ⟨g⟩ = 15 / 35 = 0.42857… (not the mean of 0.5833 and −0.5)
    expect(report!.prePostGain).toEqual(prePostGain(pairs));
    expect(report!.prePostGain).toEqual({ learners: 2, averagePre: 65, averagePost: 80, averageGain: 15, normalisedGain: 0.4286 });
    // Best scores 90 and 85 (Cahya has none graded): 87.5.
    expect(report!.averageScore).toBe(87.5);
  });

  it('filters, sorts with missing figures last, and pages with the total on every row', async () => {
    expect((await rows({ status: 'active' })).map((r) => r.name)).toEqual(['Beni', 'Cahya']);
    expect((await rows({ q: 'ahy' })).map((r) => r.name)).toEqual(['Cahya']);
    // Gains 35 (Ana), −5 (Beni); posts 85 (Beni), 75 (Ana); Cahya has neither.
    expect((await rows({ sort: 'gain' })).map((r) => r.name)).toEqual(['Ana', 'Beni', 'Cahya']);
    expect((await rows({ sort: 'post' })).map((r) => r.name)).toEqual(['Beni', 'Ana', 'Cahya']);
    const { sql, params } = courseLearnersSql(courseId, { sort: 'name' }, { limit: 2, offset: 2 });
    const page: CourseLearnerDbRow[] = await db.ds.query(sql, params);
    expect(page.map((r) => [r.name, r.total])).toEqual([['Cahya', 3]]);
  });
});
