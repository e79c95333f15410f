import {
  FRAMEWORK_CSV_COLUMNS,
  createCompetencySchema,
  createFrameworkSchema,
  type CompetencyNode,
  type LevelDefinition,
} from '@cakap/contracts';
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import {
  ImportIssues,
  assembleTree,
  derivedCompetencyIdentifier,
  derivedFrameworkIdentifier,
  sortedTree,
  type CompetencyDocumentNode,
  type DraftCompetency,
  type FrameworkDocument,
  type ImportResult,
} from './import';
import { levelsAboveScale } from './levels';
import { flattenTree } from './tree';

export type FrameworkCsvColumn = (typeof FRAMEWORK_CSV_COLUMNS)[number];

/** Without these a row means nothing; the other columns may be left out of a hand-written file. */
export const FRAMEWORK_CSV_REQUIRED_COLUMNS = ['framework', 'code', 'name', 'kind'] as const satisfies readonly FrameworkCsvColumn[];

/** Data rows (one per competency level): the SKJ dictionary has 45, a large teknis dictionary a few thousand. */
export const MAX_FRAMEWORK_CSV_ROWS = 10_000;

/** The framework columns: every row repeats them (or leaves them empty) and they must agree. */
const FRAMEWORK_COLUMNS = [
  'framework_identifier',
  'framework',
  'framework_version',
  'framework_publisher',
  'framework_description',
  'framework_language',
  'scale_max',
] as const satisfies readonly FrameworkCsvColumn[];

/** A competency's own columns: every row of the competency repeats them (or leaves them empty). */
const COMPETENCY_COLUMNS = ['identifier', 'name', 'kind', 'parent_code', 'definition'] as const satisfies readonly FrameworkCsvColumn[];

type Row = { line: number; cells: Record<FrameworkCsvColumn, string> };
/** A cell's value and the line it is on, for pointing at it. */
type Cell = { value: string; line: number };
type CsvDraft = DraftCompetency & { identifierLine: number; parentCode: Cell };

const at = (line: number, column?: FrameworkCsvColumn) => (column ? `row ${line}, ${column}` : `row ${line}`);

/** `Framework Version`, `FRAMEWORK-VERSION` and `framework_version` name the same column. */
const normalizeHeader = (name: string) => name.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** A number cell as a number when it is one, else as written so that the schema reports it. */
const numberCell = (value: string): number | string => (/^\d+$/.test(value) ? Number(value) : value);

/**
 * Comma or semicolon (Excel in an Indonesian locale saves with ';'): whichever the header line
 * has more of. Header names never contain either, so counting them is enough.
 */
function delimiterOf(text: string): ',' | ';' {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return header.split(';').length > header.split(',').length ? ';' : ',';
}

/**
 * Reads a framework CSV (README.md): UTF-8 with or without BOM, comma or semicolon separated,
 * CRLF or LF, one row per competency level. Every problem is collected (up to
 * MAX_IMPORT_ERRORS) before anything is returned, so nothing is half-imported.
 */
