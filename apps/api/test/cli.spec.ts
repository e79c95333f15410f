import { createDataSource, createTestDatabase, type TestDatabase } from '@cakap/db';
import type { DataSource } from 'typeorm';
import { verifyPassword } from '../src/auth/password';
import { CliError } from '../src/cli/commands/errors';
import { createUser, deactivateUser, resetPassword, setRoles } from '../src/cli/commands/users';
import { runCli } from '../src/cli/program';

/** A database of the CLI's own: the first test needs one without any org unit. */
let db: TestDatabase;
let ds: DataSource;

beforeAll(async () => {
  db = await createTestDatabase(process.env.DATABASE_URL, 'cakap_cli_test');
  ds = createDataSource({ url: db.url, applicationName: 'cakap-cli-test', poolSize: 2 });
  await ds.initialize();
});

afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

const ADMIN_NIP = '198001012005011001';
const OTHER_NIP = '198502152010012002';

/** Runs `pnpm cakap ...` in-process against the test database. */
async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const marked: string[] = [];
  const code = await runCli(argv, {
    openDataSource: async () => ({ ds, close: async () => undefined }),
    markSessionsRevoked: async (ids) => {
      marked.push(...ids);
    },
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  });
  return { code, out: out.join('\n'), err: err.join('\n'), marked };
}

async function userRow(nip: string) {
  const [row] = await ds.query(
    `SELECT u.id, u.name, u.roles, u.active, u.password_hash, u.must_change_password, u.email, u.golongan, o.code AS unit
       FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE u.nip = $1`,
    [nip],
  );
  return row as {
    id: string;
    name: string;
    roles: string[];
    active: boolean;
    password_hash: string | null;
    must_change_password: boolean;
    email: string | null;
    golongan: string | null;
    unit: string;
  };
}

async function openSession(userId: string): Promise<string> {
  const [row] = await ds.query(`INSERT INTO auth_sessions (user_id) VALUES ($1) RETURNING id`, [userId]);
  return row.id;
}

async function expectCliError(p: Promise<unknown>, ...fragments: string[]) {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(CliError);
  for (const f of fragments) expect((e as CliError).message).toContain(f);
  return e as CliError;
}

