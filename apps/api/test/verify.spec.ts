import { verifyPayload } from '@cakap/certificates';
import { maskNip, publicKeySetSchema, verificationSchema } from '@cakap/contracts';
import { certificateOf, completedCourse, createTemplate, issueFor } from './certificate-fixtures';
import { tempDataDir } from './course-fixtures';
import { createPerson, startApi, type Api, type Person } from './harness';

describe('public verification', () => {
  let api: Api;
  let ani: Person;
  let budi: Person;
  let courseId: string;

  beforeAll(async () => {
    api = await startApi({ CAKAP_DATA_DIR: tempDataDir() });
    const admin = await createPerson(api, ['admin']);
    const author = await createPerson(api, ['author']);
    ani = await createPerson(api, ['learner'], undefined, "Ahmad Khoiru'l Éndah, S.H., M.H.");
    budi = await createPerson(api, ['learner'], undefined, 'Budi Santoso');
    courseId = await completedCourse(api, author, admin, [ani, budi]);
    await issueFor(api, admin, courseId, [ani, budi], await createTemplate(api, admin));
  });
  afterAll(() => api.close());

  const verify = (code: string) => api.http().get(`/api/v1/verify/${code}`);

  it('answers a valid certificate without login, NIP masked everywhere, naming its published signing key', async () => {
    const cert = await certificateOf(api, ani, courseId);
    const res = await verify(cert.code).expect(200);
    const v = verificationSchema.parse(res.body);
    expect(v.status).toBe('valid');
    expect(v.certificate).toMatchObject({ number: cert.number, code: cert.code, name: "Ahmad Khoiru'l Éndah, S.H., M.H.", jp: 20, revokedAt: null, replacedBy: null });
    expect(v.certificate.nip).toBe(maskNip(ani.nip));
    // The full NIP is nowhere in the public answer (the signed payload that holds it stays in the PDF).
    expect(res.text).not.toContain(ani.nip);
    expect(res.headers['cache-control']).toBe('no-store');

    // The key that signed it is published, so the PDF's payload can be checked against it.
    const keys = await api.http().get('/.well-known/cakap-keys.json').expect(200);
    const key = publicKeySetSchema.parse(keys.body).keys.find((k) => k.kid === v.signature.keyId)!;
    const [row] = await api.ds.query(`SELECT payload, signature FROM certificates WHERE id = $1`, [cert.id]);
    expect(verifyPayload(key.x, row.payload, row.signature)).toBe(true);
  });

  it('accepts the code in lower case or with spaces, and answers 404 for an unknown one', async () => {
    const cert = await certificateOf(api, ani, courseId);
    await verify(cert.code.toLowerCase()).expect(200);
    await verify(`${cert.code.slice(0, 5)}%20${cert.code.slice(5)}`).expect(200);
    const unknown = await verify('ZZZZZZZZZZ').expect(404);
    expect(unknown.body.code).toBe('not_found');
    await verify('bukan-kode!').expect(404);
  });

  it('shows a revoked certificate as revoked with the date and reason', async () => {
    const cert = await certificateOf(api, budi, courseId);
    await api.ds.query(
      `UPDATE certificates SET status = 'revoked', revoked_at = now(), revoke_reason = 'Data peserta keliru' WHERE id = $1`,
      [cert.id],
    );
    const res = await verify(cert.code).expect(200);
    expect(res.body.status).toBe('revoked');
    expect(res.body.certificate.revokeReason).toBe('Data peserta keliru');
    expect(res.body.certificate.revokedAt).not.toBeNull();
  });

  it('publishes the public keys at the root with a cache lifetime', async () => {
    const res = await api.http().get('/.well-known/cakap-keys.json').expect(200);
    expect(res.headers['cache-control']).toContain('max-age=');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const set = publicKeySetSchema.parse(res.body);
    expect(set.keys.length).toBeGreaterThan(0);
    expect(set.keys.filter((k) => !k.retired)).toHaveLength(1);
    await api.http().get('/api/v1/.well-known/cakap-keys.json').expect(404);
  });

  it('limits verifications per address: 429 with Retry-After past 60 a minute', async () => {
    const fresh = await startApi({ CAKAP_DATA_DIR: tempDataDir() });
    try {
      for (let i = 0; i < 60; i++) await fresh.http().get('/api/v1/verify/ZZZZZZZZZZ').expect(404);
      const res = await fresh.http().get('/api/v1/verify/ZZZZZZZZZZ').expect(429);
      expect(res.body.code).toBe('too_many_attempts');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await fresh.close();
    }
  });
});
