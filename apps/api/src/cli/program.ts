import { formatNip } from '@cakap/contracts';
import { Command, CommanderError, Option } from 'commander';
import { readFile } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import { CliError, render, text, type Bilingual } from './commands/errors';
import { loadKeySet, rotateSigningKey, verdictLines, verifyCertificateFile } from './commands/certificates';
import { migrate } from './commands/migrate';
import {
  DEFAULT_UNIT_CODE,
  checkNipFormat,
  validateCreateUser,
  validateResetPassword,
  validateSetRoles,
  activateUser,
  createUser,
  deactivateUser,
  resetPassword,
  setRoles,
  type UserRef,
} from './commands/users';

export interface OpenedDataSource {
  ds: DataSource;
  close(): Promise<void>;
}

export interface CliDeps {
  /** Connects to the database. `create`: make the database first if it does not exist (db:migrate). */
  openDataSource(opts?: { create?: boolean }): Promise<OpenedDataSource>;
  /**
   * Marks revoked sessions in Redis so their access tokens stop at once (not only at expiry).
   * Optional: without it, or when it fails, the CLI says when the old tokens run out.
   */
  markSessionsRevoked?(sessionIds: readonly string[]): Promise<void>;
  /** CAKAP_KEY_SECRET (encrypts signing keys at rest) and PUBLIC_BASE_URL, for the certificate commands. */
  certificateConfig?(): { keySecret: string; publicBaseUrl: string };
  /** Reads the key set from a URL (cert:verify); fetch by default. */
  fetchJson?(url: string): Promise<unknown>;
  out(text: string): void;
  err(text: string): void;
}

const collect = (value: string, previous?: string[]) => [...(previous ?? []), value];

function describeUser(u: UserRef): string[] {
  return [
    `  NIP          : ${formatNip(u.nip)}`,
    `  Nama/Name    : ${u.name}`,
    `  Peran/Roles  : ${u.roles.join(', ')}`,
    `  Aktif/Active : ${u.active ? 'ya/yes' : 'tidak/no'}`,
  ];
}

function temporaryPasswordLines(password: string): string[] {
  return [
    '',
    `Kata sandi sementara / temporary password: ${password}`,
    '  Ditampilkan sekali saja; wajib diganti saat masuk pertama.',
    '  Shown only once; it must be changed at the first sign-in.',
  ];
}

/** Explains failures that are not the operator's input: no database, no tables, ... */
function explainFailure(e: unknown): Bilingual[] {
  const err = e as { code?: string; message?: string; driverError?: { code?: string } };
  const code = err.driverError?.code ?? err.code;
  const detail = err.message ?? String(e);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === '3D000' || code === '28P01' || code === '28000') {
    return [
      text(
        'Tidak dapat terhubung ke database. Periksa DATABASE_URL dan pastikan Postgres berjalan (infra/scripts/services.sh).',
        'Cannot connect to the database. Check DATABASE_URL and that Postgres is running (infra/scripts/services.sh).',
      ),
      text(`  ${detail}`, `  ${detail}`),
    ];
  }
  if (code === '42P01') {
    return [
      text('Tabel belum ada: jalankan `pnpm cakap db:migrate` terlebih dahulu.', 'Tables are missing: run `pnpm cakap db:migrate` first.'),
      text(`  ${detail}`, `  ${detail}`),
    ];
  }
  return [text(`Kesalahan tak terduga: ${detail}`, `Unexpected error: ${detail}`)];
}

