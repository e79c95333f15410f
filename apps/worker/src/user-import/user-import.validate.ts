import {
  asnTypeSchema,
  checkNip,
  FOLLOW_UP_MESSAGES,
  golonganSchema,
  issueMessage,
  normalizeNip,
  phoneSchema,
  positionKindSchema,
  type AsnType,
  type PositionKind,
} from '@cakap/contracts';
import type { StoredRowError } from '@cakap/db';
import { z } from 'zod';
import type { UserCsvColumn, UserCsvRow } from './user-import.csv';

/** What the database already holds, loaded in bulk before validation (no per-row queries). */
export interface ImportLookups {
  /** lower(code) -> org unit id */
  orgUnits: Map<string, string>;
  /** positionKey(orgUnitId | null, name) -> position id */
  positions: Map<string, string>;
  /** NIP -> ASN type of the user who has it */
  existingUsers: Map<string, AsnType>;
  /** lower(email) -> NIP of the user who has it */
  emailOwners: Map<string, string>;
}

export interface ValidUserRow {
  row: number;
  nip: string;
  name: string;
  email: string | null;
  phone: string | null;
  golongan: string | null;
  asnType: AsnType;
  orgUnitId: string;
  /** An existing position; null with newPositionKey set when the import creates it. */
  positionId: string | null;
  newPositionKey: string | null;
  /** The direct superior's NIP (in the database or on a valid row); null keeps the current one. */
  supervisorNip: string | null;
}

/** A position the import creates (jabatan unknown in the unit, jenis_jabatan given). */
export interface NewPosition {
  key: string;
  orgUnitId: string;
  name: string;
  kind: PositionKind;
}

export interface UserCsvValidation {
  valid: ValidUserRow[];
  /** Sorted by row, then by column order of the CSV. */
  errors: StoredRowError[];
  invalidRows: ReadonlySet<number>;
  newPositions: NewPosition[];
}

export const positionKey = (orgUnitId: string | null, name: string): string => `${orgUnitId ?? ''}|${name.toLowerCase()}`;

/** What to load from the database for these rows. */
export function lookupKeys(rows: readonly UserCsvRow[]): { nips: string[]; unitCodes: string[]; emails: string[] } {
  const nips = new Set<string>();
  const unitCodes = new Set<string>();
  const emails = new Set<string>();
  for (const { values } of rows) {
    for (const raw of [values.nip, values.nip_atasan]) {
      const nip = normalizeNip(raw ?? '');
      if (/^\d{18}$/.test(nip)) nips.add(nip);
    }
    if (values.unit_kerja) unitCodes.add(values.unit_kerja.toLowerCase());
    if (values.email) emails.add(values.email.toLowerCase());
  }
  return { nips: [...nips], unitCodes: [...unitCodes], emails: [...emails] };
}

// Field rules: the contracts' pieces, so a row is judged like the same user in the admin form.
const nameSchema = z.string().trim().min(1).max(200);
const emailSchema = z.email().max(200);
const positionNameSchema = z.string().max(200);

type Check<T> = { ok: true; value: T } | { ok: false; code: string; params?: Record<string, string | number> };

function check<T>(schema: z.ZodType<T>, value: string): Check<T> {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  const { code } = issueMessage(issue, 'id', value);
  let params: Record<string, string | number> | undefined;
  if (issue.code === 'too_big') params = { maximum: Number(issue.maximum) };
  else if (issue.code === 'too_small' && code !== 'validation.required') params = { minimum: Number(issue.minimum) };
  else if (issue.code === 'invalid_value') params = { options: issue.values.map(String).join(', ') };
  return { ok: false, code, ...(params ? { params } : {}) };
}

/**
 * Invariant 6: every row is judged before anything is written. Pure: the database state comes
 * in as `lookups`, so the same file against the same state gives the same verdict.
 *
 * - nip: required, DOMAIN.md rules via checkNip against the row's ASN type (jenis_asn, else
 *   the existing user's, else pns); a NIP seen on an earlier row -> import.duplicateInFile.
 * - nama required; email, golongan, telepon optional and checked by the contracts' schemas.
 * - unit_kerja: an existing org unit code, case-insensitive.
 * - jabatan: by name in that unit, else a unit-less position of that name, else created in
 *   that unit when jenis_jabatan is given (once per unit and name), else import.unknownPosition.
 * - an e-mail held by another NIP, in the database or on an earlier valid row -> import.emailTaken.
 * - nip_atasan (optional): a well-formed NIP other than the row's own, of a user in the database
 *   or of a valid row of the file (any order: the superiors are set after every row is written).
 */
