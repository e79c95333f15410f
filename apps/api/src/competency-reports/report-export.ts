import type { REPORT_FORMATS } from '@cakap/contracts';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { contentDisposition } from '../files/files.controller';

/**
 * Writes a report as CSV or XLSX from one column definition, so every admin report (the
 * competency map here, the course and unit reports of issue 8 later) gets both formats alike.
 * Rows come in batches from an (async) iterable: a long report streams to the client and never
 * sits in memory whole.
 */

export type ReportFormat = (typeof REPORT_FORMATS)[number];
type CellValue = string | number | null;

export interface ReportColumn<T> {
  header: string;
  value: (row: T) => CellValue;
  /**
   * `percent`: the value is a fraction (0.667). CSV shows it in percent (66.7) because a
   * plain text file has no formats; XLSX keeps the fraction as a number formatted `0.0%`, so
   * spreadsheet formulas still work on it.
   */
  format?: 'text' | 'integer' | 'percent';
  /** XLSX column width in characters. */
  width?: number;
}

export interface ReportSheet<T> {
  /** The XLSX sheet's tab (at most 31 characters). */
  name: string;
  columns: readonly ReportColumn<T>[];
  rows: Iterable<readonly T[]> | AsyncIterable<readonly T[]>;
}

export const REPORT_CONTENT_TYPE: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Sends the sheets as an attachment `<baseName>.<format>`. A CSV holds one table: it has the
 * first sheet only; the further sheets are the XLSX's detail. Once the first byte is out an
 * error can no longer become a problem+json, so the response is cut off (the client sees a
 * failed download, never a silently truncated file) and the error goes on to be logged.
 */
export async function sendReport<S extends unknown[]>(
  res: Response,
  format: ReportFormat,
  baseName: string,
  ...sheets: { [K in keyof S]: ReportSheet<S[K]> }
): Promise<void> {
  res.setHeader('Content-Type', REPORT_CONTENT_TYPE[format]);
  res.setHeader('Content-Disposition', contentDisposition('attachment', `${baseName}.${format}`));
  res.setHeader('Cache-Control', 'no-store');
  try {
    if (format === 'csv') await writeCsv(res, sheets[0] as ReportSheet<unknown>);
    else await writeXlsx(res, sheets as ReportSheet<unknown>[]);
  } catch (err) {
    if (err instanceof ClientGone) return;
    if (!res.headersSent) {
      // Nothing sent yet: the error becomes a problem+json, which is not a file to save.
      res.removeHeader('Content-Disposition');
      throw err;
    }
    res.destroy(err as Error);
    throw err;
  }
}

/** The client went away mid-download: nothing to answer, nothing to log. */
class ClientGone extends Error {}

/**
 * Waits while the client is slower than the database, so unsent batches do not pile up. A
 * client that went away ends the report: leaving the loop closes the rows' source (a database
 * cursor gives its connection back) instead of waiting for a drain that never comes.
 */
async function drained(res: Response): Promise<void> {
  if (res.writableNeedDrain && !res.destroyed) {
    await new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  }
  if (res.destroyed) throw new ClientGone();
}

// Spreadsheet programs run a cell that starts with one of these as a formula (CSV injection):
// names typed by people are quoted with an apostrophe, as OWASP advises.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell<T>(column: ReportColumn<T>, row: T): string | number {
  const value = column.value(row);
  if (value === null) return '';
  if (typeof value === 'number') return column.format === 'percent' ? Math.round(value * 1000) / 10 : value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

async function writeCsv<T>(res: Response, sheet: ReportSheet<T>): Promise<void> {
  // The BOM makes spreadsheet programs read the file as UTF-8 (names such as "Éndah", the arrow in "1→3").
  res.write('\uFEFF' + stringify([sheet.columns.map((c) => c.header)], { record_delimiter: 'windows' }));
  for await (const batch of sheet.rows) {
    if (!batch.length) continue;
    res.write(stringify(batch.map((row) => sheet.columns.map((c) => csvCell(c, row))), { record_delimiter: 'windows' }));
    await drained(res);
  }
  res.end();
}

const NUMBER_FORMAT = { percent: '0.0%', integer: '0' } as const;

async function writeXlsx(res: Response, sheets: ReportSheet<unknown>[]): Promise<void> {
  // Shared strings would keep every distinct text in memory until the end: inline strings stream.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({
      width: c.width ?? Math.min(40, Math.max(10, c.header.length + 2)),
      style: c.format && c.format !== 'text' ? { numFmt: NUMBER_FORMAT[c.format] } : {},
    }));
    const header = ws.addRow(sheet.columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    for await (const batch of sheet.rows) {
      for (const row of batch) ws.addRow(sheet.columns.map((c) => c.value(row))).commit();
      await drained(res);
    }
    // Committed one after the other: the streamed zip holds one open sheet at a time.
    ws.commit();
  }
  await workbook.commit();
}
