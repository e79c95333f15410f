import type { Lang } from '@cakap/plugin-sdk/portal';
import { messages, type ContentMessageKey } from '../messages';

/** The words of this plugin's viewers and editors. Indonesian first; English by the `lang` prop. */
const id = {
  // shared
  uploading: 'Mengunggah…',
  uploadFailed: 'Unggahan gagal. Berkas belum tersimpan; coba lagi.',
  uploaded: 'Terunggah: {name}',
  replaceFile: 'Ganti berkas',
  chooseFile: 'Pilih berkas',
  fileMissing: 'Berkas ini tidak tersedia. Muat ulang halaman atau hubungi penulis materi.',
  openNewTab: 'Buka di tab baru',
  preview: 'Pratinjau',
  optional: '(opsional)',
  required: 'Wajib diisi',
  // rich text
  richtextLabel: 'Isi teks',
  toolbar: 'Format teks',
  bold: 'Tebal',
  italic: 'Miring',
  heading2: 'Judul bagian',
  heading3: 'Subjudul',
  bulletList: 'Daftar berpoin',
  orderedList: 'Daftar bernomor',
  blockquote: 'Kutipan',
  link: 'Tambah atau ubah tautan',
  unlink: 'Hapus tautan',
  undo: 'Urungkan',
  redo: 'Ulangi',
  linkUrl: 'Alamat tautan',
  linkUrlHint: 'Diawali https://, http://, atau mailto:',
  linkInvalid: 'Alamat tautan harus diawali https://, http://, atau mailto:',
  save: 'Simpan',
  cancel: 'Batal',
  // video
  videoSource: 'Sumber video',
  videoUpload: 'Unggah berkas',
  videoLink: 'Tautan YouTube/Vimeo',
  videoFile: 'Berkas video',
  videoFileHint: 'MP4 atau WebM. Video yang kecil lebih mudah ditonton di jaringan lemah.',
  videoUrl: 'Tautan video',
  videoUrlHint: 'Contoh: https://www.youtube.com/watch?v=… atau https://vimeo.com/…',
  videoTitle: 'Judul video',
  videoDefaultTitle: 'Video',
  watched: 'Saya sudah menonton',
  watchedDone: 'Ditandai sudah ditonton',
  watchedHint: 'Video ini diputar oleh {provider}, sehingga Cakap tidak dapat mengetahui berapa lama Anda menonton. Tandai setelah selesai.',
  openOn: 'Buka di {provider}',
  videoUnsupported: 'Peramban Anda tidak dapat memutar video ini.',
  // file
  document: 'Dokumen',
  documentFile: 'Berkas dokumen',
  documentFileHint: 'PDF paling mudah dibaca di semua perangkat. Word, Excel, dan PowerPoint akan diunduh oleh peserta.',
  documentTitle: 'Judul dokumen',
  allowDownload: 'Izinkan peserta mengunduh berkas',
  allowDownloadHint: 'Jika dimatikan, tombol Unduh disembunyikan. Peserta tetap dapat membuka dokumen.',
  open: 'Buka',
  download: 'Unduh',
  pdfFallback: 'Dokumen tidak dapat ditampilkan di sini. Gunakan tombol Buka.',
  notPreviewable: 'Dokumen ini tidak dapat ditampilkan di halaman. Buka atau unduh untuk membacanya.',
  // image
  imageFile: 'Berkas gambar',
  imageFileHint: 'JPG, PNG, WebP, atau GIF.',
  alt: 'Teks alternatif',
  altHint: 'Jelaskan isi gambar untuk peserta yang memakai pembaca layar, misalnya "Bagan alur pengajuan cuti".',
  decorative: 'Gambar dekoratif (tidak perlu dijelaskan)',
  caption: 'Keterangan gambar',
  // embed
  embedUrl: 'Alamat sematan',
  embedUrlHint: 'Harus https:// dari situs yang diizinkan: {hosts}.',
  embedTitle: 'Judul sematan',
  embedTitleHint: 'Dibacakan oleh pembaca layar, misalnya "Formulir umpan balik pelatihan".',
  embedHeight: 'Tinggi (piksel)',
  embedHeightHint: 'Antara 200 dan 2000. Kosongkan untuk 480.',
  embedRefused: 'Konten sematan ini tidak dapat ditampilkan.',
};

