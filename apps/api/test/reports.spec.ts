import { courseReportSchema, orgUnitReportSchema, programmeReportSchema, reportStatusSchema } from '@cakap/contracts';
import { DEFAULT_SURVEY } from '@cakap/evaluation';
import { runSnapshot } from '@cakap/reports';
import ExcelJS from 'exceljs';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { richtext } from './course-fixtures';
import { bearer, createPerson, createUnit, startApi, type Api, type Person } from './harness';
import { publishedCourse } from './quiz-attempt-fixtures';

/**
 * The reports endpoints without a worker: the api queues a snapshot and answers 202; the test
 * then plays the worker with `runSnapshot` (the worker's own code path) and the next GET serves
 * the hand-checked figures. Test files share one database: this one's rows carry a unique tag,
 * the org-unit report is scoped to its own units and the programme report to a period (2031-Q2)
 * no other file writes to.
 */
describe('programme evaluation reports api', () => {
  const WAIT_MS = 300;
  let api: Api;
  let admin: Person;
  let author: Person;
  let otherAuthor: Person;
  let learner: Person;
  let courseId: string;
  const tag = randomBytes(3).toString('hex').toUpperCase();
  const learners: { id: string; nip: string }[] = [];
  const enrollments: string[] = [];
  const units: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi({ REPORT_WAIT_MS: String(WAIT_MS) });
    admin = await createPerson(api, ['admin']);
    author = await createPerson(api, ['author']);
    otherAuthor = await createPerson(api, ['author']);
    learner = await createPerson(api, ['learner']);
    courseId = await publishedCourse(api, author, admin, [richtext('b1', '<p>Materi</p>')], { title: `Etika ASN Laporan ${tag}` });

    // A unit tree of this file: ROOT > A (Budi 20 JP) and ROOT > B (Citra 19 JP), Dewi in ROOT without JP.
    units.ROOT = await createUnit(api.ds, `RPT-${tag}`);
    units.A = await createUnit(api.ds, `RPT-${tag}-A`, units.ROOT);
    units.B = await createUnit(api.ds, `RPT-${tag}-B`, units.ROOT);
    const names = ['Budi Rahasia', 'Citra Rahasia', 'Dewi Rahasia', 'Eko Rahasia'];
    const homes = [units.A, units.B, units.ROOT, units.ROOT];
    for (let i = 0; i < 4; i++) {
      const p = await createPerson(api, ['learner'], homes[i], names[i]);
      learners.push({ id: p.id, nip: p.nip });
    }
    // Enrolled in 2031-Q2 (April–June 2031 in WIB); completed after 2, 4 and 6 days; Eko not yet.
    const enrolled = ['2031-04-01T02:00:00Z', '2031-04-02T02:00:00Z', '2031-04-03T02:00:00Z', '2031-04-04T02:00:00Z'];
    const completed = ['2031-04-03T02:00:00Z', '2031-04-06T02:00:00Z', '2031-04-09T02:00:00Z', null];
    const pairs = [
      [40, 70],
      [50, 80],
      [60, 65],
      [70, 95],
    ];
    for (let i = 0; i < 4; i++) {
      const [e] = await api.ds.query(
        `INSERT INTO enrollments (user_id, course_id, version, status, enrolled_at, completed_at) VALUES ($1, $2, 1, $3, $4, $5) RETURNING id`,
        [learners[i].id, courseId, completed[i] ? 'completed' : 'active', enrolled[i], completed[i]],
      );
      enrollments.push(e.id);
      for (const [role, percent, at] of [
        ['pretest', pairs[i][0], enrolled[i]],
        ['posttest', pairs[i][1], completed[i] ?? '2031-04-08T02:00:00Z'],
      ] as const) {
        await api.ds.query(
          `INSERT INTO quiz_attempts (enrollment_id, user_id, course_id, block_key, attempt_no, role, status, seed, items, pass_percent, review_policy, submitted_at, submitted_by, percent, score, max_score, passed)
           VALUES ($1, $2, $3, $4, 1, $4, 'graded', 1, '[]', 60, 'after_submit', $5, 'learner', $6::numeric, $6::numeric, 100, $6::numeric >= 60)`,
          [e.id, learners[i].id, courseId, role, at, percent],
        );
      }
    }
    await answerSurvey(0, 4);
    await answerSurvey(1, 5);
    // The year's JP: Budi exactly 20, Citra 19.
    await jp(0, 20);
    await jp(1, 19);
  });
  afterAll(() => api.close());

  async function answerSurvey(i: number, score: number) {
    const answers = Object.fromEntries(DEFAULT_SURVEY.map((q) => [q.id, q.type === 'likert' ? score : `Komentar rahasia ${tag}`]));
    await api.ds.query(`INSERT INTO survey_responses (enrollment_id, course_id, questions, answers, submitted_at) VALUES ($1, $2, $3, $4, '2031-04-10T02:00:00Z')`, [
      enrollments[i],
      courseId,
      JSON.stringify(DEFAULT_SURVEY),
      JSON.stringify(answers),
    ]);
  }
  async function jp(i: number, amount: number) {
    await api.ds.query(
      `INSERT INTO learning_hours (user_id, year, source, title, jp, development_form, organiser, start_date, end_date) VALUES ($1, 2031, 'classical', 'Diklat', $2, 'NKL03', 'BKPSDMD', '2031-05-01', '2031-05-01')`,
      [learners[i].id, amount],
    );
  }

  const get = (path: string, who: Person = admin, lang?: string) => {
    const req = api.http().get(`/api/v1/reports${path}`).set(bearer(who));
    return lang ? req.set('Accept-Language', lang) : req;
  };
  const download = (path: string, lang?: string) =>
    get(path, admin, lang)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const workbook = async (res: Response) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Uint8Array.from(res.body as Buffer).buffer);
    return wb;
  };
  const rowsOf = (ws: ExcelJS.Worksheet) => ws.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));

  /** What the worker does for the snapshot of (kind, scope). */
  async function playWorker(kind: string, scope: string): Promise<void> {
    const [row] = await api.ds.query(`SELECT id FROM report_snapshots WHERE kind = $1 AND scope = $2`, [kind, scope]);
    expect(await runSnapshot(api.ds, row.id, { notifyAfterMs: WAIT_MS })).toBe('ready');
  }

  /** Everything a report must never contain: the respondents' names, NIPs, user and enrolment ids, comments. */
  function expectAnonymous(text: string) {
    for (const l of learners) {
      expect(text).not.toContain(l.id);
      expect(text).not.toContain(l.nip);
    }
    for (const e of enrollments) expect(text).not.toContain(e);
    expect(text).not.toContain('Rahasia');
    expect(text).not.toContain('Komentar rahasia');
  }

  describe('authorisation and validation', () => {
    it('refuses learners everywhere, other authors the course, and authors the admin reports', async () => {
      await get(`/courses/${courseId}`, learner).expect(403);
      await get('/org-units?year=2031', learner).expect(403);
      await get('/programme?period=2031-Q2', learner).expect(403);
      await get(`/courses/${courseId}`, otherAuthor).expect(403);
      await get(`/courses/${courseId}?format=csv`, otherAuthor).expect(403);
      await get('/org-units?year=2031', author).expect(403);
      await get('/programme?period=2031-Q2', author).expect(403);
      await get(`/courses/${randomUUID()}`).expect(404);
      await get(`/org-units?year=2031&unitId=${randomUUID()}`).expect(404);
      await api.http().get(`/api/v1/reports/courses/${courseId}`).expect(401);
    });

    it('names the bad field of a query', async () => {
      const year = await get('/org-units?year=20x6').expect(400);
      expect(year.body.errors.map((e: { field: string }) => e.field)).toEqual(['year']);
      const unit = await get('/org-units?year=2031&unitId=nope').expect(400);
      expect(unit.body.errors.map((e: { field: string }) => e.field)).toEqual(['unitId']);
      const period = await get('/programme?period=2031-Q5').expect(400);
      expect(period.body.errors).toEqual([{ field: 'period', code: 'report.period', message: expect.stringContaining('2026-Q4') }]);
      const en = await get('/programme?period=2031-S3', admin, 'en').expect(400);
      expect(en.body.errors[0].message).toMatch(/^A period is YEAR-Q1/);
      await get('/programme').expect(400);
      const format = await get(`/courses/${courseId}?format=pdf`).expect(400);
      expect(format.body.errors[0].field).toBe('format');
    });
  });

  describe('the course report', () => {
    it('answers 202 with Retry-After while nothing is computed, then 200 once the worker has run', async () => {
      const pending = await get(`/courses/${courseId}`).expect(202);
      expect(pending.headers['retry-after']).toBe('3');
      expect(reportStatusSchema.parse(pending.body)).toMatchObject({ kind: 'course', scope: courseId, status: 'queued', retryAfter: 3 });

      await playWorker('course', courseId);
      const res = await get(`/courses/${courseId}`).expect(200);
      const report = courseReportSchema.parse(res.body);
      expect(report).toMatchObject({
        courseId,
        courseTitle: `Etika ASN Laporan ${tag}`,
        stale: false,
        enrolled: 4,
        completed: 3,
        completionRate: 0.75,
        // days 2, 4, 6
        medianDaysToComplete: 4,
        // best post-test per enrolment: 70, 80, 65, 95 → 310 / 4
        averageScore: 77.5,
        // pre 40 50 60 70 → 55, post → 77.5, ⟨g⟩ = 22.5 / 45
        prePostGain: { learners: 4, averagePre: 55, averagePost: 77.5, averageGain: 22.5, normalisedGain: 0.5 },
        // two responses: counted, never shown
        satisfaction: { responseCount: 2, minimumResponses: 3, mean: null },
        monthly: [{ month: '2031-04', enrolled: 4, completed: 3 }],
      });
      expect(report.satisfaction.dimensions.every((d) => d.mean === null)).toBe(true);
      expectAnonymous(JSON.stringify(res.body));
      // The course's own author reads it too.
      await get(`/courses/${courseId}`, author).expect(200);
    });

    it('does not serve a snapshot as fresh after a new completion: the old copy comes back stale until the worker recomputes', async () => {
      await api.ds.query(`UPDATE enrollments SET status = 'completed', completed_at = '2031-04-12T02:00:00Z' WHERE id = $1`, [enrollments[3]]);
      await answerSurvey(2, 3);
      const stale = await get(`/courses/${courseId}`).expect(200);
      expect(stale.body).toMatchObject({ stale: true, completed: 3, satisfaction: { responseCount: 2 } });

      await playWorker('course', courseId);
      const fresh = courseReportSchema.parse((await get(`/courses/${courseId}`).expect(200)).body);
      // 4 of 4; days 2, 4, 6, 8 → 5; three responses (4, 5, 3) → 4 in every dimension
      expect(fresh).toMatchObject({ stale: false, completed: 4, completionRate: 1, medianDaysToComplete: 5, satisfaction: { responseCount: 3, mean: 4 } });
      expect(fresh.satisfaction.dimensions.map((d) => d.mean)).toEqual([4, 4, 4, 4, 4, 4]);
      expectAnonymous(JSON.stringify(fresh));
    });

    it('downloads the headline row as CSV, headers in the caller language', async () => {
      const res = await download(`/courses/${courseId}?format=csv`).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toContain(`filename="laporan-kursus-etika-asn-laporan-${tag.toLowerCase()}.csv"`);
      const text = (res.body as Buffer).toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      const [header, row, ...rest] = text.slice(1).trimEnd().split('\r\n');
      expect(rest).toEqual([]);
      const cells = Object.fromEntries(header.split(',').map((h, i) => [h, row.split(',')[i]]));
      expect(cells).toMatchObject({
        Kursus: `Etika ASN Laporan ${tag}`,
        Terdaftar: '4',
        Selesai: '4',
        // a rate in percent in a CSV (no formats in plain text)
        'Tingkat penyelesaian': '100',
        'Median hari hingga selesai': '5',
        'Gain ternormalisasi': '0.5',
        'Kepuasan (1–5)': '4',
      });
      expectAnonymous(text);
      const en = await download(`/courses/${courseId}?format=csv`, 'en').expect(200);
      expect((en.body as Buffer).toString('utf8')).toContain('Course,Enrolled,Active (30 days),Completed,Completion rate');
    });

    it('downloads an XLSX that a spreadsheet opens: the headline, monthly, dimension and follow-up sheets', async () => {
      const res = await download(`/courses/${courseId}?format=xlsx`).expect(200);
      expect(res.headers['content-disposition']).toContain('.xlsx"');
      const wb = await workbook(res);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Ringkasan', 'Per bulan', 'Dimensi', 'Tindak lanjut']);
      const [header, row] = rowsOf(wb.worksheets[0]);
      const col = (name: string) => (header as string[]).indexOf(name);
      expect(row[col('Terdaftar')]).toBe(4);
      // percent cells hold the fraction, formatted as a percentage
      expect(row[col('Tingkat penyelesaian')]).toBe(1);
      expect(wb.worksheets[0].getRow(2).getCell(col('Tingkat penyelesaian') + 1).numFmt).toBe('0.0%');
      expect(row[col('Gain ternormalisasi')]).toBe(0.5);
      expect(rowsOf(wb.worksheets[1])).toEqual([
        ['Bulan', 'Terdaftar', 'Selesai'],
        ['2031-04', 4, 4],
      ]);
      const dimensions = rowsOf(wb.worksheets[2]);
      expect(dimensions[0]).toEqual(['Jenis', 'Dimensi', 'Rata-rata (1–5)', 'Jumlah jawaban']);
      expect(dimensions[1]).toEqual(['Kepuasan', 'Relevansi', 4, 6]);
      expect(rowsOf(wb.worksheets[3])).toEqual([
        ['Responden', 'Terkirim', 'Dijawab', 'Tingkat respons', 'Rata-rata (1–5)'],
        ['Peserta', 0, 0],
        ['Atasan langsung', 0, 0],
      ]);
      const strings = wb.worksheets.flatMap((w) => rowsOf(w).flat()).join('|');
      expectAnonymous(strings);
    });

    it('answers 500 with report.failed when the computation failed, and retries on the next request', async () => {
      const slow = await startApi({ REPORT_WAIT_MS: '5000' });
      try {
        // A source changes (the latest enrolment moves a day earlier): the snapshot is no longer fresh.
        await api.ds.query(`UPDATE enrollments SET enrolled_at = enrolled_at - interval '1 day' WHERE id = $1`, [enrollments[3]]);
        const request = slow.http().get(`/api/v1/reports/courses/${courseId}`).set(bearer(admin)).then((r) => r);
        // Plays a worker whose computation fails while the api waits.
        for (let i = 0; i < 100; i++) {
          const [row] = await api.ds.query(`SELECT status FROM report_snapshots WHERE kind = 'course' AND scope = $1`, [courseId]);
          if (row.status === 'queued') break;
          await new Promise((r) => setTimeout(r, 20));
        }
        await api.ds.query(`UPDATE report_snapshots SET status = 'failed', error = 'statement timeout' WHERE kind = 'course' AND scope = $1`, [courseId]);
        const failed = await request;
        expect(failed.status).toBe(500);
        expect(failed.headers['content-type']).toContain('application/problem+json');
        expect(failed.body.errors).toEqual([{ field: '_', code: 'report.failed', message: expect.stringContaining('Laporan gagal dihitung') }]);
        expect(JSON.stringify(failed.body)).not.toContain('statement timeout');
      } finally {
        await slow.close();
      }
      // The next request queues it again (and serves the last good copy meanwhile).
      const retry = await get(`/courses/${courseId}`).expect(200);
      expect(retry.body).toMatchObject({ stale: true, completed: 4 });
      const [row] = await api.ds.query(`SELECT status FROM report_snapshots WHERE kind = 'course' AND scope = $1`, [courseId]);
      expect(row.status).toBe('queued');
    });
  });

  describe('the org-unit report', () => {
    it('counts each unit over its subtree for the year and exports one row per unit', async () => {
      await get(`/org-units?year=2031&unitId=${units.ROOT}`).expect(202);
      await playWorker('org-units', `year=2031;unit=${units.ROOT}`);
      const report = orgUnitReportSchema.parse((await get(`/org-units?year=2031&unitId=${units.ROOT}`).expect(200)).body);
      // ROOT: Budi 20, Citra 19, Dewi 0, Eko 0 → 1 of 4 reaches 20 JP; 39 / 4 = 9.75 JP. Completions count the JP
      // ledger's course lines (none were written here); nobody's position has a standard, so that share is undefined.
      expect(report.total).toEqual({ asnCount: 4, reached20Jp: 1, reached20JpShare: 0.25, averageJp: 9.75, completions: 0, standardMet: 0, standardMetShare: null });
      expect(report.units.map((u) => [u.code, u.depth, u.asnCount, u.reached20Jp, u.averageJp])).toEqual([
        [`RPT-${tag}`, 0, 4, 1, 9.75],
        [`RPT-${tag}-A`, 1, 1, 1, 20],
        [`RPT-${tag}-B`, 1, 1, 0, 19],
      ]);
      expectAnonymous(JSON.stringify(report));

      const csv = await download(`/org-units?year=2031&unitId=${units.ROOT}&format=csv`).expect(200);
      expect(csv.headers['content-disposition']).toContain(`filename="laporan-unit-2031-rpt-${tag.toLowerCase()}.csv"`);
      const lines = (csv.body as Buffer).toString('utf8').slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'Kode unit,Unit kerja,Tingkat,Jumlah ASN,ASN mencapai 20 JP,Persentase mencapai 20 JP,Rata-rata JP,Kursus diselesaikan,ASN memenuhi standar kompetensi,Persentase memenuhi standar',
      );
      expect(lines.slice(1)).toEqual([`RPT-${tag},Unit RPT-${tag},0,4,1,25,9.75,0,0,`, `RPT-${tag}-A,Unit RPT-${tag}-A,1,1,1,100,20,0,0,`, `RPT-${tag}-B,Unit RPT-${tag}-B,1,1,0,0,19,0,0,`, ',Total,,4,1,25,9.75,0,0,']);

      const xlsx = await download(`/org-units?year=2031&unitId=${units.ROOT}&format=xlsx`, 'en').expect(200);
      const wb = await workbook(xlsx);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Org units']);
      const rows = rowsOf(wb.worksheets[0]);
      expect(rows[0].slice(0, 6)).toEqual(['Unit code', 'Org unit', 'Level', 'ASN', 'ASN reaching 20 JP', 'Share reaching 20 JP']);
      expect(rows[1].slice(0, 6)).toEqual([`RPT-${tag}`, `Unit RPT-${tag}`, 0, 4, 1, 0.25]);
    });
  });

  describe('the programme report', () => {
    it("summarises the period's cohort, with trend and aspects, as JSON and as an XLSX of four sheets", async () => {
      await get('/programme?period=2031-Q2').expect(202);
      await playWorker('programme', 'period=2031-Q2');
      const report = programmeReportSchema.parse((await get('/programme?period=2031-Q2').expect(200)).body);
      expect(report).toMatchObject({
        period: { key: '2031-Q2', start: '2031-03-31T17:00:00.000Z', end: '2031-06-30T17:00:00.000Z' },
        enrolled: 4,
        completed: 4,
        completionRate: 1,
        prePostGain: { learners: 4, normalisedGain: 0.5 },
        satisfaction: { responseCount: 3, mean: 4 },
        courses: [{ courseId, enrolled: 4, completed: 4, completionRate: 1, satisfaction: 4, normalisedGain: 0.5 }],
      });
      expect(report.trend.map((p) => [p.period, p.enrolled])).toEqual([
        ['2030-Q3', 0],
        ['2030-Q4', 0],
        ['2031-Q1', 0],
        ['2031-Q2', 4],
      ]);
      // The six survey dimensions at 4 → 0.75, completion 1, ⟨g⟩ 0.5 (and the 20 JP share of the whole instance).
      expect(report.aspects.find((a) => a.key === 'result.completionRate')).toEqual({ key: 'result.completionRate', kind: 'result', value: 1, score: 1 });
      expect(report.strongest[0].key).toBe('result.completionRate');
      expectAnonymous(JSON.stringify(report));

      const xlsx = await download('/programme?period=2031-Q2&format=xlsx').expect(200);
      expect(xlsx.headers['content-disposition']).toContain('filename="laporan-program-2031-Q2.xlsx"');
      const wb = await workbook(xlsx);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Kursus', 'Ringkasan', 'Tren', 'Aspek']);
      expect(rowsOf(wb.worksheets[0])).toEqual([
        ['Kursus', 'Terdaftar', 'Selesai', 'Tingkat penyelesaian', 'Kepuasan (1–5)', 'Gain ternormalisasi'],
        [`Etika ASN Laporan ${tag}`, 4, 4, 1, 4, 0.5],
      ]);
      expect(rowsOf(wb.worksheets[2]).at(-1)).toEqual(['2031-Q2', 4, 4, 1, 4, 0.5]);
      const aspects = rowsOf(wb.worksheets[3]);
      expect(aspects[1]).toEqual(['Hasil: Tingkat penyelesaian', 1, 1, 'Terkuat']);
      expectAnonymous(wb.worksheets.flatMap((w) => rowsOf(w).flat()).join('|'));

      const csv = await download('/programme?period=2031-Q2&format=csv').expect(200);
      expect((csv.body as Buffer).toString('utf8').slice(1).trimEnd().split('\r\n')).toEqual([
        'Kursus,Terdaftar,Selesai,Tingkat penyelesaian,Kepuasan (1–5),Gain ternormalisasi',
        `Etika ASN Laporan ${tag},4,4,100,4,0.5`,
      ]);
    });
  });
});
