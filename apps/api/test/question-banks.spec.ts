import { bankSchema, categorySchema, pageOf, questionSchema, questionStatsSchema, questionTypeInfoSchema } from '@cakap/contracts';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { z } from 'zod';
import { createCourse, publish, putContent, richtext, tempDataDir, tree } from './course-fixtures';
import { bearer, createPerson, startApi, type Api, type Person } from './harness';

/** A single-choice question body (the plugin's author data, key included). */
const single = (prompt: string, extra: Record<string, unknown> = {}) => ({
  type: 'single_choice',
  data: {
    prompt: `<p>${prompt}</p>`,
    options: [
      { id: 'a', text: 'Benar', correct: true },
      { id: 'b', text: 'Salah' },
    ],
  },
  ...extra,
});
const trueFalse = (prompt: string, extra: Record<string, unknown> = {}) => ({
  type: 'true_false',
  data: { prompt: `<p>${prompt}</p>`, correct: true },
  ...extra,
});

describe('question banks, categories and versioned questions', () => {
  let api: Api;
  let author: Person;
  let other: Person;
  let admin: Person;
  let learner: Person;
  const dataDir = tempDataDir();

  beforeAll(async () => {
    api = await startApi({ CAKAP_DATA_DIR: dataDir });
    [author, other, admin, learner] = await Promise.all([
      createPerson(api, ['author', 'learner'], undefined, 'Penulis Soal'),
      createPerson(api, ['author'], undefined, 'Penulis Lain'),
      createPerson(api, ['admin'], undefined, 'Admin BKPSDMD'),
      createPerson(api, ['learner'], undefined, 'Ani Peserta'),
    ]);
  });
  afterAll(async () => {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const http = () => api.http();
  async function createBank(who: Person = author, title = `Bank ${randomUUID().slice(0, 8)}`): Promise<string> {
    const res = await http().post('/api/v1/question-banks').set(bearer(who)).send({ title }).expect(201);
    return res.body.id;
  }
  async function createQuestion(bankId: string, body: object, who: Person = author) {
    const res = await http().post(`/api/v1/question-banks/${bankId}/questions`).set(bearer(who)).send(body).expect(201);
    return res.body as z.infer<typeof questionSchema>;
  }
  async function createCategory(bankId: string, name: string, parentId?: string): Promise<string> {
    const res = await http().post(`/api/v1/question-banks/${bankId}/categories`).set(bearer(author)).send({ name, parentId }).expect(201);
    return res.body.id;
  }
  const count = async (sql: string, params: unknown[]) => (await api.ds.query(sql, params))[0].n as number;

  describe('question types', () => {
    it('lists every enabled type with its author schema; essays are graded by people', async () => {
      const res = await http().get('/api/v1/question-types').set(bearer(author)).expect(200);
      expect(z.array(questionTypeInfoSchema).parse(res.body).map((t) => t.key).sort()).toEqual(
        ['essay', 'matching', 'multiple_choice', 'numeric', 'ordering', 'short_answer', 'single_choice', 'true_false'],
      );
      const essay = res.body.find((t: { key: string }) => t.key === 'essay');
      expect(essay).toMatchObject({ plugin: '@cakap/plugin-questions', manualGrading: true, title: { id: expect.any(String), en: expect.any(String) } });
      expect(res.body.find((t: { key: string }) => t.key === 'single_choice').dataSchema).toMatchObject({ type: 'object' });
    });
  });

  describe('banks', () => {
    it('creates, reads, renames and lists with question counts, search and paging', async () => {
      const created = await http()
        .post('/api/v1/question-banks')
        .set(bearer(author))
        .send({ title: '  Etika Pelayanan  ', description: 'Soal etika' })
        .expect(201);
      expect(bankSchema.parse(created.body)).toMatchObject({
        title: 'Etika Pelayanan',
        description: 'Soal etika',
        owner: { id: author.id, name: 'Penulis Soal' },
        questionCount: 0,
      });
      const id = created.body.id;
      await createQuestion(id, single('Apa itu pelayanan prima?'));
      await createQuestion(id, trueFalse('ASN wajib melayani dengan ramah.'));

      const patched = await http().patch(`/api/v1/question-banks/${id}`).set(bearer(author)).send({ title: 'Etika Pelayanan Publik' }).expect(200);
      expect(patched.body).toMatchObject({ title: 'Etika Pelayanan Publik', description: 'Soal etika', questionCount: 2 });

      for (let i = 0; i < 3; i++) await createBank(author, `Paging ${i} zeta`);
      const page1 = await http().get('/api/v1/question-banks?q=ZETA&pageSize=2').set(bearer(author)).expect(200);
      expect(pageOf(bankSchema).parse(page1.body)).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(page1.body.items).toHaveLength(2);
      const page2 = await http().get('/api/v1/question-banks?q=zeta&pageSize=2&page=2').set(bearer(author)).expect(200);
      expect(page2.body.items).toHaveLength(1);
      const titles = [...page1.body.items, ...page2.body.items].map((b: { title: string }) => b.title).sort();
      expect(titles).toEqual(['Paging 0 zeta', 'Paging 1 zeta', 'Paging 2 zeta']);

      const found = await http().get('/api/v1/question-banks?q=publik').set(bearer(author)).expect(200);
      expect(found.body.items.map((b: { id: string }) => b.id)).toEqual([id]);
      expect(found.body.items[0].questionCount).toBe(2);
    });

    it('validates the title in Indonesian by default and in English on request', async () => {
      const id = await http().post('/api/v1/question-banks').set(bearer(author)).send({ title: 'ab' }).expect(400);
      expect(id.body.errors).toEqual([{ field: 'title', code: 'validation.tooShort', message: 'Minimal 3 karakter' }]);
      const en = await http().post('/api/v1/question-banks').set(bearer(author)).set('Accept-Language', 'en').send({ title: 'ab' }).expect(400);
      expect(en.body.errors[0].message).toBe('At least 3 characters');
    });

    it('an author reaches only their own banks (another author gets 404); an admin reaches all', async () => {
      const mine = await createBank(author, 'Bank milik penulis');
      const q = await createQuestion(mine, single('Soal rahasia'));
      const theirs = await createBank(other, 'Bank penulis lain');

      const listed = await http().get('/api/v1/question-banks?pageSize=100').set(bearer(other)).expect(200);
      expect(listed.body.items.map((b: { id: string }) => b.id)).toEqual([theirs]);
      const all = await http().get('/api/v1/question-banks?pageSize=100').set(bearer(admin)).expect(200);
      expect(all.body.items.map((b: { id: string }) => b.id)).toEqual(expect.arrayContaining([mine, theirs]));

      const bankRoutes: [string, string, object?][] = [
        ['get', `/api/v1/question-banks/${mine}`],
        ['patch', `/api/v1/question-banks/${mine}`, { title: 'Diambil alih' }],
        ['delete', `/api/v1/question-banks/${mine}`],
        ['get', `/api/v1/question-banks/${mine}/categories`],
        ['post', `/api/v1/question-banks/${mine}/categories`, { name: 'Baru' }],
        ['get', `/api/v1/question-banks/${mine}/questions`],
        ['post', `/api/v1/question-banks/${mine}/questions`, single('Disisipkan')],
        ['get', `/api/v1/question-banks/${mine}/export`],
        ['get', `/api/v1/question-banks/${mine}/stats`],
        ['get', `/api/v1/questions/${q.id}`],
        ['put', `/api/v1/questions/${q.id}`, { ...single('Diubah'), version: 1 }],
        ['delete', `/api/v1/questions/${q.id}`],
        ['get', `/api/v1/questions/${q.id}/versions`],
      ];
      for (const [method, url, body] of bankRoutes) {
        const res = await (http() as unknown as Record<string, (u: string) => import('supertest').Test>)[method](url).set(bearer(other)).send(body ?? {});
        expect([method, url, res.status]).toEqual([method, url, 404]);
      }
      const imported = await http().post(`/api/v1/question-banks/${mine}/import`).set(bearer(other)).attach('file', Buffer.from('Soal? {T}\n'), 'a.gift.txt');
      expect(imported.status).toBe(404);

      // Nothing changed, and the admin reaches the bank and its question.
      await http().get(`/api/v1/question-banks/${mine}`).set(bearer(admin)).expect(200).expect((r) => expect(r.body.title).toBe('Bank milik penulis'));
      await http().get(`/api/v1/questions/${q.id}`).set(bearer(admin)).expect(200);
      await http().patch(`/api/v1/question-banks/${mine}`).set(bearer(admin)).send({ description: 'Ditinjau admin' }).expect(200);
    });

    it('refuses a learner with 403 on every route', async () => {
      const bank = await createBank();
      const q = await createQuestion(bank, single('Soal'));
      const cat = await createCategory(bank, 'Kategori');
      const routes: [string, string][] = [
        ['get', '/api/v1/question-types'],
        ['get', '/api/v1/question-banks'],
        ['post', '/api/v1/question-banks'],
        ['get', `/api/v1/question-banks/${bank}`],
        ['patch', `/api/v1/question-banks/${bank}`],
        ['delete', `/api/v1/question-banks/${bank}`],
        ['get', `/api/v1/question-banks/${bank}/categories`],
        ['post', `/api/v1/question-banks/${bank}/categories`],
        ['patch', `/api/v1/question-banks/${bank}/categories/${cat}`],
        ['delete', `/api/v1/question-banks/${bank}/categories/${cat}`],
        ['get', `/api/v1/question-banks/${bank}/questions`],
        ['post', `/api/v1/question-banks/${bank}/questions`],
        ['post', `/api/v1/question-banks/${bank}/import`],
        ['get', `/api/v1/question-banks/${bank}/export`],
        ['get', `/api/v1/question-banks/${bank}/stats`],
        ['get', `/api/v1/questions/${q.id}`],
        ['put', `/api/v1/questions/${q.id}`],
        ['delete', `/api/v1/questions/${q.id}`],
        ['get', `/api/v1/questions/${q.id}/versions`],
      ];
      for (const [method, url] of routes) {
        const res = await (http() as unknown as Record<string, (u: string) => import('supertest').Test>)[method](url).set(bearer(learner)).send({});
        expect([method, url, res.status]).toEqual([method, url, 403]);
      }
      await http().get(`/api/v1/question-banks/${bank}`).set(bearer(author)).expect(200);
    });

    it('soft-deletes a bank (its rows stay), but not while a published course draws from it', async () => {
      const used = await createBank(author, 'Bank kuis terbit');
      const fixedOnly = await createBank(author, 'Bank soal tetap');
      const fixedQ = await createQuestion(fixedOnly, single('Soal tetap'));
      await createQuestion(used, single('Soal acak'));
      const courseId = await createCourse(api, author);
      const quiz = (key: string, selection: object) => ({ key, type: 'quiz', data: { title: 'Post-test', role: 'posttest', selection } });
      await putContent(api, author, courseId, tree([
        richtext('b1', '<p>Materi</p>'),
        quiz('q1', { mode: 'random', bankId: used, count: 1 }),
        quiz('q2', { mode: 'fixed', questionIds: [fixedQ.id] }),
      ])).expect(200);
      await publish(api, author, admin, courseId);

      for (const bank of [used, fixedOnly]) {
        const refused = await http().delete(`/api/v1/question-banks/${bank}`).set(bearer(author)).expect(409);
        expect(refused.body.errors).toEqual([{ field: 'id', code: 'quiz.bankInUse', message: expect.stringContaining('kursus yang sudah terbit') }]);
      }

      const free = await createBank(author, 'Bank bebas');
      const q = await createQuestion(free, single('Soal lepas'));
      await http().delete(`/api/v1/question-banks/${free}`).set(bearer(author)).expect(204);
      await http().get(`/api/v1/question-banks/${free}`).set(bearer(author)).expect(404);
      await http().get(`/api/v1/questions/${q.id}`).set(bearer(author)).expect(404);
      await http().get(`/api/v1/question-banks/${free}`).set(bearer(admin)).expect(404);
      expect(await count(`SELECT count(*)::int AS n FROM question_versions WHERE question_id = $1`, [q.id])).toBe(1);
      const listed = await http().get('/api/v1/question-banks?pageSize=100').set(bearer(author)).expect(200);
      expect(listed.body.items.map((b: { id: string }) => b.id)).not.toContain(free);
    });
  });

  describe('categories', () => {
    it('builds the tree with paths and question counts', async () => {
      const bank = await createBank();
      const root = await createCategory(bank, 'Pelayanan');
      const child = await createCategory(bank, 'Komunikasi', root);
      await createCategory(bank, 'Etika');
      await createQuestion(bank, single('Soal komunikasi', { categoryId: child }));
      const res = await http().get(`/api/v1/question-banks/${bank}/categories`).set(bearer(author)).expect(200);
      expect(z.array(categorySchema).parse(res.body).map((c) => [c.path, c.parentId, c.questionCount])).toEqual([
        ['Etika', null, 0],
        ['Pelayanan', null, 0],
        ['Pelayanan/Komunikasi', root, 1],
      ]);
    });

    it('refuses a second name at the same level (any case) with 409 and a field error; the same name elsewhere is fine', async () => {
      const bank = await createBank();
      const root = await createCategory(bank, 'Pelayanan');
      const dup = await http().post(`/api/v1/question-banks/${bank}/categories`).set(bearer(author)).send({ name: 'PELAYANAN' }).expect(409);
      expect(dup.body.errors).toEqual([{ field: 'name', code: 'quiz.categoryNameTaken', message: 'Sudah ada kategori dengan nama ini di tingkat yang sama' }]);
      const en = await http().post(`/api/v1/question-banks/${bank}/categories`).set(bearer(author)).set('Accept-Language', 'en').send({ name: 'pelayanan' }).expect(409);
      expect(en.body.errors[0].message).toBe('A category with this name already exists at the same level');
      await createCategory(bank, 'Pelayanan', root);
      // A parent from another bank does not exist here.
      const elsewhere = await createCategory(await createBank(), 'Lain');
      const bad = await http().post(`/api/v1/question-banks/${bank}/categories`).set(bearer(author)).send({ name: 'X', parentId: elsewhere }).expect(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'parentId', code: 'validation.notFound' });
    });

    it('renames and moves, refuses a cycle, and deleting leaves the questions without a category', async () => {
      const bank = await createBank();
      const a = await createCategory(bank, 'A');
      const b = await createCategory(bank, 'B', a);
      const c = await createCategory(bank, 'C', b);
      const cycle = await http().patch(`/api/v1/question-banks/${bank}/categories/${a}`).set(bearer(author)).send({ parentId: c }).expect(400);
      expect(cycle.body.errors[0]).toMatchObject({ field: 'parentId', code: 'quiz.categoryCycle' });
      await http().patch(`/api/v1/question-banks/${bank}/categories/${a}`).set(bearer(author)).send({ parentId: a }).expect(400);

      const moved = await http().patch(`/api/v1/question-banks/${bank}/categories/${c}`).set(bearer(author)).send({ name: 'C2', parentId: null }).expect(200);
      expect(moved.body).toMatchObject({ name: 'C2', parentId: null, path: 'C2' });
      await createCategory(bank, 'Dup', a);
      const clash = await http().patch(`/api/v1/question-banks/${bank}/categories/${b}`).set(bearer(author)).send({ name: 'dup' }).expect(409);
      expect(clash.body.errors[0].field).toBe('name');

      const q = await createQuestion(bank, single('Di B', { categoryId: b }));
      await http().delete(`/api/v1/question-banks/${bank}/categories/${a}`).set(bearer(author)).expect(204);
      const after = await http().get(`/api/v1/questions/${q.id}`).set(bearer(author)).expect(200);
      expect(after.body.categoryId).toBeNull();
      const left = await http().get(`/api/v1/question-banks/${bank}/categories`).set(bearer(author)).expect(200);
      expect(left.body.map((x: { path: string }) => x.path)).toEqual(['C2']);
      await http().delete(`/api/v1/question-banks/${bank}/categories/${a}`).set(bearer(author)).expect(404);
    });
  });

  describe('questions', () => {
    it('creates a question as version 1 with its summary; the data went through the type schema', async () => {
      const bank = await createBank();
      const res = await http()
        .post(`/api/v1/question-banks/${bank}/questions`)
        .set(bearer(author))
        .send({ ...single('Apa <b>tujuan</b> standar pelayanan?<script>alert(1)</script>'), points: 2, tags: ['sop', 'sop', 'standar'] })
        .expect(201);
      const q = questionSchema.parse(res.body);
      expect(q).toMatchObject({ bankId: bank, type: 'single_choice', version: 1, points: 2, tags: ['sop', 'standar'], summary: 'Apa tujuan standar pelayanan?' });
      expect(JSON.stringify(q.data)).not.toContain('<script');
      const rows = await api.ds.query(`SELECT version, type, points::float8 AS points FROM question_versions WHERE question_id = $1`, [q.id]);
      expect(rows).toEqual([{ version: 1, type: 'single_choice', points: 2 }]);
    });

    it('refuses an unknown type and invalid data with field errors in Indonesian and English', async () => {
      const bank = await createBank();
      const unknown = await http().post(`/api/v1/question-banks/${bank}/questions`).set(bearer(author)).send({ type: 'hotspot', data: {} }).expect(400);
      expect(unknown.body.errors).toEqual([{ field: 'type', code: 'quiz.unknownQuestionType', message: 'Jenis soal "hotspot" tidak tersedia' }]);
      const unknownEn = await http()
        .post(`/api/v1/question-banks/${bank}/questions`)
        .set(bearer(author))
        .set('Accept-Language', 'en')
        .send({ type: 'hotspot', data: {} })
        .expect(400);
      expect(unknownEn.body.errors[0].message).toBe('Question type "hotspot" is not available');

      const noCorrect = { type: 'single_choice', data: { prompt: '<p>Pilih</p>', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] } };
      const id = await http().post(`/api/v1/question-banks/${bank}/questions`).set(bearer(author)).send(noCorrect).expect(400);
      expect(id.body.errors).toEqual([
        { field: 'data.options', code: 'questions.choice.oneCorrect', message: 'Tandai tepat satu pilihan sebagai jawaban benar.' },
      ]);
      const en = await http().post(`/api/v1/question-banks/${bank}/questions`).set(bearer(author)).set('Accept-Language', 'en').send(noCorrect).expect(400);
      expect(en.body.errors[0]).toMatchObject({ field: 'data.options', message: 'Mark exactly one option as the correct answer.' });

      const missing = await http().post(`/api/v1/question-banks/${bank}/questions`).set(bearer(author)).send({ type: 'true_false', data: { correct: true } }).expect(400);
      expect(missing.body.errors).toEqual([{ field: 'data.prompt', code: 'validation.required', message: 'Wajib diisi' }]);

      const foreignCategory = await createCategory(await createBank(), 'Lain');
      const cat = await http().post(`/api/v1/question-banks/${bank}/questions`).set(bearer(author)).send(single('x', { categoryId: foreignCategory })).expect(400);
      expect(cat.body.errors[0]).toMatchObject({ field: 'categoryId', code: 'validation.notFound' });
      expect(await count(`SELECT count(*)::int AS n FROM questions WHERE bank_id = $1`, [bank])).toBe(0);
    });

    it('lists with search over the prompt and tags, filters by category, type and tag, and pages', async () => {
      const bank = await createBank();
      const cat = await createCategory(bank, 'Pengaduan');
      await createQuestion(bank, single('Langkah pertama menerima pengaduan?', { categoryId: cat, tags: ['pengaduan'] }));
      await createQuestion(bank, trueFalse('Pengaduan wajib dijawab dalam 14 hari.', { categoryId: cat }));
      await createQuestion(bank, trueFalse('Inovasi pelayanan harus mahal.', { tags: ['inovasi'], competencyTags: ['M.5'] }));
      const list = (qs: string) => http().get(`/api/v1/question-banks/${bank}/questions?${qs}`).set(bearer(author)).expect(200);

      const all = await list('');
      expect(pageOf(questionSchema).parse(all.body).total).toBe(3);
      expect((await list('q=PENGADUAN')).body.total).toBe(2);
      expect((await list('q=inovasi')).body.items.map((q: { summary: string }) => q.summary)).toEqual(['Inovasi pelayanan harus mahal.']);
      expect((await list('q=m.5')).body.total).toBe(1);
      expect((await list(`categoryId=${cat}`)).body.total).toBe(2);
      expect((await list('type=true_false')).body.total).toBe(2);
      expect((await list(`type=true_false&categoryId=${cat}`)).body.total).toBe(1);
      expect((await list('tag=pengaduan')).body.total).toBe(1);
      expect((await list('tag=M.5')).body.total).toBe(1);
      const p2 = await list('pageSize=2&page=2');
      expect(p2.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(p2.body.items).toHaveLength(1);
    });

    it('an edit writes version 2 and leaves version 1 intact and readable; a stale edit is 409', async () => {
      const bank = await createBank();
      const q = await createQuestion(bank, single('Versi pertama'));
      const [v1] = await api.ds.query(`SELECT id, data FROM question_versions WHERE question_id = $1`, [q.id]);

      const edited = await http().put(`/api/v1/questions/${q.id}`).set(bearer(author)).send({ ...single('Versi kedua'), version: 1 }).expect(200);
      expect(edited.body).toMatchObject({ version: 2, summary: 'Versi kedua' });

      const stale = await http().put(`/api/v1/questions/${q.id}`).set(bearer(author)).send({ ...single('Edit dari tab lama'), version: 1 }).expect(409);
      expect(stale.body.code).toBe('conflict');
      expect(stale.body.errors).toEqual([
        { field: 'version', code: 'quiz.staleVersion', message: 'Soal ini sudah diubah orang lain (versi 2); muat ulang sebelum menyimpan' },
      ]);
      const staleEn = await http().put(`/api/v1/questions/${q.id}`).set(bearer(author)).set('Accept-Language', 'en').send({ ...single('x'), version: 1 }).expect(409);
      expect(staleEn.body.errors[0].message).toBe('Someone else changed this question (version 2); reload before saving');

      const versions = await http().get(`/api/v1/questions/${q.id}/versions`).set(bearer(author)).expect(200);
      expect(z.array(questionSchema).parse(versions.body).map((v) => [v.version, v.summary])).toEqual([
        [2, 'Versi kedua'],
        [1, 'Versi pertama'],
      ]);
      const [v1After] = await api.ds.query(`SELECT id, data FROM question_versions WHERE question_id = $1 AND version = 1`, [q.id]);
      expect(v1After).toEqual(v1);
      expect((await http().get(`/api/v1/questions/${q.id}`).set(bearer(author)).expect(200)).body.version).toBe(2);
    });

    it('tags and category change in place; points or type make a new version', async () => {
      const bank = await createBank();
      const cat = await createCategory(bank, 'Etika');
      const q = await createQuestion(bank, single('Soal metadata'));
      const meta = await http()
        .put(`/api/v1/questions/${q.id}`)
        .set(bearer(author))
        .send({ ...single('Soal metadata'), version: 1, tags: ['etika'], categoryId: cat })
        .expect(200);
      expect(meta.body).toMatchObject({ version: 1, tags: ['etika'], categoryId: cat });
      const points = await http().put(`/api/v1/questions/${q.id}`).set(bearer(author)).send({ ...single('Soal metadata'), version: 1, points: 3 }).expect(200);
      expect(points.body).toMatchObject({ version: 2, points: 3, categoryId: null, tags: [] });
      const type = await http().put(`/api/v1/questions/${q.id}`).set(bearer(author)).send({ ...trueFalse('Soal metadata'), version: 2, points: 3 }).expect(200);
      expect(type.body).toMatchObject({ version: 3, type: 'true_false' });
      // The database itself refuses to change a version.
      await expect(api.ds.query(`UPDATE question_versions SET points = 9 WHERE question_id = $1`, [q.id])).rejects.toThrow(/immutable/);
    });

    it('validates an edit like a new question', async () => {
      const bank = await createBank();
      const q = await createQuestion(bank, single('Soal'));
      const res = await http().put(`/api/v1/questions/${q.id}`).set(bearer(author)).send({ type: 'single_choice', data: { prompt: '<p> </p>', options: [] }, version: 1 }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['data.prompt', 'data.options']));
      expect(await count(`SELECT count(*)::int AS n FROM question_versions WHERE question_id = $1`, [q.id])).toBe(1);
    });

    it('soft-deletes a question: gone from the bank, its versions kept for the attempts', async () => {
      const bank = await createBank();
      const q = await createQuestion(bank, single('Akan dihapus'));
      await http().delete(`/api/v1/questions/${q.id}`).set(bearer(author)).expect(204);
      await http().get(`/api/v1/questions/${q.id}`).set(bearer(author)).expect(404);
      await http().delete(`/api/v1/questions/${q.id}`).set(bearer(author)).expect(404);
      expect((await http().get(`/api/v1/question-banks/${bank}/questions`).set(bearer(author)).expect(200)).body.total).toBe(0);
      expect((await http().get(`/api/v1/question-banks/${bank}`).set(bearer(author)).expect(200)).body.questionCount).toBe(0);
      expect(await count(`SELECT count(*)::int AS n FROM question_versions WHERE question_id = $1`, [q.id])).toBe(1);
    });
  });

  describe('GIFT import and export', () => {
    const GOOD = [
      '// Bank contoh dari Moodle', // 1
      '$CATEGORY: $course$/top/Pelayanan/Komunikasi', // 2
      '', // 3
      '::Salam::Salam pembuka yang tepat saat menerima warga? {', // 4
      '=Selamat pagi, ada yang bisa kami bantu?',
      '~Ada perlu apa?',
      '~Tunggu di sana.',
      '}',
      '',
      'Standar pelayanan wajib dipublikasikan. {T}', // 10
      '',
      '$CATEGORY: $course$/top/Pengaduan', // 12
      '',
      'Berapa hari kerja batas penyelesaian pengaduan? {#14}', // 14
      '',
      'Sebutkan nama kanal pengaduan nasional. {=SP4N-LAPOR! =LAPOR}', // 16
      '',
      'Pilih nilai dasar BerAKHLAK. {~%50%Akuntabel ~%50%Harmonis ~%-100%Eksklusif}', // 18
      '',
      'Pasangkan nilai dengan perilakunya. {=Berorientasi pelayanan -> Ramah =Akuntabel -> Jujur =Kolaboratif -> Bekerja sama}', // 20
      '',
      'Jelaskan cara menangani pengaduan yang berulang. {}', // 22
      '',
    ].join('\n');
    const gift = (who: Person, bankId: string, text: string | Buffer, lang?: string) => {
      const req = http().post(`/api/v1/question-banks/${bankId}/import`).set(bearer(who));
      if (lang) req.set('Accept-Language', lang);
      return req.attach('file', Buffer.isBuffer(text) ? text : Buffer.from(text), 'soal.gift.txt');
    };
    const questionsOf = async (bankId: string) => {
      const res = await http().get(`/api/v1/question-banks/${bankId}/questions?pageSize=100`).set(bearer(author)).expect(200);
      return res.body.items as z.infer<typeof questionSchema>[];
    };
    const pathsOf = async (bankId: string) => {
      const res = await http().get(`/api/v1/question-banks/${bankId}/categories`).set(bearer(author)).expect(200);
      return new Map<string, string>(res.body.map((c: { id: string; path: string }) => [c.id, c.path]));
    };

    it('imports a good file (with a BOM): categories created from $CATEGORY, every type recognised', async () => {
      const bank = await createBank();
      await createCategory(bank, 'pelayanan'); // exists already (any case): reused, not created
      const res = await gift(author, bank, '\uFEFF' + GOOD).expect(200);
      expect(res.body).toEqual({ imported: 7, categoriesCreated: 2 });
      const paths = await pathsOf(bank);
      expect([...paths.values()].sort()).toEqual(['Pengaduan', 'pelayanan', 'pelayanan/Komunikasi']);
      const questions = await questionsOf(bank);
      expect(questions.map((q) => [q.type, paths.get(q.categoryId!), q.version])).toEqual([
        ['single_choice', 'pelayanan/Komunikasi', 1],
        ['true_false', 'pelayanan/Komunikasi', 1],
        ['numeric', 'Pengaduan', 1],
        ['short_answer', 'Pengaduan', 1],
        ['multiple_choice', 'Pengaduan', 1],
        ['matching', 'Pengaduan', 1],
        ['essay', 'Pengaduan', 1],
      ]);
      expect(questions[0].summary).toBe('Salam pembuka yang tepat saat menerima warga?');
      expect(questions[2].data).toMatchObject({ answer: 14 });
    });

    it('a bad file is refused with every bad line named, and nothing is imported', async () => {
      const bank = await createBank();
      await createQuestion(bank, single('Sudah ada'));
      const bad = [
        'Soal yang benar. {T}', // 1
        '',
        'Soal tanpa penutup {=a ~b', // 3
        '',
        'Pasangkan. {=Akuntabel -> Jujur}', // 5: the parser takes it, the type wants two pairs
        '',
        'Pilihan tanpa jawaban benar {~satu ~dua}', // 7
        '',
        '$CATEGORY: Baru', // 9
        '',
        'Soal benar kedua. {F}', // 11
      ].join('\n');
      const before = await count(
        `SELECT (SELECT count(*) FROM questions WHERE bank_id = $1) + (SELECT count(*) FROM question_categories WHERE bank_id = $1) AS n`,
        [bank],
      );
      const res = await gift(author, bank, bad).expect(400);
      expect(res.body.code).toBe('validation_failed');
      const lines = res.body.errors.map((e: { field: string }) => e.field);
      expect(lines).toEqual(['line.3', 'line.5', 'line.7']);
      expect(res.body.errors.every((e: { code: string; message: string }) => e.code === 'quiz.giftLine' && /^Baris (3|5|7): ./.test(e.message))).toBe(true);
      expect(res.body.errors[1].message).toBe('Baris 5: pairs: Sediakan paling sedikit dua pasangan.');
      expect(res.body.errors[2].message).toBe('Baris 7: tidak ada jawaban benar');
      const en = await gift(author, bank, bad, 'en').expect(400);
      expect(en.body.errors[1].message).toBe('Line 5: pairs: Give at least two pairs.');
      // The parser's own findings are worded in the reader's language too.
      expect(en.body.errors[0].message).toBe('Line 3: brace not closed (missing "}")');
      expect(en.body.errors[2].message).toBe('Line 7: no correct answer');
      const after = await count(
        `SELECT (SELECT count(*) FROM questions WHERE bank_id = $1) + (SELECT count(*) FROM question_categories WHERE bank_id = $1) AS n`,
        [bank],
      );
      expect(after).toBe(before);
    });

    it('holds imported points and category names to the limits of the bank forms', async () => {
      const bank = await createBank();
      const text = ['// cakap:points=500', 'Poin terlalu besar. {T}', '', `$CATEGORY: ${'x'.repeat(201)}`, '', 'Kategori terlalu panjang. {F}'].join('\n');
      const res = await gift(author, bank, text).expect(400);
      const messages = res.body.errors.map((e: { message: string }) => e.message);
      expect(messages).toEqual([expect.stringMatching(/^Baris [12]: points: Maksimal 100$/), expect.stringMatching(/^Baris [56]: \$CATEGORY: Maksimal 200 karakter$/)]);
      expect(await count(`SELECT count(*)::int AS n FROM questions WHERE bank_id = $1`, [bank])).toBe(0);
    });

    it('refuses a missing, empty, non-UTF-8 or too large file', async () => {
      const bank = await createBank();
      const none = await http().post(`/api/v1/question-banks/${bank}/import`).set(bearer(author)).field('x', '1').expect(400);
      expect(none.body.errors[0]).toMatchObject({ field: 'file', code: 'files.missing' });
      expect((await gift(author, bank, '\uFEFF  \n\n').expect(400)).body.errors[0]).toMatchObject({ field: 'file', code: 'import.empty' });
      expect((await gift(author, bank, '// hanya komentar\n').expect(400)).body.errors[0]).toMatchObject({ field: 'file', code: 'import.empty' });
      const latin1 = Buffer.from('Apakah ini benar? {T} caf\xe9', 'latin1');
      const enc = await gift(author, bank, latin1).expect(400);
      expect(enc.body.errors[0]).toEqual({ field: 'file', code: 'quiz.giftEncoding', message: 'Berkas harus berupa teks GIFT dengan encoding UTF-8' });
      const big = await gift(author, bank, Buffer.alloc(2 * 1024 * 1024 + 1, 'a')).expect(413);
      expect(big.body.title).toBe('Berkas terlalu besar (maksimal 2 MB)');
    });

    it('export then import into another bank gives the same questions', async () => {
      const source = await createBank(author, 'Bank Ekspor: Etika/Pelayanan');
      await gift(author, source, GOOD).expect(200);
      // Hand-written questions too: an ordering question and points other than 1.
      await createQuestion(source, {
        type: 'ordering',
        points: 2,
        data: { prompt: '<p>Urutkan langkah pengaduan.</p>', items: [{ id: 'i1', text: 'Terima' }, { id: 'i2', text: 'Tindak lanjuti' }, { id: 'i3', text: 'Kabari warga' }] },
      });
      const exported = await http().get(`/api/v1/question-banks/${source}/export`).set(bearer(author)).expect(200);
      expect(exported.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(exported.headers['content-disposition']).toContain("filename*=UTF-8''Bank%20Ekspor%3A%20Etika%2FPelayanan.gift.txt");
      expect(exported.headers['content-disposition']).toMatch(/^attachment; /);

      const target = await createBank();
      const res = await gift(author, target, exported.text).expect(200);
      expect(res.body).toEqual({ imported: 8, categoriesCreated: 3 });
      const shape = async (bankId: string) => {
        const paths = await pathsOf(bankId);
        return (await questionsOf(bankId)).map((q) => ({
          type: q.type,
          points: q.points,
          category: q.categoryId ? paths.get(q.categoryId) : null,
          summary: q.summary,
          data: q.data,
        }));
      };
      expect(await shape(target)).toEqual(await shape(source));
    });
  });

  describe('item statistics', () => {
    it('computes facility and discrimination from graded attempts once there are enough', async () => {
      const bank = await createBank();
      // A filler worth 50 points ranks the attempts: attempt i scores 5·i of it.
      const filler = await createQuestion(bank, { ...single('Soal pengisi'), points: 50 });
      const good = await createQuestion(bank, single('Soal pembeda'));
      const easy = await createQuestion(bank, trueFalse('Soal mudah'));
      const unused = await createQuestion(bank, trueFalse('Soal belum dipakai'));
      const versionOf = async (id: string) => (await api.ds.query(`SELECT id FROM question_versions WHERE question_id = $1`, [id]))[0].id;
      const items = [
        { slot: 0, questionId: filler.id, versionId: await versionOf(filler.id), points: 50 },
        { slot: 1, questionId: good.id, versionId: await versionOf(good.id), points: 1 },
        { slot: 2, questionId: easy.id, versionId: await versionOf(easy.id), points: 1 },
      ];

      const courseId = await createCourse(api, author);
      await putContent(api, author, courseId, tree([richtext('b1', '<p>Materi</p>')])).expect(200);
      await publish(api, author, admin, courseId);
      const enrolled = await http().post('/api/v1/enrollments').set(bearer(learner)).send({ courseId }).expect(201);

      const attempt = async (no: number, status: 'graded' | 'open', scores: number[]) => {
        const submitted = status === 'graded';
        const [{ id }] = await api.ds.query(
          `INSERT INTO quiz_attempts (enrollment_id, user_id, course_id, block_key, attempt_no, role, status, seed, items,
                                      pass_percent, review_policy, submitted_at, submitted_by)
           VALUES ($1, $2, $3, 'quiz', $4, 'graded', $5, 1, $6, 70, 'after_submit', $7, $8) RETURNING id`,
          [enrolled.body.id, learner.id, courseId, no, status, JSON.stringify(items), submitted ? new Date() : null, submitted ? 'learner' : null],
        );
        for (const [slot, score] of scores.entries()) {
          await api.ds.query(`INSERT INTO attempt_answers (attempt_id, slot, answer, score, max_score) VALUES ($1, $2, 'null', $3, $4)`, [
            id,
            slot,
            score,
            items[slot].points,
          ]);
        }
      };
      const stats = async () => {
        const res = await http().get(`/api/v1/question-banks/${bank}/stats`).set(bearer(author)).expect(200);
        return Object.fromEntries(z.array(questionStatsSchema).parse(res.body).map((s) => [s.questionId, s]));
      };

      // Nine graded attempts: below the minimum of ten, no figures yet.
      for (let i = 0; i < 9; i++) await attempt(i + 1, 'graded', [5 * i, i >= 5 ? 1 : 0, 1]);
      expect((await stats())[good.id]).toMatchObject({ responses: 9, facility: null, discrimination: null, flag: null });

      // The tenth (i = 9), and an open attempt that must not count.
      await attempt(10, 'graded', [45, 1, 1]);
      await attempt(11, 'open', [0, 0, 0]);
      const s = await stats();
      // Upper 27% = attempts 9, 8, 7; lower = 0, 1, 2 (round(2.7) = 3 each).
      expect(s[filler.id]).toEqual({ questionId: filler.id, summary: 'Soal pengisi', type: 'single_choice', responses: 10, facility: 0.45, discrimination: 0.7, flag: null });
      expect(s[good.id]).toMatchObject({ responses: 10, facility: 0.5, discrimination: 1, flag: null });
      expect(s[easy.id]).toMatchObject({ responses: 10, facility: 1, discrimination: 0, flag: 'too_easy', type: 'true_false' });
      expect(s[unused.id]).toMatchObject({ responses: 0, facility: null, discrimination: null, flag: null });
    });
  });
});
