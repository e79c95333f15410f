import type { UserCsvRow } from './user-import.csv';
import { type ImportLookups, lookupKeys, positionKey, validateUserRows } from './user-import.validate';

const UNIT = '00000000-0000-4000-8000-000000000001';
const OTHER_UNIT = '00000000-0000-4000-8000-000000000002';
const POS_IN_UNIT = '00000000-0000-4000-8000-0000000000a1';
const POS_UNITLESS = '00000000-0000-4000-8000-0000000000a2';
const POS_OTHER_UNIT = '00000000-0000-4000-8000-0000000000a3';

function lookups(): ImportLookups {
  return {
    orgUnits: new Map([
      ['diskominfo', UNIT],
      ['dinkes', OTHER_UNIT],
    ]),
    positions: new Map([
      [positionKey(UNIT, 'Pranata Komputer'), POS_IN_UNIT],
      [positionKey(null, 'Pranata Komputer'), POS_UNITLESS],
      [positionKey(null, 'Analis Kebijakan'), POS_UNITLESS],
      [positionKey(OTHER_UNIT, 'Kepala Seksi'), POS_OTHER_UNIT],
    ]),
    existingUsers: new Map([['199001012022211009', 'pppk' as const]]),
    emailOwners: new Map([['dipakai@batanghari.go.id', '197505052000032001']]),
  };
}

let n = 0;
const row = (values: UserCsvRow['values']): UserCsvRow => ({
  row: ++n,
  values: { nip: '', nama: 'Nama', email: '', unit_kerja: 'DISKOMINFO', jabatan: '', ...values },
});
const now = new Date('2026-11-28T00:00:00Z');