export function parseFrameworkCsv(text: string): ImportResult {
  const issues = new ImportIssues();
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return fail('file', 'import.empty');

  let records: string[][];
  try {
    records = parse(body, { delimiter: delimiterOf(body), relax_column_count: true, relax_quotes: true }) as string[][];
  } catch (err) {
    // An unclosed quote is only noticed at the end of the file, so no line can be named for it.
    if (err instanceof CsvError) return fail(err.code === 'CSV_QUOTE_NOT_CLOSED' ? 'file' : at(Number(err.lines)), 'competency.importCsvSyntax');
    throw err;
  }

  // Lines, not records: a quoted cell may span several lines, and people look rows up by line number.
  const lines: number[] = [];
  let line = 1;
  for (const cells of records) {
    lines.push(line);
    line += cells.reduce((n, c) => n + (c.match(/\r?\n/g)?.length ?? 0), 1);
  }

  const blank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');
  const headerAt = records.findIndex((cells) => !blank(cells));
  const header = records[headerAt].map(normalizeHeader);
  const headerField = at(lines[headerAt]);
  const missing = FRAMEWORK_CSV_REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => c && !(FRAMEWORK_CSV_COLUMNS as readonly string[]).includes(c));
  const repeated = header.filter((c, i) => c && header.indexOf(c) !== i);
  if (missing.length) issues.add(headerField, 'import.header', { columns: missing.join(', ') });
  if (unknown.length) issues.add(headerField, 'validation.unknownKeys', { keys: unknown.join(', ') });
  for (const column of new Set(repeated)) issues.add(headerField, 'competency.importDuplicateColumn', { column });
  if (!issues.empty) return { ok: false, errors: issues.errors };

  const rows: Row[] = [];
  records.forEach((raw, i) => {
    if (i <= headerAt || blank(raw)) return;
    // csv-parse keeps the spaces inside quotes; no value starts or ends with one here.
    const cells = raw.map((c) => c.trim());
    const lineNo = lines[i];
    if (cells.slice(header.length).some(Boolean)) {
      // Values beyond the last column: a separator inside an unquoted value shifted the cells.
      // (Empty trailing cells, which spreadsheets like to add, are harmless.)
      issues.add(at(lineNo), 'import.columnCount', { count: cells.length, expected: header.length });
      return;
    }
    const row = { line: lineNo, cells: {} as Row['cells'] };
    for (const column of FRAMEWORK_CSV_COLUMNS) row.cells[column] = cells[header.indexOf(column)] ?? '';
    rows.push(row);
  });
  if (!rows.length) return issues.empty ? fail('file', 'import.empty') : { ok: false, errors: issues.errors };
  if (rows.length > MAX_FRAMEWORK_CSV_ROWS) return fail('file', 'import.tooManyRows', { max: MAX_FRAMEWORK_CSV_ROWS });

  const framework = readFramework(rows, issues);
  const competencies = readCompetencies(rows, framework, issues);
  if (!issues.empty || !framework.valid) return { ok: false, errors: issues.errors };
  return { ok: true, framework: { ...framework.document, competencies } };
}

function fail(field: string, code: string, params?: Record<string, unknown>): ImportResult {
  const issues = new ImportIssues();
  issues.add(field, code, params);
  return { ok: false, errors: issues.errors };
}

/**
 * The first non-empty value of `column` among `rows`; a later different one is reported.
 * Empty cells repeat the value above, so a hand-written file need not copy it on every row.
 */
function agreedValue(rows: readonly Row[], column: FrameworkCsvColumn, issues: ImportIssues): Cell {
  let first: Cell | undefined;
  for (const row of rows) {
    const value = row.cells[column];
    if (!value) continue;
    if (!first) first = { value, line: row.line };
    else if (value !== first.value) issues.add(at(row.line, column), 'competency.importInconsistent', { column, row: first.line });
  }
  return first ?? { value: '', line: rows[0].line };
}

type ReadFramework = { valid: boolean; document: Omit<FrameworkDocument, 'competencies'> };

