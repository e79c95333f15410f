import { randomUUID } from 'node:crypto';
import {
  asnTypeSchema,
  checkNip,
  createUserSchema,
  ErrorCode,
  formatNip,
  normalizeNip,
  orgUnitCodeSchema,
  passwordSchema,
  roleSchema,
  type Role,
} from '@cakap/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { generateTemporaryPassword, hashPassword } from '../../auth/password';
import { CliError, bilingual, exec, pgError, text, validationError, type Bilingual } from './errors';

/** The default unit of user:create, and its name when a fresh deployment needs it created. */
export const DEFAULT_UNIT_CODE = 'BKPSDMD';
const DEFAULT_UNIT_NAME = 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah';

const OPTION_OF: Record<string, string> = {
  nip: '--nip',
  name: '--name',
  email: '--email',
  phone: '--phone',
  golongan: '--golongan',
  asnType: '--asn-type',
  roles: '--role',
  password: '--password',
  unit: '--unit',
};
const optionOf = (field: string) => OPTION_OF[field] ?? (field ? `--${field}` : '(input)');

export interface UserRef {
  id: string;
  nip: string;
  name: string;
  active: boolean;
  roles: Role[];
}

/** Splits `--role admin --role author,learner` into distinct roles, in the order given. */
export function splitRoles(values: readonly string[] | undefined): string[] {
  const roles = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter(Boolean);
  return [...new Set(roles)];
}

/** A NIP to look an account up by: 18 digits (spaces and dots stripped), throws CliError. */
export function checkNipFormat(raw: string): string {
  const nip = normalizeNip(raw ?? '');
  if (!/^\d{18}$/.test(nip)) {
    const msg = bilingual('nip.format');
    throw new CliError([text(`--nip: ${msg.id} / ${msg.en}`, `--nip: ${msg.id} / ${msg.en}`)]);
  }
  return nip;
}

function notFound(nip: string): CliError {
  return new CliError([
    text(`Pegawai dengan NIP ${formatNip(nip)} tidak ditemukan.`, `No user with NIP ${formatNip(nip)}.`),
  ]);
}

/** Revokes every open session of a user, so tokens issued before the change stop refreshing. */
async function revokeSessions(m: EntityManager, userId: string): Promise<string[]> {
  const { rows } = await exec<{ id: string }>(
    m,
    `UPDATE auth_sessions SET revoked_at = now(), revoke_reason = 'admin' WHERE user_id = $1 AND revoked_at IS NULL
     RETURNING id`,
    [userId],
  );
  return rows.map((r) => r.id);
}

async function activeAdminCount(m: EntityManager): Promise<number> {
  const { rows } = await exec<{ n: number }>(
    m,
    `SELECT count(*)::int AS n FROM users WHERE active AND 'admin' = ANY(roles)`,
  );
  return rows[0].n;
}

const NO_ADMIN_WARNING = text(
  'Peringatan: tidak ada lagi admin aktif. Buat admin baru dengan `pnpm cakap user:create --role admin ...`.',
  'Warning: there is no active admin left. Create one with `pnpm cakap user:create --role admin ...`.',
);

// ---------------------------------------------------------------- user:create

export interface CreateUserInput {
  nip: string;
  name: string;
  roles: readonly string[];
  /** Without one, a temporary password is generated and must be changed at first login. */
  password?: string;
  /** Org unit code; default BKPSDMD. */
  unit?: string;
  /** Name of the unit when it has to be created (no unit exists yet). */
  unitName?: string;
  email?: string;
  golongan?: string;
  asnType?: string;
}

export interface CreateUserResult {
  user: UserRef;
  unit: { id: string; code: string; name: string; created: boolean };
  /** Only when generated; shown once. */
  temporaryPassword?: string;
  mustChangePassword: boolean;
  notes: Bilingual[];
}

function emailTakenError(): CliError {
  const msg = bilingual('validation.emailTaken');
  return new CliError([text(`--email: ${msg.id} / ${msg.en}`, `--email: ${msg.id} / ${msg.en}`)]);
}

function nipIssues(input: CreateUserInput) {
  const asnType = asnTypeSchema.safeParse(input.asnType ?? 'pns');
  const check = checkNip(input.nip ?? '', asnType.success ? asnType.data : undefined);
  return check.ok ? [] : [{ code: 'custom', path: ['nip'], message: check.error }];
}