describe('validateUserRows', () => {
  beforeEach(() => {
    n = 0;
  });

  it('resolves a position in the unit first, then a unit-less one', () => {
    const v = validateUserRows(
      [
        row({ nip: '198609262015051001', jabatan: 'PRANATA KOMPUTER' }),
        row({ nip: '198609262015051002', jabatan: 'analis kebijakan' }),
        row({ nip: '198609262015051003', unit_kerja: 'dinkes', jabatan: 'Pranata Komputer' }),
      ],
      lookups(),
      now,
    );
    expect(v.errors).toEqual([]);
    expect(v.valid.map((r) => r.positionId)).toEqual([POS_IN_UNIT, POS_UNITLESS, POS_UNITLESS]);
  });

  it('plans a new position once per unit and name, only for valid rows', () => {
    const v = validateUserRows(
      [
        row({ nip: '12', jabatan: 'Penyuluh', jenis_jabatan: 'pengawas' }),
        row({ nip: '198609262015051001', jabatan: 'Penyuluh', jenis_jabatan: 'fungsional' }),
        row({ nip: '198609262015051002', jabatan: 'PENYULUH', jenis_jabatan: 'pelaksana' }),
        row({ nip: '198609262015051003', unit_kerja: 'DINKES', jabatan: 'Penyuluh', jenis_jabatan: 'fungsional' }),
      ],
      lookups(),
      now,
    );
    expect(v.newPositions).toEqual([
      { key: positionKey(UNIT, 'penyuluh'), orgUnitId: UNIT, name: 'Penyuluh', kind: 'fungsional' },
      { key: positionKey(OTHER_UNIT, 'penyuluh'), orgUnitId: OTHER_UNIT, name: 'Penyuluh', kind: 'fungsional' },
    ]);
    expect(v.valid.map((r) => r.newPositionKey)).toEqual([positionKey(UNIT, 'penyuluh'), positionKey(UNIT, 'penyuluh'), positionKey(OTHER_UNIT, 'penyuluh')]);
  });

  it('reads the NIP by the ASN type of the row, else of the existing user, else as PNS', () => {
    const pppkNip = '199001012022211010';
    const v = validateUserRows(
      [
        row({ nip: pppkNip, jenis_asn: 'PPPK' }),
        row({ nip: '199001012022211009' }), // existing PPPK
        row({ nip: '199001012022211011' }), // new, read as PNS: month 21
      ],
      lookups(),
      now,
    );
    expect(v.valid.map((r) => [r.nip, r.asnType])).toEqual([
      [pppkNip, 'pppk'],
      ['199001012022211009', 'pppk'],
    ]);
    expect(v.errors).toEqual([{ row: 3, field: 'nip', code: 'nip.appointmentDate' }]);
  });

  it('normalises what people type: NIP spaces, e-mail case, golongan case', () => {
    const v = validateUserRows([row({ nip: '19860926 201505 1 001', email: 'Siti@Batanghari.GO.ID', golongan: 'iii/B' })], lookups(), now);
    expect(v.valid[0]).toMatchObject({ nip: '198609262015051001', email: 'siti@batanghari.go.id', golongan: 'III/b' });
  });

  it('gives an e-mail to the first valid row that claims it; a row rejected for another reason claims nothing', () => {
    const v = validateUserRows(
      [
        row({ nip: '198609262015051001', email: 'a@b.id', unit_kerja: 'NOWHERE' }),
        row({ nip: '198609262015051002', email: 'a@b.id' }),
        row({ nip: '198609262015051003', email: 'A@B.ID' }),
        row({ nip: '198609262015051004', email: 'dipakai@batanghari.go.id' }),
        row({ nip: '197505052000032001', email: 'dipakai@batanghari.go.id' }),
      ],
      lookups(),
      now,
    );
    expect(v.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [1, 'unit_kerja', 'import.unknownOrgUnit'],
      [3, 'email', 'import.emailTaken'],
      [4, 'email', 'import.emailTaken'],
    ]);
    expect(v.valid.map((r) => r.row)).toEqual([2, 5]);
  });

  it('reports one error per field, with the parameters the message needs', () => {
    const long = 'x'.repeat(201);
    const v = validateUserRows([row({ nip: '', nama: long, jenis_jabatan: 'staf', jabatan: 'Baru' })], lookups(), now);
    expect(v.errors).toEqual([
      { row: 1, field: 'nip', code: 'validation.required' },
      { row: 1, field: 'nama', code: 'validation.tooLong', params: { maximum: 200 } },
      { row: 1, field: 'jenis_jabatan', code: 'validation.enum', params: { options: 'jpt, administrator, pengawas, fungsional, pelaksana' } },
    ]);
  });

  it('names the rows and values to load in bulk, the superiors\' NIPs too', () => {
    expect(
      lookupKeys([row({ nip: '1986 0926 2015 0510 01', email: 'A@b.id', unit_kerja: 'DisKominfo', nip_atasan: '197505052000032001' }), row({ nip: 'x' })]),
    ).toEqual({ nips: ['198609262015051001', '197505052000032001'], unitCodes: ['diskominfo'], emails: ['a@b.id'] });
  });

  it('takes a direct superior who exists or is a valid row in any order, and refuses oneself, a bad NIP and an unknown one', () => {
    const v = validateUserRows(
      [
        /* 1 */ row({ nip: '198609262015051004', nip_atasan: '198609262015051005' }), // a later row
        /* 2 */ row({ nip: '198609262015051005', nip_atasan: '1990 0101 2022 2110 09' }), // in the database
        /* 3 */ row({ nip: '198609262015051006', nip_atasan: '198609262015051006' }),
        /* 4 */ row({ nip: '198609262015051007', nip_atasan: '12345' }),
        /* 5 */ row({ nip: '198609262015051008', nip_atasan: '198609262015051099' }),
        /* 6 */ row({ nip: '198609262015051009', unit_kerja: 'ANTAH' }),
        // Its superior (row 6) is invalid, and so, in turn, is the superior of row 8.
        /* 7 */ row({ nip: '198609262015051010', nip_atasan: '198609262015051009' }),
        /* 8 */ row({ nip: '198609262015051011', nip_atasan: '198609262015051010' }),
      ],
      lookups(),
      now,
    );
    expect(v.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [3, 'nip_atasan', 'followUp.supervisorSelf'],
      [4, 'nip_atasan', 'nip.format'],
      [5, 'nip_atasan', 'followUp.supervisorUnknown'],
      [6, 'unit_kerja', 'import.unknownOrgUnit'],
      [7, 'nip_atasan', 'followUp.supervisorUnknown'],
      [8, 'nip_atasan', 'followUp.supervisorUnknown'],
    ]);
    expect(v.valid.map((r) => [r.row, r.supervisorNip])).toEqual([
      [1, '198609262015051005'],
      [2, '199001012022211009'],
    ]);
  });
});
