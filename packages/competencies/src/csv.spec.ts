import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FRAMEWORK_CSV_COLUMNS, t } from '@cakap/contracts';
import { parse } from 'csv-parse/sync';
import { MAX_FRAMEWORK_CSV_ROWS, frameworkToCsv, parseFrameworkCsv } from './csv';
import { MAX_IMPORT_ERRORS, derivedCompetencyIdentifier, derivedFrameworkIdentifier, type FrameworkDocument, type ImportResult } from './import';
import { SKJ_DICTIONARY } from './skj';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const skj = SKJ_DICTIONARY;

function framework(result: ImportResult): FrameworkDocument {
  if (!result.ok) throw new Error(`expected a framework, got ${JSON.stringify(result.errors)}`);
  return result.framework;
}

/** A small hand-written file: the columns a person would type, comma separated. */
const HEADER = 'framework,scale_max,code,name,kind,parent_code,level,level_description,indicators';
const file = (...rows: string[]) => [HEADER, ...rows].join('\n');
const errorsOf = (text: string) => {
  const result = parseFrameworkCsv(text);
  return result.ok ? [] : result.errors;
};

describe('frameworkToCsv', () => {
  it('writes the SKJ dictionary one row per level, every column filled, for Excel', () => {
    const text = frameworkToCsv(skj);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n').length).toBeGreaterThan(46);
    const records = parse(text.slice(1)) as string[][];
    expect(records[0]).toEqual([...FRAMEWORK_CSV_COLUMNS]);
    expect(records).toHaveLength(1 + 9 * 5);
    const row = Object.fromEntries(FRAMEWORK_CSV_COLUMNS.map((c, i) => [c, records[7][i]]));
    // Record 0 is the header, 1–5 are M.1's levels, 6–10 M.2's: record 7 is M.2 level 2.
    expect(row).toMatchObject({
      framework_identifier: skj.identifier,
      framework: 'Kamus Kompetensi Manajerial dan Sosial Kultural',
      framework_version: '2017',
      framework_publisher: 'Kementerian PANRB',
      framework_language: 'id',
      scale_max: '5',
      identifier: derivedCompetencyIdentifier(skj.identifier, 'M.2'),
      code: 'M.2',
      name: 'Kerja Sama',
      kind: 'manajerial',
      parent_code: '',
      level: '2',
    });
    expect(row.indicators.split('\n')).toEqual(skj.competencies[1].levels[1].indicators);
  });

  it('writes a grouping node as one row with empty level columns, parents before children', () => {
    const doc = framework(parseFrameworkCsv(fixture('teknis-manajemen-asn.csv')));
    const records = parse(frameworkToCsv(doc).slice(1)) as string[][];
    const at = (c: (typeof FRAMEWORK_CSV_COLUMNS)[number]) => FRAMEWORK_CSV_COLUMNS.indexOf(c);
    expect(records.slice(1).map((r) => [r[at('code')], r[at('parent_code')], r[at('level')]])).toEqual([
      ['MSDM', '', ''],
      ['MSDM.1', 'MSDM', ''],
      ['MSDM.1.1', 'MSDM.1', '1'],
      ['MSDM.1.1', 'MSDM.1', '2'],
      ['MSDM.1.1', 'MSDM.1', '3'],
      ['MSDM.1.2', 'MSDM.1', '1'],
      ['MSDM.1.2', 'MSDM.1', '2'],
      ['MSDM.2', 'MSDM', ''],
      ['MSDM.2.1', 'MSDM.2', '1'],
      ['MSDM.2.1', 'MSDM.2', '2'],
    ]);
  });
});