/** Checks user:create's input without touching the database (throws CliError). */
export function validateCreateUser(input: CreateUserInput) {
  const unitCode = orgUnitCodeSchema.safeParse(input.unit ?? DEFAULT_UNIT_CODE);
  const parsed = createUserSchema.safeParse({
    nip: input.nip ?? '',
    name: input.name ?? '',
    email: input.email,
    golongan: input.golongan,
    asnType: input.asnType,
    roles: splitRoles(input.roles),
    password: input.password,
    // createUser looks the unit up (or creates it) by code; this placeholder only satisfies the schema.
    orgUnitId: randomUUID(),
  });
  const issues = [
    ...(parsed.success ? [] : parsed.error.issues),
    // zod skips the NIP refinement when another field already failed: report it anyway.
    ...(parsed.success || parsed.error.issues.some((i) => i.path[0] === 'nip') ? [] : nipIssues(input)),
    ...(unitCode.success ? [] : unitCode.error.issues.map((i) => ({ ...i, path: ['unit'] }))),
  ];
  if (!parsed.success || !unitCode.success) throw validationError(issues, optionOf);
  return { data: parsed.data, code: unitCode.data };
}

export async function createUser(ds: DataSource, input: CreateUserInput): Promise<CreateUserResult> {
  const { data, code } = validateCreateUser(input);

  const temporaryPassword = data.password ? undefined : generateTemporaryPassword();
  const passwordHash = await hashPassword(data.password ?? temporaryPassword!);

  try {
    return await ds.transaction(async (m) => {
      const taken = await exec(m, `SELECT 1 FROM users WHERE nip = $1`, [data.nip]);
      if (taken.rows.length) {
        throw new CliError([
          bilingual(ErrorCode.NipTaken),
          text(
            `  NIP ${formatNip(data.nip)}: gunakan user:reset-password atau user:set-roles untuk akun yang sudah ada.`,
            `  NIP ${formatNip(data.nip)}: use user:reset-password or user:set-roles for an existing account.`,
          ),
        ]);
      }

      if (data.email) {
        const emailTaken = await exec(m, `SELECT 1 FROM users WHERE lower(email) = lower($1)`, [data.email]);
        if (emailTaken.rows.length) throw emailTakenError();
      }

      const notes: Bilingual[] = [];
      let unit: CreateUserResult['unit'];
      const found = await exec<{ id: string; code: string; name: string }>(
        m,
        `SELECT id, code, name FROM org_units WHERE lower(code) = lower($1)`,
        [code],
      );
      if (found.rows.length) {
        unit = { ...found.rows[0], created: false };
      } else {
        const any = await exec(m, `SELECT 1 FROM org_units LIMIT 1`);
        if (any.rows.length) {
          throw new CliError([
            bilingual('import.unknownOrgUnit', { value: code }),
            text(
              '  Gunakan kode unit kerja yang sudah ada (lihat menu Unit Kerja di konsol admin) pada --unit.',
              '  Pass an existing org unit code (see Org units in the admin console) with --unit.',
            ),
          ]);
        }
        const name = input.unitName?.trim() || (code.toUpperCase() === DEFAULT_UNIT_CODE ? DEFAULT_UNIT_NAME : code);
        const inserted = await exec<{ id: string; code: string; name: string }>(
          m,
          `INSERT INTO org_units (code, name) VALUES ($1, $2) RETURNING id, code, name`,
          [code, name],
        );
        unit = { ...inserted.rows[0], created: true };
        notes.push(
          text(
            `Belum ada unit kerja sama sekali: unit tingkat atas "${code}" (${name}) dibuat untuk akun ini.`,
            `No org units existed yet: created the top-level unit "${code}" (${name}) for this account.`,
          ),
        );
      }

      const mustChangePassword = temporaryPassword !== undefined;
      const { rows } = await exec<UserRef>(
        m,
        `INSERT INTO users (nip, name, email, golongan, asn_type, org_unit_id, roles, password_hash, must_change_password)
         VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9)
         RETURNING id, nip, name, active, roles`,
        [
          data.nip,
          data.name,
          data.email ?? null,
          data.golongan ?? null,
          data.asnType,
          unit.id,
          data.roles,
          passwordHash,
          mustChangePassword,
        ],
      );
      return { user: rows[0], unit, temporaryPassword, mustChangePassword, notes };
    });
  } catch (e) {
    const { code: pgCode, constraint } = pgError(e);
    if (pgCode === '23505' && constraint === 'users_nip_key') throw CliError.of(ErrorCode.NipTaken);
    if (pgCode === '23505' && constraint === 'users_email_key') throw emailTakenError();
    throw e;
  }
}

// ---------------------------------------------------------------- user:reset-password

export interface ResetPasswordInput {
  nip: string;
  /** Without one, a temporary password is generated. */
  password?: string;
  /** Default true: whoever set the password (the admin) knows it, so the user must change it. */
  mustChangePassword?: boolean;
}

export interface ResetPasswordResult {
  user: UserRef;
  /** Only when generated; shown once. */
  temporaryPassword?: string;
  mustChangePassword: boolean;
  /** Ids of the sessions this reset revoked (for the Redis mark that stops their access tokens). */
  revokedSessions: string[];
  notes: Bilingual[];
}

/** Checks user:reset-password's input without touching the database (throws CliError). */
export function validateResetPassword(input: ResetPasswordInput): string {
  const nip = checkNipFormat(input.nip);
  if (input.password !== undefined) {
    const pw = passwordSchema.safeParse(input.password);
    if (!pw.success) throw validationError(pw.error.issues.map((i) => ({ ...i, path: ['password'] })), optionOf);
  }
  return nip;
}

