import { detectDelimiter, normalizeHeader, parseUserCsv } from './user-import.csv';

describe('parseUserCsv', () => {
  it('reads commas, quotes and trims cells, numbering data rows from 1', () => {
    const r = parseUserCsv('nip,nama,email,unit_kerja,jabatan\n 198609262015051001 ," Siti, S.E. ",,BKPSDMD,\n', 10);
    expect(r).toEqual({
      ok: true,
      delimiter: ',',
      columns: new Set(['nip', 'nama', 'email', 'unit_kerja', 'jabatan']),
      rows: [{ row: 1, values: { nip: '198609262015051001', nama: 'Siti, S.E.', email: '', unit_kerja: 'BKPSDMD', jabatan: '' } }],
    });
  });

  it('detects semicolons, strips a BOM, takes header names case-insensitively and ignores unknown columns', () => {
    const r = parseUserCsv('\uFEFFNIP;Nama;E-mail;EMAIL;Unit Kerja;Jabatan;Keterangan\r\n1;Ahmad Khoiru\'l Éndah, S.H.;;a@b.id;X;Y;z\r\n', 10);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.delimiter).toBe(';');
    expect(r.rows[0].values).toEqual({ nip: '1', nama: "Ahmad Khoiru'l Éndah, S.H.", email: 'a@b.id', unit_kerja: 'X', jabatan: 'Y' });
  });

  it('skips empty lines and lines of separators, keeping the spreadsheet row numbers', () => {
    const r = parseUserCsv('nip,nama,email,unit_kerja,jabatan\n\n1,A,,X,\n,,,,\n2,B,,X,\n\n', 10);
    if (!r.ok) throw new Error('not ok');
    expect(r.rows.map((x) => [x.row, x.values.nip])).toEqual([
      [2, '1'],
      [4, '2'],
    ]);
  });

  it('flags a row with more cells than the header (an unquoted separator) and accepts missing trailing cells', () => {
    const r = parseUserCsv('nip,nama,email,unit_kerja,jabatan,golongan\n1,Budi, S.Kom,,X,,\n2,Ani,,X\n', 10);
    if (!r.ok) throw new Error('not ok');
    expect(r.rows[0].columnCount).toEqual({ count: 7, expected: 6 });
    expect(r.rows[1]).toEqual({ row: 2, values: { nip: '2', nama: 'Ani', email: '', unit_kerja: 'X', jabatan: '', golongan: '' } });
  });

  it('rejects the whole file for a missing column, no data, too many rows or broken quoting', () => {
    expect(parseUserCsv('nip,nama,unit_kerja\n1,A,X\n', 10)).toEqual({
      ok: false,
      error: { row: 0, field: 'file', code: 'import.header', params: { columns: 'email, jabatan' } },
    });
    expect(parseUserCsv('', 10)).toEqual({ ok: false, error: { row: 0, field: 'file', code: 'import.empty' } });
    expect(parseUserCsv('nip,nama,email,unit_kerja,jabatan\r\n,,,,\r\n', 10)).toEqual({ ok: false, error: { row: 0, field: 'file', code: 'import.empty' } });
    expect(parseUserCsv('nip,nama,email,unit_kerja,jabatan\n1,A,,X,\n2,B,,X,\n', 1)).toEqual({
      ok: false,
      error: { row: 0, field: 'file', code: 'import.tooManyRows', params: { max: 1 } },
    });
    const broken = parseUserCsv('nip,nama,email,unit_kerja,jabatan\n1,"A,,X,\n', 10);
    expect(broken).toMatchObject({ ok: false, error: { row: 0, field: 'file', code: 'import_file_invalid', params: { reason: expect.any(String) } } });
  });

  it('keeps a stray quote inside an unquoted value', () => {
    const r = parseUserCsv('nip,nama,email,unit_kerja,jabatan\n1,Ahmad "Dodi" Saputra,,X,\n', 10);
    if (!r.ok) throw new Error('not ok');
    expect(r.rows[0].values.nama).toBe('Ahmad "Dodi" Saputra');
  });
});

describe('detectDelimiter and normalizeHeader', () => {
  it('counts separators on the header line, outside quotes', () => {
    expect(detectDelimiter('a;b;c,d\n1,2,3,4,5')).toBe(';');
    expect(detectDelimiter('"a;b;c",d,e\n')).toBe(',');
    expect(detectDelimiter('nip')).toBe(',');
  });
  it('normalises header names', () => {
    expect(normalizeHeader(' Unit Kerja ')).toBe('unit_kerja');
    expect(normalizeHeader('JENIS-ASN')).toBe('jenis_asn');
  });
});