describe('parseFrameworkCsv', () => {
  it('reads back the SKJ export as the same framework, identifiers included (as a draft: a CSV carries no status)', () => {
    expect(parseFrameworkCsv(frameworkToCsv(skj))).toEqual({ ok: true, framework: { ...skj, status: 'draft' } });
  });

  it('reads a hand-written teknis file: semicolons, BOM, CRLF, header spelling, empty lines, cells left empty', () => {
    const doc = framework(parseFrameworkCsv(fixture('teknis-manajemen-asn.csv')));
    const frameworkId = derivedFrameworkIdentifier('Kompetensi Teknis Manajemen ASN', '2021');
    const id = (code: string) => derivedCompetencyIdentifier(frameworkId, code);
    expect(doc).toEqual({
      identifier: frameworkId,
      name: 'Kompetensi Teknis Manajemen ASN',
      description: '',
      publisher: 'Badan Kepegawaian Negara',
      version: '2021',
      scaleMax: 3,
      language: 'id',
      status: 'draft',
      competencies: [
        {
          identifier: id('MSDM'),
          code: 'MSDM',
          name: 'Manajemen Sumber Daya Manusia',
          kind: 'teknis',
          definition: 'Pengelolaan pegawai ASN dari perencanaan sampai pemberhentian',
          position: 0,
          levels: [],
          children: [
            {
              identifier: id('MSDM.1'),
              code: 'MSDM.1',
              name: 'Perencanaan dan Pengadaan',
              kind: 'teknis',
              definition: '',
              position: 0,
              levels: [],
              children: [
                {
                  identifier: id('MSDM.1.1'),
                  code: 'MSDM.1.1',
                  name: 'Penyusunan Kebutuhan ASN',
                  kind: 'teknis',
                  definition: 'Menyusun kebutuhan jumlah dan jenis jabatan ASN berdasarkan analisis jabatan dan beban kerja',
                  position: 0,
                  levels: [
                    {
                      level: 1,
                      description: 'Memahami konsep analisis jabatan dan analisis beban kerja',
                      indicators: ['Menjelaskan istilah analisis jabatan', 'Menjelaskan istilah beban kerja'],
                    },
                    { level: 2, description: 'Mampu menghitung kebutuhan pegawai di unit kerjanya', indicators: ['Menghitung beban kerja satu jabatan'] },
                    {
                      level: 3,
                      description: 'Mampu menyusun rencana kebutuhan ASN instansi',
                      indicators: ['Menyusun formasi lima tahunan', 'Menyelaraskan kebutuhan dengan anggaran'],
                    },
                  ],
                  children: [],
                },
                expect.objectContaining({ code: 'MSDM.1.2', position: 1, levels: [expect.objectContaining({ level: 1 }), expect.objectContaining({ level: 2 })] }),
              ],
            },
            expect.objectContaining({
              code: 'MSDM.2',
              position: 1,
              levels: [],
              children: [expect.objectContaining({ identifier: id('MSDM.2.1'), code: 'MSDM.2.1', position: 0 })],
            }),
          ],
        },
      ],
    });
  });

  it('gives a hand-written file the same identifiers on every import, and round-trips it', () => {
    const first = framework(parseFrameworkCsv(fixture('teknis-manajemen-asn.csv')));
    expect(framework(parseFrameworkCsv(fixture('teknis-manajemen-asn.csv')))).toEqual(first);
    expect(parseFrameworkCsv(frameworkToCsv(first))).toEqual({ ok: true, framework: first });
  });

  it('accepts children listed before their parent, orders siblings as listed, and codes in any case for parent_code', () => {
    const doc = framework(
      parseFrameworkCsv(
        file(
          'Kompetensi Teknis Kearsipan,,ARS.2,Penyusutan Arsip,teknis,ars,1,Memahami jadwal retensi arsip,',
          'Kompetensi Teknis Kearsipan,,ARS.1,Pengelolaan Arsip Dinamis,teknis,ARS,1,Memahami klasifikasi arsip,',
          'Kompetensi Teknis Kearsipan,,ARS,Kearsipan,TEKNIS,,,,',
        ),
      ),
    );
    expect(doc.scaleMax).toBe(5);
    expect(doc.competencies.map((c) => c.code)).toEqual(['ARS']);
    expect(doc.competencies[0].children.map((c) => [c.code, c.position])).toEqual([
      ['ARS.2', 0],
      ['ARS.1', 1],
    ]);
  });

  it('ignores the empty trailing cells spreadsheets add', () => {
    expect(framework(parseFrameworkCsv(file('Kerangka Uji,,K.1,Satu,teknis,,1,Dasar,,,,'))).competencies).toHaveLength(1);
  });

  it('keeps the identifiers a file carries (lower-cased)', () => {
    const identifier = 'B0B0B0B0-1111-4222-8333-444455556666';
    const text = 'framework_identifier,identifier,framework,code,name,kind,level,level_description\n' + `${identifier},${identifier},Kerangka Uji,K.1,Satu,teknis,1,Dasar\n`;
    const doc = framework(parseFrameworkCsv(text));
    expect(doc.identifier).toBe(identifier.toLowerCase());
    expect(doc.competencies[0].identifier).toBe(identifier.toLowerCase());
  });

  describe('refuses a bad file, naming the place and the problem', () => {
    it.each([
      ['an empty file', '', [{ field: 'file', code: 'import.empty' }]],
      ['blank lines only', '\uFEFF\r\n  \r\n', [{ field: 'file', code: 'import.empty' }]],
      ['a header without rows', `${HEADER}\r\n\r\n`, [{ field: 'file', code: 'import.empty' }]],
      [
        'missing and unknown columns',
        'framework,code,nama,jenis\nA,B,C,D',
        [
          { field: 'row 1', code: 'import.header', params: { columns: 'name, kind' } },
          { field: 'row 1', code: 'validation.unknownKeys', params: { keys: 'nama, jenis' } },
        ],
      ],
      ['a column named twice', 'framework,code,name,kind,Code\nA,B,C,D,E', [{ field: 'row 1', code: 'competency.importDuplicateColumn', params: { column: 'code' } }]],
      ['an unclosed quote', file('Kerangka Uji,,K.1,"Satu,teknis,,,,'), [{ field: 'file', code: 'competency.importCsvSyntax' }]],
      [
        'more cells than columns',
        file('Kerangka Uji,,K.1,Satu,teknis,,1,Dasar,,extra'),
        [{ field: 'row 2', code: 'import.columnCount', params: { count: 10, expected: 9 } }],
      ],
      [
        'a framework column that changes',
        file('Kerangka Uji,,K.1,Satu,teknis,,1,Dasar,', 'Kerangka Lain,,K.2,Dua,teknis,,1,Dasar,'),
        [{ field: 'row 3, framework', code: 'competency.importInconsistent', params: { column: 'framework', row: 2 } }],
      ],
      [
        "a competency's name that changes between its rows",
        file('Kerangka Uji,,K.1,Satu,teknis,,1,Dasar,', 'Kerangka Uji,,K.1,Uno,,,2,Lanjut,'),
        [{ field: 'row 3, name', code: 'competency.importInconsistent', params: { column: 'name', row: 2 } }],
      ],
      [
        'codes that differ only in case',
        file('Kerangka Uji,,K.1,Satu,teknis,,1,Dasar,', 'Kerangka Uji,,k.1,Satu lagi,teknis,,1,Dasar,'),
        [{ field: 'row 3, code', code: 'competency.codeTaken', params: { code: 'k.1' } }],
      ],
      ['a missing code', file('Kerangka Uji,,,Satu,teknis,,1,Dasar,'), [{ field: 'row 2, code', code: 'validation.required' }]],
      ['a code with spaces', file('Kerangka Uji,,K 1,Satu,teknis,,1,Dasar,'), [{ field: 'row 2, code', code: 'validation.format' }]],
      [
        'an unknown parent code',
        file('Kerangka Uji,,K.1,Satu,teknis,K,1,Dasar,'),
        [{ field: 'row 2, parent_code', code: 'competency.unknownParent', params: { code: 'K' } }],
      ],
      [
        'parents in a circle',
        file('Kerangka Uji,,K.1,Satu,teknis,K.2,,,', 'Kerangka Uji,,K.2,Dua,teknis,K.1,,,', 'Kerangka Uji,,K.3,Tiga,teknis,K.2,1,Dasar,'),
        [
          { field: 'row 2, parent_code', code: 'competency.parentCycle' },
          { field: 'row 3, parent_code', code: 'competency.parentCycle' },
        ],
      ],
      [
        'a competency that is its own parent',
        file('Kerangka Uji,,K.1,Satu,teknis,K.1,1,Dasar,'),
        [{ field: 'row 2, parent_code', code: 'competency.parentCycle' }],
      ],
      ['an unknown kind', file('Kerangka Uji,,K.1,Satu,umum,,1,Dasar,'), [{ field: 'row 2, kind', code: 'validation.enum', params: { options: 'manajerial, sosial_kultural, teknis' } }]],
      [
        'levels with a gap',
        file('Kerangka Uji,,K.1,Satu,teknis,,1,Dasar,', 'Kerangka Uji,,K.1,,,,3,Mahir,'),
        [{ field: 'row 2, level', code: 'competency.levelsContiguous' }],
      ],
      [
        'a level twice',
        file('Kerangka Uji,,K.1,Satu,teknis,,1,Dasar,', 'Kerangka Uji,,K.1,,,,1,Dasar lagi,'),
        [{ field: 'row 3, level', code: 'competency.importDuplicateLevel', params: { level: 1, code: 'K.1', row: 2 } }],
      ],
      [
        'a level above the scale',
        file('Kerangka Uji,2,K.1,Satu,teknis,,1,Dasar,', 'Kerangka Uji,2,K.1,,,,2,Cakap,', 'Kerangka Uji,2,K.1,,,,3,Mahir,'),
        [{ field: 'row 4, level', code: 'competency.levelAboveScale', params: { level: 3, scaleMax: 2 } }],
      ],
      ['a level that is not a number', file('Kerangka Uji,,K.1,Satu,teknis,,dua,Dasar,'), [{ field: 'row 2, level', code: 'validation.invalidType' }]],
      ['level 0', file('Kerangka Uji,,K.1,Satu,teknis,,0,Dasar,'), [{ field: 'row 2, level', code: 'validation.tooSmall', params: { minimum: 1 } }]],
      ['a level without description', file('Kerangka Uji,,K.1,Satu,teknis,,1,,'), [{ field: 'row 2, level_description', code: 'validation.required' }]],
      ['a description without level', file('Kerangka Uji,,K.1,Satu,teknis,,,Dasar,'), [{ field: 'row 2, level', code: 'validation.required' }]],
      ['a missing name', file('Kerangka Uji,,K.1,,teknis,,1,Dasar,'), [{ field: 'row 2, name', code: 'validation.required' }]],
      ['a framework name too short', file('KU,,K.1,Satu,teknis,,1,Dasar,'), [{ field: 'row 2, framework', code: 'validation.tooShort', params: { minimum: 3 } }]],
      ['a scale above 10', file('Kerangka Uji,11,K.1,Satu,teknis,,1,Dasar,'), [{ field: 'row 2, scale_max', code: 'validation.tooBig', params: { maximum: 10 } }]],
      [
        'invalid identifiers',
        'framework_identifier,identifier,framework,code,name,kind,level,level_description\nbukan-uuid,juga-bukan,Kerangka Uji,K.1,Satu,teknis,1,Dasar',
        [
          { field: 'row 2, framework_identifier', code: 'validation.uuid' },
          { field: 'row 2, identifier', code: 'validation.uuid' },
        ],
      ],
      [
        'an identifier used twice',
        'identifier,framework,code,name,kind,level,level_description\n' +
          'b0b0b0b0-1111-4222-8333-444455556666,Kerangka Uji,K.1,Satu,teknis,1,Dasar\n' +
          'b0b0b0b0-1111-4222-8333-444455556666,Kerangka Uji,K.2,Dua,teknis,1,Dasar',
        [{ field: 'row 3, identifier', code: 'competency.identifierTaken', params: { identifier: 'b0b0b0b0-1111-4222-8333-444455556666' } }],
      ],
    ])('%s', (_case, text, errors) => {
      expect(errorsOf(text)).toEqual(errors);
    });

    it('collects every problem of the file, not only the first', () => {
      const errors = errorsOf(file('Kerangka Uji,,K.1,,teknis,,1,Dasar,', 'Kerangka Uji,,K.2,Dua,umum,,1,,', 'Kerangka Uji,,K.3,Tiga,teknis,X,1,Dasar,'));
      expect(errors.map((e) => `${e.field}: ${e.code}`)).toEqual([
        'row 2, name: validation.required',
        'row 3, kind: validation.enum',
        'row 3, level_description: validation.required',
        'row 4, parent_code: competency.unknownParent',
      ]);
    });

    it('counts lines, not records, when a quoted cell spans several lines', () => {
      const errors = errorsOf(file('Kerangka Uji,,K.1,Satu,teknis,,1,Dasar,"satu\ndua\ntiga"', 'Kerangka Uji,,K.2,Dua,umum,,1,Dasar,'));
      expect(errors).toEqual([{ field: 'row 5, kind', code: 'validation.enum', params: { options: 'manajerial, sosial_kultural, teknis' } }]);
    });

    it(`refuses more than ${MAX_FRAMEWORK_CSV_ROWS} rows`, () => {
      const rows = Array.from({ length: MAX_FRAMEWORK_CSV_ROWS + 1 }, (_, i) => `Kerangka Uji,,K.${i},Nama,teknis,,,,`);
      expect(errorsOf(file(...rows))).toEqual([{ field: 'file', code: 'import.tooManyRows', params: { max: MAX_FRAMEWORK_CSV_ROWS } }]);
    });

    it(`stops listing after ${MAX_IMPORT_ERRORS} problems and says there are more`, () => {
      const rows = Array.from({ length: 150 }, (_, i) => `Kerangka Uji,,K.${i},,teknis,,,,`);
      const errors = errorsOf(file(...rows));
      expect(errors).toHaveLength(MAX_IMPORT_ERRORS + 1);
      expect(errors[MAX_IMPORT_ERRORS]).toEqual({ field: 'file', code: 'competency.importMoreErrors', params: { max: MAX_IMPORT_ERRORS } });
    });

    it('uses message keys both languages have', () => {
      const errors = errorsOf(file('Kerangka Uji,2,K.1,Satu,teknis,,1,Dasar,', 'Kerangka Uji,2,K.1,,,,2,Cakap,', 'Kerangka Uji,2,K.1,,,,3,Mahir,'));
      expect(t(errors[0].code, 'id', errors[0].params)).toBe('Level 3 melebihi skala kerangka (1–2)');
      expect(t(errors[0].code, 'en', errors[0].params)).toBe('Level 3 is above the framework scale (1–2)');
    });
  });
});
