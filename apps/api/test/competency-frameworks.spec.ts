import { SKJ_FRAMEWORK_IDENTIFIER } from '@cakap/competencies';
import type { CompetencyNode, FrameworkTree } from '@cakap/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { seedCompetencies } from '../src/seed/competencies';
import { bearer, createPerson, startApi, type Api, type Person } from './harness';

/** Test files share one database: every framework here has a name of its own. */
const unique = (name: string) => `${name} ${randomBytes(3).toString('hex')}`;

const levels = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ level: i + 1, description: `Level ${i + 1}`, indicators: [`Indikator ${i + 1}`] }));

/** A tree without database ids and timestamps: what must survive an export and re-import. */
function shape(nodes: readonly CompetencyNode[]): unknown[] {
  return nodes.map(({ id: _id, children, ...node }) => ({ ...node, children: shape(children) }));
}

describe('competency frameworks', () => {
  let api: Api;
  let admin: Person;
  let learner: Person;
  let author: Person;

  beforeAll(async () => {
    api = await startApi();
    await seedCompetencies(api.ds);
    admin = await createPerson(api, ['admin']);
    learner = await createPerson(api, ['learner']);
    author = await createPerson(api, ['author', 'learner']);
  });
  afterAll(() => api.close());

  const http = () => api.http();
  const asAdmin = {
    post: (url: string, body: object = {}) => http().post(`/api/v1${url}`).set(bearer(admin)).send(body),
    patch: (url: string, body: object) => http().patch(`/api/v1${url}`).set(bearer(admin)).send(body),
    get: (url: string) => http().get(`/api/v1${url}`).set(bearer(admin)),
    delete: (url: string) => http().delete(`/api/v1${url}`).set(bearer(admin)),
  };

  async function framework(body: object = {}): Promise<FrameworkTree> {
    const res = await asAdmin.post('/competency-frameworks', { name: unique('Kerangka Uji'), ...body }).expect(201);
    return res.body;
  }
  async function addCompetency(frameworkId: string, body: object): Promise<FrameworkTree> {
    const res = await asAdmin.post(`/competency-frameworks/${frameworkId}/competencies`, { kind: 'teknis', ...body }).expect(201);
    return res.body;
  }
  const idOf = (tree: FrameworkTree, code: string): string => {
    const find = (nodes: CompetencyNode[]): CompetencyNode | undefined => nodes.map((n) => (n.code === code ? n : find(n.children))).find(Boolean);
    return find(tree.competencies)!.id;
  };
  async function counts() {
    const [row] = await api.ds.query(
      `SELECT (SELECT count(*)::int FROM competency_frameworks) AS frameworks, (SELECT count(*)::int FROM competencies) AS competencies`,
    );
    return row as { frameworks: number; competencies: number };
  }

  describe('editing', () => {
    it('creates a draft and builds the tree: areas group competencies, siblings by position then natural code order', async () => {
      const f = await framework({ publisher: 'BKPSDMD', scaleMax: 3 });
      expect(f).toMatchObject({ status: 'draft', scaleMax: 3, publisher: 'BKPSDMD', version: '1', competencyCount: 0, competencies: [] });
      const area = idOf(await addCompetency(f.id, { code: 'A', name: 'Area' }), 'A');
      await addCompetency(f.id, { code: 'A.10', name: 'Sepuluh', parentId: area, levels: levels(2), position: 1 });
      await addCompetency(f.id, { code: 'A.2', name: 'Dua', parentId: area, levels: levels(3), position: 1 });
      // Without a position it goes last among its siblings.
      const tree = await addCompetency(f.id, { code: 'A.1', name: 'Satu', parentId: area, levels: levels(1) });

      expect(tree.competencyCount).toBe(4);
      expect(tree.competencies).toHaveLength(1);
      const [root] = tree.competencies;
      expect(root).toMatchObject({ code: 'A', levels: [], position: 0 });
      expect(root.children.map((c) => [c.code, c.position])).toEqual([
        ['A.2', 1],
        ['A.10', 1],
        ['A.1', 2],
      ]);
      expect(root.children[0].levels).toEqual(levels(3));
      expect(root.children[0].identifier).toMatch(/^[0-9a-f-]{36}$/);

      const fetched = await asAdmin.get(`/competency-frameworks/${f.id}`).expect(200);
      expect(fetched.body).toEqual(tree);

      const patched = await asAdmin.patch(`/competencies/${idOf(tree, 'A.1')}`, { name: 'Satu (ubah)', parentId: null, position: 5 }).expect(200);
      expect(patched.body.competencies.map((c: CompetencyNode) => c.code)).toEqual(['A', 'A.1']);
    });

    it('keeps codes unique in a framework, case-insensitively, but not across frameworks', async () => {
      const f = await framework();
      await addCompetency(f.id, { code: 'K.1', name: 'Satu', levels: levels(1) });
      const dup = await asAdmin.post(`/competency-frameworks/${f.id}/competencies`, { code: 'k.1', name: 'Lagi', kind: 'teknis' }).expect(409);
      expect(dup.body.errors).toEqual([expect.objectContaining({ field: 'code', code: 'competency.codeTaken', message: expect.stringContaining('k.1') })]);

      const other = await addCompetency(f.id, { code: 'K.2', name: 'Dua' });
      const renamed = await asAdmin.patch(`/competencies/${idOf(other, 'K.2')}`, { code: 'K.1' }).expect(409);
      expect(renamed.body.errors[0].field).toBe('code');
      await addCompetency((await framework()).id, { code: 'K.1', name: 'Satu di kerangka lain' });
    });

    it('keeps parents in the same framework and refuses cycles', async () => {
      const f = await framework();
      let tree = await addCompetency(f.id, { code: 'P', name: 'Induk' });
      tree = await addCompetency(f.id, { code: 'P.1', name: 'Anak', parentId: idOf(tree, 'P') });
      tree = await addCompetency(f.id, { code: 'P.1.1', name: 'Cucu', parentId: idOf(tree, 'P.1') });

      const cycle = await asAdmin.patch(`/competencies/${idOf(tree, 'P')}`, { parentId: idOf(tree, 'P.1.1') }).expect(409);
      expect(cycle.body.errors).toEqual([expect.objectContaining({ field: 'parentId', code: 'competency.parentCycle' })]);
      const self = await asAdmin.patch(`/competencies/${idOf(tree, 'P')}`, { parentId: idOf(tree, 'P') }).expect(409);
      expect(self.body.errors[0].code).toBe('competency.parentCycle');

      const elsewhere = await addCompetency((await framework()).id, { code: 'X', name: 'Lain' });
      const foreign = await asAdmin
        .post(`/competency-frameworks/${f.id}/competencies`, { code: 'P.2', name: 'Asing', kind: 'teknis', parentId: idOf(elsewhere, 'X') })
        .expect(400);
      expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'parentId', code: 'competency.parentOtherFramework' })]);
      const unknown = await asAdmin.post(`/competency-frameworks/${f.id}/competencies`, { code: 'P.3', name: 'Yatim', kind: 'teknis', parentId: randomUUID() }).expect(400);
      expect(unknown.body.errors[0]).toMatchObject({ field: 'parentId', code: 'validation.notFound' });
    });

    it('keeps levels within the scale and the scale above the levels', async () => {
      const f = await framework({ scaleMax: 3 });
      const above = await asAdmin.post(`/competency-frameworks/${f.id}/competencies`, { code: 'S.1', name: 'Skala', kind: 'teknis', levels: levels(4) }).expect(400);
      expect(above.body.errors).toEqual([expect.objectContaining({ field: 'levels', code: 'competency.levelAboveScale', message: 'Level 4 melebihi skala kerangka (1–3)' })]);
      const gap = await asAdmin
        .post(`/competency-frameworks/${f.id}/competencies`, { code: 'S.1', name: 'Skala', kind: 'teknis', levels: [levels(2)[1]] })
        .expect(400);
      expect(gap.body.errors[0].code).toBe('competency.levelsContiguous');

      await addCompetency(f.id, { code: 'S.1', name: 'Skala', levels: levels(3) });
      const shrink = await asAdmin.patch(`/competency-frameworks/${f.id}`, { scaleMax: 2 }).expect(409);
      expect(shrink.body.errors).toEqual([expect.objectContaining({ field: 'scaleMax', code: 'competency.scaleBelowLevels', message: expect.stringContaining('(3)') })]);
      const grown = await asAdmin.patch(`/competency-frameworks/${f.id}`, { scaleMax: 5, description: 'Lebih luas' }).expect(200);
      expect(grown.body).toMatchObject({ scaleMax: 5, description: 'Lebih luas' });
    });

    it('refuses a second framework with the same name and version', async () => {
      const f = await framework({ version: '2026' });
      const dup = await asAdmin.post('/competency-frameworks', { name: f.name.toUpperCase(), version: '2026' }).expect(409);
      expect(dup.body.errors).toEqual([expect.objectContaining({ code: 'competency.frameworkTaken' })]);
      await asAdmin.post('/competency-frameworks', { name: f.name, version: '2027' }).expect(201);
    });

    it('answers validation errors in Indonesian, or in English when asked', async () => {
      const id = await http().post('/api/v1/competency-frameworks').set(bearer(admin)).send({ name: 'ab', scaleMax: 11 }).expect(400);
      expect(id.body.title).toBe('Data yang dikirim belum benar');
      expect(id.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'name', message: 'Minimal 3 karakter' }), expect.objectContaining({ field: 'scaleMax' })]),
      );
      const en = await http().post('/api/v1/competency-frameworks').set(bearer(admin)).set('Accept-Language', 'en').send({ name: 'ab' }).expect(400);
      expect(en.body.errors).toEqual([expect.objectContaining({ field: 'name', message: 'At least 3 characters' })]);
    });
  });

  describe('status and deletion', () => {
    it('publishes from draft or retired, retires from published, and nothing else', async () => {
      const f = await framework();
      const empty = await asAdmin.post(`/competency-frameworks/${f.id}/publish`).expect(409);
      expect(empty.body.errors).toEqual([expect.objectContaining({ code: 'competency.frameworkEmpty' })]);
      await addCompetency(f.id, { code: 'G', name: 'Hanya kelompok' });
      await asAdmin.post(`/competency-frameworks/${f.id}/publish`).expect(409);
      await addCompetency(f.id, { code: 'G.1', name: 'Dinilai', levels: levels(2) });

      expect((await asAdmin.post(`/competency-frameworks/${f.id}/retire`).expect(409)).body.code).toBe('invalid_transition');
      const published = await asAdmin.post(`/competency-frameworks/${f.id}/publish`).expect(200);
      expect(published.body).toMatchObject({ status: 'published', retiredAt: null });
      expect(published.body.publishedAt).toEqual(expect.any(String));
      expect((await asAdmin.post(`/competency-frameworks/${f.id}/publish`).expect(409)).body.code).toBe('invalid_transition');
      const retired = await asAdmin.post(`/competency-frameworks/${f.id}/retire`).expect(200);
      expect(retired.body).toMatchObject({ status: 'retired', retiredAt: expect.any(String) });
      expect((await asAdmin.post(`/competency-frameworks/${f.id}/publish`).expect(200)).body).toMatchObject({ status: 'published', retiredAt: null });
      await asAdmin.post(`/competency-frameworks/${randomUUID()}/publish`).expect(404);
    });

    it('deletes only what nothing refers to; levels in use stay', async () => {
      const f = await framework();
      let tree = await addCompetency(f.id, { code: 'D', name: 'Induk' });
      tree = await addCompetency(f.id, { code: 'D.1', name: 'Dipakai', parentId: idOf(tree, 'D'), levels: levels(3) });
      const used = idOf(tree, 'D.1');
      await asAdmin.post(`/competency-frameworks/${f.id}/publish`).expect(200);
      await api.ds.query(`INSERT INTO competency_class_defaults (position_kind, competency_id, level) VALUES ('jpt', $1, 2)`, [used]);

      const frameworkInUse = await asAdmin.delete(`/competency-frameworks/${f.id}`).expect(409);
      expect(frameworkInUse.body.errors).toEqual([expect.objectContaining({ code: 'competency.frameworkInUse' })]);
      expect((await asAdmin.delete(`/competencies/${used}`).expect(409)).body.errors[0].code).toBe('competency.inUse');
      // A parent with children cannot go either.
      expect((await asAdmin.delete(`/competencies/${idOf(tree, 'D')}`).expect(409)).body.errors[0].code).toBe('competency.inUse');

      // Text fixes are fine on a published framework; dropping level 3 is not while level 2 is used... but level 3 is free.
      await asAdmin.patch(`/competencies/${used}`, { definition: 'Definisi diperbaiki', levels: levels(2) }).expect(200);
      const shrink = await asAdmin.patch(`/competencies/${used}`, { levels: levels(1) }).expect(409);
      expect(shrink.body.errors).toEqual([expect.objectContaining({ field: 'levels', code: 'competency.inUse' })]);

      await api.ds.query(`DELETE FROM competency_class_defaults WHERE competency_id = $1`, [used]);
      expect((await asAdmin.delete(`/competencies/${used}`).expect(200)).body.competencies[0].children).toEqual([]);
      await asAdmin.delete(`/competency-frameworks/${f.id}`).expect(204);
      await asAdmin.get(`/competency-frameworks/${f.id}`).expect(404);
    });
  });

  describe('reading', () => {
    it('shows learners and authors published frameworks in lists, retired ones by id, drafts never', async () => {
      const draft = await framework({ publisher: 'Visibilitas' });
      const published = await framework({ publisher: 'Visibilitas' });
      const retired = await framework({ publisher: 'Visibilitas' });
      for (const f of [published, retired]) {
        await addCompetency(f.id, { code: 'V.1', name: 'Terlihat', levels: levels(1) });
        await asAdmin.post(`/competency-frameworks/${f.id}/publish`).expect(200);
      }
      await asAdmin.post(`/competency-frameworks/${retired.id}/retire`).expect(200);

      for (const who of [learner, author]) {
        const list = await http().get('/api/v1/competency-frameworks?q=visibilitas&pageSize=100').set(bearer(who)).expect(200);
        expect(list.body.items.map((f: FrameworkTree) => f.id)).toEqual([published.id]);
        const drafts = await http().get('/api/v1/competency-frameworks?status=draft').set(bearer(who)).expect(200);
        expect(drafts.body.items).toEqual([]);
        await http().get(`/api/v1/competency-frameworks/${draft.id}`).set(bearer(who)).expect(404);
        await http().get(`/api/v1/competency-frameworks/${draft.id}/export`).set(bearer(who)).expect(404);
        await http().get(`/api/v1/competency-frameworks/${retired.id}`).set(bearer(who)).expect(200);
        await http().post('/api/v1/competency-frameworks').set(bearer(who)).send({ name: 'Tidak boleh' }).expect(403);
        await http().post(`/api/v1/competency-frameworks/${draft.id}/publish`).set(bearer(who)).expect(403);
      }
      const all = await asAdmin.get('/competency-frameworks?q=visibilitas&pageSize=1').expect(200);
      expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 1 });
      const drafts = await asAdmin.get('/competency-frameworks?q=visibilitas&status=draft').expect(200);
      expect(drafts.body.items.map((f: FrameworkTree) => f.id)).toEqual([draft.id]);
    });

    it('searches assessable competencies of published frameworks for pickers', async () => {
      const f = await framework();
      let tree = await addCompetency(f.id, { code: 'CARI', name: 'Kelompok Pencarian' });
      tree = await addCompetency(f.id, { code: 'CARI.2', name: 'Pencarian Dua', parentId: idOf(tree, 'CARI'), levels: levels(2) });
      await addCompetency(f.id, { code: 'CARI.10', name: 'Pencarian Sepuluh', parentId: idOf(tree, 'CARI'), levels: levels(4) });
      const before = await http().get(`/api/v1/competencies?frameworkId=${f.id}`).set(bearer(learner)).expect(200);
      expect(before.body.total).toBe(0);
      await asAdmin.post(`/competency-frameworks/${f.id}/publish`).expect(200);

      const found = await http().get(`/api/v1/competencies?q=pencarian&frameworkId=${f.id}`).set(bearer(learner)).expect(200);
      expect(found.body.items.map((c: { code: string }) => c.code)).toEqual(['CARI.2', 'CARI.10']);
      expect(found.body.items[1]).toEqual({ id: expect.any(String), code: 'CARI.10', name: 'Pencarian Sepuluh', kind: 'teknis', frameworkId: f.id, frameworkName: f.name, maxLevel: 4 });

      // Other suites publish frameworks of their own in this database: look inside the seeded dictionary.
      const [seeded] = await api.ds.query(`SELECT id FROM competency_frameworks WHERE identifier = $1`, [SKJ_FRAMEWORK_IDENTIFIER]);
      const skj = await http().get(`/api/v1/competencies?q=pelayanan&kind=manajerial&frameworkId=${seeded.id}`).set(bearer(author)).expect(200);
      expect(skj.body.items).toEqual([expect.objectContaining({ code: 'M.5', name: 'Pelayanan Publik', maxLevel: 5 })]);
      const paged = await http().get(`/api/v1/competencies?frameworkId=${f.id}&pageSize=1&page=2`).set(bearer(learner)).expect(200);
      expect(paged.body).toMatchObject({ total: 2, page: 2, items: [expect.objectContaining({ code: 'CARI.10' })] });
    });
  });

  describe('import and export', () => {
    let skj: FrameworkTree;
    beforeAll(async () => {
      const [row] = await api.ds.query(`SELECT id FROM competency_frameworks WHERE identifier = $1`, [SKJ_FRAMEWORK_IDENTIFIER]);
      skj = (await asAdmin.get(`/competency-frameworks/${row.id}`).expect(200)).body;
    });

    const download = (id: string, format: 'csv' | 'case') =>
      asAdmin.get(`/competency-frameworks/${id}/export?format=${format}`).expect(200);
    const upload = (format: 'csv' | 'case', text: string, fileName: string) =>
      http()
        .post(`/api/v1/competency-frameworks/import?format=${format}`)
        .set(bearer(admin))
        .attach('file', Buffer.from(text, 'utf8'), fileName);

    it('exports the seeded dictionary as CSV for spreadsheets and re-imports it as the same framework', async () => {
      expect(skj).toMatchObject({ status: 'published', publisher: 'Kementerian PANRB', version: '2017', competencyCount: 9 });
      const res = await download(skj.id, 'csv');
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toContain('filename="kamus-kompetensi-manajerial-dan-sosial-kultural-2017.csv"');
      const csv = res.text;
      expect(csv.startsWith('\uFEFF')).toBe(true);

      // The same file again is the same framework: a conflict naming the one that exists.
      const again = await upload('csv', csv, 'skj.csv').expect(409);
      expect(again.body.errors).toEqual([expect.objectContaining({ field: 'file', code: 'competency.frameworkTaken', message: expect.stringContaining(skj.name) })]);

      // A copy under another identifier and version comes back with the same tree, identifiers included.
      const copyId = randomUUID();
      const version = `uji-${randomBytes(2).toString('hex')}`;
      const copyCsv = csv.replaceAll(SKJ_FRAMEWORK_IDENTIFIER, copyId).replaceAll(',2017,', `,${version},`);
      const before = await counts();
      const imported = await upload('csv', copyCsv, 'salinan.csv').expect(201);
      expect(imported.body).toMatchObject({ identifier: copyId, name: skj.name, version, status: 'draft', scaleMax: 5, competencyCount: 9 });
      expect(shape(imported.body.competencies)).toEqual(shape(skj.competencies));
      expect(await counts()).toEqual({ frameworks: before.frameworks + 1, competencies: before.competencies + 9 });
      const [{ created_by }] = await api.ds.query(`SELECT created_by FROM competency_frameworks WHERE id = $1`, [imported.body.id]);
      expect(created_by).toBe(admin.id);

      // And its export is the original file with the two changes: nothing lost or reordered.
      expect((await download(imported.body.id, 'csv')).text).toBe(copyCsv);
    });

    it('exports the dictionary as 1EdTech CASE JSON and re-imports it as the same framework', async () => {
      const res = await download(skj.id, 'case');
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.headers['content-disposition']).toContain('.json"');
      const pkg = JSON.parse(res.text);
      expect(pkg.CFDocument).toMatchObject({ identifier: SKJ_FRAMEWORK_IDENTIFIER, title: skj.name });
      expect(pkg.CFDocument.uri).toMatch(new RegExp(`^${api.cfg.PUBLIC_BASE_URL}`));
      expect(pkg.CFItems).toHaveLength(9);

      await upload('case', res.text, 'skj.json').expect(409);
      const broken = JSON.parse(res.text);
      delete broken.CFItems[2].humanCodingScheme;
      const before = await counts();
      const refused = await upload('case', JSON.stringify(broken), 'rusak.json').expect(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'CFItems[2].humanCodingScheme', code: 'validation.required' })]);
      expect(await counts()).toEqual(before);

      const copyId = randomUUID();
      const copy = JSON.parse(res.text.replaceAll(SKJ_FRAMEWORK_IDENTIFIER, copyId));
      copy.CFDocument.version = `case-${randomBytes(2).toString('hex')}`;
      const imported = await upload('case', JSON.stringify(copy), 'salinan.json').expect(201);
      expect(imported.body).toMatchObject({ identifier: copyId, name: skj.name, version: copy.CFDocument.version, status: 'draft', scaleMax: 5 });
      expect(shape(imported.body.competencies)).toEqual(shape(skj.competencies));
    });

    it('takes the file as the request body too (text/csv, application/json)', async () => {
      const name = unique('Kerangka Badan');
      const csv = ['framework,code,name,kind,level,level_description', `${name},B.1,Satu,teknis,1,Dasar`, `${name},B.1,Satu,teknis,2,Lanjut`].join('\n');
      const res = await http().post('/api/v1/competency-frameworks/import?format=csv').set(bearer(admin)).type('text/csv').send(csv).expect(201);
      expect(res.body).toMatchObject({ name, status: 'draft', competencies: [expect.objectContaining({ code: 'B.1', levels: [expect.objectContaining({ level: 1 }), expect.objectContaining({ level: 2 })] })] });

      const pkg = JSON.parse((await download(res.body.id, 'case')).text.replaceAll(res.body.identifier, randomUUID()));
      pkg.CFDocument.version = '2';
      const json = await http().post('/api/v1/competency-frameworks/import?format=case').set(bearer(admin)).send(pkg).expect(201);
      expect(json.body).toMatchObject({ name, version: '2', competencyCount: 1 });
    });

    it('refuses a bad file with every problem named, and writes nothing', async () => {
      const before = await counts();
      const name = unique('Kerangka Rusak');
      const csv = [
        'framework,code,name,kind,parent_code,level,level_description',
        `${name},R.1,Satu,teknis,,1,Dasar`,
        `${name},R.1,Satu,teknis,,3,Loncat`,
        `${name},R.2,,teknis,,1,Tanpa nama`,
        `${name},R.3,Tiga,rahasia,,1,Jenis salah`,
      ].join('\r\n');
      const bad = await upload('csv', csv, 'rusak.csv').expect(400);
      expect(bad.body.code).toBe('import_file_invalid');
      expect(bad.body.errors).toEqual([
        { field: 'row 2, level', code: 'competency.levelsContiguous', message: 'Level harus berurutan mulai dari 1 tanpa ada yang terlewat' },
        { field: 'row 4, name', code: 'validation.required', message: 'Wajib diisi' },
        { field: 'row 5, kind', code: 'validation.enum', message: 'Pilih salah satu: manajerial, sosial_kultural, teknis' },
      ]);

      const notCase = await upload('case', '{"hello": "world"}', 'bukan.json').set('Accept-Language', 'en').expect(400);
      expect(notCase.body.errors).toEqual([expect.objectContaining({ code: 'competency.importNotCase', message: expect.stringContaining('CASE') })]);
      const notJson = await upload('case', '{ rusak', 'rusak.json').expect(400);
      expect(notJson.body.errors[0].code).toBe('competency.importNotJson');

      const binary = await http()
        .post('/api/v1/competency-frameworks/import?format=csv')
        .set(bearer(admin))
        .attach('file', Buffer.from([0xff, 0xfe, 0x00, 0xc3]), 'biner.csv')
        .expect(400);
      expect(binary.body.errors).toEqual([expect.objectContaining({ field: 'file', code: 'competency.importEncoding' })]);
      const missing = await http().post('/api/v1/competency-frameworks/import?format=csv').set(bearer(admin)).expect(400);
      expect(missing.body.errors[0]).toMatchObject({ field: 'file', code: 'files.missing' });
      expect(await counts()).toEqual(before);
    });

    it('refuses a file over the size limit', async () => {
      const big = Buffer.alloc(5 * 1024 * 1024 + 1, 'a');
      const res = await http().post('/api/v1/competency-frameworks/import?format=csv').set(bearer(admin)).attach('file', big, 'besar.csv').expect(413);
      expect(res.body).toMatchObject({ code: 'file_too_large', title: expect.stringContaining('5 MB') });
    });
  });
});
