import { CertificateRenderer, issueChunk } from '@cakap/issuance';
import type { PluginRegistry } from '@cakap/plugin-sdk/host';
import type { FileStorage } from '@cakap/storage';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Test } from 'supertest';
import { PLUGINS } from '../src/plugins/plugins.module';
import { FILE_STORAGE } from '../src/storage/storage.module';
import { completeLesson } from './competency-profile-fixtures';
import { richtext } from './course-fixtures';
import { bearer, type Api, type Person } from './harness';
import { enroll, publishedCourse } from './quiz-attempt-fixtures';

/** The response body as bytes (PDF, ZIP). */
export const binary = (req: Test) =>
  req.buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });

/** A file in a fresh temporary directory (for pdftotext, unzip, the CLI). */
export function tempFile(name: string, bytes: Buffer | string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cakap-cert-')), name);
  writeFileSync(path, bytes);
  return path;
}

/** The text of a PDF as `pdftotext` (poppler) extracts it. */
export function pdfText(bytes: Buffer): string {
  return execFileSync('pdftotext', ['-layout', tempFile('c.pdf', bytes), '-'], { encoding: 'utf8' });
}

const tag = () => randomBytes(3).toString('hex').toUpperCase();

/** The built-in template type's default configuration, as the editor starts from it. */
export async function defaultConfig(api: Api, admin: Person): Promise<Record<string, unknown>> {
  const res = await api.http().get('/api/v1/certificate-template-types').set(bearer(admin)).expect(200);
  return res.body.find((t: { key: string }) => t.key === 'sttp').defaultConfig;
}

/** A valid template body with a name and number pattern of its own (test files share the database). */
export async function templateBody(api: Api, admin: Person, over: Record<string, unknown> = {}) {
  const t = tag();
  return { name: `Templat Uji ${t}`, templateKey: 'sttp', config: await defaultConfig(api, admin), numberPattern: `{seq:4}/UJI-${t}/{year}`, ...over };
}

export async function createTemplate(api: Api, admin: Person, over: Record<string, unknown> = {}): Promise<string> {
  const res = await api.http().post('/api/v1/certificate-templates').set(bearer(admin)).send(await templateBody(api, admin, over));
  if (res.status !== 201) throw new Error(`template: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** A published one-lesson course every given learner has completed. */
export async function completedCourse(api: Api, author: Person, admin: Person, learners: Person[]): Promise<string> {
  const courseId = await publishedCourse(api, author, admin, [richtext('b1', '<p>Materi</p>')], { jp: 20, title: `Kursus Sertifikat ${tag()}` });
  for (const learner of learners) await completeLesson(api, learner, await enroll(api, learner, courseId));
  return courseId;
}

/**
 * Does what the worker does with a batch (@cakap/issuance: issue every pending item, render
 * and store the PDFs, finish the batch), in-process: the worker itself is tested in apps/worker.
 */
export async function runBatch(api: Api, batchId: string): Promise<void> {
  const registry = api.app.get<PluginRegistry>(PLUGINS);
  const renderer = new CertificateRenderer({
    storage: api.app.get<FileStorage>(FILE_STORAGE),
    templateType: (key) => registry.certificateTemplate(key),
    publicBaseUrl: api.cfg.PUBLIC_BASE_URL,
  });
  for (;;) {
    const chunk = await issueChunk(api.ds, batchId, { secret: api.cfg.CAKAP_KEY_SECRET, limit: 500 });
    if (chunk.issued.length) await renderer.renderAndStore(api.ds, chunk.issued);
    if (!chunk.picked) break;
  }
  await api.ds.query(`UPDATE certificate_batches SET status = 'completed', finished_at = coalesce(finished_at, now()) WHERE id = $1`, [batchId]);
}

/** A batch through the api for these learners, run to the end; answers the batch id. */
export async function issueFor(api: Api, admin: Person, courseId: string, learners: Person[], templateId?: string): Promise<string> {
  const res = await api
    .http()
    .post('/api/v1/certificate-batches')
    .set(bearer(admin))
    .send({ courseId, nips: learners.map((l) => l.nip), ...(templateId ? { templateId } : {}) });
  if (res.status !== 202) throw new Error(`batch: ${res.status} ${JSON.stringify(res.body)}`);
  await runBatch(api, res.body.id);
  return res.body.id;
}

export async function certificateOf(api: Api, learner: Person, courseId: string) {
  const [row] = await api.ds.query(`SELECT * FROM certificates WHERE user_id = $1 AND course_id = $2 AND status <> 'replaced'`, [learner.id, courseId]);
  return row as { id: string; number: string; code: string; storage_key: string | null; status: string };
}
