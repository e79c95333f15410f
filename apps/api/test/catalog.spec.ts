import { rmSync } from 'node:fs';
import { bearer, createPerson, startApi, type Api, type Person } from './harness';
import { PNG, createCourse, publish, putContent, richtext, tempDataDir, tree, upload } from './course-fixtures';

describe('catalog: published courses for every signed-in user', () => {
  let api: Api;
  let author: Person;
  let admin: Person;
  let learner: Person;
  const dataDir = tempDataDir();
  const ids: Record<string, string> = {};
  // A word no other spec uses, so counts hold in the shared database.
  const tag = `katalog${Date.now().toString(36)}`;

  beforeAll(async () => {
    api = await startApi({ CAKAP_DATA_DIR: dataDir });
    [author, admin, learner] = await Promise.all([
      createPerson(api, ['author'], undefined, 'Sari Penulis'),
      createPerson(api, ['admin']),
      createPerson(api, ['learner']),
    ]);
    const make = async (key: string, body: Record<string, unknown>, language?: 'en') => {
      const id = await createCourse(api, author, { summary: `Ringkasan ${tag}`, ...body });
      if (language) await api.http().patch(`/api/v1/courses/${id}`).set(bearer(author)).send({ language, tags: ['bahasa'] }).expect(200);
      await putContent(api, author, id, tree([richtext('b', `<p>Materi ${key}</p>`)])).expect(200);
      ids[key] = id;
      return id;
    };
    for (const [key, body, lang] of [
      ['pelayanan', { title: 'Pelayanan Publik', jp: 2, category: 'Teknis' }],
      ['kepemimpinan', { title: 'Kepemimpinan Adaptif', jp: 10, category: 'Manajerial' }],
      ['english', { title: 'Public Speaking', jp: 4, category: 'Teknis' }, 'en'],
    ] as const) {
      await make(key, body, lang as 'en' | undefined);
      await publish(api, author, admin, ids[key]);
    }
    await make('draft', { title: 'Masih Draf', jp: 1 });
    await make('archived', { title: 'Sudah Diarsipkan', jp: 1 });
    await publish(api, author, admin, ids.archived);
    await api.http().post(`/api/v1/courses/${ids.archived}/archive`).set(bearer(author)).expect(200);
  });
  afterAll(async () => {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const catalog = (qs = '') => api.http().get(`/api/v1/catalog?q=${tag}&${qs}`).set(bearer(learner)).expect(200);
  const titles = (res: { body: { items: { title: string }[] } }) => res.body.items.map((i) => i.title).sort();

  it('lists published, unarchived courses only, from their latest version', async () => {
    const res = await catalog();
    expect(titles(res)).toEqual(['Kepemimpinan Adaptif', 'Pelayanan Publik', 'Public Speaking']);
    const item = res.body.items.find((i: { id: string }) => i.id === ids.pelayanan);
    expect(item).toMatchObject({
      version: 1,
      jp: 2,
      category: 'Teknis',
      language: 'id',
      developmentForm: 'NKL03',
      authors: [{ id: author.id, name: 'Sari Penulis' }],
      moduleCount: 1,
      lessonCount: 1,
      coverUrl: null,
    });
    expect(item).not.toHaveProperty('content');
  });

  it('filters by category, language and JP range, and pages', async () => {
    expect(titles(await catalog('category=teknis'))).toEqual(['Pelayanan Publik', 'Public Speaking']);
    expect(titles(await catalog('language=en'))).toEqual(['Public Speaking']);
    expect(titles(await catalog('jpMin=3&jpMax=10'))).toEqual(['Kepemimpinan Adaptif', 'Public Speaking']);
    const p1 = await catalog('pageSize=2&page=1');
    const p2 = await catalog('pageSize=2&page=2');
    expect(p1.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(p2.body.items).toHaveLength(1);
    expect((await catalog('pageSize=2&page=5')).body).toMatchObject({ total: 3, items: [] });
    expect(titles(await api.http().get('/api/v1/catalog?q=adaptif').set(bearer(learner)).expect(200))).toEqual(['Kepemimpinan Adaptif']);
    await api.http().get('/api/v1/catalog?jpMin=-1').set(bearer(learner)).expect(400);
  });

  it('keeps showing the published version while the draft is edited, and the new one once published', async () => {
    const id = ids.pelayanan;
    await api.http().patch(`/api/v1/courses/${id}`).set(bearer(author)).send({ title: 'Pelayanan Publik Prima' }).expect(200);
    const cover = (await upload(api, author, 'image', PNG, 'sampul.png', id).expect(201)).body;
    await api.http().patch(`/api/v1/courses/${id}`).set(bearer(author)).send({ coverFileId: cover.id }).expect(200);
    const before = await api.http().get(`/api/v1/catalog/${id}`).set(bearer(learner)).expect(200);
    expect(before.body).toMatchObject({ title: 'Pelayanan Publik', version: 1, coverUrl: null });

    await publish(api, author, admin, id);
    const after = await api.http().get(`/api/v1/catalog/${id}`).set(bearer(learner)).expect(200);
    expect(after.body).toMatchObject({ title: 'Pelayanan Publik Prima', version: 2 });
    expect(after.body.coverUrl).toMatch(new RegExp(`^/api/v1/files/${cover.id}/content\\?`));
    await api.http().get(after.body.coverUrl).expect(200).expect('Content-Type', 'image/png');
    expect(after.body.outline[0].lessons[0]).toEqual({ key: 'l1', title: 'Pelajaran 1', blockCount: 1 });
    expect(JSON.stringify(after.body)).not.toContain('Materi pelayanan');
  });

  it('answers 404 for drafts, archived and unknown courses', async () => {
    for (const id of [ids.draft, ids.archived, '0f8fad5b-d9cb-469f-a165-70867728950e']) {
      await api.http().get(`/api/v1/catalog/${id}`).set(bearer(learner)).expect(404);
    }
  });
});
