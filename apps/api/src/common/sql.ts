import type { DataSource } from 'typeorm';
// One copy of the driver quirk for the api, the worker and the record packages.
export { rowsOf } from '@cakap/db';

/** Escapes LIKE wildcards in user input. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** How long an export may take before Postgres ends it (a forgotten download must not hold a connection). */
const EXPORT_TIMEOUT = '5min';
const EXPORT_BATCH = 1000;

/**
 * Every row of a query in batches through a server-side cursor, for downloads: Postgres runs
 * the query once and the rows stream as the client takes them. The cursor holds a connection
 * for the download; stopping the iteration (the client left) or the timeout gives it back.
 */
export async function* cursorBatches<T>(ds: DataSource, sql: string, params: unknown[]): AsyncGenerator<T[]> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await runner.query(`SET LOCAL statement_timeout = '${EXPORT_TIMEOUT}'`);
    await runner.query(`SET LOCAL idle_in_transaction_session_timeout = '${EXPORT_TIMEOUT}'`);
    await runner.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${sql}`, params);
    for (;;) {
      const rows: T[] = await runner.query(`FETCH ${EXPORT_BATCH} FROM export_rows`);
      if (!rows.length) break;
      yield rows;
    }
    await runner.commitTransaction();
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
  }
}
