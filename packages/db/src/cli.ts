import { createDataSource } from './data-source';
import { ensureDatabase } from './test-database';

/** `pnpm db:migrate` / `pnpm db:revert`: applies or reverts migrations on DATABASE_URL. */
async function main() {
  const cmd = process.argv[2] ?? 'migrate';
  const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/cakap';
  if (cmd === 'migrate') await ensureDatabase(url);
  const ds = createDataSource({ url, applicationName: 'cakap-migrate' });
  await ds.initialize();
  try {
    if (cmd === 'migrate') {
      const applied = await ds.runMigrations({ transaction: 'each' });
      console.log(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'Database is up to date.');
    } else if (cmd === 'revert') {
      await ds.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the last migration.');
    } else {
      throw new Error(`Unknown command "${cmd}" (migrate | revert)`);
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
