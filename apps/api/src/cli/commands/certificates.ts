import { parseCanonicalPayload, readSignedPayload, verifyPayload, type CertificatePayload } from '@cakap/certificates';
import { publicKeySetSchema, type PublicKeySet } from '@cakap/contracts';
import { publicKeySet, rotateKey } from '@cakap/issuance';
import { readFile } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import { CliError, text } from './errors';

/** Retires the signing key and makes a new one; old certificates stay verifiable with the retired key. */
export async function rotateSigningKey(ds: DataSource, secret: string): Promise<{ active: string; retired: string[] }> {
  const before = (await publicKeySet(ds)).keys.filter((k) => !k.retired).map((k) => k.kid);
  const active = await rotateKey(ds, secret);
  return { active, retired: before };
}

/** The published key set: a local JSON file (offline use) or a URL (by default the instance's well-known one). */
export async function loadKeySet(source: string, fetchJson: (url: string) => Promise<unknown> = fetchKeys): Promise<PublicKeySet> {
  let raw: unknown;
  try {
    raw = /^https?:\/\//.test(source) ? await fetchJson(source) : JSON.parse(await readFile(source, 'utf8'));
  } catch (e) {
    throw new CliError([
      text(`Kunci publik tidak dapat dibaca dari ${source}: ${(e as Error).message}`, `Cannot read the public keys from ${source}: ${(e as Error).message}`),
    ]);
  }
  const parsed = publicKeySetSchema.safeParse(raw);
  if (!parsed.success) throw new CliError([text(`${source} bukan himpunan kunci Cakap`, `${source} is not a Cakap key set`)]);
  return parsed.data;
}

async function fetchKeys(url: string): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

export type FileVerdict =
  | { valid: true; keyId: string; payload: CertificatePayload }
  | { valid: false; reason: 'noPayload' | 'unknownKey' | 'badSignature' | 'badPayload'; keyId?: string; payload?: CertificatePayload | null };

/**
 * Checks the signed payload a certificate PDF carries against the published keys. It proves
 * who issued what; whether it was revoked since is only known online (GET /verify/:code).
 */
export function verifyCertificateFile(pdf: Uint8Array, keys: PublicKeySet): FileVerdict {
  const signed = readSignedPayload(pdf);
  if (!signed) return { valid: false, reason: 'noPayload' };
  const payload = parseCanonicalPayload(signed.payload);
  const key = keys.keys.find((k) => k.kid === signed.keyId);
  if (!key) return { valid: false, reason: 'unknownKey', keyId: signed.keyId, payload };
  if (!verifyPayload(key.x, signed.payload, signed.signature)) return { valid: false, reason: 'badSignature', keyId: signed.keyId, payload };
  // A valid signature over something that is not a payload of ours (or names another key) proves nothing.
  if (!payload || payload.kid !== signed.keyId) return { valid: false, reason: 'badPayload', keyId: signed.keyId, payload };
  return { valid: true, keyId: signed.keyId, payload };
}

const REASONS = {
  noPayload: text('berkas ini tidak memuat data sertifikat bertanda tangan', 'this file carries no signed certificate data'),
  unknownKey: text('kunci penanda tangan tidak dikenal', 'the signing key is unknown'),
  badSignature: text('tanda tangan tidak cocok: isinya telah diubah', 'the signature does not match: the content was altered'),
  badPayload: text('data sertifikat tidak dikenali', 'the certificate data is not recognised'),
} as const;

export function verdictLines(v: FileVerdict): string[] {
  const lines = v.valid
    ? ['SAH / VALID']
    : ['TIDAK SAH / INVALID', `  ${REASONS[v.reason].id}`, `  ${REASONS[v.reason].en}`];
  const p = v.payload;
  if (p) {
    lines.push(
      `  Nomor/Number : ${p.number}`,
      `  Nama/Name    : ${p.name}`,
      `  NIP          : ${p.nip}`,
      `  Kursus/Course: ${p.course} (${p.jp} JP)`,
      `  Terbit/Issued: ${p.issuedOn} — ${p.issuer}`,
      `  Kode/Code    : ${p.code}`,
    );
  }
  if (v.keyId) lines.push(`  Kunci/Key    : ${v.keyId}`);
  if (v.valid) {
    lines.push(
      '',
      'Status pencabutan hanya dapat diperiksa daring: buka /verify/<kode>.',
      'Revocation can only be checked online: open /verify/<code>.',
    );
  }
  return lines;
}
