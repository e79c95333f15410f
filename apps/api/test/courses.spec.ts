import { canonicalJson, sha256Hex } from '@cakap/courses';
import { rmSync } from 'node:fs';
import { createPerson, bearer, startApi, type Api, type Person } from './harness';
import { PNG, createCourse, publish, putContent, revisionOf, richtext, tempDataDir, tree, upload } from './course-fixtures';

describe('courses: authoring, workflow and versions', () => {
  let api: Api;
  let owner: Person;
  let coauthor: Person;
  let otherAuthor: Person;
  let learner: Person;
  let admin: Person;
  const dataDir = tempDataDir();

  beforeAll(async () => {
    api = await startApi({ CAKAP_DATA_DIR: dataDir });
    [owner, coauthor, otherAuthor, learner, admin] = await Promise.all([
      createPerson(api, ['author', 'learner'], undefined, 'Budi Penulis'),
      createPerson(api, ['author'], undefined, 'Citra Pendamping'),
      createPerson(api, ['author'], undefined, 'Dedi Lain'),
      createPerson(api, ['learner'], undefined, 'Eka Peserta'),
      createPerson(api, ['admin'], undefined, 'Admin BKPSDMD'),
    ]);
  });
  afterAll(async () => {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const get = (who: Person, id: string) => api.http().get(`/api/v1/courses/${id}`).set(bearer(who));
  const post = (who: Person, id: string, action: string, body: object = {}) =>
    api.http().post(`/api/v1/courses/${id}/${action}`).set(bearer(who)).send(body);

  it('creates a draft owned by its creator, with the NKL03 default and a "created" event', async () => {
    const res = await api
      .http()
      .post('/api/v1/courses')
      .set(bearer(owner))
      .send({ title: 'Etika ASN', summary: 'Kode etik', jp: 3, category: 'Manajerial' })
      .expect(201);
    expect(res.body).toMatchObject({
      title: 'Etika ASN',
      jp: 3,
      category: 'Manajerial',
      status: 'draft',
      developmentForm: 'NKL03',
      language: 'id',
      revision: 0,
      publishedVersion: null,
      hasUnpublishedChanges: true,
      authors: [{ id: owner.id, name: 'Budi Penulis', role: 'owner' }],
      content: { modules: [] },
      fileUrls: {},
    });
    const events = await api.http().get(`/api/v1/courses/${res.body.id}/events`).set(bearer(owner)).expect(200);
    expect(events.body).toEqual([expect.objectContaining({ kind: 'created', actor: { id: owner.id, name: 'Budi Penulis' } })]);
    const bad = await api.http().post('/api/v1/courses').set(bearer(owner)).send({ title: 'x', jp: -1 }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['jp', 'title']);
  });

  it('walks the whole workflow: submit, reject with a comment, resubmit, withdraw, publish, edit, archive, restore', async () => {
    const id = await createCourse(api, owner);
    await putContent(api, owner, id, tree([richtext('b1', '<p>Isi</p>')])).expect(200);

    expect((await post(owner, id, 'submit-review').expect(200)).body.status).toBe('in_review');
    // In review: nobody edits, not even the admin.
    expect((await putContent(api, owner, id, tree([]))).body.code).toBe('course_not_editable');
    expect((await api.http().patch(`/api/v1/courses/${id}`).set(bearer(admin)).send({ jp: 4 })).status).toBe(409);
    expect((await post(owner, id, 'submit-review')).body.code).toBe('invalid_transition');

    // The admin sends it back with a comment, which the author reads.
    expect((await post(admin, id, 'reject', {}).expect(400)).body.errors[0].field).toBe('comment');
    await post(admin, id, 'reject', { comment: 'Tambahkan contoh kasus' }).expect(200);
    expect((await get(owner, id)).body).toMatchObject({ status: 'draft', reviewComment: 'Tambahkan contoh kasus' });

    await post(owner, id, 'submit-review').expect(200);
    expect((await post(owner, id, 'withdraw').expect(200)).body.status).toBe('draft');
    expect((await post(owner, id, 'withdraw')).body.code).toBe('invalid_transition');
    expect((await post(admin, id, 'publish')).body.code).toBe('invalid_transition'); // not in review
    await post(owner, id, 'submit-review').expect(200);
    expect((await post(owner, id, 'publish')).status).toBe(403); // admins approve
    expect((await post(admin, id, 'publish', { comment: 'Disetujui' }).expect(200)).body).toEqual({ version: 1 });

    const published = (await get(owner, id)).body;
    expect(published).toMatchObject({ status: 'published', publishedVersion: 1, hasUnpublishedChanges: false, reviewComment: null });

    // Editing a published course makes a draft again; the published version stays live.
    await putContent(api, owner, id, tree([richtext('b1', '<p>Isi baru</p>')])).expect(200);
    expect((await get(owner, id)).body).toMatchObject({ status: 'draft', publishedVersion: 1, hasUnpublishedChanges: true });

    // Archive: the owner may, a co-author may not; restore is for admins.
    await post(admin, id, 'coauthors', { userId: coauthor.id }).expect(200);
    expect((await post(coauthor, id, 'archive')).status).toBe(403);
    expect((await post(owner, id, 'archive').expect(200)).body.status).toBe('archived');
    expect((await putContent(api, owner, id, tree([]))).body.code).toBe('course_not_editable');
    expect((await post(owner, id, 'restore')).status).toBe(403);
    // Unpublished changes: back to draft, not onto the catalog.
    expect((await post(admin, id, 'restore').expect(200)).body.status).toBe('draft');
    expect((await post(admin, id, 'restore')).body.code).toBe('invalid_transition');

    const events = await api.http().get(`/api/v1/courses/${id}/events`).set(bearer(owner)).expect(200);
    expect(events.body.map((e: { kind: string }) => e.kind)).toEqual([
      'created',
      'submitted',
      'rejected',
      'submitted',
      'withdrawn',
      'submitted',
      'approved',
      'coauthor_added',
      'archived',
      'restored',
    ]);
    expect(events.body.find((e: { kind: string }) => e.kind === 'rejected')).toMatchObject({
      comment: 'Tambahkan contoh kasus',
      actor: { id: admin.id },
    });
    expect(events.body.find((e: { kind: string }) => e.kind === 'approved')).toMatchObject({ version: 1, comment: 'Disetujui' });
  });

  it('restores a course whose draft is what was published straight back to published', async () => {
    const id = await createCourse(api, owner);
    await putContent(api, owner, id, tree([richtext('b1', '<p>Isi</p>')])).expect(200);
    await publish(api, owner, admin, id);
    await post(admin, id, 'archive').expect(200);
    expect((await post(admin, id, 'restore').expect(200)).body.status).toBe('published');
  });

  it('keeps a published version byte-identical when the course is published again (invariant 1)', async () => {
    const id = await createCourse(api, owner, { title: 'Manajemen Risiko' });
    await putContent(api, owner, id, tree([richtext('b1', '<p>Versi satu</p>')])).expect(200);
    expect(await publish(api, owner, admin, id)).toBe(1);
    const read = async (v: number) =>
      (
        await api.ds.query(`SELECT snapshot::text AS text, snapshot, hash FROM course_versions WHERE course_id = $1 AND version = $2`, [
          id,
          v,
        ])
      )[0];
    const v1 = await read(1);
    expect(v1.hash).toBe(sha256Hex(canonicalJson(v1.snapshot)));
    expect(v1.snapshot).toMatchObject({ courseId: id, version: 1, meta: { title: 'Manajemen Risiko' } });

    await api.http().patch(`/api/v1/courses/${id}`).set(bearer(owner)).send({ title: 'Manajemen Risiko Lanjutan', jp: 4 }).expect(200);
    await putContent(api, owner, id, tree([richtext('b1', '<p>Versi dua</p>')], 'Pelajaran baru')).expect(200);
    expect(await publish(api, owner, admin, id)).toBe(2);

    const after = await read(1);
    expect(after.text).toBe(v1.text);
    expect(after.hash).toBe(v1.hash);
    const v2 = await read(2);
    expect(v2.hash).not.toBe(v1.hash);
    expect(v2.snapshot.meta).toMatchObject({ title: 'Manajemen Risiko Lanjutan', jp: 4 });
    expect(JSON.stringify(after.snapshot)).toContain('Versi satu');

    // The database itself refuses to change or remove a version.
    await expect(api.ds.query(`UPDATE course_versions SET snapshot = '{}' WHERE course_id = $1`, [id])).rejects.toThrow(/immutable/);
    await expect(api.ds.query(`DELETE FROM course_versions WHERE course_id = $1`, [id])).rejects.toThrow(/immutable/);
    expect((await read(1)).text).toBe(v1.text);

    const history = await api.http().get(`/api/v1/courses/${id}/versions`).set(bearer(owner)).expect(200);
    expect(history.body).toEqual([
      expect.objectContaining({ version: 2, title: 'Manajemen Risiko Lanjutan', hash: v2.hash, publishedBy: { id: admin.id, name: 'Admin BKPSDMD' } }),
      expect.objectContaining({ version: 1, title: 'Manajemen Risiko', hash: v1.hash }),
    ]);
    const one = await api.http().get(`/api/v1/courses/${id}/versions/1`).set(bearer(owner)).expect(200);
    expect(one.body).toMatchObject({ version: 1, meta: { title: 'Manajemen Risiko' }, fileUrls: {} });
    expect(one.body.content.modules[0].lessons[0].blocks[0].data.html).toBe('<p>Versi satu</p>');
    await api.http().get(`/api/v1/courses/${id}/versions/3`).set(bearer(owner)).expect(404);
    await api.http().get(`/api/v1/courses/${id}/versions/x`).set(bearer(owner)).expect(400);
  });

  it('refuses a stale revision with 409 content_conflict, in the request language', async () => {
    const id = await createCourse(api, owner);
    await api.http().post(`/api/v1/courses/${id}/coauthors`).set(bearer(owner)).send({ userId: coauthor.id }).expect(200);
    const rev = await revisionOf(api, owner, id);
    await putContent(api, owner, id, tree([richtext('a', '<p>Tab satu</p>')]), rev).expect(200);
    const stale = await putContent(api, coauthor, id, tree([richtext('a', '<p>Tab dua</p>')]), rev)
      .set('Accept-Language', 'en')
      .expect(409);
    expect(stale.body).toMatchObject({ code: 'content_conflict', title: expect.stringContaining('Reload') });
    expect((await get(owner, id)).body.content.modules[0].lessons[0].blocks[0].data.html).toBe('<p>Tab satu</p>');
  });

  it('autosaves unfinished blocks, and refuses to submit them, naming each field by its path', async () => {
    const id = await createCourse(api, owner);
    // A draft may hold half-filled blocks: a video link still being typed, an embed without a title.
    const unfinished = tree([
      richtext('b1', '<p>ok</p>'),
      { key: 'b2', type: 'video', data: { url: 'https://example.com/video.mp4' } },
      { key: 'b3', type: 'embed', data: { url: 'http://insecure.example' } },
      richtext('b4', '<script>alert(1)</script>'),
    ]);
    const saved = await putContent(api, owner, id, unfinished).expect(200);
    expect(saved.body.content.modules[0].lessons[0].blocks[3].data).toEqual({ html: '' }); // sanitised even in a draft
    const refused = await post(owner, id, 'submit-review').set('Accept-Language', 'en').expect(400);
    const fields = Object.fromEntries(refused.body.errors.map((e: { field: string; code: string; message: string }) => [e.field, e]));
    expect(fields['modules.0.lessons.0.blocks.1.data.url']).toMatchObject({ code: 'content.video.url', message: expect.stringContaining('YouTube') });
    expect(Object.keys(fields)).toEqual(expect.arrayContaining([expect.stringMatching(/^modules\.0\.lessons\.0\.blocks\.2\.data/)]));
    expect(fields['modules.0.lessons.0.blocks.3.data.html']).toMatchObject({ code: 'content.richtext.empty' });
    expect((await get(owner, id).expect(200)).body.status).toBe('draft');
    // An empty course cannot go to review either.
    const bare = await createCourse(api, owner);
    const none = await post(owner, bare, 'submit-review').expect(400);
    expect(none.body.errors[0]).toMatchObject({ field: 'modules', code: 'content.empty' });
  });

  it('refuses structural errors even in a draft: unknown types and duplicate keys', async () => {
    const id = await createCourse(api, owner);
    const res = await putContent(api, owner, id, {
      modules: [
        {
          key: 'm1',
          title: 'Modul',
          lessons: [
            {
              key: 'l1',
              title: 'Pelajaran',
              blocks: [
                { key: 'b1', type: 'richtext', data: { html: '<p>ok</p>' } },
                { key: 'b2', type: 'hologram', data: {} },
                { key: 'b3', type: 'video', data: { url: 'https://example.com/video.mp4' } },
                { key: 'b1', type: 'embed', data: { url: 'http://insecure.example' } },
              ],
            },
          ],
        },
      ],
    })
      .set('Accept-Language', 'en')
      .expect(400);
    const byField = Object.fromEntries(res.body.errors.map((e: { field: string; code: string; message: string }) => [e.field, e]));
    expect(byField['modules.0.lessons.0.blocks.1.type']).toMatchObject({ code: 'content.unknownType', message: 'This block type is unknown or not enabled' });
    expect(byField['modules.0.lessons.0.blocks.3.key']).toMatchObject({ code: 'content.duplicateKey' });
    // Indonesian by default, from the plugin's own catalogue, when the course is submitted.
    const id2 = await createCourse(api, owner);
    await putContent(api, owner, id2, tree([{ key: 'v', type: 'video', data: { url: 'https://example.com/x' } }])).expect(200);
    const msg = await post(owner, id2, 'submit-review').expect(400);
    expect(msg.body.errors[0]).toMatchObject({ field: 'modules.0.lessons.0.blocks.0.data.url', message: expect.stringContaining('Tautan video') });
  });

  it('strips everything executable from rich text, in the draft and in the published snapshot', async () => {
    const payloads = [
      '<script>alert(1)</script><p>aman</p>',
      '<img src=x onerror="alert(1)">',
      '<a href="javascript:alert(1)">klik</a>',
      '<a href="jav&#x09;ascript:alert(1)">klik</a>',
      '<svg onload=alert(1)><circle/></svg>',
      '<iframe src="https://evil.example"></iframe>',
      '<p onclick="alert(1)" style="background:url(javascript:alert(1))">teks</p>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      '<a href="https://bkpsdmd.batangharikab.go.id" onmouseover="alert(1)">tautan baik</a>',
      '<form action="https://evil.example"><input name=x></form><object data="x.swf"></object>',
    ];
    const id = await createCourse(api, owner, { title: 'Keamanan Konten' });
    await putContent(api, owner, id, tree(payloads.map((html, i) => richtext(`x${i}`, `<p>blok ${i}</p>${html}`)))).expect(200);
    await publish(api, owner, admin, id);
    const [row] = await api.ds.query(
      `SELECT c.content::text AS draft, v.snapshot::text AS snapshot FROM courses c JOIN course_versions v ON v.course_id = c.id WHERE c.id = $1`,
      [id],
    );
    for (const stored of [row.draft, row.snapshot]) {
      const lower = stored.toLowerCase();
      for (const bad of ['<script', 'onerror', 'onload', 'onclick', 'onmouseover', 'javascript:', '<iframe', '<svg', '<img', '<style', '<form', '<object', 'style=']) {
        expect(lower).not.toContain(bad);
      }
      expect(stored).toContain('aman');
      expect(stored).toContain('https://bkpsdmd.batangharikab.go.id');
    }
  });

  it('accepts only files of the course or of the caller, and signs their URLs', async () => {
    const id = await createCourse(api, owner);
    const mine = (await upload(api, owner, 'image', PNG, 'gambar.png', id).expect(201)).body;
    const othersCourse = await createCourse(api, otherAuthor);
    const theirs = (await upload(api, otherAuthor, 'image', PNG, 'lain.png', othersCourse).expect(201)).body;

    const bad = await putContent(api, owner, id, tree([{ key: 'i', type: 'image', data: { fileId: theirs.id, alt: 'Lain' } }])).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'modules.0.lessons.0.blocks.0.data', code: 'content.fileNotFound' })]);
    const missing = await putContent(api, owner, id, tree([{ key: 'i', type: 'file', data: { fileId: '0f8fad5b-d9cb-469f-a165-70867728950e' } }]));
    expect(missing.status).toBe(400);

    const ok = await putContent(api, owner, id, tree([{ key: 'i', type: 'image', data: { fileId: mine.id, alt: 'Struktur organisasi' } }])).expect(200);
    expect(Object.keys(ok.body.fileUrls)).toEqual([mine.id]);
    expect(ok.body.fileUrls[mine.id]).toMatch(new RegExp(`^/api/v1/files/${mine.id}/content\\?exp=\\d+&sig=`));
    await api.http().get(ok.body.fileUrls[mine.id]).expect(200).expect('Content-Type', 'image/png');

    // The cover must be an image of the course (or the caller's).
    const cover = await api.http().patch(`/api/v1/courses/${id}`).set(bearer(owner)).send({ coverFileId: mine.id }).expect(200);
    expect(cover.body.coverUrl).toMatch(/^\/api\/v1\/files\//);
    const badCover = await api.http().patch(`/api/v1/courses/${id}`).set(bearer(owner)).send({ coverFileId: theirs.id }).expect(400);
    expect(badCover.body.errors[0]).toMatchObject({ field: 'coverFileId', code: 'courses.coverNotImage' });
  });

  describe('who sees and edits what', () => {
    let draft: string;
    beforeAll(async () => {
      draft = await createCourse(api, owner, { title: 'Draf Rahasia' });
    });

    it('hides a draft from other authors (404) and from learners (403 at the route)', async () => {
      for (const req of [
        get(otherAuthor, draft),
        api.http().patch(`/api/v1/courses/${draft}`).set(bearer(otherAuthor)).send({ jp: 1 }),
        putContent(api, otherAuthor, draft, tree([]), 0),
        post(otherAuthor, draft, 'submit-review'),
        post(otherAuthor, draft, 'archive'),
        api.http().get(`/api/v1/courses/${draft}/versions`).set(bearer(otherAuthor)),
        api.http().get(`/api/v1/courses/${draft}/events`).set(bearer(otherAuthor)),
        post(otherAuthor, draft, 'coauthors', { userId: otherAuthor.id }),
      ]) {
        const res = await req;
        expect(res.status).toBe(404);
      }
      expect((await get(learner, draft)).status).toBe(403);
      const list = await api.http().get('/api/v1/courses').set(bearer(otherAuthor)).expect(200);
      expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(draft);
      const catalog = await api.http().get('/api/v1/catalog?q=rahasia').set(bearer(learner)).expect(200);
      expect(catalog.body.total).toBe(0);
    });

    it('lets the owner add a co-author, who may then edit but not manage authors', async () => {
      // Authors cannot list users; the course owner finds colleagues through this lookup.
      const candidates = (q: string, who = owner) =>
        api.http().get(`/api/v1/courses/${draft}/coauthor-candidates?q=${encodeURIComponent(q)}`).set(bearer(who));
      const found = await candidates('citra').expect(200);
      expect(found.body).toEqual([{ id: coauthor.id, name: 'Citra Pendamping', nip: coauthor.nip }]);
      expect((await candidates(coauthor.nip.slice(0, 12)).expect(200)).body.map((c: { id: string }) => c.id)).toEqual([coauthor.id]);
      expect((await candidates('eka').expect(200)).body).toEqual([]); // learners are not candidates
      expect((await candidates('budi').expect(200)).body).toEqual([]); // nor the owner
      expect((await candidates('citra', otherAuthor)).status).toBe(404);
      const notAuthor = await post(owner, draft, 'coauthors', { userId: learner.id }).expect(400);
      expect(notAuthor.body.errors[0]).toMatchObject({ field: 'userId', code: 'courses.coauthorNotAuthor' });
      expect((await post(owner, draft, 'coauthors', { userId: owner.id })).status).toBe(400);
      const added = await post(owner, draft, 'coauthors', { userId: coauthor.id }).expect(200);
      expect(added.body.authors).toEqual([
        { id: owner.id, name: 'Budi Penulis', role: 'owner' },
        { id: coauthor.id, name: 'Citra Pendamping', role: 'coauthor' },
      ]);
      await putContent(api, coauthor, draft, tree([richtext('c', '<p>Dari pendamping</p>')])).expect(200);
      expect((await post(coauthor, draft, 'coauthors', { userId: otherAuthor.id })).status).toBe(403);
      expect((await candidates('dedi', coauthor)).status).toBe(403);
      expect((await candidates('citra').expect(200)).body).toEqual([]); // already a co-author
      const mine = await api.http().get('/api/v1/courses?q=rahasia').set(bearer(coauthor)).expect(200);
      expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([draft]);

      await api.http().delete(`/api/v1/courses/${draft}/coauthors/${coauthor.id}`).set(bearer(owner)).expect(200);
      expect((await get(coauthor, draft)).status).toBe(404);
      await api.http().delete(`/api/v1/courses/${draft}/coauthors/${coauthor.id}`).set(bearer(owner)).expect(404);
    });

    it('gives admins every course, and the review queue with ?status=in_review', async () => {
      const queued = await createCourse(api, otherAuthor, { title: 'Antrean Tinjauan' });
      await putContent(api, otherAuthor, queued, tree([richtext('b1', '<p>Isi</p>')])).expect(200);
      await post(otherAuthor, queued, 'submit-review').expect(200);
      await get(admin, draft).expect(200);
      const queue = await api.http().get('/api/v1/courses?status=in_review&pageSize=100').set(bearer(admin)).expect(200);
      expect(queue.body.items.map((c: { id: string }) => c.id)).toContain(queued);
      expect(queue.body.items.every((c: { status: string }) => c.status === 'in_review')).toBe(true);
      const mine = await api.http().get('/api/v1/courses?mine=true').set(bearer(admin)).expect(200);
      expect(mine.body.total).toBe(0);
      const theirs = await api.http().get('/api/v1/courses?pageSize=100').set(bearer(otherAuthor)).expect(200);
      expect(theirs.body.items.every((c: { authors: { id: string }[] }) => c.authors.some((a) => a.id === otherAuthor.id))).toBe(true);
    });
  });
});
