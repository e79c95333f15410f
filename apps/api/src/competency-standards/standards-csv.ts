import { STANDARDS_CSV_COLUMNS } from '@cakap/contracts';
import { ImportIssues, type ImportIssue } from '@cakap/competencies';
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { StandardRow } from './competency-standards.repository';

type Column = (typeof STANDARDS_CSV_COLUMNS)[number];

/** org_unit_code (unit-less positions) and framework (only needed for a code in two frameworks) may be left out. */
const REQUIRED: readonly Column[] = ['position', 'competency_code', 'level'];

/** A regency has a few hundred positions with a dozen competencies each. */
export const MAX_STANDARDS_CSV_ROWS = 20_000;

/** One data row, cells trimmed; `line` is its line in the file (header included), as a spreadsheet numbers it. */
export interface StandardsCsvRow {
  line: number;
  cells: Record<Column, string>;
}

export type ParsedStandardsCsv = { ok: true; rows: StandardsCsvRow[] } | { ok: false; errors: ImportIssue[] };

/** Where a problem is, in the convention of the framework CSV import: `row 7` or `row 7, level`. */
export const rowField = (line: number, column?: Column) => (column ? `row ${line}, ${column}` : `row ${line}`);

const normalizeHeader = (name: string) => name.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** Comma or semicolon (Excel in an Indonesian locale saves with ';'): whichever the header line has more of. */
function delimiterOf(text: string): ',' | ';' {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return header.split(';').length > header.split(',').length ? ';' : ',';
}

/**
 * Reads the position standards CSV (STANDARDS_CSV_COLUMNS): UTF-8, comma or semicolon, header
 * names case-insensitive, empty lines skipped. Only the file's shape is checked here; whether
 * its positions and competencies exist is the service's question.
 */
export function parseStandardsCsv(text: string): ParsedStandardsCsv {
  const issues = new ImportIssues();
  const fail = (field: string, code: string, params?: Record<string, unknown>): ParsedStandardsCsv => {
    issues.add(field, code, params);
    return { ok: false, errors: issues.errors };
  };
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return fail('file', 'import.empty');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, { delimiter: delimiterOf(body), relax_column_count: true, info: true }) as unknown as typeof records;
  } catch (err) {
    if (err instanceof CsvError) return fail(rowField(Number(err.lines)), 'competency.importCsvSyntax');
    throw err;
  }
  const blank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');
  const data = records.filter((r) => !blank(r.record));
  if (!data.length) return fail('file', 'import.empty');

  const [head, ...rest] = data;
  const header = head.record.map(normalizeHeader);
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) return fail(rowField(head.info.lines), 'import.header', { columns: missing.join(', ') });
  if (!rest.length) return fail('file', 'import.empty');
  if (rest.length > MAX_STANDARDS_CSV_ROWS) return fail('file', 'import.tooManyRows', { max: MAX_STANDARDS_CSV_ROWS });

  const rows: StandardsCsvRow[] = [];
  for (const { record, info } of rest) {
    // csv-parse's `lines` is where the record ends; a record with a line break inside a quoted cell starts earlier.
    const line = info.lines - record.reduce((n, c) => n + (c.match(/\r?\n/g)?.length ?? 0), 0);
    if (record.length > header.length) {
      issues.add(rowField(line), 'import.columnCount', { count: record.length, expected: header.length });
      continue;
    }
    const cells = {} as Record<Column, string>;
    for (const column of STANDARDS_CSV_COLUMNS) cells[column] = (record[header.indexOf(column)] ?? '').trim();
    rows.push({ line, cells });
  }
  return issues.empty ? { ok: true, rows } : { ok: false, errors: issues.errors };
}

/** The export: the same columns, so that the file imports back unchanged. BOM and CRLF for spreadsheet programs. */
export function standardsToCsv(rows: readonly StandardRow[]): string {
  const records = rows.map((r) => [r.position, r.org_unit_code ?? '', r.framework, r.competency_code, String(r.level)]);
  return '\uFEFF' + stringify([[...STANDARDS_CSV_COLUMNS], ...records], { record_delimiter: 'windows' });
}