describe('pnpm cakap user:create', () => {
  it('creates the first admin with an argon2id hash, and the BKPSDMD unit when no unit exists yet', async () => {
    const r = await cli(
      'user:create',
      '--nip', '19800101 200501 1 001',
      '--name', 'Drs. Rahmat Hidayat, M.Si.',
      '--role', 'admin',
      '--role', 'learner',
      '--password', 'Rahasia2026',
      '--golongan', 'iv/a',
      '--email', 'Rahmat.Hidayat@Cakap.Example',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('19800101 200501 1 001');
    expect(r.out).toMatch(/unit tingkat atas "BKPSDMD"/);
    expect(r.out).toMatch(/created the top-level unit "BKPSDMD"/);
    expect(r.out).not.toContain('Rahasia2026');
    expect(r.out).not.toContain('$argon2');

    const row = await userRow(ADMIN_NIP);
    expect(row).toMatchObject({
      name: 'Drs. Rahmat Hidayat, M.Si.',
      roles: ['admin', 'learner'],
      active: true,
      must_change_password: false,
      email: 'rahmat.hidayat@cakap.example',
      golongan: 'IV/a',
      unit: 'BKPSDMD',
    });
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    await expect(verifyPassword(row.password_hash!, 'Rahasia2026')).resolves.toBe(true);
    const [unit] = await ds.query(`SELECT name, parent_id FROM org_units WHERE code = 'BKPSDMD'`);
    expect(unit).toEqual({ name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah', parent_id: null });
  });

  it('refuses a bad NIP with a clear message in both languages (exit code 1)', async () => {
    const r = await cli('user:create', '--nip', '12345', '--name', 'X', '--role', 'admin', '--password', 'Rahasia2026');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('--nip: NIP harus 18 digit angka / A NIP has exactly 18 digits');

    await expectCliError(
      createUser(ds, { nip: '198602302015051001', name: 'X', roles: ['learner'], password: 'Rahasia2026' }),
      'Tanggal lahir pada NIP',
      'The birth date in the NIP',
    );
    await expectCliError(
      createUser(ds, { nip: '198609262015053001', name: 'X', roles: ['learner'], password: 'Rahasia2026' }),
      'jenis kelamin',
      'sex digit',
    );
  });

  it('refuses a weak password, an unknown role and reports every problem at once', async () => {
    const e = await expectCliError(
      createUser(ds, { nip: 'abc', name: '', roles: ['boss'], password: 'abc' }),
      '--password: Kata sandi minimal 8 karakter dan memuat huruf serta angka',
      'The password needs at least 8 characters with letters and digits',
      '--nip: NIP harus 18 digit angka',
      '--name: Wajib diisi / Required',
      '--role: Pilih salah satu: learner, author, admin',
    );
    expect(e.message).toContain('Data yang dikirim belum benar / The submitted data is not valid');
    await expectCliError(
      createUser(ds, { nip: OTHER_NIP, name: 'X', roles: ['learner'], password: 'onlyletters' }),
      '--password',
    );
    expect(await userRow(OTHER_NIP)).toBeUndefined();
  });

  it('refuses a duplicate NIP (also typed with spaces) and a duplicate e-mail', async () => {
    const r = await cli('user:create', '--nip', '19800101 200501 1 001', '--name', 'Dup', '--role', 'learner', '--password', 'Rahasia2026');
    expect(r.code).toBe(1);
    expect(r.err).toContain('NIP ini sudah terdaftar');
    expect(r.err).toContain('This NIP is already registered');
    expect((await userRow(ADMIN_NIP)).name).toBe('Drs. Rahmat Hidayat, M.Si.');

    await expectCliError(
      createUser(ds, { nip: OTHER_NIP, name: 'X', roles: ['learner'], password: 'Rahasia2026', email: 'RAHMAT.HIDAYAT@cakap.example' }),
      'This e-mail is already used',
    );
  });

  it('refuses an unknown unit once units exist, and creates with a generated password when none is given', async () => {
    const r = await cli('user:create', '--nip', OTHER_NIP, '--name', 'Siti', '--role', 'author', '--unit', 'DINKES');
    expect(r.code).toBe(1);
    expect(r.err).toContain('Kode unit kerja "DINKES" tidak ditemukan');
    expect(r.err).toContain('Org unit code "DINKES" not found');
    expect((await ds.query(`SELECT count(*)::int AS n FROM org_units`))[0].n).toBe(1);

    const created = await createUser(ds, { nip: OTHER_NIP, name: 'Dr. Siti Aminah, S.Pd., M.Pd.', roles: ['author,learner'], unit: 'bkpsdmd' });
    expect(created.unit).toMatchObject({ code: 'BKPSDMD', created: false });
    expect(created.temporaryPassword).toBeDefined();
    const row = await userRow(OTHER_NIP);
    expect(row).toMatchObject({ roles: ['author', 'learner'], must_change_password: true });
    await expect(verifyPassword(row.password_hash!, created.temporaryPassword!)).resolves.toBe(true);
  });
});

describe('pnpm cakap user:reset-password', () => {
  it('generates a password, shows it once, sets must_change_password and revokes the sessions', async () => {
    const before = await userRow(ADMIN_NIP);
    const open1 = await openSession(before.id);
    const open2 = await openSession(before.id);
    const old = await openSession(before.id);
    await ds.query(`UPDATE auth_sessions SET revoked_at = now() - interval '1 day', revoke_reason = 'logout' WHERE id = $1`, [old]);

    const r = await cli('user:reset-password', '--nip', ADMIN_NIP);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const shown = /temporary password: (\S+)/.exec(r.out)?.[1];
    expect(shown).toBeDefined();
    expect(r.out.split(shown!)).toHaveLength(2); // printed exactly once
    expect(r.out).toContain('sessions revoked: 2');
    expect(r.marked.sort()).toEqual([open1, open2].sort());

    const after = await userRow(ADMIN_NIP);
    expect(after.must_change_password).toBe(true);
    await expect(verifyPassword(after.password_hash!, shown!)).resolves.toBe(true);
    await expect(verifyPassword(after.password_hash!, 'Rahasia2026')).resolves.toBe(false);

    const sessions: Array<{ id: string; revoke_reason: string; revoked: boolean }> = await ds.query(
      `SELECT id, revoke_reason, revoked_at IS NOT NULL AS revoked FROM auth_sessions WHERE user_id = $1`,
      [before.id],
    );
    expect(sessions.every((s) => s.revoked)).toBe(true);
    expect(sessions.find((s) => s.id === open1)?.revoke_reason).toBe('admin');
    expect(sessions.find((s) => s.id === open2)?.revoke_reason).toBe('admin');
    expect(sessions.find((s) => s.id === old)?.revoke_reason).toBe('logout'); // already ended: untouched
  });

  it('takes a chosen password, checks it, and refuses an unknown or malformed NIP', async () => {
    const r = await resetPassword(ds, { nip: '19800101 200501 1 001', password: 'BaruLagi2026' });
    expect(r.temporaryPassword).toBeUndefined();
    expect(r.mustChangePassword).toBe(true);
    expect(r.revokedSessions).toEqual([]);
    const row = await userRow(ADMIN_NIP);
    await expect(verifyPassword(row.password_hash!, 'BaruLagi2026')).resolves.toBe(true);

    await expectCliError(resetPassword(ds, { nip: ADMIN_NIP, password: 'short1' }), '--password', 'at least 8 characters');
    await expectCliError(resetPassword(ds, { nip: '199003202015031003' }), 'tidak ditemukan', 'No user with NIP 19900320 201503 1 003');
    const bad = await cli('user:reset-password', '--nip', '123');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('A NIP has exactly 18 digits');
  });
});

describe('pnpm cakap user:set-roles / user:deactivate / --help', () => {
  it('replaces roles and revokes sessions when a role is taken away', async () => {
    const user = await userRow(OTHER_NIP);
    const sid = await openSession(user.id);
    const added = await setRoles(ds, { nip: OTHER_NIP, roles: ['author', 'learner', 'admin'] });
    expect(added.revokedSessions).toEqual([]);
    const r = await cli('user:set-roles', '--nip', OTHER_NIP, '--role', 'learner');
    expect(r.code).toBe(0);
    expect(r.marked).toEqual([sid]);
    expect((await userRow(OTHER_NIP)).roles).toEqual(['learner']);
    await expectCliError(setRoles(ds, { nip: OTHER_NIP, roles: [] }), 'Pilih minimal satu peran');
  });

  it('deactivates an account, ends its sessions and warns when no admin is left', async () => {
    const admin = await userRow(ADMIN_NIP);
    await setRoles(ds, { nip: ADMIN_NIP, roles: ['admin'] });
    const sid = await openSession(admin.id);
    const r = await cli('user:deactivate', '--nip', ADMIN_NIP);
    expect(r.code).toBe(0);
    expect(r.marked).toEqual([sid]);
    expect(r.out).toContain('no active admin left');
    expect((await userRow(ADMIN_NIP)).active).toBe(false);
    expect((await deactivateUser(ds, { nip: ADMIN_NIP })).changed).toBe(false);
    expect((await cli('user:activate', '--nip', ADMIN_NIP)).code).toBe(0);
    expect((await userRow(ADMIN_NIP)).active).toBe(true);
  });

  it('lists its commands and rejects unknown ones', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    for (const c of ['user:create', 'user:reset-password', 'user:set-roles', 'user:deactivate', 'db:migrate']) {
      expect(help.out).toContain(c);
    }
    const unknown = await cli('user:frob');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("unknown command 'user:frob'");
    const missing = await cli('user:create', '--nip', ADMIN_NIP);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('--name');
  });

  it('checks the input before connecting, and explains a database it cannot reach', async () => {
    const err: string[] = [];
    const down = {
      openDataSource: async () => {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
      },
      out: () => undefined,
      err: (t: string) => err.push(t),
    };
    expect(await runCli(['user:create', '--nip', '1', '--name', 'X', '--role', 'admin', '--password', 'Rahasia2026'], down)).toBe(1);
    expect(err.join('\n')).toContain('A NIP has exactly 18 digits');
    err.length = 0;
    expect(await runCli(['user:deactivate', '--nip', ADMIN_NIP], down)).toBe(1);
    expect(err.join('\n')).toContain('Cannot connect to the database');
  });

  it('db:migrate reports an up-to-date database', async () => {
    const r = await cli('db:migrate');
    expect(r.code).toBe(0);
    expect(r.out).toContain('up to date');
  });
});
