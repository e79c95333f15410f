import { z } from 'zod';

/**
 * The signed statement of one certificate (invariant 4). It is what the Ed25519 signature
 * covers, what the PDF carries in its metadata and what GET /verify/:code returns, so anyone
 * holding the published key can check a certificate offline (`pnpm cakap cert:verify`).
 * Version 1; a new field means v: 2 (old certificates keep verifying against their own bytes).
 */
export const certificatePayloadSchema = z.strictObject({
  v: z.literal(1),
  /** The signing key's id (kid in /.well-known/cakap-keys.json). */
  kid: z.string().min(1),
  /** The verification code (QR target). */
  code: z.string(),
  number: z.string(),
  name: z.string(),
  /** 18 digits, unformatted. */
  nip: z.string(),
  /** The course title as printed. */
  course: z.string(),
  jp: z.number().int().nonnegative(),
  /** Course dates (YYYY-MM-DD, Asia/Jakarta): when the learner started, null when unknown, and completed. */
  start: z.string().nullable(),
  end: z.string(),
  /** Issue date (YYYY-MM-DD, Asia/Jakarta). */
  issuedOn: z.string(),
  /** Who issues it, e.g. "BKPSDMD Kabupaten Batanghari". */
  issuer: z.string(),
});
export type CertificatePayload = z.infer<typeof certificatePayloadSchema>;

function canonicalValue(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(canonicalValue);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) sorted[key] = canonicalValue(v);
    }
    return sorted;
  }
  return value;
}

/**
 * The exact bytes that are signed: JSON with keys sorted, no whitespace, strings in Unicode NFC
 * (an "É" typed as E + combining accent and one typed precomposed sign the same).
 */
export function canonicalPayload(payload: CertificatePayload): string {
  return JSON.stringify(canonicalValue(payload));
}

/** Reads a canonical payload back (from a PDF or a verification response); null when it is not one. */
export function parseCanonicalPayload(canonical: string): CertificatePayload | null {
  try {
    const parsed = certificatePayloadSchema.safeParse(JSON.parse(canonical));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
