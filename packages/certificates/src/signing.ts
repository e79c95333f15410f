import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';

/**
 * Ed25519 signatures over canonical payloads (invariant 4), with node:crypto only. Keys travel
 * as the raw 32-byte public key `x` (base64url, as in a JWK of kty OKP) and the PKCS#8 DER
 * private key (which @cakap/issuance encrypts at rest).
 */

export interface GeneratedSigningKey {
  /** The key id: the first 16 characters of the RFC 7638 JWK thumbprint of the public key. */
  kid: string;
  /** Raw public key, base64url (32 bytes). */
  x: string;
  /** PKCS#8 DER private key. Secret. */
  privateKeyDer: Buffer;
}

export function generateSigningKey(): GeneratedSigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x as string;
  return { kid: keyIdFor(x), x, privateKeyDer: privateKey.export({ format: 'der', type: 'pkcs8' }) };
}

/** A stable id for a public key, so the same key always gets the same kid. */
export function keyIdFor(x: string): string {
  // RFC 7638: SHA-256 of the JWK's required members, sorted, without whitespace.
  const thumbprint = createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest('base64url');
  return thumbprint.slice(0, 16);
}

export function privateKeyFromDer(der: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
}

/** The public half of a private key as raw base64url (to check a decrypted key matches its row). */
export function publicXOf(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ format: 'jwk' }).x as string;
}

/** Signs the canonical payload; the signature is base64url (64 bytes). */
export function signPayload(privateKey: KeyObject, canonical: string): string {
  return sign(null, Buffer.from(canonical, 'utf8'), privateKey).toString('base64url');
}

// Verification pages and the CLI check many certificates against a handful of keys.
const publicKeys = new Map<string, KeyObject>();

function publicKeyOf(x: string): KeyObject {
  let key = publicKeys.get(x);
  if (!key) {
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
    publicKeys.set(x, key);
  }
  return key;
}

/** True when `signature` is x's signature of exactly these bytes; false for anything malformed. */
export function verifyPayload(x: string, canonical: string, signature: string): boolean {
  try {
    const sig = Buffer.from(signature, 'base64url');
    if (sig.length !== 64 || Buffer.from(x, 'base64url').length !== 32) return false;
    return verify(null, Buffer.from(canonical, 'utf8'), publicKeyOf(x), sig);
  } catch {
    return false;
  }
}
