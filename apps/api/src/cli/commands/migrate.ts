import { ensureDatabase } from '@cakap/db';
import type { DataSource } from 'typeorm';

/** Creates the database if needed (call before initialising the DataSource). */
export async function prepareDatabase(url: string): Promise<void> {
  await ensureDatabase(url);
}

/** Applies pending migrations and returns their names (empty: up to date). */
export async function migrate(ds: DataSource): Promise<string[]> {
  const applied = await ds.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
