import { gapListItemSchema, heatmapSchema, pageOf, type Heatmap } from '@cakap/contracts';
import { jakartaDate } from '@cakap/courses';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { bearer, createPerson, createUnit, nextNip, startApi, type Api, type Person } from './harness';

/**
 * The competency reports against a small organisation built here (the database is shared with
 * the other suites, so everything has random codes and every assertion is scoped to it):
 *
 *   P ─┬─ A (pelaksana: Dedi, Budi in A1; Eko without a position) ── A1
 *      └─ B (administrator: Citra, Ani; Fajar is inactive)
 *
 * Framework K1 (published): X.2, X.10, X.3 · K2 (published): S.1 · K3 (retired): R.1.
 * Pelaksana class defaults: X.2=1, X.10=2, R.1=1 (retired: ignored).
 * Administrator class defaults: X.2=3, X.3=2; the administrator position sets X.10=3, S.1=2
 * and X.3=0 ("not required here").
 */
describe('competency reports', () => {
  let api: Api;
  let admin: Person;
  const tag = randomBytes(3).toString('hex');
  const unit: Record<'P' | 'A' | 'A1' | 'B', string> = { P: '', A: '', A1: '', B: '' };
  const comp: Record<'x2' | 'x10' | 'x3' | 's1' | 'r1', string> = { x2: '', x10: '', x3: '', s1: '', r1: '' };
  const fw: Record<'k1' | 'k2' | 'k3', string> = { k1: '', k2: '', k3: '' };
  const user: Record<'dedi' | 'budi' | 'citra' | 'ani' | 'eko' | 'fajar', { id: string; nip: string; name: string }> = {} as never;
  const positions: string[] = [];

  const levels = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ level: i + 1, description: `Level ${i + 1}`, indicators: [] })));

  async function framework(name: string, status: string, items: [string, number][]): Promise<[string, string[]]> {
    const [f] = await api.ds.query(
      `INSERT INTO competency_frameworks (identifier, name, status, published_at) VALUES (gen_random_uuid(), $1, $2, now()) RETURNING id`,
      [`${name} ${tag}`, status],
    );
    const ids: string[] = [];
    for (const [i, [code, n]] of items.entries()) {
      const [c] = await api.ds.query(
        `INSERT INTO competencies (framework_id, identifier, code, name, kind, levels, position)
         VALUES ($1, gen_random_uuid(), $2, $3, 'manajerial', $4, $5) RETURNING id`,
        [f.id, code, `Kompetensi ${code}`, levels(n), i],
      );
      ids.push(c.id);
    }
    return [f.id, ids];
  }

  async function position(name: string, kind: string, orgUnitId: string, own: [string, number][]): Promise<string> {
    const [p] = await api.ds.query(`INSERT INTO positions (name, kind, org_unit_id) VALUES ($1, $2, $3) RETURNING id`, [`${name} ${tag}`, kind, orgUnitId]);
    for (const [competencyId, level] of own) {
      await api.ds.query(`INSERT INTO position_competency_requirements (position_id, competency_id, level) VALUES ($1, $2, $3)`, [p.id, competencyId, level]);
    }
    // Class defaults are global: other suites (and the seed) may leave some for this kind.
    // "Not required here" over those keeps this organisation's standards exactly as described.
    await api.ds.query(
      `INSERT INTO position_competency_requirements (position_id, competency_id, level)
       SELECT $1, competency_id, 0 FROM competency_class_defaults WHERE position_kind = $2 AND NOT (competency_id = ANY($3))
       ON CONFLICT DO NOTHING`,
      [p.id, kind, Object.values(comp)],
    );
    positions.push(p.id);
    return p.id;
  }

  async function person(name: string, orgUnitId: string, positionId: string | null, achieved: [string, number][], active = true) {
    const nip = nextNip();
    const [u] = await api.ds.query(
      `INSERT INTO users (nip, name, org_unit_id, position_id, active) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [nip, `${name} ${tag}`, orgUnitId, positionId, active],
    );
    for (const [competencyId, level] of achieved) {
      await api.ds.query(`INSERT INTO competency_achievements (user_id, competency_id, level, evidence_count) VALUES ($1, $2, $3, 1)`, [u.id, competencyId, level]);
    }
    return { id: u.id as string, nip, name: `${name} ${tag}` };
  }

  beforeAll(async () => {
    api = await startApi();
    admin = await createPerson(api, ['admin']);
    unit.P = await createUnit(api.ds, `${tag}-P`);
    unit.A = await createUnit(api.ds, `${tag}-A`, unit.P);
    unit.A1 = await createUnit(api.ds, `${tag}-A1`, unit.A);
    unit.B = await createUnit(api.ds, `${tag}-B`, unit.P);

    let ids: string[];
    [fw.k1, ids] = await framework('Kerangka Uji A', 'published', [['X.2', 3], ['X.10', 3], ['X.3', 5]]);
    [comp.x2, comp.x10, comp.x3] = ids;
    [fw.k2, [comp.s1]] = await framework('Kerangka Uji B', 'published', [['S.1', 3]]);
    [fw.k3, [comp.r1]] = await framework('Kerangka Uji C', 'retired', [['R.1', 3]]);

    for (const [kind, competencyId, level] of [
      ['pelaksana', comp.x2, 1],
      ['pelaksana', comp.x10, 2],
      ['pelaksana', comp.r1, 1],
      ['administrator', comp.x2, 3],
      ['administrator', comp.x3, 2],
    ] as const) {
      await api.ds.query(`INSERT INTO competency_class_defaults (position_kind, competency_id, level) VALUES ($1, $2, $3)`, [kind, competencyId, level]);
    }
    const pelaksana = await position('Pengadministrasi Uji', 'pelaksana', unit.A, []);
    const kabag = await position('Kepala Bagian Uji', 'administrator', unit.B, [
      [comp.x10, 3],
      [comp.s1, 2],
      [comp.x3, 0],
    ]);

    user.dedi = await person('Dedi', unit.A, pelaksana, [[comp.x2, 1], [comp.x10, 1]]);
    user.budi = await person('Budi', unit.A1, pelaksana, []);
    user.eko = await person('Eko', unit.A, null, [[comp.x2, 5]]);
    user.citra = await person('Citra', unit.B, kabag, [[comp.x2, 3], [comp.x10, 1], [comp.s1, 2], [comp.x3, 1]]);
    user.ani = await person('Ani', unit.B, kabag, [[comp.x2, 2], [comp.x10, 3]]);
    user.fajar = await person('Fajar', unit.B, kabag, [], false);
  });

  afterAll(async () => {
    // Leave no standard behind: other suites' people would otherwise be required to have these.
    await api.ds.query(`DELETE FROM position_competency_requirements WHERE position_id = ANY($1)`, [positions]);
    await api.ds.query(`DELETE FROM competency_class_defaults WHERE competency_id = ANY($1)`, [Object.values(comp)]);
    await api.ds.query(`DELETE FROM competency_frameworks WHERE id = ANY($1)`, [Object.values(fw)]);
    await api.close();
  });

  const get = (path: string, who: Person = admin) => api.http().get(`/api/v1/competency-reports${path}`).set(bearer(who));
  const heatmap = async (query: string) => heatmapSchema.parse((await get(`/heatmap?${query}`).expect(200)).body);
  const cellsOf = (map: Heatmap) =>
    Object.fromEntries(map.cells.map((c) => [`${map.units.find((u) => u.id === c.orgUnitId)?.code}/${map.competencies.find((k) => k.id === c.competencyId)?.code}`, [c.met, c.required, c.share]]));
  const download = (path: string, lang?: string) => {
    const req = get(path)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    return lang ? req.set('Accept-Language', lang) : req;
  };
  const workbook = async (res: Response) => {
    const wb = new ExcelJS.Workbook();
    // exceljs types its input as an ArrayBuffer: a copy of exactly the received bytes.
    await wb.xlsx.load(Uint8Array.from(res.body as Buffer).buffer);
    return wb;
  };

  describe('heat map', () => {
    it('aggregates each child unit over its whole subtree, with hand-computed shares', async () => {
      const map = await heatmap(`orgUnitId=${unit.P}`);
      expect(map.parent).toEqual({ id: unit.P, name: `Unit ${tag}-P` });
      // Eko (no position) counts as ASN of A; Fajar (inactive) does not count in B.
      expect(map.units).toEqual([
        { id: unit.A, code: `${tag}-A`, name: `Unit ${tag}-A`, asnCount: 3, hasChildren: true },
        { id: unit.B, code: `${tag}-B`, name: `Unit ${tag}-B`, asnCount: 2, hasChildren: false },
      ]);
      // Framework by framework, codes in natural order; X.3 is required of nobody, R.1 is retired.
      expect(map.competencies.map((c) => c.code)).toEqual(['X.2', 'X.10', 'S.1']);
      expect(cellsOf(map)).toEqual({
        [`${tag}-A/X.2`]: [1, 2, 0.5], // Dedi meets 1, Budi (in A1) has nothing
        [`${tag}-A/X.10`]: [0, 2, 0], // Dedi 1 < 2
        [`${tag}-B/X.2`]: [1, 2, 0.5], // Citra 3, Ani 2 < 3
        [`${tag}-B/X.10`]: [1, 2, 0.5], // Citra 1 < 3, Ani 3
        [`${tag}-B/S.1`]: [1, 2, 0.5], // Citra 2, Ani without an achievement
      });
    });

    it('drills down into a unit and lists the top level without one', async () => {
      const inA = await heatmap(`orgUnitId=${unit.A}`);
      expect(inA.parent).toEqual({ id: unit.A, name: `Unit ${tag}-A` });
      expect(inA.units).toEqual([{ id: unit.A1, code: `${tag}-A1`, name: `Unit ${tag}-A1`, asnCount: 1, hasChildren: false }]);
      expect(inA.competencies.map((c) => c.code)).toEqual(['X.2', 'X.10']);
      expect(cellsOf(inA)).toEqual({ [`${tag}-A1/X.2`]: [0, 1, 0], [`${tag}-A1/X.10`]: [0, 1, 0] });

      const leaf = await heatmap(`orgUnitId=${unit.A1}`);
      expect(leaf).toEqual({ parent: { id: unit.A1, name: `Unit ${tag}-A1` }, units: [], competencies: [], cells: [] });

      const top = await heatmap(`frameworkId=${fw.k1}`);
      expect(top.parent).toBeNull();
      expect(top.units.find((u) => u.id === unit.P)).toEqual({ id: unit.P, code: `${tag}-P`, name: `Unit ${tag}-P`, asnCount: 5, hasChildren: true });
      const ofP = top.cells.filter((c) => c.orgUnitId === unit.P);
      expect(ofP).toEqual(
        expect.arrayContaining([
          { orgUnitId: unit.P, competencyId: comp.x2, required: 4, met: 2, share: 0.5 },
          { orgUnitId: unit.P, competencyId: comp.x10, required: 4, met: 1, share: 0.25 },
        ]),
      );
      expect(ofP).toHaveLength(2);
    });

    it('filters by framework, ignores retired frameworks and refuses unknown or malformed ids', async () => {
      const k2 = await heatmap(`orgUnitId=${unit.P}&frameworkId=${fw.k2}`);
      expect(k2.competencies).toEqual([{ id: comp.s1, code: 'S.1', name: 'Kompetensi S.1' }]);
      expect(cellsOf(k2)).toEqual({ [`${tag}-B/S.1`]: [1, 2, 0.5] });
      expect(k2.units).toHaveLength(2); // the rows stay: a unit without cells is "not required"

      const retired = await heatmap(`orgUnitId=${unit.P}&frameworkId=${fw.k3}`);
      expect(retired.competencies).toEqual([]);
      expect(retired.cells).toEqual([]);

      const missing = await get(`/heatmap?orgUnitId=${randomUUID()}`).expect(404);
      expect(missing.body.code).toBe('not_found');
      await get(`/heatmap?orgUnitId=${unit.P}&frameworkId=${randomUUID()}`).expect(404);
      const bad = await get('/heatmap?orgUnitId=nope').set('Accept-Language', 'en').expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'orgUnitId', code: 'validation.uuid' })]);
    });

    it('exports the shares as CSV (percent) and XLSX (percent-formatted fractions, with the counts)', async () => {
      const csv = await download(`/heatmap/export?format=csv&orgUnitId=${unit.P}`).expect(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toContain(`filename="peta-kompetensi-${tag}-p-${jakartaDate(new Date())}.csv"`);
      const text = (csv.body as Buffer).toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(parse(text, { bom: true })).toEqual([
        ['Kode unit', 'Unit kerja', 'Jumlah ASN', 'X.2 Kompetensi X.2 (%)', 'X.10 Kompetensi X.10 (%)', 'S.1 Kompetensi S.1 (%)'],
        [`${tag}-A`, `Unit ${tag}-A`, '3', '50', '0', ''],
        [`${tag}-B`, `Unit ${tag}-B`, '2', '50', '50', '50'],
      ]);

      const xlsx = await download(`/heatmap/export?format=xlsx&orgUnitId=${unit.A}`, 'en').expect(200);
      expect(xlsx.headers['content-disposition']).toContain(`peta-kompetensi-${tag}-a-`);
      const wb = await workbook(xlsx);
      const [map, details] = wb.worksheets;
      expect(map.name).toBe('Competency map');
      expect(map.getRow(1).values).toEqual([undefined, 'Unit code', 'Work unit', 'Number of ASN', 'X.2 Kompetensi X.2 (%)', 'X.10 Kompetensi X.10 (%)']);
      expect(map.getCell('A1').font?.bold).toBe(true);
      expect(map.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(map.getRow(2).values).toEqual([undefined, `${tag}-A1`, `Unit ${tag}-A1`, 1, 0, 0]);
      expect(map.getCell('D2').numFmt).toBe('0.0%');
      expect(details.name).toBe('Details');
      expect(details.getRow(1).values).toEqual([undefined, 'Unit code', 'Work unit', 'Competency code', 'Competency', 'ASN required', 'ASN meeting it', 'Share meeting it']);
      expect(details.getRow(2).values).toEqual([undefined, `${tag}-A1`, `Unit ${tag}-A1`, 'X.2', 'Kompetensi X.2', 1, 0, 0]);

      const ofP = await workbook(await download(`/heatmap/export?format=xlsx&orgUnitId=${unit.P}`).expect(200));
      const b = ofP.worksheets[0].getRow(3);
      expect(b.values).toEqual([undefined, `${tag}-B`, `Unit ${tag}-B`, 2, 0.5, 0.5, 0.5]);
      expect(b.getCell(5).numFmt).toBe('0.0%');
      expect(ofP.worksheets[0].getCell('F2').value).toBeNull(); // A: S.1 not required
    });
  });

  describe('gap list', () => {
    const gaps = async (query: string) => pageOf(gapListItemSchema).parse((await get(`/gaps?${query}`).expect(200)).body);

    it('orders the ASN by total gap, then number of gaps, then name, with their gaps and Job-Person Match', async () => {
      const page = await gaps(`orgUnitId=${unit.P}`);
      expect(page.total).toBe(4); // Eko has no standard, Fajar is inactive
      // Ani and Budi tie on 3 over 2 competencies: by name.
      expect(page.items.map((i) => [i.user.name, i.totalGap, i.gapCount, i.match])).toEqual([
        [user.ani.name, 3, 2, 62.5], // (2+3+0)/(3+3+2)
        [user.budi.name, 3, 2, 0],
        [user.citra.name, 2, 1, 75], // (3+1+2)/8
        [user.dedi.name, 1, 1, 66.7], // (1+1)/3
      ]);
      const ani = page.items[0];
      expect(ani.user).toMatchObject({ nip: user.ani.nip, position: { name: `Kepala Bagian Uji ${tag}`, kind: 'administrator' }, orgUnit: { id: unit.B } });
      expect(ani.gaps).toEqual([
        { competencyId: comp.s1, code: 'S.1', name: 'Kompetensi S.1', required: 2, achieved: 0, gap: 2 },
        { competencyId: comp.x2, code: 'X.2', name: 'Kompetensi X.2', required: 3, achieved: 2, gap: 1 },
      ]);
    });

    it('pages in the database, scopes to a subtree and searches name or NIP', async () => {
      const second = await gaps(`orgUnitId=${unit.P}&pageSize=2&page=2`);
      expect(second.items.map((i) => i.user.id)).toEqual([user.citra.id, user.dedi.id]);
      expect(second.total).toBe(4);
      const past = await gaps(`orgUnitId=${unit.P}&pageSize=2&page=3`);
      expect(past).toMatchObject({ items: [], total: 4 });

      expect((await gaps(`orgUnitId=${unit.A}`)).items.map((i) => i.user.id)).toEqual([user.budi.id, user.dedi.id]);
      expect((await gaps(`orgUnitId=${unit.P}&q=budi`)).items.map((i) => i.user.id)).toEqual([user.budi.id]);
      expect((await gaps(`q=${user.citra.nip}`)).items.map((i) => i.user.id)).toEqual([user.citra.id]);
      await get(`/gaps?orgUnitId=${randomUUID()}`).expect(404);
    });

    it('exports every row as CSV in the request language and as XLSX', async () => {
      const csv = await download(`/gaps/export?orgUnitId=${unit.P}`).expect(200);
      expect(csv.headers['content-disposition']).toContain(`kesenjangan-kompetensi-${tag}-p-${jakartaDate(new Date())}.csv`);
      const rows = parse((csv.body as Buffer).toString('utf8'), { bom: true }) as string[][];
      expect(rows[0]).toEqual(['NIP', 'Nama', 'Jabatan', 'Unit kerja', 'Total kesenjangan', 'Jumlah kompetensi', 'Job-Person Match (%)', 'Kesenjangan (tercapai→dipersyaratkan)']);
      expect(rows.slice(1)).toEqual([
        [user.ani.nip, user.ani.name, `Kepala Bagian Uji ${tag}`, `Unit ${tag}-B`, '3', '2', '62.5', 'S.1 (0→2), X.2 (2→3)'],
        [user.budi.nip, user.budi.name, `Pengadministrasi Uji ${tag}`, `Unit ${tag}-A1`, '3', '2', '0', 'X.10 (0→2), X.2 (0→1)'],
        [user.citra.nip, user.citra.name, `Kepala Bagian Uji ${tag}`, `Unit ${tag}-B`, '2', '1', '75', 'X.10 (1→3)'],
        [user.dedi.nip, user.dedi.name, `Pengadministrasi Uji ${tag}`, `Unit ${tag}-A`, '1', '1', '66.7', 'X.10 (1→2)'],
      ]);

      const en = await download(`/gaps/export?format=csv&orgUnitId=${unit.A}&q=dedi`, 'en').expect(200);
      const enRows = parse((en.body as Buffer).toString('utf8'), { bom: true }) as string[][];
      expect(enRows[0]).toEqual(['NIP', 'Name', 'Position', 'Work unit', 'Total gap', 'Number of competencies', 'Job-Person Match (%)', 'Gaps (achieved→required)']);
      expect(enRows).toHaveLength(2);

      const xlsx = await download(`/gaps/export?format=xlsx&orgUnitId=${unit.P}`).expect(200);
      expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const sheet = (await workbook(xlsx)).worksheets[0];
      expect(sheet.name).toBe('Kesenjangan kompetensi');
      expect(sheet.rowCount).toBe(5);
      // The NIP stays text (18 digits do not survive as a number); the match is a formatted fraction.
      expect(sheet.getRow(2).values).toEqual([undefined, user.ani.nip, user.ani.name, `Kepala Bagian Uji ${tag}`, `Unit ${tag}-B`, 3, 2, 0.625, 'S.1 (0→2), X.2 (2→3)']);
      expect(sheet.getCell('G2').numFmt).toBe('0.0%');
    });

    it('streams a list longer than one batch without losing or repeating anyone', async () => {
      const big = await createUnit(api.ds, `${tag}-BIG`);
      const pos = await position('Pelaksana Massal', 'pelaksana', big, []);
      // 1 200 ASN: the export fetches them from its cursor in two batches; a third meet X.2.
      await api.ds.query(
        `WITH made AS (
           INSERT INTO users (nip, name, org_unit_id, position_id)
           SELECT '19900101' || lpad(g::text, 10, '0'), 'Massal ' || lpad(g::text, 4, '0'), $1, $2 FROM generate_series(1, 1200) g
           RETURNING id, name)
         INSERT INTO competency_achievements (user_id, competency_id, level, evidence_count)
         SELECT id, $3, 1, 1 FROM made WHERE right(name, 4)::int % 3 = 0`,
        [big, pos, comp.x2],
      );
      const csv = await download(`/gaps/export?orgUnitId=${big}`).expect(200);
      const rows = (parse((csv.body as Buffer).toString('utf8'), { bom: true }) as string[][]).slice(1);
      expect(rows).toHaveLength(1200);
      expect(new Set(rows.map((r) => r[0])).size).toBe(1200);
      // 800 with both gaps (total 3) by name, then 400 with X.10 only.
      expect(rows[0].slice(1, 6)).toEqual(['Massal 0001', `Pelaksana Massal ${tag}`, `Unit ${tag}-BIG`, '3', '2']);
      expect(rows[799][4]).toBe('3');
      expect(rows[800].slice(1, 6)).toEqual(['Massal 0003', `Pelaksana Massal ${tag}`, `Unit ${tag}-BIG`, '2', '1']);

      const heat = await heatmap(`frameworkId=${fw.k1}`);
      expect(heat.cells.find((c) => c.orgUnitId === big && c.competencyId === comp.x2)).toMatchObject({ required: 1200, met: 400 });
    });
  });

  it('is for admins only', async () => {
    const learner = await createPerson(api, ['learner']);
    const author = await createPerson(api, ['author', 'learner']);
    for (const path of ['/heatmap', '/heatmap/export', '/gaps', '/gaps/export']) {
      await get(path, learner).expect(403);
      await get(path, author).expect(403);
    }
  });
});