/**
 * Builds the `pnpm cakap` program and runs it on `argv` (without node and script path).
 * Returns the exit code instead of exiting, so tests can drive it like an operator would.
 */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  const program = new Command();
  program
    .name('cakap')
    .description(
      'Cakap — alat admin / admin CLI.\n' +
        'Membuat admin pertama, mengatur ulang kata sandi, peran dan status akun, serta menjalankan migrasi.\n' +
        'Creates the first admin, resets passwords, sets roles and account status, and runs migrations.\n' +
        'Configured by the environment (DATABASE_URL, ...), like the api.',
    )
    .exitOverride()
    .configureOutput({
      writeOut: (s) => deps.out(s.replace(/\n$/, '')),
      writeErr: (s) => deps.err(s.replace(/\n$/, '')),
    })
    .showHelpAfterError('(pnpm cakap --help)')
    .addHelpText(
      'after',
      [
        '',
        'Contoh / examples:',
        '  pnpm cakap db:migrate',
        '  pnpm cakap user:create --nip 198001012005011001 --name "Drs. Rahmat Hidayat, M.Si." --role admin --role learner --password \'GantiSaya2026\'',
        '  pnpm cakap user:reset-password --nip "19800101 200501 1 001"',
        '  pnpm cakap user:set-roles --nip 198001012005011001 --role author,learner',
        '  pnpm cakap user:deactivate --nip 198001012005011001',
        '  pnpm cakap keys:rotate',
        '  pnpm cakap cert:verify sertifikat.pdf --keys cakap-keys.json',
      ].join('\n'),
    );

  /** Opens the database around one command and turns failures into messages. */
  const withDb = (create: boolean, run: (ds: DataSource) => Promise<string[]>) => async () => {
    const opened = await deps.openDataSource({ create });
    try {
      for (const line of await run(opened.ds)) deps.out(line);
    } finally {
      await opened.close();
    }
  };
  const notes = (list: Bilingual[]) => list.flatMap((n) => ['', render(n)]);

  /** After the commit: the Redis mark that ends the revoked sessions' access tokens now. */
  const markRevoked = async (ids: readonly string[]): Promise<string[]> => {
    if (!ids.length) return [];
    const lines = [`  Sesi diakhiri/sessions revoked: ${ids.length}`];
    try {
      if (!deps.markSessionsRevoked) throw new Error('no Redis configured');
      await deps.markSessionsRevoked(ids);
    } catch (e) {
      lines.push(
        '',
        render(
          text(
            `Peringatan: Redis tidak dapat dihubungi (${(e as Error).message}); token akses lama tetap berlaku sampai kedaluwarsa (maks. ACCESS_TOKEN_TTL_SEC).`,
            `Warning: Redis could not be reached (${(e as Error).message}); old access tokens stay valid until they expire (at most ACCESS_TOKEN_TTL_SEC).`,
          ),
        ),
      );
    }
    return lines;
  };

  program
    .command('user:create')
    .description('Membuat akun pegawai (mis. admin pertama) / create an account (e.g. the first admin)')
    .requiredOption('--nip <nip>', 'NIP, 18 digit (spasi boleh / spaces allowed)')
    .requiredOption('--name <name>', 'nama lengkap dengan gelar / full name with titles')
    .requiredOption('--role <role>', 'learner | author | admin; ulangi atau pisahkan dengan koma / repeat or comma-separate', collect)
    .option('--password <password>', 'min. 8 karakter, huruf dan angka; tanpa ini dibuat sandi sementara / min. 8 chars, letters and digits; without it a temporary one is generated')
    .option('--unit <code>', 'kode unit kerja / org unit code', DEFAULT_UNIT_CODE)
    .option('--unit-name <name>', 'nama unit bila harus dibuat (belum ada unit sama sekali) / unit name if it has to be created')
    .option('--email <email>', 'alamat email / e-mail address')
    .option('--golongan <golongan>', 'pangkat/golongan, mis. III/a / rank, e.g. III/a')
    .addOption(new Option('--asn-type <type>', 'pns | pppk').default('pns'))
    .action(
      async (o: {
        nip: string;
        name: string;
        role: string[];
        password?: string;
        unit: string;
        unitName?: string;
        email?: string;
        golongan?: string;
        asnType: string;
      }) => {
        const input = {
          nip: o.nip,
          name: o.name,
          roles: o.role,
          password: o.password,
          unit: o.unit,
          unitName: o.unitName,
          email: o.email,
          golongan: o.golongan,
          asnType: o.asnType,
        };
        validateCreateUser(input); // input errors first, even when the database is down
        return withDb(false, async (ds) => {
          const r = await createUser(ds, input);
          return [
            'Akun dibuat / account created:',
            ...describeUser(r.user),
            `  Unit         : ${r.unit.code} — ${r.unit.name}`,
            ...notes(r.notes),
            ...(r.temporaryPassword ? temporaryPasswordLines(r.temporaryPassword) : []),
          ];
        })();
      },
    );

  program
    .command('user:reset-password')
    .description('Mengatur ulang kata sandi dan mengakhiri semua sesi / reset a password and end all sessions')
    .requiredOption('--nip <nip>', 'NIP')
    .option('--password <password>', 'kata sandi baru; tanpa ini dibuat sandi sementara / new password; without it a temporary one is generated')
    .option('--no-must-change', 'tidak mewajibkan ganti sandi saat masuk / do not require a change at the next sign-in')
    .action(async (o: { nip: string; password?: string; mustChange: boolean }) => {
      const input = { nip: o.nip, password: o.password, mustChangePassword: o.mustChange };
      validateResetPassword(input);
      return withDb(false, async (ds) => {
        const r = await resetPassword(ds, input);
        return [
          'Kata sandi diatur ulang / password reset:',
          ...describeUser(r.user),
          `  Wajib ganti sandi/must change password: ${r.mustChangePassword ? 'ya/yes' : 'tidak/no'}`,
          ...(await markRevoked(r.revokedSessions)),
          ...notes(r.notes),
          ...(r.temporaryPassword ? temporaryPasswordLines(r.temporaryPassword) : []),
        ];
      })();
    });

  program
    .command('user:set-roles')
    .description('Mengganti peran akun / replace the roles of an account')
    .requiredOption('--nip <nip>', 'NIP')
    .requiredOption('--role <role>', 'learner | author | admin; ulangi atau pisahkan dengan koma / repeat or comma-separate', collect)
    .action(async (o: { nip: string; role: string[] }) => {
      validateSetRoles({ nip: o.nip, roles: o.role });
      return withDb(false, async (ds) => {
        const r = await setRoles(ds, { nip: o.nip, roles: o.role });
        return [
          'Peran diperbarui / roles updated:',
          ...describeUser(r.user),
          `  Sebelumnya/Before: ${r.previousRoles.join(', ')}`,
          ...(await markRevoked(r.revokedSessions)),
          ...notes(r.notes),
        ];
      })();
    });

  program
    .command('user:deactivate')
    .description('Menonaktifkan akun dan mengakhiri sesinya / deactivate an account and end its sessions')
    .requiredOption('--nip <nip>', 'NIP')
    .action(async (o: { nip: string }) => {
      checkNipFormat(o.nip);
      return withDb(false, async (ds) => {
        const r = await deactivateUser(ds, { nip: o.nip });
        return [
          r.changed ? 'Akun dinonaktifkan / account deactivated:' : 'Akun sudah tidak aktif / account was already inactive:',
          ...describeUser(r.user),
          ...(await markRevoked(r.revokedSessions)),
          ...notes(r.notes),
        ];
      })();
    });

  program
    .command('user:activate')
    .description('Mengaktifkan kembali akun / reactivate an account')
    .requiredOption('--nip <nip>', 'NIP')
    .action(async (o: { nip: string }) => {
      checkNipFormat(o.nip);
      return withDb(false, async (ds) => {
        const r = await activateUser(ds, { nip: o.nip });
        return [r.changed ? 'Akun diaktifkan / account activated:' : 'Akun sudah aktif / account was already active:', ...describeUser(r.user)];
      })();
    });

  program
    .command('db:migrate')
    .description('Menjalankan migrasi yang belum diterapkan / apply pending migrations')
    .action(async () =>
      withDb(true, async (ds) => {
        const applied = await migrate(ds);
        return applied.length
          ? [`Migrasi diterapkan / migrations applied: ${applied.join(', ')}`]
          : ['Database sudah terbaru / database is up to date.'];
      })(),
    );

  const certificateConfig = () => {
    if (!deps.certificateConfig) throw new CliError([text('Konfigurasi sertifikat tidak tersedia', 'No certificate configuration')]);
    return deps.certificateConfig();
  };

  program
    .command('keys:rotate')
    .description('Mengganti kunci tanda tangan sertifikat; kunci lama tetap memverifikasi / rotate the certificate signing key; old keys still verify')
    .action(async () =>
      withDb(false, async (ds) => {
        const r = await rotateSigningKey(ds, certificateConfig().keySecret);
        return [
          'Kunci baru aktif / new active key:',
          `  ${r.active}`,
          `Dipensiunkan / retired: ${r.retired.length ? r.retired.join(', ') : '-'}`,
        ];
      })(),
    );

  let verdict = 0;
  program
    .command('cert:verify')
    .description('Memeriksa tanda tangan PDF sertifikat terhadap kunci publik / check a certificate PDF against the public keys')
    .argument('<file>', 'PDF sertifikat / the certificate PDF')
    .option('--keys <file|url>', 'himpunan kunci (berkas JSON untuk luring, atau URL) / key set (a JSON file for offline use, or a URL); default PUBLIC_BASE_URL/.well-known/cakap-keys.json')
    .action(async (file: string, o: { keys?: string }) => {
      let pdf: Uint8Array;
      try {
        pdf = await readFile(file);
      } catch (e) {
        throw new CliError([text(`Berkas tidak dapat dibaca: ${(e as Error).message}`, `Cannot read the file: ${(e as Error).message}`)]);
      }
      const source = o.keys ?? `${certificateConfig().publicBaseUrl.replace(/\/$/, '')}/.well-known/cakap-keys.json`;
      const v = verifyCertificateFile(pdf, await loadKeySet(source, deps.fetchJson));
      for (const line of verdictLines(v)) deps.out(line);
      verdict = v.valid ? 0 : 1;
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return verdict;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode; // commander printed its message (or the help)
    if (e instanceof CliError) {
      deps.err(e.message);
      return 1;
    }
    deps.err(explainFailure(e).map((l) => render(l)).join('\n'));
    return 1;
  }
}
