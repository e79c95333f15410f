import { createCipheriv, createDecipheriv, randomBytes, scryptSync, type KeyObject } from 'node:crypto';
import { generateSigningKey, privateKeyFromDer } from '@cakap/certificates';
import type { PublicKeySet } from '@cakap/contracts';
import type { DataSource } from 'typeorm';
import type { Queryable } from '@cakap/db';

/**
 * The instance's Ed25519 signing keys. The private part is stored encrypted (AES-256-GCM under
 * a key derived from CAKAP_KEY_SECRET), so a database dump alone cannot forge certificates; the
 * public part is published at /.well-known/cakap-keys.json. Exactly one key signs at a time (a
 * partial unique index); a retired key stays published so older certificates still verify.
 */
export interface SigningKey {
  id: string;
  /** base64url raw public key (JWK `x`). */
  x: string;
  privateKey: KeyObject;
}

interface KeyRow {
  id: string;
  publicKey: string;
  privateKeyEnc: string;
  createdAt: Date;
  retiredAt: Date | null;
}

const KEY_COLUMNS = `id, public_key AS "publicKey", private_key_enc AS "privateKeyEnc", created_at AS "createdAt", retired_at AS "retiredAt"`;

// scrypt is deliberately slow: derive once per secret, not per certificate.
const derived = new Map<string, Buffer>();
function encryptionKey(secret: string): Buffer {
  let key = derived.get(secret);
  if (!key) {
    key = scryptSync(secret, 'cakap-signing-keys-v1', 32);
    derived.set(secret, key);
  }
  return key;
}

/** `v1.<iv>.<tag>.<ciphertext>` (base64url), AES-256-GCM: a wrong secret or a changed byte fails loudly. */
export function encryptPrivateKey(der: Buffer, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(secret), iv);
  const body = Buffer.concat([cipher.update(der), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function decryptPrivateKey(enc: string, secret: string): Buffer {
  const [v, iv, tag, body] = enc.split('.');
  if (v !== 'v1' || !iv || !tag || !body) throw new Error('unknown signing key encoding');
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey(secret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
}

// Decrypted keys, per process: a key's bytes never change, so its id is a safe cache key.
const unlocked = new Map<string, KeyObject>();
function unlock(row: KeyRow, secret: string): SigningKey {
  let privateKey = unlocked.get(row.id);
  if (!privateKey) {
    privateKey = privateKeyFromDer(decryptPrivateKey(row.privateKeyEnc, secret));
    unlocked.set(row.id, privateKey);
  }
  return { id: row.id, x: row.publicKey, privateKey };
}

async function insertKey(db: Queryable, secret: string, now: Date): Promise<void> {
  // The id is the key's JWK thumbprint (@cakap/certificates keyIdFor): the same key, the same kid.
  const { kid, x, privateKeyDer } = generateSigningKey();
  // ON CONFLICT on the one-active index: two processes creating the first key at once keep one.
  await db.query(
    `INSERT INTO signing_keys (id, public_key, private_key_enc, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT ((true)) WHERE retired_at IS NULL DO NOTHING`,
    [kid, x, encryptPrivateKey(privateKeyDer, secret), now],
  );
}

/**
 * The key that signs now, created on first use. Asked for once per chunk (one indexed row), so
 * a rotation by `pnpm cakap keys:rotate` in another process is picked up by the next chunk.
 */
export async function activeKey(db: Queryable, secret: string, now = new Date()): Promise<SigningKey> {
  for (let i = 0; i < 2; i++) {
    const [row]: KeyRow[] = await db.query(`SELECT ${KEY_COLUMNS} FROM signing_keys WHERE retired_at IS NULL`);
    if (row) return unlock(row, secret);
    await insertKey(db, secret, now);
  }
  throw new Error('no active signing key after creating one');
}

/** Retires the active key and creates its successor in one transaction; answers the new key's id. */
export async function rotateKey(ds: DataSource, secret: string, now = new Date()): Promise<string> {
  return ds.transaction(async (tx) => {
    await tx.query(`UPDATE signing_keys SET retired_at = $1 WHERE retired_at IS NULL`, [now]);
    await insertKey(tx, secret, now);
    const [row]: KeyRow[] = await tx.query(`SELECT ${KEY_COLUMNS} FROM signing_keys WHERE retired_at IS NULL`);
    return row.id;
  });
}

/** Every key, retired ones included (they still verify the certificates they signed), as a JWK set. */
export async function publicKeySet(db: Queryable): Promise<PublicKeySet> {
  const rows: KeyRow[] = await db.query(`SELECT ${KEY_COLUMNS} FROM signing_keys ORDER BY created_at, id`);
  return {
    keys: rows.map((r) => ({
      kty: 'OKP' as const,
      crv: 'Ed25519' as const,
      alg: 'EdDSA' as const,
      use: 'sig' as const,
      kid: r.id,
      x: r.publicKey,
      created: r.createdAt.toISOString(),
      retired: r.retiredAt ? r.retiredAt.toISOString() : null,
    })),
  };
}
