import { randomBytes } from 'node:crypto';

/**
 * Verification codes: what the QR encodes (PUBLIC_BASE_URL/verify/<code>) and what is printed
 * under it, so someone can also type it. 10 characters of Crockford base32 (no I, L, O, U)
 * from the CSPRNG = 50 bits: unguessable enough that the public verification route, which is
 * rate-limited, cannot be enumerated. Uniqueness is the database's job (unique index; retry).
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VERIFICATION_CODE_LENGTH = 10;
const CODE = /^[0-9A-HJKMNP-TV-Z]{10}$/;

export function newVerificationCode(): string {
  const bytes = randomBytes(VERIFICATION_CODE_LENGTH);
  let code = '';
  // 256 is a multiple of 32, so the low five bits of a random byte are uniform.
  for (const b of bytes) code += ALPHABET[b & 31];
  return code;
}

/** True for a code exactly as issued (upper case, no separators). */
export function isVerificationCode(s: string): boolean {
  return CODE.test(s);
}

/**
 * A code as someone typed it, back to its issued form: case, spaces and hyphens ignored, and
 * Crockford's look-alikes read as digits (O → 0, I and L → 1). Null when it cannot be a code.
 */
export function normalizeCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return CODE.test(code) ? code : null;
}
