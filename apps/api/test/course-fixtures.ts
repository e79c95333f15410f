import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { bearer, type Api, type Person } from './harness';

/** Helpers of the authoring specs: files under a temporary data dir, courses through the api. */
export const tempDataDir = () => mkdtempSync(join(tmpdir(), 'cakap-api-files-'));

/** The smallest real files of each accepted type (only their first bytes matter to the server). */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(64)]);
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** An MP4 header (ftyp isom) followed by counting bytes, so ranges can be checked byte by byte. */
export const MP4 = Buffer.concat([
  Buffer.from([0x00, 0x00, 0x00, 0x18]),
  Buffer.from('ftypisom'),
  Buffer.alloc(12),
  Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251)),
]);
export const WEBM = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84]), Buffer.from('webm'), Buffer.alloc(32)]);

export function upload(api: Api, who: Person, kind: string, bytes: Buffer, fileName: string, courseId?: string) {
  const req = api.http().post('/api/v1/files').set(bearer(who)).field('kind', kind);
  if (courseId) req.field('courseId', courseId);
  return req.attach('file', bytes, fileName);
}

export async function createCourse(api: Api, who: Person, body: Record<string, unknown> = {}): Promise<string> {
  const res = await api
    .http()
    .post('/api/v1/courses')
    .set(bearer(who))
    .send({ title: 'Pelayanan Publik Prima', summary: 'Standar pelayanan bagi ASN', jp: 2, ...body })
    .expect(201);
  return res.body.id;
}

export type Block = { key: string; type: string; data: unknown };

/** One module, one lesson, the given blocks. */
export const tree = (blocks: Block[], title = 'Pelajaran 1') => ({
  modules: [{ key: 'm1', title: 'Modul 1', lessons: [{ key: 'l1', title, blocks }] }],
});

export async function revisionOf(api: Api, who: Person, id: string): Promise<number> {
  const res = await api.http().get(`/api/v1/courses/${id}`).set(bearer(who)).expect(200);
  return res.body.revision;
}

/** A request that is built lazily (it may first read the revision) but reads like supertest: `.set()`, `.expect(status)`, await. */
class PendingRequest implements PromiseLike<Response> {
  private readonly headers: Record<string, string> = {};
  private status?: number;
  constructor(private readonly run: (headers: Record<string, string>) => Promise<Response>) {}
  set(name: string, value: string): this {
    this.headers[name] = value;
    return this;
  }
  expect(status: number): this {
    this.status = status;
    return this;
  }
  then<A = Response, B = never>(ok?: ((r: Response) => A | PromiseLike<A>) | null, fail?: ((e: unknown) => B | PromiseLike<B>) | null) {
    return this.run(this.headers)
      .then((res) => {
        if (this.status !== undefined && res.status !== this.status) {
          throw new Error(`expected ${this.status}, got ${res.status}: ${JSON.stringify(res.body)}`);
        }
        return res;
      })
      .then(ok, fail);
  }
}

/** PUT the content with the given revision, or with the current one (read first). */
export function putContent(api: Api, who: Person, id: string, content: object, revision?: number) {
  return new PendingRequest(async (headers) => {
    const rev = revision ?? (await revisionOf(api, who, id));
    return api
      .http()
      .put(`/api/v1/courses/${id}/content`)
      .set(bearer(who))
      .set(headers)
      .send({ ...content, revision: rev });
  });
}

/** Submit (author) and publish (admin); answers the version number. */
export async function publish(api: Api, author: Person, admin: Person, id: string): Promise<number> {
  await api.http().post(`/api/v1/courses/${id}/submit-review`).set(bearer(author)).expect(200);
  const res = await api.http().post(`/api/v1/courses/${id}/publish`).set(bearer(admin)).send({}).expect(200);
  return res.body.version;
}

export const richtext = (key: string, html: string): Block => ({ key, type: 'richtext', data: { html } });
