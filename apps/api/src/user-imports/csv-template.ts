import { USER_CSV_OPTIONAL, USER_CSV_REQUIRED } from '@cakap/contracts';

/**
 * The downloadable template: the header and two example rows. A BOM so that spreadsheet
 * programs open it as UTF-8 (names such as "Éndah" survive the round trip).
 */
export function userCsvTemplate(): string {
  const header = [...USER_CSV_REQUIRED, ...USER_CSV_OPTIONAL].join(',');
  const rows = [
    '198609262015051001,"Siti Rahmawati, S.Sos.",siti.rahmawati@example.go.id,BKPSDMD,Pelaksana,III/a,081234567890,pns,,',
    '199005172022212004,Ahmad Fauzi,,DISKOMINFO,Pranata Komputer,IX,,pppk,fungsional,198609262015051001',
  ];
  return '\uFEFF' + [header, ...rows].join('\r\n') + '\r\n';
}
