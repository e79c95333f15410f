/**
 * The validation messages of this plugin, in both languages. The schemas use these keys as
 * zod custom messages (`'content.video.url'`); the host merges this catalogue into its own
 * (`messages` of @cakap/contracts) so that a field error reads the same in the api's
 * problem+json and in the studio. Zod's generic issues (required, too long, invalid id)
 * keep the host's own `validation.*` keys.
 */
export type ContentMessageKey =
  | 'content.richtext.empty'
  | 'content.video.source'
  | 'content.video.url'
  | 'content.image.alt'
  | 'content.embed.https'
  | 'content.embed.url'
  | 'content.embed.host';

export const messages: { id: Record<ContentMessageKey, string>; en: Record<ContentMessageKey, string> } = {
  id: {
    'content.richtext.empty': 'Teks masih kosong. Tulis isi materi terlebih dahulu.',
    'content.video.source': 'Pilih salah satu: unggah berkas video atau tempel tautan YouTube/Vimeo.',
    'content.video.url':
      'Tautan video tidak dikenali. Gunakan tautan YouTube (youtube.com/watch?v=…, youtu.be/…) atau Vimeo (vimeo.com/…).',
    'content.image.alt':
      'Tulis teks alternatif yang menjelaskan gambar, atau tandai gambar sebagai dekoratif.',
    'content.embed.https': 'Tautan sematan harus diawali https://',
    'content.embed.url': 'Tautan tidak valid. Salin alamat lengkap dari bilah alamat peramban.',
    'content.embed.host':
      'Situs ini tidak termasuk situs yang boleh disematkan (lihat daftar di bawah kolom). Untuk situs lain, tulis tautan biasa di blok teks.',
  },
  en: {
    'content.richtext.empty': 'The text is empty. Write the content first.',
    'content.video.source': 'Choose one: upload a video file or paste a YouTube/Vimeo link.',
    'content.video.url':
      'This video link is not recognised. Use a YouTube link (youtube.com/watch?v=…, youtu.be/…) or a Vimeo link (vimeo.com/…).',
    'content.image.alt': 'Write alternative text that describes the image, or mark the image as decorative.',
    'content.embed.https': 'An embed link must start with https://',
    'content.embed.url': 'This link is not valid. Copy the full address from the browser’s address bar.',
    'content.embed.host':
      'This site is not one of the sites that may be embedded (see the list under the field). For other sites, put a plain link in a text block.',
  },
};