export type Texts = typeof id;

const en: Texts = {
  uploading: 'Uploading…',
  uploadFailed: 'The upload failed. The file was not saved; please try again.',
  uploaded: 'Uploaded: {name}',
  replaceFile: 'Replace file',
  chooseFile: 'Choose a file',
  fileMissing: 'This file is not available. Reload the page or contact the author.',
  openNewTab: 'Open in a new tab',
  preview: 'Preview',
  optional: '(optional)',
  required: 'Required',
  richtextLabel: 'Text',
  toolbar: 'Text formatting',
  bold: 'Bold',
  italic: 'Italic',
  heading2: 'Section heading',
  heading3: 'Subheading',
  bulletList: 'Bulleted list',
  orderedList: 'Numbered list',
  blockquote: 'Quote',
  link: 'Add or edit link',
  unlink: 'Remove link',
  undo: 'Undo',
  redo: 'Redo',
  linkUrl: 'Link address',
  linkUrlHint: 'Starts with https://, http:// or mailto:',
  linkInvalid: 'A link address must start with https://, http:// or mailto:',
  save: 'Save',
  cancel: 'Cancel',
  videoSource: 'Video source',
  videoUpload: 'Upload a file',
  videoLink: 'YouTube/Vimeo link',
  videoFile: 'Video file',
  videoFileHint: 'MP4 or WebM. Smaller videos are easier to watch on weak connections.',
  videoUrl: 'Video link',
  videoUrlHint: 'For example https://www.youtube.com/watch?v=… or https://vimeo.com/…',
  videoTitle: 'Video title',
  videoDefaultTitle: 'Video',
  watched: 'I have watched it',
  watchedDone: 'Marked as watched',
  watchedHint: 'This video plays on {provider}, so Cakap cannot tell how much of it you watched. Mark it when you are done.',
  openOn: 'Open on {provider}',
  videoUnsupported: 'Your browser cannot play this video.',
  document: 'Document',
  documentFile: 'Document file',
  documentFileHint: 'PDF reads best on every device. Word, Excel and PowerPoint files are downloaded by learners.',
  documentTitle: 'Document title',
  allowDownload: 'Let learners download the file',
  allowDownloadHint: 'When off, the Download button is hidden. Learners can still open the document.',
  open: 'Open',
  download: 'Download',
  pdfFallback: 'The document cannot be shown here. Use the Open button.',
  notPreviewable: 'This document cannot be shown on the page. Open or download it to read it.',
  imageFile: 'Image file',
  imageFileHint: 'JPG, PNG, WebP or GIF.',
  alt: 'Alternative text',
  altHint: 'Describe the image for learners who use a screen reader, e.g. "Flow chart of a leave request".',
  decorative: 'Decorative image (needs no description)',
  caption: 'Caption',
  embedUrl: 'Embed address',
  embedUrlHint: 'Must be https:// from an allowed site: {hosts}.',
  embedTitle: 'Embed title',
  embedTitleHint: 'Read out by screen readers, e.g. "Training feedback form".',
  embedHeight: 'Height (pixels)',
  embedHeightHint: 'Between 200 and 2000. Leave empty for 480.',
  embedRefused: 'This embedded content cannot be shown.',
};

const TEXTS: Record<Lang, Texts> = { id, en };

export function texts(lang: Lang): Texts {
  return TEXTS[lang] ?? TEXTS.id;
}

/** Fills `{name}` placeholders. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (params[name] === undefined ? m : String(params[name])));
}

/** A validation message of this plugin (the same words the server uses). */
export function message(key: ContentMessageKey, lang: Lang): string {
  return (messages[lang] ?? messages.id)[key];
}