export function validateUserRows(
  rows: readonly UserCsvRow[],
  lookups: ImportLookups,
  now: Date = new Date(),
): UserCsvValidation {
  const valid: ValidUserRow[] = [];
  const errors: StoredRowError[] = [];
  const invalidRows = new Set<number>();
  const firstRowOfNip = new Map<string, number>();
  const emailClaims = new Map<string, string>();
  const newPositions = new Map<string, NewPosition>();

  for (const { row, values, columnCount } of rows) {
    const rowErrors: StoredRowError[] = [];
    const fail = (field: UserCsvColumn | 'row', code: string, params?: Record<string, string | number>) =>
      rowErrors.push({ row, field, code, ...(params ? { params } : {}) });

    if (columnCount) {
      // The cells are shifted (an unquoted separator inside a value): nothing in the row can be trusted.
      fail('row', 'import.columnCount', columnCount);
      errors.push(...rowErrors);
      invalidRows.add(row);
      continue;
    }
    const cell = (c: UserCsvColumn) => values[c] ?? '';

    // jenis_asn first: the NIP is read according to it.
    let asnType: AsnType | undefined;
    let asnTypeInvalid = false;
    if (cell('jenis_asn')) {
      const r = check(asnTypeSchema, cell('jenis_asn').toLowerCase());
      if (r.ok) asnType = r.value;
      else {
        asnTypeInvalid = true;
        fail('jenis_asn', r.code, r.params);
      }
    }

    let nip: string | null = null;
    if (!cell('nip')) fail('nip', 'validation.required');
    else {
      const normalized = normalizeNip(cell('nip'));
      const existing = lookups.existingUsers.get(normalized);
      const nipCheck = checkNip(normalized, asnTypeInvalid ? undefined : (asnType ?? existing ?? 'pns'), now);
      const earlier = firstRowOfNip.get(normalized);
      if (earlier === undefined) firstRowOfNip.set(normalized, row);
      if (!nipCheck.ok) fail('nip', nipCheck.error);
      else if (earlier !== undefined) fail('nip', 'import.duplicateInFile', { row: earlier });
      else nip = normalized;
    }

    const name = check(nameSchema, cell('nama'));
    if (!name.ok) fail('nama', name.code, name.params);

    let email: string | null = null;
    if (cell('email')) {
      const r = check(emailSchema, cell('email').toLowerCase());
      if (r.ok) email = r.value;
      else fail('email', r.code, r.params);
    }

    const jabatan = cell('jabatan');
    if (jabatan) {
      const r = check(positionNameSchema, jabatan);
      if (!r.ok) fail('jabatan', r.code, r.params);
    }

    let golongan: string | null = null;
    if (cell('golongan')) {
      const r = check(golonganSchema, cell('golongan'));
      if (r.ok) golongan = r.value;
      else fail('golongan', r.code, r.params);
    }

    let phone: string | null = null;
    if (cell('telepon')) {
      const r = check(phoneSchema, cell('telepon'));
      if (r.ok) phone = r.value;
      else fail('telepon', r.code, r.params);
    }

    let kind: PositionKind | null = null;
    let kindInvalid = false;
    if (cell('jenis_jabatan')) {
      const r = check(positionKindSchema, cell('jenis_jabatan').toLowerCase());
      if (r.ok) kind = r.value;
      else {
        kindInvalid = true;
        fail('jenis_jabatan', r.code, r.params);
      }
    }

    let orgUnitId: string | null = null;
    if (!cell('unit_kerja')) fail('unit_kerja', 'validation.required');
    else {
      orgUnitId = lookups.orgUnits.get(cell('unit_kerja').toLowerCase()) ?? null;
      if (!orgUnitId) fail('unit_kerja', 'import.unknownOrgUnit', { value: cell('unit_kerja') });
    }

    let positionId: string | null = null;
    let newPositionKey: string | null = null;
    if (jabatan && orgUnitId && jabatan.length <= 200) {
      positionId =
        lookups.positions.get(positionKey(orgUnitId, jabatan)) ?? lookups.positions.get(positionKey(null, jabatan)) ?? null;
      if (!positionId) {
        if (kind) newPositionKey = positionKey(orgUnitId, jabatan);
        else if (!kindInvalid) fail('jabatan', 'import.unknownPosition', { value: jabatan });
      }
    }

    let supervisorNip: string | null = null;
    if (cell('nip_atasan')) {
      const normalized = normalizeNip(cell('nip_atasan'));
      const nipCheck = checkNip(normalized, lookups.existingUsers.get(normalized), now);
      if (!nipCheck.ok) fail('nip_atasan', nipCheck.error);
      else if (normalized === nip) fail('nip_atasan', FOLLOW_UP_MESSAGES.supervisorSelf);
      else supervisorNip = normalized;
    }

    if (nip && email) {
      const owner = emailClaims.get(email) ?? lookups.emailOwners.get(email);
      if (owner !== undefined && owner !== nip) fail('email', 'import.emailTaken');
    }

    if (rowErrors.length || !nip || !name.ok || !orgUnitId) {
      errors.push(...rowErrors);
      invalidRows.add(row);
      continue;
    }
    if (email) emailClaims.set(email, nip);
    if (newPositionKey && kind && !newPositions.has(newPositionKey)) {
      newPositions.set(newPositionKey, { key: newPositionKey, orgUnitId, name: jabatan, kind });
    }
    valid.push({
      row,
      nip,
      name: name.value,
      email,
      phone,
      golongan,
      asnType: asnType ?? lookups.existingUsers.get(nip) ?? 'pns',
      orgUnitId,
      positionId,
      newPositionKey,
      supervisorNip,
    });
  }

  // A superior must be someone the import leaves in the database. Dropping a row can leave
  // another row's superior unknown in turn, so repeat until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    const nips = new Set(valid.map((v) => v.nip));
    for (const v of valid) {
      if (v.supervisorNip && !nips.has(v.supervisorNip) && !lookups.existingUsers.has(v.supervisorNip)) {
        errors.push({ row: v.row, field: 'nip_atasan', code: FOLLOW_UP_MESSAGES.supervisorUnknown });
        invalidRows.add(v.row);
        changed = true;
      }
    }
    if (changed) valid.splice(0, valid.length, ...valid.filter((v) => !invalidRows.has(v.row)));
  }

  const order: string[] = ['row', 'nip', 'nama', 'email', 'unit_kerja', 'jabatan', 'golongan', 'telepon', 'jenis_asn', 'jenis_jabatan', 'nip_atasan'];
  errors.sort((a, b) => a.row - b.row || order.indexOf(a.field) - order.indexOf(b.field));
  // Only positions a row that is still valid needs.
  const needed = new Set(valid.map((v) => v.newPositionKey));
  return { valid, errors, invalidRows, newPositions: [...newPositions.values()].filter((p) => needed.has(p.key)) };
}
