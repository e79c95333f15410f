import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CertificateLayout } from '@cakap/plugin-sdk';
import { newVerificationCode } from './codes';
import { loadCertificateFonts } from './fonts';
import { canonicalPayload } from './payload';
import { type CertificateFieldValues, renderCertificate, renderCertificateParts } from './render';
import { readSignedPayload } from './signed-payload';
import { generateSigningKey, privateKeyFromDer, signPayload, verifyPayload } from './signing';
import { prepareTemplate, type PreparedTemplate } from './template';

// The real tools (poppler-utils, zbar-tools) read what we write: no PDF library of our own
// grades its own output.
const dir = mkdtempSync(join(tmpdir(), 'cakap-cert-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileNo = 0;
function run(cmd: string, args: string[]): { stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr };
}
function save(pdf: Uint8Array): string {
  const file = join(dir, `c${++fileNo}.pdf`);
  writeFileSync(file, pdf);
  return file;
}
/** pdftotext's text, asserting poppler had nothing to complain about. */
function textOf(pdf: Uint8Array): string {
  const { stdout, stderr } = run('pdftotext', ['-layout', save(pdf), '-']);
  expect(stderr).toBe('');
  return stdout;
}
/** Rasterises at 150 dpi (no warnings allowed) and decodes the QR codes with zbarimg. */
function qrOf(pdf: Uint8Array): string {
  const base = join(dir, `r${++fileNo}`);
  const { stderr } = run('pdftoppm', ['-r', '150', '-png', '-singlefile', save(pdf), base]);
  expect(stderr).toBe('');
  return run('zbarimg', ['--raw', '-q', `${base}.png`]).stdout.trim();
}

const layout: CertificateLayout = {
  width: 842,
  height: 595,
  elements: [
    { kind: 'rect', x: 20, y: 20, width: 802, height: 555, stroke: '#1b4f72', lineWidth: 3 },
    { kind: 'rect', x: 30, y: 540, width: 782, height: 25, fill: '#f4d03f' },
    { kind: 'logo', x: 40, y: 480, width: 80, height: 80 },
    { kind: 'text', text: 'PEMERINTAH KABUPATEN BATANGHARI', x: 421, y: 545, size: 14, font: 'sans-bold', align: 'center' },
    { kind: 'text', text: 'SERTIFIKAT', x: 421, y: 490, size: 36, font: 'serif-bold', align: 'center', spacing: 4, color: '#1b4f72' },
    { kind: 'text', text: 'Nomor: {number}', x: 421, y: 465, size: 12, font: 'sans', align: 'center' },
    { kind: 'text', text: 'diberikan kepada', x: 421, y: 440, size: 12, font: 'sans-italic', align: 'center' },
    { kind: 'text', text: '{name}', x: 421, y: 410, size: 24, font: 'serif-bold', align: 'center', maxWidth: 600 },
    { kind: 'text', text: 'NIP {nip}', x: 421, y: 390, size: 12, font: 'sans', align: 'center' },
    { kind: 'text', text: '{rank}', x: 421, y: 375, size: 12, font: 'sans', align: 'center' },
    { kind: 'text', text: '{courseTitle}', x: 421, y: 340, size: 16, font: 'sans-bold', align: 'center', maxWidth: 600 },
    { kind: 'text', text: 'meliputi {jpText}', x: 421, y: 320, size: 12, font: 'serif', align: 'center' },
    { kind: 'line', x1: 560, y1: 150, x2: 780, y2: 150, color: '#000000', lineWidth: 0.5 },
    { kind: 'text', text: '{placeDate}', x: 780, y: 220, size: 12, font: 'serif', align: 'right' },
    { kind: 'qr', x: 60, y: 60, size: 110 },
    { kind: 'text', text: '{code}', x: 115, y: 48, size: 9, font: 'sans', align: 'center' },
  ],
};

const fields: CertificateFieldValues = {
  number: '0001/BKPSDMD-BH/XI/2026',
  name: "Ahmad Khoiru'l Éndah, S.H., M.H.",
  nip: '19860926 201505 1 001',
  rank: 'Penata Muda (III/a)',
  position: 'Analis Kepegawaian',
  orgUnit: 'BKPSDMD',
  courseTitle: 'Pelayanan Publik Prima',
  jpText: '20 (dua puluh) jam pelajaran',
  courseDates: '1 s.d. 28 November 2026',
  placeDate: 'Muara Bulian, 28 November 2026',
  code: 'K7M2Q9XD4T',
  verifyUrl: 'https://cakap.batanghari.go.id/verify/K7M2Q9XD4T',
};

const key = generateSigningKey();
function signedFor(f: CertificateFieldValues) {
  const payload = canonicalPayload({
    v: 1,
    kid: key.kid,
    code: f.code,
    number: f.number,
    name: f.name,
    nip: f.nip.replace(/ /g, ''),
    course: f.courseTitle,
    jp: 20,
    start: '2026-11-01',
    end: '2026-11-28',
    issuedOn: '2026-11-28',
    issuer: 'BKPSDMD Kabupaten Batanghari',
  });
  return { payload, signature: signPayload(privateKeyFromDer(key.privateKeyDer), payload), keyId: key.kid };
}

let prepared: PreparedTemplate;
beforeAll(async () => {
  prepared = await prepareTemplate(layout, { fonts: loadCertificateFonts(), logo: { bytes: readFileSync(join(__dirname, 'fixtures/logo.png')), mime: 'image/png' } });
});

describe('renderCertificate', () => {
  it('writes real, extractable text: the name intact, number, grouped NIP, JP in words, place and date', () => {
    const text = textOf(renderCertificate(prepared, fields, signedFor(fields)));
    for (const expected of [
      'PEMERINTAH KABUPATEN BATANGHARI',
      'SERTIFIKAT',
      // Drawn after the letter-spaced title: its spacing must not carry over.
      'diberikan kepada',
      'Nomor: 0001/BKPSDMD-BH/XI/2026',
      "Ahmad Khoiru'l Éndah, S.H., M.H.",
      'NIP 19860926 201505 1 001',
      'Penata Muda (III/a)',
      'Pelayanan Publik Prima',
      'meliputi 20 (dua puluh) jam pelajaran',
      'Muara Bulian, 28 November 2026',
      'K7M2Q9XD4T',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('draws a QR code that decodes to the verification URL', () => {
    expect(qrOf(renderCertificate(prepared, fields, signedFor(fields)))).toBe(fields.verifyUrl);
    // Longer URLs give bigger codes (another version); they must scan as well.
    const url = `https://sertifikat.bkpsdmd.batangharikab.go.id/cakap/verify/ZZZZ${'9'.repeat(6)}`;
    expect(qrOf(renderCertificate(prepared, { ...fields, verifyUrl: url }, signedFor(fields)))).toBe(url);
  });

  it('draws scannable codes for random verification codes (the mask is fixed, not scored)', () => {
    for (let i = 0; i < 6; i++) {
      const verifyUrl = `https://cakap.batanghari.go.id/verify/${newVerificationCode()}`;
      expect(qrOf(renderCertificate(prepared, { ...fields, verifyUrl }, signedFor(fields)))).toBe(verifyUrl);
    }
  });

  it('carries the signed payload, which reads back and verifies', () => {
    const signed = signedFor(fields);
    const back = readSignedPayload(renderCertificate(prepared, fields, signed));
    expect(back).toEqual(signed);
    expect(verifyPayload(key.x, back!.payload, back!.signature)).toBe(true);
    const info = run('pdfinfo', [save(renderCertificate(prepared, fields, signed))]).stdout;
    expect(info).toContain('Title:           Sertifikat 0001/BKPSDMD-BH/XI/2026');
  });

  it('only appends the variable part to the same template bytes', () => {
    const other: CertificateFieldValues = { ...fields, number: '0002/BKPSDMD-BH/XI/2026', name: 'Siti Nurhaliza', code: 'ABCDEFGH12', verifyUrl: 'https://cakap.batanghari.go.id/verify/ABCDEFGH12' };
    const [headA, tailA] = renderCertificateParts(prepared, fields, signedFor(fields));
    const [headB, tailB] = renderCertificateParts(prepared, other, signedFor(other));
    expect(headA).toBe(prepared.bytes);
    expect(headB).toBe(prepared.bytes);
    expect(tailA.equals(tailB)).toBe(false);
    // The update holds no static text and no font: only the variable stream, page and Info.
    expect(tailB.toString('latin1')).not.toMatch(/FontFile|\/Image/);
    expect(Buffer.concat([headB, tailB]).equals(Buffer.from(renderCertificate(prepared, other, signedFor(other))))).toBe(true);

    const text = textOf(Buffer.concat([headB, tailB]));
    expect(text).toContain('Siti Nurhaliza');
    expect(text).toContain('0002/BKPSDMD-BH/XI/2026');
    expect(text).not.toContain('Khoiru');
    expect(qrOf(Buffer.concat([headB, tailB]))).toBe(other.verifyUrl);
  });

  it('shrinks a long value to its maxWidth, down to 60%', () => {
    // The second variable text of the layout is {name}: 24 pt, maxWidth 600.
    const nameSize = (name: string) => {
      const tail = renderCertificateParts(prepared, { ...fields, name }, signedFor(fields))[1].toString('latin1');
      return Number([...tail.matchAll(/\/F\d+ ([\d.]+) Tf/g)][1][1]);
    };
    expect(nameSize(fields.name)).toBe(24);
    const shrunk = nameSize('Dr. Raden Mas Muhammad Khoiru’l Anwar Wicaksono, S.H., M.H.');
    expect(shrunk).toBeLessThan(24);
    expect(shrunk).toBeGreaterThan(24 * 0.6);
    const long = 'Prof. Dr. Ir. Raden Mas Muhammad Khoiru’l Anwar Éndah Wicaksono Hadiningrat, S.H., M.H., M.Kn.';
    expect(nameSize(long)).toBe(14.4);
    expect(textOf(renderCertificate(prepared, { ...fields, name: long }, signedFor(fields)))).toContain('Khoiru’l Anwar Éndah Wicaksono Hadiningrat');
  });

  it('prints characters outside the embedded set as their base letter, else "?"', () => {
    const text = textOf(renderCertificate(prepared, { ...fields, name: 'Nguyễn Thị Ấn 漢' }, signedFor(fields)));
    expect(text).toContain('Nguyen Thi An ?');
  });

  it('skips empty values and the QR without a URL (previews)', () => {
    const pdf = renderCertificate(prepared, { ...fields, rank: '', verifyUrl: '' }, signedFor(fields));
    expect(textOf(pdf)).not.toContain('Penata');
    const base = join(dir, 'noqr');
    run('pdftoppm', ['-r', '72', '-png', '-singlefile', save(pdf), base]);
    expect(spawnSync('zbarimg', ['--raw', '-q', `${base}.png`]).status).not.toBe(0);
  });
});

describe('prepareTemplate', () => {
  it('embeds the logo (PNG or JPEG) and only the fonts the layout uses', async () => {
    const images = run('pdfimages', ['-list', save(prepared.bytes)]).stdout;
    expect(images).toMatch(/image\s+60\s+30\s+rgb/);

    const jpeg = await prepareTemplate(
      { width: 595, height: 842, elements: [{ kind: 'logo', x: 10, y: 700, width: 100, height: 100 }, { kind: 'text', text: '{name}', x: 20, y: 600, size: 20, font: 'sans' }] },
      { fonts: loadCertificateFonts(), logo: { bytes: readFileSync(join(__dirname, 'fixtures/logo.jpg')), mime: 'image/jpeg' } },
    );
    expect(run('pdfimages', ['-list', save(jpeg.bytes)]).stdout).toMatch(/image\s+94\s+67\s+rgb\s+3\s+8\s+jpeg/);
    const pdf = renderCertificate(jpeg, fields, signedFor(fields));
    const fonts = run('pdffonts', [save(pdf)]).stdout;
    expect(fonts).toContain('DejaVuSans');
    expect(fonts).not.toContain('Serif');
    expect(textOf(pdf)).toContain("Ahmad Khoiru'l Éndah");
  });

  it('gives the same bytes for the same layout and assets', async () => {
    const again = await prepareTemplate(layout, { fonts: loadCertificateFonts(), logo: { bytes: readFileSync(join(__dirname, 'fixtures/logo.png')), mime: 'image/png' } });
    expect(again.bytes.equals(prepared.bytes)).toBe(true);
    expect(run('pdffonts', [save(prepared.bytes)]).stdout).toMatch(/CAKAP[A-E]\+DejaVuSerif-Bold\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it('draws nothing for a logo element without a logo', async () => {
    const bare = await prepareTemplate(layout, { fonts: loadCertificateFonts() });
    expect(run('pdfimages', ['-list', save(bare.bytes)]).stdout).not.toMatch(/image\s+\d/);
    expect(textOf(renderCertificate(bare, fields, signedFor(fields)))).toContain('SERTIFIKAT');
  });
});

describe('readSignedPayload', () => {
  it('is null for a PDF without one', () => {
    expect(readSignedPayload(prepared.bytes)).toBeNull();
  });

  it('reads the newest update', () => {
    const pdf = renderCertificate(prepared, fields, signedFor(fields));
    const later = Buffer.concat([pdf, Buffer.from('\n9 0 obj << /CakapPayload (x\\)y) /CakapSignature <FEFF00E9> /CakapKeyId (k2) >> endobj\n')]);
    expect(readSignedPayload(later)).toEqual({ payload: 'x)y', signature: 'é', keyId: 'k2' });
  });
});
