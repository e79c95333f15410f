import type { AsnType, PositionKind, Role } from '@cakap/contracts';

/**
 * The demo data of Kabupaten Batanghari. Org units are data that admins import in a real
 * deployment (shared/DOMAIN.md: the OPD list is unverified); this set only gives a fresh
 * instance something to show. Codes are the keys (unique, case-insensitive).
 */
export interface SeedOrgUnit {
  code: string;
  name: string;
  /** Code of the parent unit, which must come earlier in the list. */
  parent?: string;
}

export interface SeedPosition {
  name: string;
  kind: PositionKind;
  /** Code of the unit the position belongs to; none for positions shared by all units. */
  unit?: string;
}

export interface SeedUser {
  nip: string;
  name: string;
  golongan: string;
  asnType: AsnType;
  unit: string;
  position: string;
  roles: Role[];
  email?: string;
}

export interface DemoAccount extends SeedUser {
  /** What the account is for, as the README and the seed summary show it. */
  label: 'admin' | 'author' | 'learner';
  /** Set only when the seed creates the account; a changed password is never overwritten. */
  password: string;
}

/** Kecamatan of Kabupaten Batanghari with their BPS codes (DOMAIN.md). */
export const KECAMATAN: ReadonlyArray<{ bps: string; name: string }> = [
  { bps: '1504010', name: 'Mersam' },
  { bps: '1504011', name: 'Maro Sebo Ulu' },
  { bps: '1504020', name: 'Batin XXIV' },
  { bps: '1504030', name: 'Muara Tembesi' },
  { bps: '1504040', name: 'Muara Bulian' },
  { bps: '1504041', name: 'Bajubang' },
  { bps: '1504042', name: 'Maro Sebo Ilir' },
  { bps: '1504050', name: 'Pemayung' },
];

