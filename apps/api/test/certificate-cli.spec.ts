import { runCli } from '../src/cli/program';
import { binary, certificateOf, completedCourse, createTemplate, issueFor, tempFile } from './certificate-fixtures';
import { tempDataDir } from './course-fixtures';
import { bearer, createPerson, startApi, type Api } from './harness';

describe('pnpm cakap keys:rotate and cert:verify', () => {
  let api: Api;
  let pdf: Buffer;
  const fetched: string[] = [];

  beforeAll(async () => {
    api = await startApi({ CAKAP_DATA_DIR: tempDataDir(), PUBLIC_BASE_URL: 'https://cakap.batanghari.go.id' });
    const admin = await createPerson(api, ['admin']);
    const author = await createPerson(api, ['author']);
    const learner = await createPerson(api, ['learner'], undefined, 'Siti Aminah, S.E.');
    const courseId = await completedCourse(api, author, admin, [learner]);
    await issueFor(api, admin, courseId, [learner], await createTemplate(api, admin));
    const cert = await certificateOf(api, learner, courseId);
    pdf = (await binary(api.http().get(`/api/v1/certificates/${cert.id}/pdf`).set(bearer(learner))).expect(200)).body;
  });
  afterAll(() => api.close());

  /** Runs the CLI in-process; the instance's well-known URL is answered by this api. */
  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      openDataSource: async () => ({ ds: api.ds, close: async () => undefined }),
      certificateConfig: () => ({ keySecret: api.cfg.CAKAP_KEY_SECRET, publicBaseUrl: api.cfg.PUBLIC_BASE_URL }),
      fetchJson: async (url) => {
        fetched.push(url);
        return (await api.http().get(new URL(url).pathname).expect(200)).body;
      },
      out: (t) => out.push(t),
      err: (t) => err.push(t),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('rotates the key; a PDF signed by the retired key still verifies (online and offline)', async () => {
    const [before] = await api.ds.query(`SELECT id FROM signing_keys WHERE retired_at IS NULL`);
    const rotated = await cli('keys:rotate');
    expect(rotated.code).toBe(0);
    const [after] = await api.ds.query(`SELECT id FROM signing_keys WHERE retired_at IS NULL`);
    expect(after.id).not.toBe(before.id);
    expect(rotated.out).toContain(after.id);
    expect(rotated.out).toContain(before.id);

    const file = tempFile('sertifikat.pdf', pdf);
    const online = await cli('cert:verify', file);
    expect(online.code).toBe(0);
    expect(online.out).toContain('SAH / VALID');
    expect(online.out).toContain('Siti Aminah, S.E.');
    expect(online.out).toContain(before.id);
    expect(fetched).toEqual(['https://cakap.batanghari.go.id/.well-known/cakap-keys.json']);

    const keys = (await api.http().get('/.well-known/cakap-keys.json').expect(200)).body;
    const offline = await cli('cert:verify', file, '--keys', tempFile('cakap-keys.json', JSON.stringify(keys)));
    expect(offline.code).toBe(0);
    expect(fetched).toHaveLength(1);
  });

  it('reports a tampered PDF as INVALID with exit code 1', async () => {
    const text = pdf.toString('latin1');
    expect(text).toContain('"jp":20,');
    const tampered = Buffer.from(text.replace('"jp":20,', '"jp":40,'), 'latin1');
    const res = await cli('cert:verify', tempFile('palsu.pdf', tampered));
    expect(res.code).toBe(1);
    expect(res.out).toContain('TIDAK SAH / INVALID');
    expect(res.out).toContain('altered');
  });

  it('refuses a file without a signed payload, a missing file and a key file that is not a key set', async () => {
    const plain = await cli('cert:verify', tempFile('bukan.pdf', '%PDF-1.4\n%%EOF\n'));
    expect(plain.code).toBe(1);
    expect(plain.out).toContain('no signed certificate data');
    const missing = await cli('cert:verify', '/tidak/ada.pdf');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Cannot read the file');
    const badKeys = await cli('cert:verify', tempFile('s.pdf', pdf), '--keys', tempFile('k.json', '{"keys": 1}'));
    expect(badKeys.code).toBe(1);
    expect(badKeys.err).toContain('is not a Cakap key set');
  });
});
