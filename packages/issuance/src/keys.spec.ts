import { signPayload, verifyPayload } from '@cakap/certificates';
import { createDataSource, createTestDatabase, type TestDatabase } from '@cakap/db';
import type { DataSource } from 'typeorm';
import { activeKey, decryptPrivateKey, encryptPrivateKey, publicKeySet, rotateKey } from './keys';

/** Signing keys against a real migrated database: encrypted at rest, one active, old ones still published. */
describe('signing keys', () => {
  const secret = 'a-test-secret-of-at-least-thirty-two-characters';
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource({ url: db.url, applicationName: 'issuance-test' });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('encrypts private keys with AES-256-GCM: a wrong secret or a changed byte is refused', () => {
    const der = Buffer.from('private key bytes');
    const enc = encryptPrivateKey(der, secret);
    expect(enc).not.toContain(der.toString('base64url'));
    expect(decryptPrivateKey(enc, secret)).toEqual(der);
    expect(() => decryptPrivateKey(enc, `${secret}!`)).toThrow();
    const parts = enc.split('.');
    parts[3] = Buffer.from('private key bytez').toString('base64url');
    expect(() => decryptPrivateKey(parts.join('.'), secret)).toThrow();
  });

  it('creates the first key once even when asked concurrently, signs with it, rotates, and publishes old and new', async () => {
    const keys = await Promise.all([activeKey(ds, secret), activeKey(ds, secret), activeKey(ds, secret)]);
    expect(new Set(keys.map((k) => k.id)).size).toBe(1);
    const [stored] = await ds.query(`SELECT private_key_enc FROM signing_keys WHERE id = $1`, [keys[0].id]);
    expect(stored.private_key_enc.startsWith('v1.')).toBe(true);

    const signature = signPayload(keys[0].privateKey, '{"v":1}');
    expect(verifyPayload(keys[0].x, '{"v":1}', signature)).toBe(true);

    const newId = await rotateKey(ds, secret);
    expect(newId).not.toBe(keys[0].id);
    expect((await activeKey(ds, secret)).id).toBe(newId);
    const set = await publicKeySet(ds);
    expect(set.keys.map((k) => [k.kid, k.retired === null])).toEqual([
      [keys[0].id, false],
      [newId, true],
    ]);
    expect(set.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', x: keys[0].x });
  });
});
