import { loadConfigOrExit } from '@cakap/config';
import { createDataSource, ensureDatabase } from '@cakap/db';
import { markSessionsRevoked } from './commands/revocation';
import { runCli } from './program';

/** `pnpm cakap <command>`: the admin CLI (DESIGN.md "Commands"), configured by the environment. */
async function main(): Promise<number> {
  return runCli(process.argv.slice(2), {
    async openDataSource({ create } = {}) {
      const cfg = loadConfigOrExit();
      if (create) await ensureDatabase(cfg.DATABASE_URL);
      const ds = createDataSource({ url: cfg.DATABASE_URL, applicationName: 'cakap-cli', poolSize: 2 });
      // Failed queries are explained by the CLI; TypeORM's own log would echo parameters (hashes).
      ds.setOptions({ logger: 'advanced-console', logging: false });
      await ds.initialize();
      return { ds, close: () => ds.destroy() };
    },
    markSessionsRevoked: (ids) => markSessionsRevoked(loadConfigOrExit(), ids),
    certificateConfig: () => {
      const cfg = loadConfigOrExit();
      return { keySecret: cfg.CAKAP_KEY_SECRET, publicBaseUrl: cfg.PUBLIC_BASE_URL };
    },
    out: (text) => process.stdout.write(text + '\n'),
    err: (text) => process.stderr.write(text + '\n'),
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`Unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
