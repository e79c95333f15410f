import { z } from 'zod';
import { defineCertificateTemplate, type CertificateElement, type CertificateLayout } from '@cakap/plugin-sdk';
import { contrastOnWhite, HEX_COLOR, MIN_GRAPHIC_CONTRAST, MIN_TEXT_CONTRAST } from './contrast';
import { printedNip, SIGNER_NIP } from './nip';

/**
 * `sttp`: the Indonesian training certificate (Sertifikat / Surat Tanda Tamat Pelatihan) on A4
 * landscape, as DOMAIN.md describes it: the agency's letterhead with its logo, title and number,
 * the recipient's identity block, the course with its dates and JP, the place and date, the
 * signer, and the QR code to the public verification page with the code in print.
 */

/**
 * Wording typed by admins. Braces are refused: the renderer reads `{field}` as a placeholder,
 * so a stray brace would either print literally or pull a recipient's data into fixed text.
 */
const wording = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !/[{}]/.test(s), 'certificate.sttp.braces');

const color = (minContrast: number, message: string) =>
  z
    .string()
    .regex(HEX_COLOR, { message: 'certificate.sttp.color', abort: true })
    .refine((c) => contrastOnWhite(c) >= minContrast, message);

export const sttpConfigSchema = z.strictObject({
  /** The letterhead, top to bottom: the regency, then the agency. */
  issuerLines: z.array(wording(1, 90)).min(1).max(3),
  /** Printed small under the letterhead; empty for none. */
  address: wording(0, 160),
  title: wording(3, 60),
  awardedText: wording(3, 80),
  completedText: wording(3, 120),
  /** Followed on the page by the course dates. */
  organizedText: wording(3, 160),
  /** Where the certificate is signed; the core prints it with the issue date (`placeDate`). */
  place: wording(2, 60),
  signerTitle: wording(3, 120),
  signerName: wording(3, 120),
  /** The signer's pangkat, printed between name and NIP; empty for none. */
  signerRank: wording(0, 60),
  signerNip: z.string().trim().regex(SIGNER_NIP, 'certificate.sttp.signerNip'),
  /** Title, name and course title: text, so at least 4.5:1 on white. */
  primaryColor: color(MIN_TEXT_CONTRAST, 'certificate.sttp.textContrast'),
  /** Frame and rules: graphics, so at least 3:1 on white. */
  accentColor: color(MIN_GRAPHIC_CONTRAST, 'certificate.sttp.accentContrast'),
  showBorder: z.boolean(),
});
export type SttpConfig = z.infer<typeof sttpConfigSchema>;

/** BKPSDMD Kabupaten Batanghari, the first instance: admins change the signer and colours. */
export const sttpDefaultConfig: SttpConfig = {
  issuerLines: ['PEMERINTAH KABUPATEN BATANGHARI', 'BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA DAERAH'],
  address: 'Jalan Jenderal Sudirman, Muara Bulian, Kabupaten Batanghari, Jambi',
  title: 'SERTIFIKAT',
  awardedText: 'diberikan kepada:',
  completedText: 'telah mengikuti e-learning',
  organizedText: 'yang diselenggarakan oleh BKPSDMD Kabupaten Batanghari secara daring pada tanggal',
  place: 'Muara Bulian',
  signerTitle: 'Kepala BKPSDMD Kabupaten Batanghari',
  signerName: 'Hj. Sri Wahyuni, S.Sos., M.Si.',
  signerRank: 'Pembina Utama Muda (IV/c)',
  signerNip: '196903091994032001',
  primaryColor: '#1b365d',
  accentColor: '#9a7428',
  showBorder: true,
};

/** A4 landscape in points. */
export const PAGE = { width: 842, height: 595 } as const;
const CENTER = PAGE.width / 2;
/** Body text: near-black, so that grey printers keep it crisp. */
const INK = '#1a1a1a';

function letterhead(c: SttpConfig): CertificateElement[] {
  const lines = c.address ? [...c.issuerLines, c.address] : c.issuerLines;
  // The letterhead sits between the frame's top and the double rule, centred vertically, with
  // the logo on the left as on the agency's own letters (kop surat).
  const step = 17;
  const top = 520 + ((lines.length - 1) * step) / 2;
  const elements: CertificateElement[] = [{ kind: 'logo', x: 62, y: 478, width: 76, height: 76 }];
  c.issuerLines.forEach((text, i) =>
    elements.push({ kind: 'text', text, x: CENTER + 30, y: top - i * step, size: i === 0 ? 13 : 12.5, font: 'serif-bold', color: c.primaryColor, align: 'center', maxWidth: 560 }),
  );
  if (c.address) {
    elements.push({ kind: 'text', text: c.address, x: CENTER + 30, y: top - c.issuerLines.length * step + 2, size: 8.5, font: 'sans', color: INK, align: 'center', maxWidth: 560 });
  }
  elements.push(
    { kind: 'line', x1: 56, y1: 470, x2: PAGE.width - 56, y2: 470, color: c.primaryColor, lineWidth: 2 },
    { kind: 'line', x1: 56, y1: 466.5, x2: PAGE.width - 56, y2: 466.5, color: c.primaryColor, lineWidth: 0.6 },
  );
  return elements;
}