function readFramework(rows: readonly Row[], issues: ImportIssues): ReadFramework {
  const values = Object.fromEntries(FRAMEWORK_COLUMNS.map((c) => [c, agreedValue(rows, c, issues)])) as Record<(typeof FRAMEWORK_COLUMNS)[number], Cell>;
  const columnOf: Record<string, (typeof FRAMEWORK_COLUMNS)[number]> = {
    name: 'framework',
    description: 'framework_description',
    publisher: 'framework_publisher',
    version: 'framework_version',
    scaleMax: 'scale_max',
    language: 'framework_language',
  };
  // Empty cells take the schema's defaults.
  const input = Object.fromEntries(
    Object.entries(columnOf)
      .filter(([, column]) => values[column].value !== '')
      .map(([key, column]) => {
        const { value } = values[column];
        return [key, key === 'scaleMax' ? numberCell(value) : key === 'language' ? value.toLowerCase() : value];
      }),
  );
  const parsed = createFrameworkSchema.safeParse(input);
  if (!parsed.success) {
    issues.addZod(parsed.error, input, (path) => {
      const column = columnOf[String(path[0])];
      return at(values[column].line, column);
    });
  }
  const identifierCell = values.framework_identifier;
  if (identifierCell.value && !z.uuid().safeParse(identifierCell.value).success) {
    issues.add(at(identifierCell.line, 'framework_identifier'), 'validation.uuid');
  }
  const framework = parsed.success ? parsed.data : { name: '', description: '', publisher: '', version: '', scaleMax: 0, language: 'id' as const };
  return {
    valid: parsed.success,
    document: {
      identifier: identifierCell.value.toLowerCase() || derivedFrameworkIdentifier(framework.name, framework.version),
      ...framework,
      // An imported framework is reviewed before it is published; the CSV does not carry a status.
      status: 'draft',
    },
  };
}

/** One competency's rows, in file order. */
type Group = { code: string; rows: Row[] };

function readCompetencies(rows: readonly Row[], framework: ReadFramework, issues: ImportIssues): CompetencyDocumentNode[] {
  const groups = new Map<string, Group>();
  const codeKeys = new Map<string, string>();
  for (const row of rows) {
    const code = row.cells.code;
    if (!code) {
      issues.add(at(row.line, 'code'), 'validation.required');
      continue;
    }
    // Codes are unique case-insensitively: "M.1" and "m.1" are not two competencies.
    const written = codeKeys.get(code.toUpperCase());
    if (written !== undefined && written !== code) {
      issues.add(at(row.line, 'code'), 'competency.codeTaken', { code });
      continue;
    }
    codeKeys.set(code.toUpperCase(), code);
    const group = groups.get(code) ?? { code, rows: [] };
    group.rows.push(row);
    groups.set(code, group);
  }

  const drafts: CsvDraft[] = [];
  const identifierOfCode = new Map<string, string>();
  for (const group of groups.values()) {
    const draft = readCompetency(group, framework, issues);
    if (!draft) continue;
    identifierOfCode.set(group.code.toUpperCase(), draft.identifier);
    drafts.push(draft);
  }

  for (const draft of drafts) {
    const parentCode = draft.parentCode.value;
    if (!parentCode) continue;
    const parent = identifierOfCode.get(parentCode.toUpperCase());
    if (parent) draft.parentIdentifier = parent;
    else if (!codeKeys.has(parentCode.toUpperCase())) issues.add(at(draft.parentCode.line, 'parent_code'), 'competency.unknownParent', { code: parentCode });
  }
  // A competency's position among its siblings is the order the file lists them in.
  const nextPosition = new Map<string | null, number>();
  for (const draft of drafts) {
    draft.position = nextPosition.get(draft.parentIdentifier) ?? 0;
    nextPosition.set(draft.parentIdentifier, draft.position + 1);
  }
  return assembleTree(drafts, issues, (draft) => ({ identifier: at(draft.identifierLine, 'identifier'), parent: at(draft.parentCode.line, 'parent_code') }));
}