export async function resetPassword(ds: DataSource, input: ResetPasswordInput): Promise<ResetPasswordResult> {
  const nip = validateResetPassword(input);
  const temporaryPassword = input.password === undefined ? generateTemporaryPassword() : undefined;
  const passwordHash = await hashPassword(input.password ?? temporaryPassword!);
  const mustChangePassword = input.mustChangePassword ?? true;

  return ds.transaction(async (m) => {
    const { rows } = await exec<UserRef>(
      m,
      `UPDATE users SET password_hash = $2, must_change_password = $3, updated_at = now()
        WHERE nip = $1
        RETURNING id, nip, name, active, roles`,
      [nip, passwordHash, mustChangePassword],
    );
    if (!rows.length) throw notFound(nip);
    const user = rows[0];
    const revokedSessions = await revokeSessions(m, user.id);
    const notes: Bilingual[] = [];
    if (!user.active) {
      notes.push(
        text(
          'Catatan: akun ini tidak aktif; aktifkan dengan user:activate agar bisa masuk.',
          'Note: this account is inactive; run user:activate so it can sign in.',
        ),
      );
    }
    return { user, temporaryPassword, mustChangePassword, revokedSessions, notes };
  });
}

// ---------------------------------------------------------------- user:set-roles

export interface SetRolesResult {
  user: UserRef;
  previousRoles: Role[];
  /** Sessions are revoked when a role is taken away, so it stops working at once. */
  revokedSessions: string[];
  notes: Bilingual[];
}

/** Checks user:set-roles' input without touching the database (throws CliError). */
export function validateSetRoles(input: { nip: string; roles: readonly string[] }): { nip: string; roles: Role[] } {
  const nip = checkNipFormat(input.nip);
  const roles = roleSchema.array().min(1, 'validation.roles').safeParse(splitRoles(input.roles));
  if (!roles.success) throw validationError(roles.error.issues.map((i) => ({ ...i, path: ['roles'] })), optionOf);
  return { nip, roles: roles.data };
}

export async function setRoles(ds: DataSource, input: { nip: string; roles: readonly string[] }): Promise<SetRolesResult> {
  const { nip, roles: newRoles } = validateSetRoles(input);

  return ds.transaction(async (m) => {
    const before = await exec<{ id: string; roles: Role[] }>(
      m,
      `SELECT id, roles FROM users WHERE nip = $1 FOR UPDATE`,
      [nip],
    );
    if (!before.rows.length) throw notFound(nip);
    const previousRoles = before.rows[0].roles;
    const { rows } = await exec<UserRef>(
      m,
      `UPDATE users SET roles = $2::text[], updated_at = now() WHERE nip = $1 RETURNING id, nip, name, active, roles`,
      [nip, newRoles],
    );
    const user = rows[0];
    const removed = previousRoles.some((r) => !newRoles.includes(r));
    const revokedSessions = removed ? await revokeSessions(m, user.id) : [];
    const notes: Bilingual[] = [];
    if (previousRoles.includes('admin') && !newRoles.includes('admin') && (await activeAdminCount(m)) === 0) {
      notes.push(NO_ADMIN_WARNING);
    }
    return { user, previousRoles, revokedSessions, notes };
  });
}

// ---------------------------------------------------------------- user:deactivate / user:activate

export interface SetActiveResult {
  user: UserRef;
  changed: boolean;
  revokedSessions: string[];
  notes: Bilingual[];
}

export async function setActive(ds: DataSource, input: { nip: string; active: boolean }): Promise<SetActiveResult> {
  const nip = checkNipFormat(input.nip);
  return ds.transaction(async (m) => {
    const before = await exec<{ active: boolean }>(m, `SELECT active FROM users WHERE nip = $1 FOR UPDATE`, [nip]);
    if (!before.rows.length) throw notFound(nip);
    const changed = before.rows[0].active !== input.active;
    const { rows } = await exec<UserRef>(
      m,
      `UPDATE users SET active = $2, updated_at = CASE WHEN active = $2 THEN updated_at ELSE now() END
        WHERE nip = $1 RETURNING id, nip, name, active, roles`,
      [nip, input.active],
    );
    const user = rows[0];
    const revokedSessions = input.active ? [] : await revokeSessions(m, user.id);
    const notes: Bilingual[] = [];
    if (!input.active && user.roles.includes('admin') && (await activeAdminCount(m)) === 0) notes.push(NO_ADMIN_WARNING);
    return { user, changed, revokedSessions, notes };
  });
}

export const deactivateUser = (ds: DataSource, input: { nip: string }) => setActive(ds, { ...input, active: false });
export const activateUser = (ds: DataSource, input: { nip: string }) => setActive(ds, { ...input, active: true });
