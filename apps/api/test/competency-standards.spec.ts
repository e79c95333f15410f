import type { ClassDefaults, CompetencyNode, FrameworkTree, PositionRequirements } from '@cakap/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { bearer, createPerson, createUnit, startApi, type Api, type Person } from './harness';

const suffix = () => randomBytes(3).toString('hex');
const levels = (n: number) => Array.from({ length: n }, (_, i) => ({ level: i + 1, description: `Level ${i + 1}`, indicators: [] }));

describe('competency standards', () => {
  let api: Api;
  let admin: Person;
  /** Competency codes are unique to this run, so the CSV lookups by code find only ours. */
  let prefix: string;
  let framework: FrameworkTree;
  /** code -> id of this file's published framework (Z.1 three levels, Z.2 two, Z.10 one, Z an area). */
  const ids = new Map<string, string>();
  let draftCompetency: string;
  let unitCode: string;
  let unitId: string;
  let kasubag: { id: string; name: string };
  let analis: { id: string; name: string };

  const get = (url: string, who: Person = admin) => api.http().get(`/api/v1${url}`).set(bearer(who));
  const put = (url: string, body: unknown, who: Person = admin) => api.http().put(`/api/v1${url}`).set(bearer(who)).send(body as object);
  const importCsv = (csv: string) =>
    api.http().post('/api/v1/competency-standards/import').set(bearer(admin)).attach('file', Buffer.from(csv, 'utf8'), 'standar.csv');
  const own = async () => (await api.ds.query(`SELECT count(*)::int AS n FROM position_competency_requirements`))[0].n as number;

  async function publishedFramework(codes: [string, number][], parent?: string): Promise<FrameworkTree> {
    const f = await api.http().post('/api/v1/competency-frameworks').set(bearer(admin)).send({ name: `Standar Uji ${suffix()}`, scaleMax: 5 }).expect(201);
    let parentId: string | undefined;
    if (parent) {
      const tree = await api.http().post(`/api/v1/competency-frameworks/${f.body.id}/competencies`).set(bearer(admin)).send({ code: parent, name: parent, kind: 'teknis' }).expect(201);
      parentId = tree.body.competencies[0].id;
    }
    for (const [code, n] of codes) {
      await api.http().post(`/api/v1/competency-frameworks/${f.body.id}/competencies`).set(bearer(admin)).send({ code, name: `Kompetensi ${code}`, kind: 'teknis', parentId, levels: levels(n) }).expect(201);
    }
    return (await api.http().post(`/api/v1/competency-frameworks/${f.body.id}/publish`).set(bearer(admin)).expect(200)).body;
  }

  beforeAll(async () => {
    api = await startApi();
    admin = await createPerson(api, ['admin']);
    prefix = `Z${suffix()}`.toUpperCase();
    framework = await publishedFramework([[`${prefix}.10`, 1], [`${prefix}.2`, 2], [`${prefix}.1`, 3]], prefix);
    const walk = (nodes: CompetencyNode[]) => nodes.forEach((n) => (ids.set(n.code, n.id), walk(n.children)));
    walk(framework.competencies);

    const draft = await api.http().post('/api/v1/competency-frameworks').set(bearer(admin)).send({ name: `Draf ${suffix()}` }).expect(201);
    const tree = await api.http().post(`/api/v1/competency-frameworks/${draft.body.id}/competencies`).set(bearer(admin)).send({ code: `${prefix}.9`, name: 'Draf', kind: 'teknis', levels: levels(2) }).expect(201);
    draftCompetency = tree.body.competencies[0].id;

    unitCode = `STD-${suffix()}`;
    unitId = await createUnit(api.ds, unitCode);
    kasubag = (await api.http().post('/api/v1/positions').set(bearer(admin)).send({ name: `Kasubag Uji ${suffix()}`, kind: 'pengawas', orgUnitId: unitId }).expect(201)).body;
    analis = (await api.http().post('/api/v1/positions').set(bearer(admin)).send({ name: `Analis Uji ${suffix()}`, kind: 'fungsional' }).expect(201)).body;
  });
  afterAll(() => api.close());

  describe('class defaults', () => {
    let saved: ClassDefaults;
    beforeAll(async () => {
      saved = (await get('/competency-standards/class-defaults').expect(200)).body.find((d: ClassDefaults) => d.kind === 'pengawas');
    });
    // Class defaults are global: put back what other test files may rely on.
    afterAll(async () => {
      await put('/competency-standards/class-defaults/pengawas', saved.requirements.map((r) => ({ competencyId: r.competency.id, level: r.level }))).expect(200);
    });

    it('lists all five classes and replaces one class at a time', async () => {
      const all = await get('/competency-standards/class-defaults').expect(200);
      expect(all.body.map((d: ClassDefaults) => d.kind)).toEqual(['jpt', 'administrator', 'pengawas', 'fungsional', 'pelaksana']);

      const body = [...saved.requirements.map((r) => ({ competencyId: r.competency.id, level: r.level })), { competencyId: ids.get(`${prefix}.1`)!, level: 2 }];
      const res = await put('/competency-standards/class-defaults/pengawas', body).expect(200);
      expect(res.body.kind).toBe('pengawas');
      expect(res.body.requirements).toContainEqual({ competency: expect.objectContaining({ code: `${prefix}.1`, maxLevel: 3, frameworkId: framework.id }), level: 2 });
      const others = (await get('/competency-standards/class-defaults').expect(200)).body.find((d: ClassDefaults) => d.kind === 'jpt');
      expect(others.requirements.some((r: { competency: { code: string } }) => r.competency.code.startsWith(prefix))).toBe(false);

      const badKind = await put('/competency-standards/class-defaults/direktur', []).expect(400);
      expect(badKind.body.errors[0].field).toBe('kind');
    });

    it('gives a position its class defaults unless it sets its own level, 0 meaning "not required here"', async () => {
      const withDefaults = (await get(`/positions/${kasubag.id}/requirements`).expect(200)).body as PositionRequirements;
      expect(withDefaults.position).toEqual({ id: kasubag.id, name: kasubag.name, kind: 'pengawas' });
      expect(withDefaults.requirements).toContainEqual(expect.objectContaining({ competency: expect.objectContaining({ code: `${prefix}.1` }), level: 2, source: 'class' }));

      const res = await put(`/positions/${kasubag.id}/requirements`, [
        { competencyId: ids.get(`${prefix}.1`), level: 0 },
        { competencyId: ids.get(`${prefix}.10`), level: 1 },
        { competencyId: ids.get(`${prefix}.2`), level: 2 },
      ]).expect(200);
      const ours = (res.body as PositionRequirements).requirements.filter((r) => r.competency.frameworkId === framework.id);
      // Own levels replace the class default, level 0 included; sorted by code in natural order.
      expect(ours.map((r) => [r.competency.code, r.level, r.source])).toEqual([
        [`${prefix}.1`, 0, 'position'],
        [`${prefix}.2`, 2, 'position'],
        [`${prefix}.10`, 1, 'position'],
      ]);
      // What counts for profiles and reports: level 0 is not a requirement.
      const effective = await api.ds.query(`SELECT competency_id, level, source FROM effective_position_requirements WHERE position_id = $1 AND competency_id = ANY($2::uuid[])`, [
        kasubag.id,
        [...ids.values()],
      ]);
      expect(effective).toHaveLength(2);

      // Replacing again drops what is not in the list: the class default is back.
      const again = await put(`/positions/${kasubag.id}/requirements`, [{ competencyId: ids.get(`${prefix}.2`), level: 1 }]).expect(200);
      const back = (again.body as PositionRequirements).requirements.filter((r) => r.competency.frameworkId === framework.id);
      expect(back.map((r) => [r.competency.code, r.level, r.source])).toEqual([
        [`${prefix}.1`, 2, 'class'],
        [`${prefix}.2`, 1, 'position'],
      ]);
    });
  });

  it('refuses levels of drafts, areas and levels a competency does not define, in Indonesian or English', async () => {
    const body = [
      { competencyId: draftCompetency, level: 1 },
      { competencyId: ids.get(prefix), level: 1 },
      { competencyId: ids.get(`${prefix}.2`), level: 3 },
      { competencyId: randomUUID(), level: 1 },
    ];
    const res = await put(`/positions/${analis.id}/requirements`, body).expect(400);
    expect(res.body.errors).toEqual([
      { field: '0.competencyId', code: 'competency.notPublished', message: `Kompetensi "${prefix}.9" belum terbit atau sudah dipensiunkan` },
      { field: '1.competencyId', code: 'competency.noLevels', message: expect.stringContaining(prefix) },
      { field: '2.level', code: 'competency.levelAboveScale', message: 'Level 3 melebihi skala kerangka (1–2)' },
      { field: '3.competencyId', code: 'validation.notFound', message: expect.any(String) },
    ]);
    const en = await put(`/positions/${analis.id}/requirements`, [body[0]]).set('Accept-Language', 'en').expect(400);
    expect(en.body.errors[0].message).toBe(`Competency "${prefix}.9" is not published or has been retired`);
    const dup = await put(`/positions/${analis.id}/requirements`, [body[2], body[2]]).expect(400);
    expect(dup.body.errors[0].code).toBe('validation.duplicate');
    await put(`/positions/${randomUUID()}/requirements`, []).expect(404);
    await get(`/positions/${randomUUID()}/requirements`).expect(404);
  });

  describe('standards CSV', () => {
    it('imports the own levels of the positions in the file, all or nothing, and exports them back', async () => {
      await put(`/positions/${analis.id}/requirements`, [{ competencyId: ids.get(`${prefix}.10`), level: 1 }]).expect(200);
      const csv = [
        'position;org_unit_code;framework;competency_code;level',
        `${kasubag.name};${unitCode.toLowerCase()};;${prefix}.1;3`,
        `${kasubag.name};${unitCode};${framework.name};${prefix}.2;0`,
        '',
        `${analis.name.toUpperCase()};;;${prefix.toLowerCase()}.2;2`,
      ].join('\r\n');
      const res = await importCsv(csv).expect(200);
      expect(res.body).toEqual({ positions: 2, rows: 3 });

      const kasubagLevels = (await get(`/positions/${kasubag.id}/requirements`).expect(200)).body.requirements.filter(
        (r: { competency: { frameworkId: string } }) => r.competency.frameworkId === framework.id,
      );
      expect(kasubagLevels.map((r: { competency: { code: string }; level: number; source: string }) => [r.competency.code, r.level, r.source])).toEqual([
        [`${prefix}.1`, 3, 'position'],
        [`${prefix}.2`, 0, 'position'],
      ]);
      // The file replaced the analis' own levels: Z.10 is gone.
      const analisLevels = (await get(`/positions/${analis.id}/requirements`).expect(200)).body.requirements.filter(
        (r: { competency: { frameworkId: string } }) => r.competency.frameworkId === framework.id,
      );
      expect(analisLevels.map((r: { competency: { code: string }; level: number }) => [r.competency.code, r.level])).toEqual([[`${prefix}.2`, 2]]);

      const exported = await get('/competency-standards/export').expect(200);
      expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(exported.headers['content-disposition']).toContain('attachment');
      expect(exported.text.startsWith('\uFEFFposition,org_unit_code,framework,competency_code,level\r\n')).toBe(true);
      const ours = exported.text.split('\r\n').filter((line) => line.includes(prefix));
      expect(ours).toEqual([
        `${analis.name},,${framework.name},${prefix}.2,2`,
        `${kasubag.name},${unitCode},${framework.name},${prefix}.1,3`,
        `${kasubag.name},${unitCode},${framework.name},${prefix}.2,0`,
      ]);

      // Round trip: the export imports back and changes nothing.
      const before = await own();
      const back = await importCsv(exported.text).expect(200);
      expect(back.body.rows).toBe(exported.text.trim().split('\r\n').length - 1);
      expect(await own()).toBe(before);
      expect((await get('/competency-standards/export').expect(200)).text).toBe(exported.text);
    });

    it('names every bad row and changes nothing', async () => {
      // The same code in two published frameworks needs the framework column.
      const twin = await publishedFramework([[`${prefix}.1`, 2]]);
      const before = await own();
      const csv = [
        'position,org_unit_code,framework,competency_code,level',
        `Jabatan Tidak Ada,${unitCode},,${prefix}.2,1`,
        `${kasubag.name},,,${prefix}.2,1`,
        `${kasubag.name},${unitCode},,${prefix}.1,1`,
        `${kasubag.name},${unitCode},${twin.name},${prefix}.1,1`,
        `${kasubag.name},${unitCode},,${prefix}.404,1`,
        `${kasubag.name},${unitCode},,${prefix}.2,3`,
        `${kasubag.name},${unitCode},,${prefix}.10,satu`,
        `${kasubag.name},${unitCode},${framework.name},${prefix}.1,1`,
        `${kasubag.name},${unitCode},${twin.name},${prefix}.1,2`,
      ].join('\n');
      const res = await importCsv(csv).expect(400);
      expect(res.body.code).toBe('import_file_invalid');
      expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
        ['row 2, position', 'competency.unknownPosition'],
        ['row 3, position', 'competency.unknownPosition'],
        ['row 4, competency_code', 'competency.ambiguousCode'],
        ['row 6, competency_code', 'competency.unknownCode'],
        ['row 7, level', 'competency.levelAboveScale'],
        ['row 8, level', 'validation.format'],
        ['row 10', 'import.duplicateInFile'],
      ]);
      expect(res.body.errors[0].message).toBe(`Jabatan "Jabatan Tidak Ada (${unitCode})" tidak ditemukan`);
      expect(await own()).toBe(before);

      const noHeader = await importCsv('jabatan,kode\nA,B').expect(400);
      expect(noHeader.body.errors).toEqual([expect.objectContaining({ field: 'row 1', code: 'import.header', message: expect.stringContaining('position') })]);
      const empty = await importCsv('position,competency_code,level\n').expect(400);
      expect(empty.body.errors[0]).toMatchObject({ field: 'file', code: 'import.empty' });
    });
  });

  it('is for admins only', async () => {
    const learner = await createPerson(api, ['learner']);
    const author = await createPerson(api, ['author', 'learner']);
    for (const who of [learner, author]) {
      await get(`/positions/${kasubag.id}/requirements`, who).expect(403);
      await put(`/positions/${kasubag.id}/requirements`, [], who).expect(403);
      await get('/competency-standards/class-defaults', who).expect(403);
      await get('/competency-standards/export', who).expect(403);
    }
  });
});
