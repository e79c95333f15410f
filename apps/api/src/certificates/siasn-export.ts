import type { ReportSheet } from '../competency-reports/report-export';
import type { CertificateRow } from './certificates.repository';

/**
 * The certificate register in the columns of SIASN's course history (DOMAIN.md), so an admin
 * can feed it without retyping. Headers stay in Indonesian: they are SIASN's names.
 */
export function siasnSheet(rows: AsyncIterable<CertificateRow[]>): ReportSheet<CertificateRow> {
  return {
    name: 'Riwayat Kursus',
    rows,
    columns: [
      { header: 'NIP', value: (r) => r.recipient.nip, width: 20 },
      { header: 'Nama', value: (r) => r.recipient.name, width: 32 },
      { header: 'Nama Kursus', value: (r) => r.course_title, width: 40 },
      { header: 'Jumlah Jam', value: (r) => r.jp, format: 'integer' },
      { header: 'Nomor Sertifikat', value: (r) => r.number, width: 30 },
      { header: 'Penyelenggara', value: (r) => r.organiser, width: 32 },
      { header: 'Tanggal Mulai', value: (r) => r.start_date },
      { header: 'Tanggal Selesai', value: (r) => r.end_date },
      { header: 'Tahun', value: (r) => r.year, format: 'integer' },
      { header: 'Jenis Diklat', value: (r) => r.development_form },
      { header: 'Status', value: (r) => r.status },
    ],
  };
}
