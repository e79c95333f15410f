import { z } from 'zod';
import { pageQuerySchema, searchSchema } from './common';
import { normalizeNip } from './nip';

/**
 * Certificates (issue 7): templates, bulk issuance through the worker, the learner's
 * certificates, revocation and reissue, and public verification (invariants 3 and 4).
 * The rules live in `@cakap/certificates`; these are the shapes on the wire.
 */

/** Message keys of the certificate rules (catalogue in i18n.ts). */
export const CERTIFICATE_MESSAGES = {
  patternNoSeq: 'certificate.patternNoSeq',
  patternNoYear: 'certificate.patternNoYear',
  patternUnknown: 'certificate.patternUnknown',
  patternCharacters: 'certificate.patternCharacters',
  patternTaken: 'certificate.patternTaken',
  templateNameTaken: 'certificate.templateNameTaken',
  unknownTemplateType: 'certificate.unknownTemplateType',
  templateInUse: 'certificate.templateInUse',
  noTemplate: 'certificate.noTemplate',
  logoType: 'certificate.logoType',
  courseNotPublished: 'certificate.courseNotPublished',
  oneSelection: 'certificate.oneSelection',
  rangeOrder: 'certificate.rangeOrder',
  nothingToIssue: 'certificate.nothingToIssue',
  unknownNip: 'certificate.unknownNip',
  notCompleted: 'certificate.notCompleted',
  alreadyIssued: 'certificate.alreadyIssued',
  alreadyRevoked: 'certificate.alreadyRevoked',
  notReissuable: 'certificate.notReissuable',
  batchNotFinished: 'certificate.batchNotFinished',
  numberTaken: 'certificate.numberTaken',
  renderFailed: 'certificate.renderFailed',
  storageFailed: 'certificate.storageFailed',
  inactiveUser: 'certificate.inactiveUser',
  pdfNotReady: 'certificate.pdfNotReady',
} as const;

// ---------------------------------------------------------------- templates

/**
 * A number pattern: literal text with placeholders. `{seq}` (the per-year sequence kept by the
 * database, `{seq:4}` zero-padded to 4 digits) and `{year}` are required so that numbers never
 * repeat; `{month}` (01–12), `{month-roman}` (I–XII) and `{course-code}` are optional.
 */
export const numberPatternSchema = z.string().trim().min(5).max(120);

export const templateInputSchema = z.strictObject({
  name: z.string().trim().min(3).max(200),
  /** The certificate-template plugin's key (GET /certificate-template-types). */
  templateKey: z.string().trim().min(1).max(64),
  /** Validated by the template plugin's configSchema. */
  config: z.unknown(),
  numberPattern: numberPatternSchema,
  logoFileId: z.uuid().nullish(),
  /** The template used when a batch or a course does not name one. */
  isDefault: z.boolean().default(false),
});
export type TemplateInput = z.infer<typeof templateInputSchema>;
export const templatePatchSchema = z
  .strictObject({
    name: z.string().trim().min(3).max(200),
    config: z.unknown(),
    numberPattern: numberPatternSchema,
    logoFileId: z.uuid().nullable(),
    isDefault: z.boolean(),
    archived: z.boolean(),
  })
  .partial();
export type TemplatePatch = z.infer<typeof templatePatchSchema>;

export const templateSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  templateKey: z.string(),
  config: z.unknown(),
  numberPattern: z.string(),
  logoFileId: z.uuid().nullable(),
  isDefault: z.boolean(),
  archived: z.boolean(),
  /** Certificates issued with it (a used template cannot be deleted, only archived). */
  issuedCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CertificateTemplate = z.infer<typeof templateSchema>;

export const templateTypeSchema = z.object({
  key: z.string(),
  plugin: z.string(),
  title: z.object({ id: z.string(), en: z.string() }),
  description: z.object({ id: z.string(), en: z.string() }).optional(),
  defaultConfig: z.unknown(),
  configSchema: z.record(z.string(), z.unknown()),
});
export type TemplateType = z.infer<typeof templateTypeSchema>;

/** POST /certificate-templates/preview: a sample certificate of an unsaved configuration, as PDF. */
export const templatePreviewSchema = z.strictObject({
  templateKey: z.string().trim().min(1).max(64),
  config: z.unknown(),
  numberPattern: numberPatternSchema,
  logoFileId: z.uuid().nullish(),
});
export type TemplatePreview = z.infer<typeof templatePreviewSchema>;

// ---------------------------------------------------------------- batches

export const BATCH_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export const batchStatusSchema = z.enum(BATCH_STATUSES);
export type BatchStatus = z.infer<typeof batchStatusSchema>;

export const BATCH_KINDS = ['manual', 'auto'] as const;

const isoDate = z.iso.date();

/** A NIP as pasted (spaces allowed): 18 digits. Whether it belongs to anyone is decided per item. */
const listedNipSchema = z
  .string()
  .transform((v) => normalizeNip(v))
  .pipe(z.string().regex(/^[0-9]{18}$/, 'nip.format'));

/**
 * POST /certificate-batches (DESIGN.md): a course plus filters (unit with its sub-units,
 * completion date range) or a list of users or NIPs. Everyone selected must have completed the
 * course; the rest become failed items that say why.
 */
export const createBatchSchema = z
  .strictObject({
    courseId: z.uuid(),
    templateId: z.uuid().optional(),
    orgUnitId: z.uuid().optional(),
    completedFrom: isoDate.optional(),
    completedTo: isoDate.optional(),
    userIds: z.array(z.uuid()).min(1).max(20_000).optional(),
    /** Pasted or uploaded NIPs (duplicates are ignored). */
    nips: z.array(listedNipSchema).min(1).max(20_000).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.userIds && b.nips) ctx.addIssue({ code: 'custom', path: ['nips'], message: CERTIFICATE_MESSAGES.oneSelection });
    if (b.completedFrom && b.completedTo && b.completedFrom > b.completedTo) {
      ctx.addIssue({ code: 'custom', path: ['completedTo'], message: CERTIFICATE_MESSAGES.rangeOrder });
    }
  });