function readCompetency(group: Group, framework: ReadFramework, issues: ImportIssues): CsvDraft | null {
  const [first] = group.rows;
  const values = Object.fromEntries(COMPETENCY_COLUMNS.map((c) => [c, agreedValue(group.rows, c, issues)])) as Record<(typeof COMPETENCY_COLUMNS)[number], Cell>;

  // Level rows; a row with the level columns empty only describes the competency (or a grouping node).
  const levels: { input: Record<string, unknown>; line: number }[] = [];
  const lineOfLevel = new Map<unknown, number>();
  for (const row of group.rows) {
    const { level, level_description: description, indicators } = row.cells;
    if (!level) {
      if (description || indicators) issues.add(at(row.line, 'level'), 'validation.required');
      continue;
    }
    const value = numberCell(level);
    const earlier = lineOfLevel.get(value);
    if (earlier !== undefined) {
      issues.add(at(row.line, 'level'), 'competency.importDuplicateLevel', { level: value, code: group.code, row: earlier });
      continue;
    }
    lineOfLevel.set(value, row.line);
    levels.push({
      line: row.line,
      input: { level: value, description, indicators: indicators.split(/\r?\n/).map((s) => s.trim()).filter(Boolean) },
    });
  }

  const input = {
    code: group.code,
    name: values.name.value,
    kind: values.kind.value.toLowerCase().replace(/[\s-]+/g, '_'),
    definition: values.definition.value,
    levels: levels.map((l) => l.input),
  };
  const parsed = createCompetencySchema.safeParse(input);
  if (!parsed.success) {
    issues.addZod(parsed.error, input, (path) => {
      const [key, index, property] = path;
      if (key === 'levels') {
        if (typeof index !== 'number') return at(levels[0]?.line ?? first.line, 'level');
        const column = property === 'description' ? 'level_description' : property === 'indicators' ? 'indicators' : 'level';
        return at(levels[index].line, column);
      }
      if (key === 'code') return at(first.line, 'code');
      const column = key as 'name' | 'kind' | 'definition';
      return at(values[column].line, column);
    });
  }
  if (parsed.success && framework.valid) {
    for (const level of levelsAboveScale(parsed.data.levels, framework.document.scaleMax)) {
      issues.add(at(lineOfLevel.get(level)!, 'level'), 'competency.levelAboveScale', { level, scaleMax: framework.document.scaleMax });
    }
  }
  const identifier = values.identifier.value.toLowerCase();
  if (identifier && !z.uuid().safeParse(identifier).success) issues.add(at(values.identifier.line, 'identifier'), 'validation.uuid');
  if (!parsed.success) return null;

  const { code, name, kind, definition } = parsed.data;
  return {
    identifier: identifier || derivedCompetencyIdentifier(framework.document.identifier, code),
    parentIdentifier: null,
    code,
    name,
    kind,
    definition,
    position: 0,
    levels: parsed.data.levels,
    identifierLine: values.identifier.line,
    parentCode: values.parent_code,
  };
}

/**
 * The framework as a CSV for spreadsheets: UTF-8 with BOM and CRLF (Excel reads it right),
 * parents before children, siblings in order, one row per level with every column filled in.
 */
export function frameworkToCsv(doc: FrameworkDocument): string {
  const codeOf = new Map<string, string>();
  const records: string[][] = [[...FRAMEWORK_CSV_COLUMNS]];
  // flattenTree links children to parents by id; in a document the identifier is the id.
  const withIds = (nodes: readonly CompetencyDocumentNode[]): CompetencyNode[] =>
    nodes.map((n) => ({ ...n, id: n.identifier, children: withIds(n.children) }));
  for (const competency of flattenTree(withIds(sortedTree(doc.competencies)))) {
    codeOf.set(competency.identifier, competency.code);
    const cells: Record<FrameworkCsvColumn, string> = {
      framework_identifier: doc.identifier,
      framework: doc.name,
      framework_version: doc.version,
      framework_publisher: doc.publisher,
      framework_description: doc.description,
      framework_language: doc.language,
      scale_max: String(doc.scaleMax),
      identifier: competency.identifier,
      code: competency.code,
      name: competency.name,
      kind: competency.kind,
      parent_code: competency.parentId ? codeOf.get(competency.parentId)! : '',
      definition: competency.definition,
      level: '',
      level_description: '',
      indicators: '',
    };
    const levels: (LevelDefinition | null)[] = competency.levels.length ? competency.levels : [null];
    for (const level of levels) {
      if (level) Object.assign(cells, { level: String(level.level), level_description: level.description, indicators: level.indicators.join('\n') });
      records.push(FRAMEWORK_CSV_COLUMNS.map((c) => cells[c]));
    }
  }
  return '\uFEFF' + stringify(records, { record_delimiter: 'windows' });
}
