import { USER_CSV_OPTIONAL, USER_CSV_REQUIRED } from '@cakap/contracts';
import type { StoredRowError } from '@cakap/db';
import { parse } from 'csv-parse/sync';

export type UserCsvColumn = (typeof USER_CSV_REQUIRED)[number] | (typeof USER_CSV_OPTIONAL)[number];
const KNOWN: readonly string[] = [...USER_CSV_REQUIRED, ...USER_CSV_OPTIONAL];

export interface UserCsvRow {
  /** 1 = the first data row after the header. */
  row: number;
  values: Partial<Record<UserCsvColumn, string>>;
  /** Set when the row has more cells than the header has columns (an unquoted separator). */
  columnCount?: { count: number; expected: number };
}

export type ParsedUserCsv =
  | { ok: true; delimiter: ',' | ';'; columns: ReadonlySet<UserCsvColumn>; rows: UserCsvRow[] }
  | { ok: false; error: StoredRowError };

const fileError = (code: string, params?: StoredRowError['params']): ParsedUserCsv => ({
  ok: false,
  error: { row: 0, field: 'file', code, ...(params ? { params } : {}) },
});

/** `Unit Kerja`, `UNIT-KERJA` and `unit_kerja` all name the same column. */
export function normalizeHeader(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** Comma or semicolon (Excel in an Indonesian locale saves with ';'): whichever the header line has more of. */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Reads a users CSV: UTF-8 with or without BOM, comma or semicolon separated, quoted fields,
 * cells trimmed, empty lines (and lines of separators only) skipped, header names
 * case-insensitive. Row numbers count the lines after the header from 1 (skipped empty lines
 * included, so row n is the spreadsheet's row n + 1). Whole-file problems come back as one
 * error on row 0, field `file`.
 */
export function parseUserCsv(text: string, maxRows: number): ParsedUserCsv {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return fileError('import.empty');
  const delimiter = detectDelimiter(body);
  let records: string[][];
  try {
    records = parse(body, {
      delimiter,
      bom: true,
      trim: true,
      // Empty lines are kept here and skipped below, so that row numbers match the spreadsheet's.
      relax_column_count: true,
      relax_quotes: true,
    }) as string[][];
    // csv-parse keeps the spaces inside quotes; a cell's value never starts or ends with one here.
    for (const cells of records) for (let i = 0; i < cells.length; i++) cells[i] = cells[i].trim();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return fileError('import_file_invalid', { reason });
  }
  const blank = (cells: string[]) => cells.every((c) => c === '');
  const headerAt = records.findIndex((cells) => !blank(cells));
  if (headerAt < 0) return fileError('import.empty');

  const header = records[headerAt].map(normalizeHeader);
  const missing = USER_CSV_REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) return fileError('import.header', { columns: missing.join(', ') });

  const data = records.slice(headerAt + 1);
  const dataCount = data.reduce((n, cells) => (blank(cells) ? n : n + 1), 0);
  if (dataCount === 0) return fileError('import.empty');
  if (dataCount > maxRows) return fileError('import.tooManyRows', { max: maxRows });

  // First occurrence wins when a column is named twice; unknown columns are ignored.
  const index = new Map<UserCsvColumn, number>();
  header.forEach((name, i) => {
    if (KNOWN.includes(name) && !index.has(name as UserCsvColumn)) index.set(name as UserCsvColumn, i);
  });

  const rows: UserCsvRow[] = [];
  data.forEach((cells, i) => {
    // An empty line (or one of separators only) is skipped but keeps its number.
    if (blank(cells)) return;
    const values: UserCsvRow['values'] = {};
    for (const [col, at] of index) values[col] = cells[at] ?? '';
    const row: UserCsvRow = { row: i + 1, values };
    // Missing trailing cells are empty cells; more cells than columns means a separator inside
    // an unquoted value has shifted the cells, so the row cannot be trusted.
    if (cells.length > header.length) row.columnCount = { count: cells.length, expected: header.length };
    rows.push(row);
  });
  return { ok: true, delimiter, columns: new Set(index.keys()), rows };
}
