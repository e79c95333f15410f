import { JOBS } from '@cakap/contracts';
import { Queue } from 'bullmq';
import { bearer, createPerson, startApi, type Api, type Person } from './harness';

/** The api side of imports: upload, enqueue, status in the reader's language. The worker has its own tests. */
describe('users imports (api)', () => {
  let api: Api;
  let admin: Person;
  let queue: Queue;
  beforeAll(async () => {
    api = await startApi();
    admin = await createPerson(api, ['admin']);
    queue = new Queue(JOBS.userImport.queue, { connection: { url: api.cfg.REDIS_URL }, prefix: api.cfg.QUEUE_PREFIX });
  });
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
    await api.close();
  });

  const csv = 'nip,nama,email,unit_kerja,jabatan\n198609262015051001,Siti,,BKPSDMD,\n';

  it('takes a multipart upload, stores the file in Postgres and enqueues one job keyed by the import id', async () => {
    const res = await api
      .http()
      .post('/api/v1/users/imports')
      .set(bearer(admin))
      .attach('file', Buffer.from(csv), { filename: 'pegawai.csv', contentType: 'text/csv' })
      .expect(202);
    const [row] = await api.ds.query(`SELECT status, file_name, content, created_by FROM user_imports WHERE id = $1`, [res.body.id]);
    expect(row).toEqual({ status: 'queued', file_name: 'pegawai.csv', content: csv, created_by: admin.id });
    const job = await queue.getJob(res.body.id);
    expect(job?.name).toBe(JOBS.userImport.name);
    expect(job?.data).toEqual({ v: 1, importId: res.body.id });
  });

  it('takes a text/csv body too', async () => {
    const res = await api.http().post('/api/v1/users/imports').set(bearer(admin)).set('Content-Type', 'text/csv').send(csv).expect(202);
    const status = await api.http().get(`/api/v1/users/imports/${res.body.id}`).set(bearer(admin)).expect(200);
    expect(status.body).toMatchObject({ status: 'queued', total: 0, errorCount: 0, errors: [] });
  });

  it('refuses a missing, empty, non-UTF-8 or oversized file with a clear message', async () => {
    const missing = await api.http().post('/api/v1/users/imports').set(bearer(admin)).expect(400);
    expect(missing.body.errors[0]).toMatchObject({ field: 'file', message: 'Pilih berkas CSV untuk diunggah' });
    await api.http().post('/api/v1/users/imports').set(bearer(admin)).attach('file', Buffer.from('\uFEFF  \n'), 'kosong.csv').expect(400);
    const latin1 = Buffer.from([0x6e, 0x61, 0x6d, 0x61, 0x0a, 0xc9, 0x6e, 0x64, 0x61, 0x68, 0x0a]); // "Éndah" in Latin-1
    const enc = await api.http().post('/api/v1/users/imports').set(bearer(admin)).attach('file', latin1, 'latin1.csv').expect(400);
    expect(enc.body.errors[0].message).toMatch(/UTF-8/);
    const big = Buffer.alloc(10 * 1024 * 1024 + 10, 'a');
    const tooBig = await api.http().post('/api/v1/users/imports').set(bearer(admin)).attach('file', big, 'besar.csv');
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.code).toBe('file_too_large');
    expect(tooBig.body.title).toContain('10 MB');
  });

  it('reports the row errors the worker stored, translated for the reader, in slices', async () => {
    const [{ id }] = await api.ds.query(
      `INSERT INTO user_imports (content, status, total, processed, created, failed, errors, finished_at)
       VALUES ('x', 'completed', 3, 3, 1, 2, $1, now()) RETURNING id`,
      [
        JSON.stringify([
          { row: 1, field: 'nip', code: 'nip.birthDate' },
          { row: 3, field: 'unit_kerja', code: 'import.unknownOrgUnit', params: { value: 'DINAS-X' } },
        ]),
      ],
    );
    const idn = await api.http().get(`/api/v1/users/imports/${id}`).set(bearer(admin)).expect(200);
    expect(idn.body).toMatchObject({ status: 'completed', total: 3, created: 1, failed: 2, errorCount: 2 });
    expect(idn.body.errors).toEqual([
      { row: 1, field: 'nip', code: 'nip.birthDate', message: 'Tanggal lahir pada NIP (digit 1–8) tidak valid' },
      { row: 3, field: 'unit_kerja', code: 'import.unknownOrgUnit', message: 'Kode unit kerja "DINAS-X" tidak ditemukan' },
    ]);
    const en = await api.http().get(`/api/v1/users/imports/${id}?errorOffset=1&errorLimit=1`).set(bearer(admin)).set('Accept-Language', 'en').expect(200);
    expect(en.body.errors).toEqual([
      { row: 3, field: 'unit_kerja', code: 'import.unknownOrgUnit', message: 'Org unit code "DINAS-X" not found' },
    ]);
    const list = await api.http().get('/api/v1/users/imports?pageSize=50').set(bearer(admin)).expect(200);
    expect(list.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ errorCount: 2, errors: [] });
  });

  it('offers a template whose header is the documented one', async () => {
    const res = await api.http().get('/api/v1/users/imports/template').set(bearer(admin)).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    const firstLine = res.text.replace(/^\uFEFF/, '').split('\r\n')[0];
    expect(firstLine).toBe('nip,nama,email,unit_kerja,jabatan,golongan,telepon,jenis_asn,jenis_jabatan,nip_atasan');
  });
});