export const ORG_UNITS: readonly SeedOrgUnit[] = [
  // Sekretariat, inspektorat, badan
  { code: 'SETDA', name: 'Sekretariat Daerah' },
  { code: 'SETDPRD', name: 'Sekretariat Dewan Perwakilan Rakyat Daerah' },
  { code: 'INSPEKTORAT', name: 'Inspektorat Daerah' },
  { code: 'BAPPEDA', name: 'Badan Perencanaan Pembangunan Daerah' },
  { code: 'BPKAD', name: 'Badan Pengelolaan Keuangan dan Aset Daerah' },
  { code: 'BAPENDA', name: 'Badan Pendapatan Daerah' },
  { code: 'BKPSDMD', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah' },
  { code: 'KESBANGPOL', name: 'Badan Kesatuan Bangsa dan Politik' },
  { code: 'BPBD', name: 'Badan Penanggulangan Bencana Daerah' },
  // Dinas
  { code: 'DISDIK', name: 'Dinas Pendidikan' },
  { code: 'DINKES', name: 'Dinas Kesehatan' },
  { code: 'DPUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang' },
  { code: 'DPERKIM', name: 'Dinas Perumahan dan Kawasan Permukiman' },
  { code: 'SATPOLPP', name: 'Satuan Polisi Pamong Praja' },
  { code: 'DINSOS', name: 'Dinas Sosial' },
  { code: 'DUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil' },
  { code: 'DPMD', name: 'Dinas Pemberdayaan Masyarakat dan Desa' },
  {
    code: 'DPPKBP3A',
    name: 'Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak',
  },
  { code: 'DISNAKERTRANS', name: 'Dinas Tenaga Kerja dan Transmigrasi' },
  { code: 'DLH', name: 'Dinas Lingkungan Hidup' },
  { code: 'DISHUB', name: 'Dinas Perhubungan' },
  { code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika' },
  { code: 'DPMPTSP', name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu' },
  { code: 'DISTAN', name: 'Dinas Pertanian' },
  { code: 'DISKAN', name: 'Dinas Perikanan' },
  { code: 'DKP', name: 'Dinas Ketahanan Pangan' },
  { code: 'DISPAR', name: 'Dinas Pariwisata' },
  { code: 'DISPORA', name: 'Dinas Pemuda dan Olahraga' },
  { code: 'DISPUSIP', name: 'Dinas Perpustakaan dan Kearsipan' },
  // Kecamatan, keyed by their BPS codes
  ...KECAMATAN.map((k) => ({ code: `KEC-${k.bps}`, name: `Kecamatan ${k.name}` })),
  // Sub-units of BKPSDMD
  { code: 'BKPSDMD.SEKRE', name: 'Sekretariat', parent: 'BKPSDMD' },
  { code: 'BKPSDMD.SEKRE.UMPEG', name: 'Sub Bagian Umum dan Kepegawaian', parent: 'BKPSDMD.SEKRE' },
  { code: 'BKPSDMD.PPI', name: 'Bidang Pengadaan, Pemberhentian dan Informasi', parent: 'BKPSDMD' },
  { code: 'BKPSDMD.MP', name: 'Bidang Mutasi dan Promosi', parent: 'BKPSDMD' },
  { code: 'BKPSDMD.PKA', name: 'Bidang Pengembangan Kompetensi Aparatur', parent: 'BKPSDMD' },
  // Sub-units of DISKOMINFO
  { code: 'DISKOMINFO.SEKRE', name: 'Sekretariat', parent: 'DISKOMINFO' },
  { code: 'DISKOMINFO.IKP', name: 'Bidang Informasi dan Komunikasi Publik', parent: 'DISKOMINFO' },
  { code: 'DISKOMINFO.APTIKA', name: 'Bidang Aplikasi Informatika', parent: 'DISKOMINFO' },
  { code: 'DISKOMINFO.SANDI', name: 'Bidang Persandian dan Statistik', parent: 'DISKOMINFO' },
];

export const POSITIONS: readonly SeedPosition[] = [
  { name: 'Kepala Badan', kind: 'jpt', unit: 'BKPSDMD' },
  { name: 'Kepala Bidang Pengembangan Kompetensi Aparatur', kind: 'administrator', unit: 'BKPSDMD.PKA' },
  { name: 'Kepala Sub Bagian Umum dan Kepegawaian', kind: 'pengawas', unit: 'BKPSDMD.SEKRE' },
  { name: 'Analis Sumber Daya Manusia Aparatur', kind: 'fungsional' },
  { name: 'Pranata Komputer', kind: 'fungsional' },
  { name: 'Pelaksana', kind: 'pelaksana' },
  { name: 'Pengadministrasi Umum', kind: 'pelaksana' },
];

/** One account per role. The README and the tests read them from here. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    label: 'admin',
    nip: '198001012005011001',
    name: 'Drs. Rahmat Hidayat, M.Si.',
    password: 'admin12345',
    roles: ['admin', 'author', 'learner'],
    unit: 'BKPSDMD',
    position: 'Kepala Bidang Pengembangan Kompetensi Aparatur',
    golongan: 'IV/a',
    asnType: 'pns',
    email: 'rahmat.hidayat@cakap.example',
  },
  {
    label: 'author',
    nip: '198502152010012002',
    name: 'Dr. Siti Aminah, S.Pd., M.Pd.',
    password: 'penulis12345',
    roles: ['author', 'learner'],
    unit: 'BKPSDMD.PKA',
    position: 'Analis Sumber Daya Manusia Aparatur',
    golongan: 'III/d',
    asnType: 'pns',
    email: 'siti.aminah@cakap.example',
  },
  {
    label: 'learner',
    nip: '199003202015031003',
    name: 'Ahmad Fauzi, S.Kom.',
    password: 'peserta12345',
    roles: ['learner'],
    unit: 'DISKOMINFO',
    position: 'Pranata Komputer',
    golongan: 'III/b',
    asnType: 'pns',
    email: 'ahmad.fauzi@cakap.example',
  },
];

const learner = (
  nip: string,
  name: string,
  golongan: string,
  unit: string,
  position: string,
  asnType: AsnType = 'pns',
): SeedUser => ({ nip, name, golongan, unit, position, asnType, roles: ['learner'] });

/**
 * More learners, without passwords (as after a CSV import), so lists have something to page.
 * NIPs follow Perka BKN 22/2007 (PNS) or the NI PPPK layout; the sex digit matches the name.
 */
export const EXTRA_LEARNERS: readonly SeedUser[] = [
  learner('197003151996031002', 'Drs. H. Muhammad Yusuf, M.M.', 'IV/c', 'BKPSDMD', 'Kepala Badan'),
  learner('197808122003122004', 'Nurhayati, S.E.', 'III/d', 'BKPSDMD.SEKRE', 'Kepala Sub Bagian Umum dan Kepegawaian'),
  learner('198607042011011005', 'Rudi Hartono, S.Sos.', 'III/c', 'BKPSDMD.PKA', 'Analis Sumber Daya Manusia Aparatur'),
  learner('199109232015032002', 'Dewi Kartika Sari, S.Psi.', 'III/b', 'BKPSDMD.PKA', 'Analis Sumber Daya Manusia Aparatur'),
  learner('199301172019031004', 'Hendra Saputra, A.Md.', 'II/d', 'BKPSDMD.MP', 'Pengadministrasi Umum'),
  learner('199405062019032007', 'Yuliana, S.Kom.', 'III/a', 'DISKOMINFO.APTIKA', 'Pranata Komputer'),
  learner('198902282014031002', 'Andi Pratama, S.T.', 'III/b', 'DISKOMINFO.APTIKA', 'Pranata Komputer'),
  learner('199206302018012003', 'Fitriani, S.I.Kom.', 'III/a', 'DISKOMINFO.IKP', 'Pelaksana'),
  learner('196804191994032006', 'Dra. Hj. Zainab', 'IV/b', 'DISDIK', 'Pengadministrasi Umum'),
  learner('198709112010011008', 'Muhammad Ridwan, S.Pd.', 'III/c', 'DISDIK', 'Pelaksana'),
  learner('198904052023212015', 'Mariani, S.Pd.', 'IX', 'DISDIK', 'Pelaksana', 'pppk'),
  learner('198802142014022001', 'dr. Lestari Wulandari', 'III/b', 'DINKES', 'Pelaksana'),
  learner('199001012015031011', 'Agus Salim, S.Kep., Ners', 'III/a', 'DINKES', 'Pelaksana'),
  learner('199508082021212003', 'Siti Rohani, A.Md.Keb.', 'VII', 'DINKES', 'Pelaksana', 'pppk'),
  learner('198203252008011003', 'Bambang Irawan, S.H.', 'III/d', 'SATPOLPP', 'Pelaksana'),
  learner('199603122020012001', 'Eka Putri Handayani, S.E.', 'III/a', 'BPKAD', 'Pengadministrasi Umum'),
  learner('199707202021011002', 'Ilham Maulana, S.Ak.', 'III/a', 'BAPENDA', 'Pelaksana'),
  learner('198505052009122004', 'Rina Marlina, S.Sos.', 'III/c', 'DUKCAPIL', 'Pengadministrasi Umum'),
  learner('198009092006041006', 'Syafrizal, S.IP.', 'III/d', 'KEC-1504040', 'Pelaksana'),
  learner('199302142019032009', 'Nur Aisyah, S.Sos.', 'III/a', 'KEC-1504041', 'Pengadministrasi Umum'),
  learner('197501301998031002', 'Hasan Basri', 'III/b', 'KEC-1504030', 'Pelaksana'),
  learner('198806172014031004', 'Wahyu Hidayat, S.P.', 'III/b', 'DISTAN', 'Pelaksana'),
  learner('199512252020011003', 'Teguh Santoso, S.Kom.', 'III/a', 'DPMPTSP', 'Pranata Komputer'),
];
