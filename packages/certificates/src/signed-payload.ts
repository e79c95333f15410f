import { parsePdfString } from './pdf-syntax';
import type { SignedPayload } from './render';

/**
 * The signed payload a certificate PDF carries (see renderCertificate), for offline checking
 * (`pnpm cakap cert:verify FILE.pdf`). Reads the LAST definition of each key, i.e. the newest
 * incremental update's. Null when the PDF carries none. It does not verify anything: check the
 * signature with verifyPayload and the key published under keyId.
 */
export function readSignedPayload(pdf: Uint8Array): SignedPayload | null {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const read = (key: string): string | null => {
    const at = bytes.lastIndexOf(`/${key}`);
    if (at < 0) return null;
    // The values are short strings; 64 KiB is far more than a payload needs.
    const window = bytes.subarray(at + key.length + 1, at + key.length + 1 + 65536).toString('latin1');
    return /^[\s(<]/.test(window) ? parsePdfString(window, 0) : null;
  };
  const payload = read('CakapPayload');
  const signature = read('CakapSignature');
  const keyId = read('CakapKeyId');
  return payload !== null && signature !== null && keyId !== null ? { payload, signature, keyId } : null;
}
