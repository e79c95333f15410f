import { loadConfigOrExit } from '@cakap/config';
import { createDataSource, ensureDatabase } from '@cakap/db';
import { buildPluginRegistry } from '../plugins/plugins.module';
import { seed, type SeedSummary } from './seed';

/** The database URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}

export function formatSummary(summary: SeedSummary): string[] {
  const lines = ['', 'Akun demo / demo accounts (masuk dengan NIP / sign in with the NIP):'];
  const rows = summary.demoAccounts.map((a) => [a.label, a.nip, a.password, a.name, a.roles.join(',')]);
  const head = ['peran/role', 'NIP', 'kata sandi/password', 'nama/name', 'roles'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => '  ' + r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  lines.push(fmt(head), ...rows.map(fmt));
  const kept = summary.demoAccounts.filter((a) => !a.created);
  if (kept.length) {
    lines.push(
      '',
      `  Catatan: ${kept.length} akun sudah ada sebelumnya; kata sandinya tidak diubah oleh seed.`,
      `  Note: ${kept.length} account(s) already existed; the seed did not change their passwords.`,
    );
  }
  return lines;
}

async function main(): Promise<void> {
  const cfg = loadConfigOrExit();
  if (cfg.NODE_ENV === 'production' && !process.argv.includes('--allow-production')) {
    console.error(
      'Seed demo berisi akun dengan kata sandi yang diketahui umum; tidak dijalankan saat NODE_ENV=production.\n' +
        'The demo seed creates accounts with publicly known passwords; refusing to run with NODE_ENV=production.\n' +
        'Pass --allow-production to run it anyway.',
    );
    process.exit(1);
  }
  const url = cfg.DATABASE_URL;
  console.log(`Cakap demo seed — Kabupaten Batanghari\nDatabase: ${redactUrl(url)}`);
  await ensureDatabase(url);
  const ds = createDataSource({ url, applicationName: 'cakap-seed', poolSize: 2 });
  // The error is printed below; TypeORM's own log would echo query parameters (password hashes).
  ds.setOptions({ logger: 'advanced-console', logging: false });
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    console.log(
      applied.length
        ? `Migrasi / migrations applied: ${applied.map((m) => m.name).join(', ')}`
        : 'Migrasi / migrations: sudah terbaru / up to date',
    );
    const plugins = buildPluginRegistry(cfg.CAKAP_PLUGINS);
    const summary = await seed(ds, (line) => console.log(line), plugins);
    for (const line of formatSummary(summary)) console.log(line);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    const err = e as { message?: string; code?: string };
    console.error(`Seed gagal / seed failed: ${err.message ?? String(e)}${err.code ? ` (${err.code})` : ''}`);
    process.exit(1);
  });
}
