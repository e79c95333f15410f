import type { Lang } from '@cakap/plugin-sdk/portal';
import { messages, type CertificatePluginMessageKey } from '../messages';

/** The words of this plugin's configuration editors. Indonesian first; English by the `lang` prop. */
const id = {
  letterhead: 'Kop sertifikat',
  letterheadHint: 'Baris-baris kop dari atas ke bawah, misalnya pemerintah daerah lalu nama instansi. Logo diunggah di atas formulir ini.',
  issuerLine: 'Baris kop {n}',
  addLine: 'Tambah baris kop',
  removeLine: 'Hapus baris kop {n}',
  address: 'Alamat',
  optional: '(opsional)',
  wording: 'Isi sertifikat',
  title: 'Judul',
  titleHint: 'Misalnya SERTIFIKAT atau SURAT TANDA TAMAT PELATIHAN.',
  awardedText: 'Kalimat sebelum nama',
  completedText: 'Kalimat sebelum judul pelatihan',
  organizedText: 'Kalimat sebelum tanggal pelatihan',
  organizedHint: 'Tanggal pelatihan dan jumlah JP ditambahkan otomatis.',
  place: 'Tempat penandatanganan',
  placeHint: 'Dicetak dengan tanggal terbit, misalnya “Muara Bulian, 28 November 2026”.',
  signer: 'Penanda tangan',
  signerTitle: 'Jabatan penanda tangan',
  signerName: 'Nama penanda tangan',
  signerNameHint: 'Lengkap dengan gelar.',
  signerRank: 'Pangkat/golongan penanda tangan',
  signerNip: 'NIP penanda tangan',
  signerNipHint: '18 angka; dicetak berkelompok: 19690309 199403 2 001.',
  look: 'Tampilan',
  primaryColor: 'Warna utama',
  primaryColorHint: 'Untuk judul, nama, dan judul pelatihan. Harus cukup gelap agar terbaca saat dicetak.',
  accentColor: 'Warna aksen',
  accentColorHint: 'Untuk bingkai dan garis hias.',
  showBorder: 'Tampilkan bingkai',
  required: 'Wajib diisi',
};
export type Texts = typeof id;

const en: Texts = {
  letterhead: 'Letterhead',
  letterheadHint: 'The letterhead lines from top to bottom, e.g. the regional government, then the agency. The logo is uploaded above this form.',
  issuerLine: 'Letterhead line {n}',
  addLine: 'Add a letterhead line',
  removeLine: 'Remove letterhead line {n}',
  address: 'Address',
  optional: '(optional)',
  wording: 'Wording',
  title: 'Title',
  titleHint: 'E.g. SERTIFIKAT or SURAT TANDA TAMAT PELATIHAN.',
  awardedText: 'Sentence before the name',
  completedText: 'Sentence before the course title',
  organizedText: 'Sentence before the course dates',
  organizedHint: 'The course dates and the JP are added automatically.',
  place: 'Place of signing',
  placeHint: 'Printed with the issue date, e.g. “Muara Bulian, 28 November 2026”.',
  signer: 'Signer',
  signerTitle: "Signer's position",
  signerName: "Signer's name",
  signerNameHint: 'With academic titles.',
  signerRank: "Signer's rank (pangkat/golongan)",
  signerNip: "Signer's NIP",
  signerNipHint: '18 digits; printed in groups: 19690309 199403 2 001.',
  look: 'Appearance',
  primaryColor: 'Main colour',
  primaryColorHint: 'For the title, the name and the course title. Must be dark enough to read when printed.',
  accentColor: 'Accent colour',
  accentColorHint: 'For the frame and the decorative rules.',
  showBorder: 'Show a frame',
  required: 'Required',
};

const TEXTS: Record<Lang, Texts> = { id, en };

export function texts(lang: Lang): Texts {
  return TEXTS[lang] ?? TEXTS.id;
}

export { fill } from '@cakap/plugin-sdk/portal';

/** A validation message of this plugin (the same words the server uses). */
export function message(key: CertificatePluginMessageKey, lang: Lang): string {
  return (messages[lang] ?? messages.id)[key];
}
