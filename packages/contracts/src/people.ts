import { z } from 'zod';
import { pageQuerySchema, searchSchema } from './common';
import { checkNip, normalizeNip, type AsnType } from './nip';

export const ROLES = ['learner', 'author', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ASN_TYPES = ['pns', 'pppk'] as const satisfies readonly AsnType[];
export const asnTypeSchema = z.enum(ASN_TYPES);

/** Position classes (jenis jabatan): struktural JPT/administrator/pengawas, fungsional, pelaksana. */
export const POSITION_KINDS = ['jpt', 'administrator', 'pengawas', 'fungsional', 'pelaksana'] as const;
export const positionKindSchema = z.enum(POSITION_KINDS);
export type PositionKind = z.infer<typeof positionKindSchema>;

const boolQuery = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));

// ---------------------------------------------------------------- org units

export const orgUnitCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[A-Za-z0-9._-]+$/, 'validation.orgUnitCode');

export const createOrgUnitSchema = z.strictObject({
  code: orgUnitCodeSchema,
  name: z.string().trim().min(1).max(200),
  parentId: z.uuid().nullish(),
});
export type CreateOrgUnit = z.infer<typeof createOrgUnitSchema>;
export const updateOrgUnitSchema = createOrgUnitSchema.partial();
export type UpdateOrgUnit = z.infer<typeof updateOrgUnitSchema>;

export const orgUnitListQuerySchema = pageQuerySchema.extend({
  q: searchSchema,
  /** `root` lists the top level; an id lists that unit's direct children. */
  parentId: z.union([z.literal('root'), z.uuid()]).optional(),
});
export type OrgUnitListQuery = z.infer<typeof orgUnitListQuerySchema>;

export const orgUnitRefSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
export type OrgUnitRef = z.infer<typeof orgUnitRefSchema>;

export const orgUnitSchema = orgUnitRefSchema.extend({
  parentId: z.uuid().nullable(),
  /** From the top-level OPD down to the parent, for breadcrumbs. */
  ancestors: z.array(orgUnitRefSchema),
  childCount: z.number().int(),
  userCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;

// ---------------------------------------------------------------- positions

export const createPositionSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: positionKindSchema,
  orgUnitId: z.uuid().nullish(),
});
export type CreatePosition = z.infer<typeof createPositionSchema>;
export const updatePositionSchema = createPositionSchema.partial();
export type UpdatePosition = z.infer<typeof updatePositionSchema>;

export const positionListQuerySchema = pageQuerySchema.extend({
  q: searchSchema,
  kind: positionKindSchema.optional(),
  orgUnitId: z.uuid().optional(),
});
export type PositionListQuery = z.infer<typeof positionListQuerySchema>;

export const positionRefSchema = z.object({ id: z.uuid(), name: z.string(), kind: positionKindSchema });
export type PositionRef = z.infer<typeof positionRefSchema>;
export const positionSchema = positionRefSchema.extend({
  orgUnit: orgUnitRefSchema.nullable(),
  userCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Position = z.infer<typeof positionSchema>;

// ---------------------------------------------------------------- users

/** Pangkat/golongan: PNS I/a … IV/e, PPPK I … XVII. Stored as typed in canonical case. */
export const golonganSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/\s+/g, '').replace(/^([ivx]+)(\/([a-e]))?$/i, (_m, r: string, _s, l?: string) =>
    l ? `${r.toUpperCase()}/${l.toLowerCase()}` : r.toUpperCase(),
  ))
  .refine(
    (v) => /^(I|II|III)\/[a-d]$|^IV\/[a-e]$|^(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII)$/.test(v),
    'validation.golongan',
  );

export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{6,18}[0-9]$/, 'validation.phone');

export const passwordSchema = z
  .string()
  .max(200)
  .refine((v) => v.length >= 8 && /[A-Za-z]/.test(v) && /[0-9]/.test(v), 'validation.password');

const optionalText = <T extends z.ZodType>(s: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), s.nullish());

/** The NIP as typed (spaces allowed), checked by the DOMAIN.md rules against the ASN type. */
function nipField() {
  return z.string().transform((v) => normalizeNip(v));
}
function refineNip<T extends { nip?: string; asnType?: AsnType | null }>(value: T, ctx: z.RefinementCtx) {
  if (value.nip === undefined) return;
  const check = checkNip(value.nip, value.asnType ?? undefined);
  if (!check.ok) ctx.addIssue({ code: 'custom', path: ['nip'], message: check.error });
}

const userFields = {
  nip: nipField(),
  name: z.string().trim().min(1).max(200),
  email: optionalText(z.email().max(200).transform((v) => v.toLowerCase())),
  phone: optionalText(phoneSchema),
  golongan: optionalText(golonganSchema),
  asnType: asnTypeSchema.default('pns'),
  orgUnitId: z.uuid(),
  positionId: z.uuid().nullish(),
  roles: z.array(roleSchema).min(1, 'validation.roles').max(3),
  password: passwordSchema.optional(),
  /** The direct superior (asked for the level-3 follow-up); an existing user other than this one. */
  supervisorId: z.uuid().nullish(),
};

export const createUserSchema = z.strictObject(userFields).superRefine(refineNip);
export type CreateUser = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .strictObject({
    ...userFields,
    asnType: asnTypeSchema.optional(),
    active: z.boolean(),
  })
  .partial()
  .superRefine(refineNip);
export type UpdateUser = z.infer<typeof updateUserSchema>;

export const userListQuerySchema = pageQuerySchema.extend({
  q: searchSchema,
  orgUnitId: z.uuid().optional(),
  /** With orgUnitId: also the people of its sub-units (default true). */
  includeSubUnits: boolQuery,
  positionId: z.uuid().optional(),
  role: roleSchema.optional(),
  active: boolQuery,
  sort: z.enum(['name', 'nip', 'createdAt']).default('name'),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const userSchema = z.object({
  id: z.uuid(),
  nip: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  golongan: z.string().nullable(),
  asnType: asnTypeSchema,
  orgUnit: orgUnitRefSchema,
  position: positionRefSchema.nullable(),
  supervisor: z.object({ id: z.uuid(), nip: z.string(), name: z.string() }).nullable(),
  roles: z.array(roleSchema),
  active: z.boolean(),
  hasPassword: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const temporaryPasswordSchema = z.object({ temporaryPassword: z.string() });
