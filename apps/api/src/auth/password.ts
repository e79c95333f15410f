import * as argon2 from 'argon2';
import { randomInt } from 'node:crypto';

/**
 * argon2id with OWASP's second recommended profile (19 MiB, t=2, p=1): strong enough for
 * passwords, cheap enough that 500 ASN logging in at 8 o'clock do not exhaust 2 cores.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the NIP is unknown, so timing does not reveal which NIPs exist. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('cakap-dummy-password-0');
  return dummyHash;
}

/** A temporary password an admin reads out or hands over: no look-alike characters. */
export function generateTemporaryPassword(length = 12): string {
  const letters = 'abcdefghjkmnpqrstuvwxyz';
  const digits = '23456789';
  const all = letters + letters.toUpperCase() + digits;
  const chars = [letters[randomInt(letters.length)], digits[randomInt(digits.length)]];
  while (chars.length < length) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
