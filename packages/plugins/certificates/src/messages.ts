/**
 * The validation messages of this plugin, in both languages. The `sttp` schema uses these keys
 * as zod custom messages; the host merges this catalogue into its own, so a field error reads
 * the same in the api's problem+json and in the portal's template editor.
 */
export type CertificatePluginMessageKey =
  | 'certificate.sttp.signerNip'
  | 'certificate.sttp.color'
  | 'certificate.sttp.textContrast'
  | 'certificate.sttp.accentContrast'
  | 'certificate.sttp.braces';

export const messages: {
  id: Record<CertificatePluginMessageKey, string>;
  en: Record<CertificatePluginMessageKey, string>;
} = {
  id: {
    'certificate.sttp.signerNip': 'NIP penanda tangan harus 18 angka, misalnya 19690309 199403 2 001.',
    'certificate.sttp.color': 'Tulis warna sebagai #rrggbb, misalnya #1b365d.',
    'certificate.sttp.textContrast':
      'Warna ini terlalu terang untuk teks di atas kertas putih (kontras minimal 4,5:1). Pilih warna yang lebih gelap.',
    'certificate.sttp.accentContrast':
      'Warna aksen terlalu terang untuk bingkai dan garis di atas kertas putih (kontras minimal 3:1). Pilih warna yang lebih gelap.',
    'certificate.sttp.braces': 'Teks ini tidak boleh memuat tanda { atau }.',
  },
  en: {
    'certificate.sttp.signerNip': "The signer's NIP must be 18 digits, e.g. 19690309 199403 2 001.",
    'certificate.sttp.color': 'Write the colour as #rrggbb, e.g. #1b365d.',
    'certificate.sttp.textContrast':
      'This colour is too light for text on white paper (contrast at least 4.5:1). Choose a darker colour.',
    'certificate.sttp.accentContrast':
      'The accent colour is too light for the frame and rules on white paper (contrast at least 3:1). Choose a darker colour.',
    'certificate.sttp.braces': 'This text may not contain { or }.',
  },
};