export type CreateBatch = z.infer<typeof createBatchSchema>;

export const batchSchema = z.object({
  id: z.uuid(),
  kind: z.enum(BATCH_KINDS),
  status: batchStatusSchema,
  course: z.object({ id: z.uuid(), title: z.string() }),
  template: z.object({ id: z.uuid(), name: z.string() }),
  criteria: z.object({
    orgUnit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    completedFrom: z.string().nullable(),
    completedTo: z.string().nullable(),
    listed: z.number().int().nullable(),
  }),
  total: z.number().int(),
  issued: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type Batch = z.infer<typeof batchSchema>;

export const batchListQuerySchema = pageQuerySchema.extend({
  courseId: z.uuid().optional(),
  status: batchStatusSchema.optional(),
});
export type BatchListQuery = z.infer<typeof batchListQuerySchema>;

export const BATCH_ITEM_STATUSES = ['pending', 'issued', 'skipped', 'failed'] as const;
export const batchItemQuerySchema = pageQuerySchema.extend({
  status: z.enum(BATCH_ITEM_STATUSES).optional(),
  q: searchSchema,
});
export type BatchItemQuery = z.infer<typeof batchItemQuerySchema>;

export const batchItemSchema = z.object({
  id: z.uuid(),
  status: z.enum(BATCH_ITEM_STATUSES),
  nip: z.string(),
  user: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  certificate: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  /** Why it failed or was skipped, in the reader's language. */
  reason: z.string().nullable(),
  attempts: z.number().int(),
});
export type BatchItem = z.infer<typeof batchItemSchema>;

/** A server-sent event of GET /certificate-batches/:id/events: the batch's counters, until it finishes. */
export const batchProgressSchema = batchSchema.pick({ id: true, status: true, total: true, issued: true, skipped: true, failed: true });
export type BatchProgress = z.infer<typeof batchProgressSchema>;

// ---------------------------------------------------------------- certificates

export const CERTIFICATE_STATUSES = ['valid', 'revoked', 'replaced'] as const;
export const certificateStatusSchema = z.enum(CERTIFICATE_STATUSES);
export type CertificateStatus = z.infer<typeof certificateStatusSchema>;

export const certificateSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  /** The verification code (QR target: PUBLIC_BASE_URL/verify/<code>). */
  code: z.string(),
  status: certificateStatusSchema,
  issuedAt: z.string(),
  courseId: z.uuid(),
  courseTitle: z.string(),
  jp: z.number().int(),
  recipient: z.object({ id: z.uuid(), name: z.string(), nip: z.string(), orgUnit: z.string(), position: z.string().nullable() }),
  /** False until the worker has stored the PDF. */
  hasPdf: z.boolean(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  replacedBy: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  replaces: z.object({ id: z.uuid(), number: z.string() }).nullable(),
});
export type Certificate = z.infer<typeof certificateSchema>;

export const certificateListQuerySchema = pageQuerySchema.extend({
  q: searchSchema,
  courseId: z.uuid().optional(),
  orgUnitId: z.uuid().optional(),
  status: certificateStatusSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type CertificateListQuery = z.infer<typeof certificateListQuerySchema>;

export const revokeSchema = z.strictObject({ reason: z.string().trim().min(5).max(500) });
export type Revoke = z.infer<typeof revokeSchema>;

/** GET /verify/:code (public): what anyone may see, NIP masked. */
export const verificationSchema = z.object({
  status: certificateStatusSchema,
  certificate: z.object({
    number: z.string(),
    code: z.string(),
    name: z.string(),
    /** "19860926 ****** * 001" */
    nip: z.string(),
    courseTitle: z.string(),
    jp: z.number().int(),
    issuedOn: z.string(),
    issuer: z.string(),
    revokedAt: z.string().nullable(),
    revokeReason: z.string().nullable(),
    replacedBy: z.object({ number: z.string(), code: z.string() }).nullable(),
  }),
  /**
   * The key that signed it (published at /.well-known/cakap-keys.json). The signed payload itself
   * holds the full NIP, so it is not published here: the PDF carries it, and
   * `pnpm cakap cert:verify FILE.pdf` checks it against the published keys.
   */
  signature: z.object({ keyId: z.string() }),
});
export type Verification = z.infer<typeof verificationSchema>;

/** GET /.well-known/cakap-keys.json: the instance's Ed25519 public keys as a JWK set. */
export const publicKeySetSchema = z.object({
  keys: z.array(
    z.object({
      kty: z.literal('OKP'),
      crv: z.literal('Ed25519'),
      alg: z.literal('EdDSA'),
      use: z.literal('sig'),
      kid: z.string(),
      x: z.string(),
      /** When the key started signing; `retired` when a newer key took over (it still verifies). */
      created: z.string(),
      retired: z.string().nullable(),
    }),
  ),
});
export type PublicKeySet = z.infer<typeof publicKeySetSchema>;

// ---------------------------------------------------------------- notifications

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  /** Already in the reader's language. */
  title: z.string(),
  body: z.string(),
  /** A portal path to open, e.g. /sertifikat. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;
// `?unread=false` must mean false (z.coerce.boolean would read any non-empty string as true).
export const notificationListQuerySchema = pageQuerySchema.extend({ unread: z.stringbool().optional() });