function frame(c: SttpConfig): CertificateElement[] {
  if (!c.showBorder) return [];
  return [
    { kind: 'rect', x: 16, y: 16, width: PAGE.width - 32, height: PAGE.height - 32, stroke: c.accentColor, lineWidth: 3 },
    { kind: 'rect', x: 24, y: 24, width: PAGE.width - 48, height: PAGE.height - 48, stroke: c.primaryColor, lineWidth: 0.8 },
  ];
}

/** The recipient's identity: labels, colons and values in three aligned columns. */
function identity(): CertificateElement[] {
  const rows: [string, string][] = [
    ['NIP', '{nip}'],
    ['Pangkat/Golongan', '{rank}'],
    ['Jabatan', '{position}'],
    ['Unit Kerja', '{orgUnit}'],
  ];
  // Left-aligned columns a little left of centre: unit names run long ("Bidang Pengembangan
  // Kompetensi Aparatur, BKPSDMD Kabupaten Batanghari") and must not shrink below legibility.
  const [label, colon, value] = [196, 300, 308];
  return rows.flatMap(([name, field], i): CertificateElement[] => {
    const y = 300 - i * 16;
    return [
      { kind: 'text', text: name, x: label, y, size: 10.5, font: 'sans', color: INK },
      { kind: 'text', text: ':', x: colon, y, size: 10.5, font: 'sans', color: INK },
      { kind: 'text', text: field, x: value, y, size: 10.5, font: 'sans-bold', color: INK, maxWidth: 420 },
    ];
  });
}

function verification(): CertificateElement[] {
  const qr = { x: 62, y: 64, size: 84 };
  return [
    { kind: 'qr', ...qr, color: INK },
    { kind: 'text', text: '{code}', x: qr.x + qr.size / 2, y: qr.y - 11, size: 8.5, font: 'sans-bold', color: INK, align: 'center', spacing: 0.5 },
    { kind: 'text', text: 'Verifikasi keaslian: {verifyUrl}', x: qr.x, y: 36, size: 7.5, font: 'sans', color: INK, maxWidth: 380 },
  ];
}

function signature(c: SttpConfig): CertificateElement[] {
  const x = 640;
  const text = (t: string, y: number, size: number, font: 'sans' | 'sans-bold'): CertificateElement => ({
    kind: 'text', text: t, x, y, size, font, color: INK, align: 'center', maxWidth: 300,
  });
  // Room between the title and the name for a wet signature and stamp on printed copies.
  return [
    text('{placeDate}', 146, 10.5, 'sans'),
    text(c.signerTitle, 132, 10.5, 'sans-bold'),
    text(c.signerName, c.signerRank ? 80 : 68, 11, 'sans-bold'),
    ...(c.signerRank ? [text(c.signerRank, 68, 10, 'sans')] : []),
    text(`NIP. ${printedNip(c.signerNip)}`, 56, 10, 'sans'),
  ];
}

/**
 * Three fonts only (serif-bold, sans, sans-bold): each font the page uses is embedded in every
 * certificate's PDF (about 33 kB each), and a batch stores thousands of them.
 */
export function sttpLayout(c: SttpConfig): CertificateLayout {
  const center = (t: string, y: number, size: number, font: 'serif-bold' | 'sans' | 'sans-bold', extra: Partial<{ color: string; maxWidth: number; spacing: number }> = {}): CertificateElement => ({
    kind: 'text', text: t, x: CENTER, y, size, font, color: INK, align: 'center', ...extra,
  });
  return {
    ...PAGE,
    elements: [
      ...frame(c),
      ...letterhead(c),
      center(c.title, 420, 30, 'serif-bold', { color: c.primaryColor, spacing: 6, maxWidth: 600 }),
      center('Nomor: {number}', 398, 11, 'sans'),
      center(c.awardedText, 368, 11, 'sans', { maxWidth: 600 }),
      center('{name}', 336, 24, 'serif-bold', { color: c.primaryColor, maxWidth: 660 }),
      { kind: 'line', x1: CENTER - 190, y1: 326, x2: CENTER + 190, y2: 326, color: c.accentColor, lineWidth: 0.8 },
      ...identity(),
      center(c.completedText, 226, 11, 'sans', { maxWidth: 600 }),
      center('{courseTitle}', 204, 16, 'serif-bold', { color: c.primaryColor, maxWidth: 660 }),
      center(`${c.organizedText} {courseDates}`, 184, 10.5, 'sans', { maxWidth: 700 }),
      center('meliputi {jpText}', 169, 10.5, 'sans'),
      ...verification(),
      ...signature(c),
    ],
  };
}

export const sttp = defineCertificateTemplate<SttpConfig>({
  key: 'sttp',
  title: { id: 'Sertifikat pelatihan (STTP)', en: 'Training certificate (STTP)' },
  description: {
    id: 'Sertifikat e-learning instansi pemerintah: kop dengan logo, identitas ASN, JP, penanda tangan, dan kode QR verifikasi. A4 lanskap.',
    en: 'A government e-learning certificate: letterhead with logo, the ASN identity, JP, signer and a verification QR code. A4 landscape.',
  },
  configSchema: sttpConfigSchema,
  defaultConfig: sttpDefaultConfig,
  layout: sttpLayout,
});
