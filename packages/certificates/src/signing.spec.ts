import { canonicalPayload, type CertificatePayload, parseCanonicalPayload } from './payload';
import { generateSigningKey, keyIdFor, privateKeyFromDer, publicXOf, signPayload, verifyPayload } from './signing';
import { isVerificationCode, newVerificationCode, normalizeCode, VERIFICATION_CODE_LENGTH } from './codes';

const payload: CertificatePayload = {
  v: 1,
  kid: 'k1',
  code: 'K7M2Q9XD4T',
  number: '0001/BKPSDMD-BH/XI/2026',
  name: "Ahmad Khoiru'l Éndah, S.H., M.H.",
  nip: '198609262015051001',
  course: 'Pelayanan Publik Prima',
  jp: 20,
  start: '2026-11-01',
  end: '2026-11-28',
  issuedOn: '2026-11-28',
  issuer: 'BKPSDMD Kabupaten Batanghari',
};

describe('canonicalPayload', () => {
  it('sorts keys, has no whitespace and reads back', () => {
    const c = canonicalPayload(payload);
    expect(c).toBe(
      '{"code":"K7M2Q9XD4T","course":"Pelayanan Publik Prima","end":"2026-11-28","issuedOn":"2026-11-28","issuer":"BKPSDMD Kabupaten Batanghari",' +
        '"jp":20,"kid":"k1","name":"Ahmad Khoiru\'l Éndah, S.H., M.H.","nip":"198609262015051001","number":"0001/BKPSDMD-BH/XI/2026","start":"2026-11-01","v":1}',
    );
    expect(parseCanonicalPayload(c)).toEqual(payload);
  });

  it('does not depend on key order or Unicode normalisation', () => {
    const reordered = Object.fromEntries(Object.entries(payload).reverse()) as CertificatePayload;
    const decomposed = { ...reordered, name: payload.name.normalize('NFD') };
    expect(decomposed.name).not.toBe(payload.name);
    expect(canonicalPayload(decomposed)).toBe(canonicalPayload(payload));
  });

  it('refuses what is not a v1 payload', () => {
    expect(parseCanonicalPayload('not json')).toBeNull();
    expect(parseCanonicalPayload(JSON.stringify({ ...payload, v: 2 }))).toBeNull();
    expect(parseCanonicalPayload(JSON.stringify({ ...payload, extra: 1 }))).toBeNull();
  });
});

describe('Ed25519 signing', () => {
  const key = generateSigningKey();
  const privateKey = privateKeyFromDer(key.privateKeyDer);
  const canonical = canonicalPayload({ ...payload, kid: key.kid });
  const signature = signPayload(privateKey, canonical);

  it('generates a raw 32-byte public key, a PKCS#8 private key and a stable kid', () => {
    expect(Buffer.from(key.x, 'base64url')).toHaveLength(32);
    expect(key.privateKeyDer.subarray(0, 2).toString('hex')).toBe('302e'); // PKCS#8 Ed25519 SEQUENCE
    expect(publicXOf(privateKey)).toBe(key.x);
    expect(key.kid).toBe(keyIdFor(key.x));
    expect(key.kid).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(generateSigningKey().kid).not.toBe(key.kid);
  });

  it('verifies its own signature', () => {
    expect(Buffer.from(signature, 'base64url')).toHaveLength(64);
    expect(verifyPayload(key.x, canonical, signature)).toBe(true);
  });

  it.each(Object.keys(payload).filter((k) => k !== 'kid'))('detects a tampered %s', (field) => {
    const original = { ...payload, kid: key.kid } as Record<string, unknown>;
    const v = original[field];
    const tampered = { ...original, [field]: typeof v === 'number' ? v + 1 : v === null ? '2026-01-01' : `${String(v)}x` } as CertificatePayload;
    expect(verifyPayload(key.x, canonicalPayload(tampered), signature)).toBe(false);
  });

  it('refuses another key, a broken signature or garbage', () => {
    expect(verifyPayload(generateSigningKey().x, canonical, signature)).toBe(false);
    const flipped = Buffer.from(signature, 'base64url');
    flipped[10] ^= 1;
    expect(verifyPayload(key.x, canonical, flipped.toString('base64url'))).toBe(false);
    expect(verifyPayload(key.x, canonical, 'abc')).toBe(false);
    expect(verifyPayload('not-a-key', canonical, signature)).toBe(false);
  });
});

describe('verification codes', () => {
  it('are 10 Crockford base32 characters, random', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newVerificationCode()));
    expect(codes.size).toBe(2000);
    for (const c of codes) {
      expect(c).toHaveLength(VERIFICATION_CODE_LENGTH);
      expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]+$/);
      expect(isVerificationCode(c)).toBe(true);
    }
    // Every symbol of the alphabet turns up (the low five bits are uniform).
    expect(new Set([...codes].join('')).size).toBe(32);
  });

  it('accept what people type, read back to the issued form', () => {
    expect(isVerificationCode('k7m2q9xd4t')).toBe(false);
    expect(normalizeCode('k7m2q9xd4t')).toBe('K7M2Q9XD4T');
    expect(normalizeCode(' K7M2-Q9XD 4T ')).toBe('K7M2Q9XD4T');
    expect(normalizeCode('O1IL0ABCDE')).toBe('0111' + '0ABCDE');
    expect(normalizeCode('K7M2Q9XD4')).toBeNull();
    expect(normalizeCode('K7M2Q9XD4TU')).toBeNull();
    expect(normalizeCode('K7M2Q9XD4U')).toBeNull();
    expect(normalizeCode('../../etc')).toBeNull();
  });
});
