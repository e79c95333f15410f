import { courseLearnerPageSchema, type CourseLearnerRow } from '@cakap/contracts';
import { runSnapshot } from '@cakap/reports';
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { richtext } from './course-fixtures';
import { bearer, createPerson, createUnit, startApi, type Api, type Person } from './harness';
import { publishedCourse } from './quiz-attempt-fixtures';

/**
 * Level 2 per learner: the course report's learner list. Six learners with hand-picked
 * attempts; every pre, post, gain and g below was worked out by hand. Test files share one
 * database: names and the course title carry this file's tag.
 */
describe('course learner list (level 2 per learner)', () => {
  const WAIT_MS = 300;
  let api: Api;
  let admin: Person;
  let author: Person;
  let otherAuthor: Person;
  let learner: Person;
  let courseId: string;
  let otherCourseId: string;
  const tag = randomBytes(3).toString('hex').toUpperCase();
  const people: Record<string, Person> = {};
  let unitName: string;

  /**
   * What each learner did, as [role, percent (null: waiting for a grader), submitted at]:
   * - Ani: pre-test 40 then a retake 55 (pre stays 40, the earliest); post-test 60 then 70 (post 70,
   *   the best); a graded quiz 85 (best score 85). Gain 70 − 40 = 30; g = 30 / 60 = 0.5. Completed.
   * - Bayu: 60 → 65. Gain 5; g = 5 / 40 = 0.125. Best 65. Completed.
   * - Cici: 80 → 60 (worse). Gain −20; g = −20 / 20 = −1. Best 60. Still learning.
   * - Dodi: 100 → 100. Gain 0; g undefined (nothing left to gain). Best 100. Completed.
   * - Eka: pre-test 30 only; her post-test waits for its grader (not counted). Still learning.
   * - Fajar: no test yet. Still learning.
   */
  const plan: Record<string, { status: 'active' | 'completed'; attempts: [string, number | null, string][] }> = {
    Ani: {
      status: 'completed',
      attempts: [
        ['pretest', 40, '2031-07-01T03:00:00Z'],
        ['pretest', 55, '2031-07-02T03:00:00Z'],
        ['posttest', 60, '2031-07-05T03:00:00Z'],
        ['posttest', 70, '2031-07-05T04:00:00Z'],
        ['graded', 85, '2031-07-03T03:00:00Z'],
      ],
    },
    Bayu: { status: 'completed', attempts: [['pretest', 60, '2031-07-01T03:00:00Z'], ['posttest', 65, '2031-07-05T03:00:00Z']] },
    Cici: { status: 'active', attempts: [['pretest', 80, '2031-07-01T03:00:00Z'], ['posttest', 60, '2031-07-05T03:00:00Z']] },
    Dodi: { status: 'completed', attempts: [['pretest', 100, '2031-07-01T03:00:00Z'], ['posttest', 100, '2031-07-05T03:00:00Z']] },
    Eka: { status: 'active', attempts: [['pretest', 30, '2031-07-01T03:00:00Z'], ['posttest', null, '2031-07-05T03:00:00Z']] },
    Fajar: { status: 'active', attempts: [] },
  };
  const nameOf = (first: string) => `${first} Rahasia ${tag}`;

  beforeAll(async () => {
    api = await startApi({ REPORT_WAIT_MS: String(WAIT_MS) });
    admin = await createPerson(api, ['admin']);
    author = await createPerson(api, ['author']);
    otherAuthor = await createPerson(api, ['author']);
    learner = await createPerson(api, ['learner']);
    courseId = await publishedCourse(api, author, admin, [richtext('b1', '<p>Materi</p>')], { title: `Manajemen ASN Peserta ${tag}` });
    otherCourseId = await publishedCourse(api, otherAuthor, admin, [richtext('b1', '<p>Materi</p>')], { title: `Kursus Lain ${tag}` });
    const unitId = await createUnit(api.ds, `CL-${tag}`);
    unitName = `Unit CL-${tag}`;

    for (const [first, p] of Object.entries(plan)) {
      const person = await createPerson(api, ['learner'], unitId, nameOf(first));
      people[first] = person;
      const [e] = await api.ds.query(
        `INSERT INTO enrollments (user_id, course_id, version, status, enrolled_at, completed_at) VALUES ($1, $2, 1, $3, '2031-07-01T02:00:00Z', $4) RETURNING id`,
        [person.id, courseId, p.status, p.status === 'completed' ? '2031-07-06T02:00:00Z' : null],
      );
      const attemptNo: Record<string, number> = {};
      for (const [role, percent, at] of p.attempts) {
        attemptNo[role] = (attemptNo[role] ?? 0) + 1;
        await api.ds.query(
          `INSERT INTO quiz_attempts (enrollment_id, user_id, course_id, block_key, attempt_no, role, status, seed, items, pass_percent, review_policy, submitted_at, submitted_by, percent, score, max_score, passed)
           VALUES ($1, $2, $3, $4, $5, $4, $6, 1, '[]', 60, 'after_submit', $7, 'learner', $8::numeric, $8::numeric, 100, $8::numeric >= 60)`,
          [e.id, person.id, courseId, role, attemptNo[role], percent === null ? 'needs_grading' : 'graded', at, percent],
        );
      }
    }
    // Ani in another course too, with other scores: never part of this course's list.
    await api.ds.query(`INSERT INTO enrollments (user_id, course_id, version, status, enrolled_at) VALUES ($1, $2, 1, 'active', '2031-07-01T02:00:00Z')`, [
      people.Ani.id,
      otherCourseId,
    ]);
  });
  afterAll(() => api.close());

  const get = (path: string, who: Person = admin, lang?: string) => {
    const req = api.http().get(`/api/v1/reports/courses/${path}`).set(bearer(who));
    return lang ? req.set('Accept-Language', lang) : req;
  };
  const list = async (query = '', who: Person = admin) => {
    const res = await get(`${courseId}/learners${query}`, who).expect(200);
    return courseLearnerPageSchema.parse(res.body);
  };
  const names = (items: CourseLearnerRow[]) => items.map((r) => r.name.split(' ')[0]);
  const download = (path: string, lang?: string) =>
    get(path, admin, lang)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const csvLines = (res: Response) => (res.body as Buffer).toString('utf8').slice(1).trimEnd().split('\r\n');

  it('lists every learner with pre, post, gain, g and best score as worked out by hand', async () => {
    const page = await list();
    expect(page.total).toBe(6);
    expect(names(page.items)).toEqual(['Ani', 'Bayu', 'Cici', 'Dodi', 'Eka', 'Fajar']);
    const figures = page.items.map((r) => [r.pre, r.post, r.gain, r.normalisedGain, r.bestScore, r.status]);
    expect(figures).toEqual([
      [40, 70, 30, 0.5, 85, 'completed'],
      [60, 65, 5, 0.125, 65, 'completed'],
      [80, 60, -20, -1, 60, 'active'],
      [100, 100, 0, null, 100, 'completed'],
      [30, null, null, null, null, 'active'],
      [null, null, null, null, null, 'active'],
    ]);
    const ani = page.items[0];
    expect(ani).toMatchObject({
      userId: people.Ani.id,
      nip: people.Ani.nip,
      unitName,
      enrolledAt: '2031-07-01T02:00:00.000Z',
      completedAt: '2031-07-06T02:00:00.000Z',
    });
    expect(page.items[2].completedAt).toBeNull();
  });

  it('searches by name or NIP prefix, filters by status and pages', async () => {
    expect(names((await list('?q=cici')).items)).toEqual(['Cici']);
    const byNip = await list(`?q=${people.Eka.nip}`);
    expect(names(byNip.items)).toEqual(['Eka']);
    // A LIKE wildcard typed by the user matches only itself.
    expect((await list('?q=%25')).total).toBe(0);
    const active = await list('?status=active');
    expect([active.total, names(active.items)]).toEqual([3, ['Cici', 'Eka', 'Fajar']]);
    expect(names((await list('?status=completed&q=bayu')).items)).toEqual(['Bayu']);
    expect((await list('?status=active&q=bayu')).total).toBe(0);

    const second = await list('?pageSize=4&page=2');
    expect([second.total, second.page, second.pageSize, names(second.items)]).toEqual([6, 2, 4, ['Eka', 'Fajar']]);
    // Past the end: no rows, the list's size still told.
    const beyond = await list('?pageSize=4&page=3');
    expect([beyond.total, beyond.items]).toEqual([6, []]);
  });

  it('sorts by gain and by post-test, highest first, learners without the figure last', async () => {
    // Gains 30, 5, 0, −20, then Eka and Fajar (none) by name.
    expect(names((await list('?sort=gain')).items)).toEqual(['Ani', 'Bayu', 'Dodi', 'Cici', 'Eka', 'Fajar']);
    // Posts 100, 70, 65, 60, then none.
    expect(names((await list('?sort=post')).items)).toEqual(['Dodi', 'Ani', 'Bayu', 'Cici', 'Eka', 'Fajar']);
  });

  it('rejects an unknown sort, status or a page size over 100 with a field error', async () => {
    for (const query of ['?sort=nip', '?status=dropped', '?pageSize=101', '?format=pdf']) {
      const res = await get(`${courseId}/learners${query}`).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('lets admins and the course’s authors read it; learners and other authors get 403, an unknown course 404', async () => {
    await get(`${courseId}/learners`, learner).expect(403);
    await get(`${courseId}/learners`, people.Ani).expect(403);
    await get(`${courseId}/learners`, otherAuthor).expect(403);
    await get(`${courseId}/learners?format=csv`, otherAuthor).expect(403);
    expect((await list('', author)).total).toBe(6);
    expect((await list('', admin)).total).toBe(6);
    await get('00000000-0000-4000-8000-000000000000/learners').expect(404);
    await get('not-a-uuid/learners').expect(400);
  });

  it('downloads every matching row as CSV with headers in the caller’s language', async () => {
    const res = await download(`${courseId}/learners?format=csv&status=completed&sort=gain&pageSize=1`).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(`filename="peserta-manajemen-asn-peserta-${tag.toLowerCase()}.csv"`);
    const lines = csvLines(res);
    expect(lines[0]).toBe('NIP,Nama,Unit kerja,Status,Terdaftar pada,Selesai pada,Pre-test (%),Post-test (%),Peningkatan (poin),Gain ternormalisasi (g),Nilai terbaik (%)');
    // The filter and sort apply, the paging does not: all three completed learners, best gain first.
    expect(lines.slice(1)).toEqual([
      `${people.Ani.nip},${nameOf('Ani')},${unitName},Selesai,2031-07-01 09:00 WIB,2031-07-06 09:00 WIB,40,70,30,0.5,85`,
      `${people.Bayu.nip},${nameOf('Bayu')},${unitName},Selesai,2031-07-01 09:00 WIB,2031-07-06 09:00 WIB,60,65,5,0.125,65`,
      `${people.Dodi.nip},${nameOf('Dodi')},${unitName},Selesai,2031-07-01 09:00 WIB,2031-07-06 09:00 WIB,100,100,0,,100`,
    ]);
    const en = csvLines(await download(`${courseId}/learners?format=csv&q=fajar`, 'en').expect(200));
    expect(en).toEqual([
      'NIP,Name,Org unit,Status,Enrolled at,Completed at,Pre-test (%),Post-test (%),Gain (points),Normalised gain (g),Best score (%)',
      `${people.Fajar.nip},${nameOf('Fajar')},${unitName},In progress,2031-07-01 09:00 WIB,,,,,,`,
    ]);
  });

  it('downloads XLSX with numbers kept as numbers', async () => {
    const res = await download(`${courseId}/learners?format=xlsx&sort=post`).expect(200);
    expect(res.headers['content-disposition']).toContain(`filename="peserta-manajemen-asn-peserta-${tag.toLowerCase()}.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Uint8Array.from(res.body as Buffer).buffer);
    const ws = wb.getWorksheet('Peserta')!;
    const rows = ws.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(['NIP', 'Nama', 'Unit kerja', 'Status', 'Terdaftar pada', 'Selesai pada', 'Pre-test (%)', 'Post-test (%)', 'Peningkatan (poin)', 'Gain ternormalisasi (g)', 'Nilai terbaik (%)']);
    expect(rows.slice(1).map((r) => [String(r[1]).split(' ')[0], r[6], r[7], r[8], r[9], r[10]])).toEqual([
      ['Dodi', 100, 100, 0, undefined, 100],
      ['Ani', 40, 70, 30, 0.5, 85],
      ['Bayu', 60, 65, 5, 0.125, 65],
      ['Cici', 80, 60, -20, -1, 60],
      ['Eka', 30, undefined, undefined, undefined, undefined],
      ['Fajar', undefined, undefined, undefined, undefined, undefined],
    ]);
    expect(rows[1][0]).toBe(people.Dodi.nip);
  });

  it('leaves the course report itself anonymous, with the class figures over the same pre and post', async () => {
    await get(courseId).expect(202);
    const [row] = await api.ds.query(`SELECT id FROM report_snapshots WHERE kind = 'course' AND scope = $1`, [courseId]);
    expect(await runSnapshot(api.ds, row.id, { notifyAfterMs: WAIT_MS })).toBe('ready');
    const res = await get(courseId).expect(200);
    // Pairs (40, 70), (60, 65), (80, 60), (100, 100): pre 280 / 4 = 70, post 295 / 4 = 73.75, gain 3.75,
    // ⟨g⟩ = 3.75 / 30 = 0.125. Best scores 85, 65, 60, 100 → 310 / 4 = 77.5 (Eka's post-test is not graded).
    expect(res.body.prePostGain).toEqual({ learners: 4, averagePre: 70, averagePost: 73.75, averageGain: 3.75, normalisedGain: 0.125 });
    expect(res.body.averageScore).toBe(77.5);
    const text = JSON.stringify(res.body);
    for (const p of Object.values(people)) {
      expect(text).not.toContain(p.id);
      expect(text).not.toContain(p.nip);
    }
    expect(text).not.toContain('Rahasia');
  });
});
