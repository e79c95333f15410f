import { JOBS, QUEUES } from '@cakap/contracts';
import { Queue } from 'bullmq';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { binary, completedCourse, createTemplate, runBatch, tempFile } from './certificate-fixtures';
import { tempDataDir } from './course-fixtures';
import { bearer, createPerson, nextNip, startApi, type Api, type Person } from './harness';

describe('certificate batches', () => {
  let api: Api;
  let admin: Person;
  let author: Person;
  let learners: Person[];
  let outsider: Person;
  let courseId: string;
  let templateId: string;
  let queue: Queue;

  beforeAll(async () => {
    api = await startApi({ CAKAP_DATA_DIR: tempDataDir() });
    admin = await createPerson(api, ['admin']);
    author = await createPerson(api, ['author']);
    learners = [];
    for (let i = 0; i < 3; i++) learners.push(await createPerson(api, ['learner'], undefined, `Peserta Batch ${i + 1}`));
    outsider = await createPerson(api, ['learner']);
    courseId = await completedCourse(api, author, admin, learners);
    templateId = await createTemplate(api, admin);
    queue = new Queue(QUEUES.certificates, { connection: { url: api.cfg.REDIS_URL }, prefix: api.cfg.QUEUE_PREFIX });
  });
  afterAll(async () => {
    await queue.close();
    await api.close();
  });

  const post = (body: Record<string, unknown>, who = admin) => api.http().post('/api/v1/certificate-batches').set(bearer(who)).send(body);

  it('records the batch and its items in Postgres, then enqueues its job (jobId = batch id)', async () => {
    const unknownNip = nextNip();
    const res = await post({ courseId, templateId, nips: [...learners.map((l) => l.nip), outsider.nip, unknownNip] }).expect(202);
    const id = res.body.id;
    const job = await queue.getJob(id);
    expect(job?.name).toBe(JOBS.certificateBatch.name);
    expect(job?.data).toEqual({ v: 1, batchId: id });

    const batch = await api.http().get(`/api/v1/certificate-batches/${id}`).set(bearer(admin)).expect(200);
    expect(batch.body).toMatchObject({ kind: 'manual', status: 'queued', total: 5, course: { id: courseId }, template: { id: templateId }, criteria: { listed: 5 } });
    expect(batch.body.createdBy.id).toBe(admin.id);

    const failed = await api.http().get(`/api/v1/certificate-batches/${id}/items?status=failed`).set(bearer(admin)).set('Accept-Language', 'en').expect(200);
    const reasons = Object.fromEntries(failed.body.items.map((i: { nip: string; reason: string }) => [i.nip, i.reason]));
    expect(reasons).toEqual({ [outsider.nip]: 'Has not completed this course', [unknownNip]: 'This NIP is not registered' });

    const list = await api.http().get(`/api/v1/certificate-batches?courseId=${courseId}`).set(bearer(admin)).expect(200);
    expect(list.body.items.map((b: { id: string }) => b.id)).toContain(id);
  });

  it('refuses a course that is not published, and a selection of both users and NIPs', async () => {
    const draft = await api.http().post('/api/v1/courses').set(bearer(author)).send({ title: 'Kursus Draf Sertifikat', jp: 2 }).expect(201);
    const res = await post({ courseId: draft.body.id, templateId, nips: [learners[0].nip] });
    expect(res.status).toBe(409);
    expect(res.body.errors[0]).toMatchObject({ field: 'courseId', code: 'certificate.courseNotPublished' });
    const both = await post({ courseId, userIds: [learners[0].id], nips: [learners[0].nip] });
    expect(both.status).toBe(400);
    expect(both.body.errors[0].code).toBe('certificate.oneSelection');
    await post({ courseId, nips: [learners[0].nip] }, learners[0]).expect(403);
  });

  it('streams progress as server-sent events until the batch finishes', async () => {
    const { body } = await post({ courseId, templateId, userIds: [learners[0].id] }).expect(202);
    const server = api.app.getHttpServer() as http.Server;
    if (!server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const frames: string[] = [];
    const ended = new Promise<{ status: number; type: string }>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port, path: `/api/v1/certificate-batches/${body.id}/events`, headers: bearer(admin) },
        (res) => {
          res.setEncoding('utf8');
          let buf = '';
          res.on('data', (chunk: string) => {
            buf += chunk;
            let at: number;
            while ((at = buf.indexOf('\n\n')) >= 0) {
              frames.push(buf.slice(0, at));
              buf = buf.slice(at + 2);
            }
          });
          res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']) }));
        },
      );
      req.on('error', reject);
    });
    // The first frame arrives on connect; then the counters change in Postgres, then it finishes.
    await waitFor(() => frames.length >= 1);
    await api.ds.query(`UPDATE certificate_batches SET status = 'running', started_at = now() WHERE id = $1`, [body.id]);
    await waitFor(() => frames.length >= 2);
    await api.ds.query(`UPDATE certificate_batches SET status = 'completed', finished_at = now(), issued = 1 WHERE id = $1`, [body.id]);
    const res = await ended;
    expect(res.status).toBe(200);
    expect(res.type).toContain('text/event-stream');
    const events = frames.filter((f) => f.startsWith('event: progress')).map((f) => JSON.parse(f.split('\ndata: ')[1]));
    expect(events[0]).toMatchObject({ id: body.id, status: 'queued', total: 1 });
    expect(events.map((e) => e.status)).toEqual(['queued', 'running', 'completed']);
    expect(events.at(-1)).toMatchObject({ issued: 1 });
  });

  it('downloads a finished batch as a ZIP with one PDF per certificate, named by number; 409 while it runs', async () => {
    const { body } = await post({ courseId, templateId, nips: learners.map((l) => l.nip) }).expect(202);
    const early = await api.http().get(`/api/v1/certificate-batches/${body.id}/archive`).set(bearer(admin));
    expect(early.status).toBe(409);
    expect(early.body.errors[0].code).toBe('certificate.batchNotFinished');

    await runBatch(api, body.id);
    const numbers: { number: string }[] = await api.ds.query(
      `SELECT c.number FROM certificate_batch_items i JOIN certificates c ON c.id = i.certificate_id WHERE i.batch_id = $1 AND i.status = 'issued' ORDER BY 1`,
      [body.id],
    );
    expect(numbers.length).toBeGreaterThan(0);
    const zip = await binary(api.http().get(`/api/v1/certificate-batches/${body.id}/archive`).set(bearer(admin))).expect(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const listing = execFileSync('unzip', ['-Z1', tempFile('batch.zip', zip.body)], { encoding: 'utf8' }).trim().split('\n');
    expect(listing.sort()).toEqual(numbers.map((n) => `${n.number.replace(/\//g, '-')}.pdf`));
    // Every entry is a whole PDF.
    execFileSync('unzip', ['-tq', tempFile('batch.zip', zip.body)]);
  });

  it('puts failed items back to pending on retry and enqueues the batch again', async () => {
    const stranger = nextNip();
    const { body } = await post({ courseId, templateId, nips: [stranger] }).expect(202);
    await runBatch(api, body.id);
    await queue.remove(body.id);
    const res = await api.http().post(`/api/v1/certificate-batches/${body.id}/retry`).set(bearer(admin)).expect(202);
    expect(res.body.id).toBe(body.id);
    expect(await queue.getJob(body.id)).toBeDefined();
    const [item] = await api.ds.query(`SELECT status FROM certificate_batch_items WHERE batch_id = $1`, [body.id]);
    expect(item.status).toBe('pending');
  });

  it('answers 404 for an unknown batch', async () => {
    await api.http().get('/api/v1/certificate-batches/00000000-0000-4000-8000-000000000000').set(bearer(admin)).expect(404);
    await api.http().get('/api/v1/certificate-batches/00000000-0000-4000-8000-000000000000/events').set(bearer(admin)).expect(404);
  });
});

async function waitFor(check: () => boolean, ms = 5000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
