import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  canonicalPayload,
  generateSigningKey,
  loadCertificateFonts,
  prepareTemplate,
  privateKeyFromDer,
  readSignedPayload,
  renderCertificate,
  signPayload,
} from '@cakap/certificates';
import type { CertificateField } from '@cakap/plugin-sdk';

// A template is only judged right by how the core's real renderer prints it: @cakap/certificates is
// a dev dependency of this test (the plugin itself depends on the SDK only).
import { sttpDefaultConfig, sttpLayout } from './sttp';

// The real tools (poppler-utils, zbar-tools) read what the renderer wrote from this layout.
const dir = mkdtempSync(join(tmpdir(), 'cakap-sttp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

const fields: Record<CertificateField, string> = {
  number: '0042/BKPSDMD-BH/XI/2026',
  name: "Ahmad Khoiru'l Éndah, S.H., M.H.",
  nip: '19860926 201505 1 001',
  rank: 'Penata Muda Tingkat I (III/b)',
  position: 'Analis Sumber Daya Manusia Aparatur Ahli Pertama',
  orgUnit: 'Bidang Pengembangan Kompetensi Aparatur, BKPSDMD Kabupaten Batanghari',
  courseTitle: 'Pelayanan Publik Prima bagi Aparatur Sipil Negara',
  jpText: '20 (dua puluh) jam pelajaran',
  courseDates: '3 s.d. 28 November 2026',
  placeDate: 'Muara Bulian, 28 November 2026',
  code: 'K7M2Q9XD4T',
  verifyUrl: 'https://cakap.batangharikab.go.id/verify/K7M2Q9XD4T',
};

async function render(config = sttpDefaultConfig): Promise<string> {
  const prepared = await prepareTemplate(sttpLayout(config), {
    fonts: loadCertificateFonts(),
    logo: { bytes: readFileSync(join(__dirname, 'fixtures/logo.png')), mime: 'image/png' },
  });
  const key = generateSigningKey();
  const payload = canonicalPayload({
    v: 1,
    kid: key.kid,
    code: fields.code,
    number: fields.number,
    name: fields.name,
    nip: fields.nip.replace(/ /g, ''),
    course: fields.courseTitle,
    jp: 20,
    start: '2026-11-03',
    end: '2026-11-28',
    issuedOn: '2026-11-28',
    issuer: 'BKPSDMD Kabupaten Batanghari',
  });
  const pdf = renderCertificate(prepared, fields, { payload, signature: signPayload(privateKeyFromDer(key.privateKeyDer), payload), keyId: key.kid });
  expect(readSignedPayload(pdf)?.payload).toBe(payload);
  const file = join(dir, `sttp-${Date.now()}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

describe('sttp rendered by the core', () => {
  it('prints every part as real text, the name intact', async () => {
    const text = run('pdftotext', ['-layout', await render(), '-']);
    for (const expected of [
      'PEMERINTAH KABUPATEN BATANGHARI',
      'BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA DAERAH',
      'SERTIFIKAT',
      'Nomor: 0042/BKPSDMD-BH/XI/2026',
      // Static text after the letter-spaced title keeps its own spacing (no letters torn apart).
      'diberikan kepada:',
      'Pangkat/Golongan',
      'Unit Kerja',
      'telah mengikuti e-learning',
      "Ahmad Khoiru'l Éndah, S.H., M.H.",
      '19860926 201505 1 001',
      'Penata Muda Tingkat I (III/b)',
      'Analis Sumber Daya Manusia Aparatur Ahli Pertama',
      'Bidang Pengembangan Kompetensi Aparatur, BKPSDMD Kabupaten Batanghari',
      'Pelayanan Publik Prima bagi Aparatur Sipil Negara',
      '3 s.d. 28 November 2026',
      'meliputi 20 (dua puluh) jam pelajaran',
      'Muara Bulian, 28 November 2026',
      'Kepala BKPSDMD Kabupaten Batanghari',
      sttpDefaultConfig.signerName,
      'NIP. 19690309 199403 2 001',
      'K7M2Q9XD4T',
      'Verifikasi keaslian: https://cakap.batangharikab.go.id/verify/K7M2Q9XD4T',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('has a QR code that scans to the verification URL, and a picture to look at (/tmp/sttp.png)', async () => {
    const base = join(tmpdir(), 'sttp');
    run('pdftoppm', ['-r', '110', '-png', '-singlefile', await render(), base]);
    expect(run('zbarimg', ['--raw', '-q', `${base}.png`]).trim()).toBe(fields.verifyUrl);
  });
});
