import { JOBS, QUEUES } from '@cakap/contracts';
import { Queue } from 'bullmq';
import ExcelJS from 'exceljs';
import { binary, certificateOf, completedCourse, createTemplate, issueFor, pdfText } from './certificate-fixtures';
import { tempDataDir } from './course-fixtures';
import { bearer, createPerson, createUnit, startApi, type Api, type Person } from './harness';

describe('certificates', () => {
  let api: Api;
  let admin: Person;
  let author: Person;
  let ani: Person;
  let budi: Person;
  let courseId: string;
  let unitId: string;

  beforeAll(async () => {
    api = await startApi({ CAKAP_DATA_DIR: tempDataDir() });
    admin = await createPerson(api, ['admin']);
    author = await createPerson(api, ['author']);
    const parent = await createUnit(api.ds);
    unitId = await createUnit(api.ds, undefined, parent);
    ani = await createPerson(api, ['learner'], unitId, 'Ani Rahmawati, S.Kom.');
    budi = await createPerson(api, ['learner'], undefined, 'Budi Santoso');
    courseId = await completedCourse(api, author, admin, [ani, budi]);
    await issueFor(api, admin, courseId, [ani, budi], await createTemplate(api, admin));
  });
  afterAll(() => api.close());

  const get = (url: string, who: Person) => api.http().get(url).set(bearer(who));

  it('shows a learner their own certificates only', async () => {
    const mine = await get('/api/v1/me/certificates', ani).expect(200);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({
      status: 'valid',
      courseId,
      jp: 20,
      hasPdf: true,
      recipient: { id: ani.id, name: 'Ani Rahmawati, S.Kom.', nip: ani.nip },
      replacedBy: null,
      replaces: null,
    });
  });

  it("answers 404 to a learner for someone else's certificate and its PDF; the owner and admins get them", async () => {
    const budis = await certificateOf(api, budi, courseId);
    await get(`/api/v1/certificates/${budis.id}`, ani).expect(404);
    await get(`/api/v1/certificates/${budis.id}/pdf`, ani).expect(404);
    await get(`/api/v1/certificates/${budis.id}`, budi).expect(200);
    await get(`/api/v1/certificates/${budis.id}`, admin).expect(200);

    const pdf = await binary(get(`/api/v1/certificates/${budis.id}/pdf`, budi)).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(`sertifikat-${budis.number.replace(/\//g, '-')}.pdf`);
    const text = pdfText(pdf.body);
    expect(text).toContain('Budi Santoso');
    expect(text).toContain(budis.number);
    await binary(get(`/api/v1/certificates/${budis.id}/pdf`, admin)).expect(200);
  });

  it('answers 409 while the PDF is not stored yet', async () => {
    const anis = await certificateOf(api, ani, courseId);
    await api.ds.query(`UPDATE certificates SET storage_key = NULL WHERE id = $1`, [anis.id]);
    try {
      const res = await get(`/api/v1/certificates/${anis.id}/pdf`, ani);
      expect(res.status).toBe(409);
      expect(res.body.errors[0].code).toBe('certificate.pdfNotReady');
      expect((await get(`/api/v1/certificates/${anis.id}`, ani)).body.hasPdf).toBe(false);
    } finally {
      await api.ds.query(`UPDATE certificates SET storage_key = $2 WHERE id = $1`, [anis.id, anis.storage_key]);
    }
  });

  it('lets admins search and filter every certificate', async () => {
    const byName = await get(`/api/v1/certificates?q=rahmawati&courseId=${courseId}`, admin).expect(200);
    expect(byName.body.items.map((c: { recipient: { id: string } }) => c.recipient.id)).toEqual([ani.id]);
    const byNip = await get(`/api/v1/certificates?q=${budi.nip.slice(0, 14)}`, admin).expect(200);
    expect(byNip.body.items.map((c: { recipient: { id: string } }) => c.recipient.id)).toContain(budi.id);
    const anis = await certificateOf(api, ani, courseId);
    const byNumber = await get(`/api/v1/certificates?q=${encodeURIComponent(anis.number)}`, admin).expect(200);
    expect(byNumber.body.items).toHaveLength(1);
    // The unit filter takes the sub-units: Ani's unit is a child of the one asked for.
    const [{ parent_id }] = await api.ds.query(`SELECT parent_id FROM org_units WHERE id = $1`, [unitId]);
    const byUnit = await get(`/api/v1/certificates?orgUnitId=${parent_id}`, admin).expect(200);
    expect(byUnit.body.items.map((c: { recipient: { id: string } }) => c.recipient.id)).toEqual([ani.id]);
    const year = new Date().getFullYear();
    const byYear = await get(`/api/v1/certificates?courseId=${courseId}&year=${year}&status=valid`, admin).expect(200);
    expect(byYear.body.total).toBe(2);
    const otherYear = await get(`/api/v1/certificates?courseId=${courseId}&year=${year - 1}`, admin).expect(200);
    expect(otherYear.body.total).toBe(0);
    await get('/api/v1/certificates', ani).expect(403);
  });

  it("exports SIASN's course-history columns as CSV and XLSX", async () => {
    const csv = await get(`/api/v1/certificates/export?format=csv&courseId=${courseId}`, admin).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('NIP,Nama,Nama Kursus,Jumlah Jam,Nomor Sertifikat,Penyelenggara,Tanggal Mulai,Tanggal Selesai,Tahun,Jenis Diklat,Status');
    expect(lines).toHaveLength(3);
    const ani1 = lines.find((l) => l.startsWith(ani.nip))!;
    expect(ani1).toContain('"Ani Rahmawati, S.Kom."');
    expect(ani1).toContain(',20,');

    const xlsx = await binary(get(`/api/v1/certificates/export?format=xlsx&courseId=${courseId}`, admin)).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.name).toBe('Riwayat Kursus');
    expect(sheet.getRow(1).values).toEqual([undefined, 'NIP', 'Nama', 'Nama Kursus', 'Jumlah Jam', 'Nomor Sertifikat', 'Penyelenggara', 'Tanggal Mulai', 'Tanggal Selesai', 'Tahun', 'Jenis Diklat', 'Status']);
    expect(sheet.rowCount).toBe(3);
  });

  it('revokes with a reason (kept, marked revoked; a second revoke is 409), admins only', async () => {
    const budis = await certificateOf(api, budi, courseId);
    await api.http().post(`/api/v1/certificates/${budis.id}/revoke`).set(bearer(budi)).send({ reason: 'Data peserta keliru' }).expect(403);
    const short = await api.http().post(`/api/v1/certificates/${budis.id}/revoke`).set(bearer(admin)).send({ reason: 'x' });
    expect(short.status).toBe(400);
    const res = await api.http().post(`/api/v1/certificates/${budis.id}/revoke`).set(bearer(admin)).send({ reason: 'Data peserta keliru' }).expect(200);
    expect(res.body).toMatchObject({ id: budis.id, status: 'revoked', revokeReason: 'Data peserta keliru' });
    expect(res.body.revokedAt).not.toBeNull();
    const again = await api.http().post(`/api/v1/certificates/${budis.id}/revoke`).set(bearer(admin)).send({ reason: 'Data peserta keliru' });
    expect(again.status).toBe(409);
    expect(again.body.errors[0].code).toBe('certificate.alreadyRevoked');
    // Still there for the learner, marked revoked.
    expect((await get(`/api/v1/certificates/${budis.id}`, budi).expect(200)).body.status).toBe('revoked');
  });

  it('reissues: a new number and code replace the old certificate (kept as replaced); its PDF is queued', async () => {
    const queue = new Queue(QUEUES.certificates, { connection: { url: api.cfg.REDIS_URL }, prefix: api.cfg.QUEUE_PREFIX });
    try {
      const old = await certificateOf(api, ani, courseId);
      const res = await api.http().post(`/api/v1/certificates/${old.id}/reissue`).set(bearer(admin)).send({ reason: 'Nama salah ketik' }).expect(201);
      expect(res.body.id).not.toBe(old.id);
      expect(res.body).toMatchObject({ status: 'valid', replaces: { id: old.id, number: old.number }, hasPdf: false });
      expect(res.body.number).not.toBe(old.number);
      const job = await queue.getJob(res.body.id);
      expect(job?.name).toBe(JOBS.certificateRender.name);
      const before = await get(`/api/v1/certificates/${old.id}`, ani).expect(200);
      expect(before.body).toMatchObject({ status: 'replaced', replacedBy: { id: res.body.id, number: res.body.number } });
      const verified = await api.http().get(`/api/v1/verify/${old.code}`).expect(200);
      expect(verified.body.status).toBe('replaced');
      expect(verified.body.certificate.replacedBy).toEqual({ number: res.body.number, code: res.body.code });
      const mine = await get('/api/v1/me/certificates', ani).expect(200);
      expect(mine.body.items.map((c: { status: string }) => c.status).sort()).toEqual(['replaced', 'valid']);
      const twice = await api.http().post(`/api/v1/certificates/${old.id}/reissue`).set(bearer(admin)).send({ reason: 'Nama salah ketik' });
      expect(twice.status).toBe(409);
      expect(twice.body.errors[0].code).toBe('certificate.notReissuable');
    } finally {
      await queue.close();
    }
  });
});
