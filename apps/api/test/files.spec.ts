import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UrlSigner } from '../src/files/url-signer';
import { bearer, createPerson, startApi, type Api, type Person } from './harness';
import { JPEG, MP4, PDF, PNG, WEBM, createCourse, tempDataDir, upload } from './course-fixtures';

describe('files: uploads and signed downloads', () => {
  let api: Api;
  let author: Person;
  let other: Person;
  const dataDir = tempDataDir();

  beforeAll(async () => {
    // Small limits, so that "too large" needs no large file.
    api = await startApi({
      CAKAP_DATA_DIR: dataDir,
      FILE_MAX_IMAGE_BYTES: '2048',
      FILE_MAX_DOCUMENT_BYTES: '4096',
      FILE_MAX_VIDEO_BYTES: '8192',
    });
    author = await createPerson(api, ['author'], undefined, 'Penulis Berkas');
    other = await createPerson(api, ['author'], undefined, 'Penulis Lain');
  });
  afterAll(async () => {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['image', 'logo.png', 'image/png', PNG],
    ['image', 'foto.JPG', 'image/jpeg', JPEG],
    ['document', 'Modul 1.pdf', 'application/pdf', PDF],
    ['video', 'kuliah.mp4', 'video/mp4', MP4],
    ['video', 'kuliah.webm', 'video/webm', WEBM],
  ])('stores a %s (%s, %s) by its content and answers a signed URL', async (kind, name, mime, bytes) => {
    const res = await upload(api, author, kind as string, bytes as Buffer, name as string).expect(201);
    expect(res.body).toMatchObject({ kind, fileName: name, mimeType: mime, size: (bytes as Buffer).length });
    const body = await api.http().get(res.body.url).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(body.status).toBe(200);
    expect(body.headers['content-type']).toBe(mime);
    expect(body.headers['x-content-type-options']).toBe('nosniff');
    expect(body.headers['accept-ranges']).toBe('bytes');
    expect(body.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    expect(body.headers['content-disposition']).toMatch(/^inline; /);
    expect(Buffer.compare(body.body as Buffer, bytes as Buffer)).toBe(0);
  });

  it('refuses a fake image (HTML named .png) and SVG with 415, naming what is allowed', async () => {
    const html = Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>');
    const fake = await upload(api, author, 'image', html, 'kucing.png').set('Accept-Language', 'en').expect(415);
    expect(fake.body).toMatchObject({ code: 'file_type_not_allowed', title: 'File type not allowed. Allowed: JPEG, PNG, WebP, GIF' });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="1"/></svg>');
    expect((await upload(api, author, 'image', svg, 'ikon.svg')).status).toBe(415);
    // A PDF is not a video, a PNG is not a document, a bare ZIP is not an office file.
    expect((await upload(api, author, 'video', PDF, 'x.mp4')).status).toBe(415);
    expect((await upload(api, author, 'document', PNG, 'x.pdf')).status).toBe(415);
    expect((await upload(api, author, 'document', Buffer.from('PK\x03\x04rest'), 'arsip.zip')).status).toBe(415);
  });

  it('refuses files over the limit of their kind with 413 and keeps nothing', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(3000)]);
    const res = await upload(api, author, 'image', big, 'besar.png').expect(413);
    expect(res.body).toMatchObject({ code: 'file_too_large', title: 'Berkas terlalu besar (maksimal 2 KB)' });
    // The kind given after the file: caught after spooling, still refused.
    const late = await api
      .http()
      .post('/api/v1/files')
      .set(bearer(author))
      .attach('file', big, 'besar.png')
      .field('kind', 'image')
      .expect(413);
    expect(late.body.code).toBe('file_too_large');
    // A video of the same size is fine.
    await upload(api, author, 'video', Buffer.concat([MP4, Buffer.alloc(2000)]), 'v.mp4').expect(201);
    const spool = join(dataDir, 'tmp', 'uploads');
    expect(readdirSync(spool)).toEqual([]);
  });

  it('asks for the file and a valid kind', async () => {
    const none = await api.http().post('/api/v1/files').set(bearer(author)).field('kind', 'image').expect(400);
    expect(none.body.errors[0]).toMatchObject({ field: 'file', code: 'files.missing' });
    const kind = await upload(api, author, 'audio', PNG, 'x.png').expect(400);
    expect(kind.body.errors[0]).toMatchObject({ field: 'kind', code: 'validation.enum' });
  });

  it("refuses to attach a file to a course the caller cannot edit (404)", async () => {
    const theirs = await createCourse(api, other);
    await upload(api, author, 'image', PNG, 'x.png', theirs).expect(404);
    await upload(api, other, 'image', PNG, 'x.png', theirs).expect(201);
  });

  it('serves byte ranges for video seeking', async () => {
    const { body: file } = await upload(api, author, 'video', MP4, 'seek.mp4').expect(201);
    const binary = (req: ReturnType<ReturnType<Api['http']>['get']>) =>
      req.buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    const part = await binary(api.http().get(file.url).set('Range', 'bytes=100-199'));
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${MP4.length}`);
    expect(part.headers['content-length']).toBe('100');
    expect(Buffer.compare(part.body as Buffer, MP4.subarray(100, 200))).toBe(0);

    const tail = await binary(api.http().get(file.url).set('Range', 'bytes=-10'));
    expect(tail.status).toBe(206);
    expect(Buffer.compare(tail.body as Buffer, MP4.subarray(MP4.length - 10))).toBe(0);
    const open = await binary(api.http().get(file.url).set('Range', `bytes=${MP4.length - 5}-`));
    expect(open.headers['content-range']).toBe(`bytes ${MP4.length - 5}-${MP4.length - 1}/${MP4.length}`);

    const beyond = await api.http().get(file.url).set('Range', `bytes=${MP4.length}-`);
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${MP4.length}`);
    const cached = await api.http().get(file.url).set('If-None-Match', part.headers.etag);
    expect(cached.status).toBe(304);
  });

  it('offers a download under the original name (RFC 5987)', async () => {
    const { body: file } = await upload(api, author, 'document', PDF, 'Materi Ringkas.pdf').expect(201);
    const res = await api.http().get(`${file.url}&download=1`).expect(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Materi Ringkas.pdf"; filename*=UTF-8''Materi%20Ringkas.pdf`);
    const { body: utf8 } = await upload(api, author, 'document', PDF, 'Pelayanan – Publik ✓.pdf').expect(201);
    expect(utf8.fileName).toBe('Pelayanan – Publik ✓.pdf');
    const named = await api.http().get(`${utf8.url}&download=1`).expect(200);
    expect(named.headers['content-disposition']).toBe(
      `attachment; filename="Pelayanan _ Publik _.pdf"; filename*=UTF-8''Pelayanan%20%E2%80%93%20Publik%20%E2%9C%93.pdf`,
    );
  });

  it('refuses a tampered, foreign or expired signature', async () => {
    const { body: a } = await upload(api, author, 'image', PNG, 'a.png').expect(201);
    const { body: b } = await upload(api, author, 'image', PNG, 'b.png').expect(201);
    const sigOf = (url: string) => new URL(url, 'http://x').searchParams.get('sig')!;
    const expOf = (url: string) => new URL(url, 'http://x').searchParams.get('exp')!;

    const flipped = sigOf(a.url).replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    await api.http().get(`/api/v1/files/${a.id}/content?exp=${expOf(a.url)}&sig=${flipped}`).expect(403);
    await api.http().get(`/api/v1/files/${a.id}/content?exp=${Number(expOf(a.url)) + 300}&sig=${sigOf(a.url)}`).expect(403);
    await api.http().get(`/api/v1/files/${b.id}/content?exp=${expOf(a.url)}&sig=${sigOf(a.url)}`).expect(403);
    await api.http().get(`/api/v1/files/${a.id}/content`).expect(403);

    const signer = api.app.get(UrlSigner);
    const expired = signer.url(a.id, Date.now() - 3 * 86_400_000);
    expect(signer.verify(a.id, expOf(expired), sigOf(expired))).toBe('expired');
    await api.http().get(expired).expect(403);

    // A valid signature of a file that does not exist (any more): 404.
    const ghost = '0f8fad5b-d9cb-469f-a165-70867728950e';
    await api.http().get(signer.url(ghost)).expect(404);
  });
});
