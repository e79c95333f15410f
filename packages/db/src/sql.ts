/** Anything that runs SQL: a DataSource, or the EntityManager of a transaction. */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed by each caller
  query(sql: string, params?: unknown[]): Promise<any>;
}

/**
 * TypeORM's postgres driver answers UPDATE/DELETE ... RETURNING with `[rows, affected]` and
 * SELECT/INSERT with plain rows. This gives the rows either way.
 */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
