import type { CertificateField } from '@cakap/plugin-sdk';
import { textOps } from './glyphs';
import { pdfString } from './pdf-syntax';
import { qrOps } from './qr';
import type { PreparedTemplate } from './template';

/** What a certificate carries to be checked offline: the canonical payload, its signature and key. */
export interface SignedPayload {
  payload: string;
  signature: string;
  keyId: string;
}

export type CertificateFieldValues = Record<CertificateField, string>;

/** One 20-byte entry of a classic xref table. */
function xrefEntry(offset: number, generation = 0): string {
  return `${String(offset).padStart(10, '0')} ${String(generation).padStart(5, '0')} n \n`;
}

/**
 * One certificate: the template's bytes plus an incremental update (PDF 32000-1 §7.5.6) holding
 * only what varies. The update adds a content stream (variable text and the QR code), redefines
 * the page so its /Contents is [static, variable], adds an Info dictionary with the signed
 * payload (/CakapPayload, /CakapSignature, /CakapKeyId), and ends with an xref section and a
 * trailer pointing back at the template's (/Prev). Nothing of the template is re-serialised,
 * which is what keeps a certificate well under a millisecond.
 */
export function renderCertificate(prepared: PreparedTemplate, fields: CertificateFieldValues, signed: SignedPayload): Uint8Array {
  return Buffer.concat(renderCertificateParts(prepared, fields, signed));
}

/**
 * The same PDF as two chunks, the template's bytes (shared by every certificate of the template:
 * never modify them) and the certificate's update, for writers that take a stream
 * (`Readable.from(parts)` into FileStorage.put) and so need not copy the template each time.
 */
export function renderCertificateParts(prepared: PreparedTemplate, fields: CertificateFieldValues, signed: SignedPayload): [Buffer, Buffer] {
  let content = 'q\n';
  for (const text of prepared.texts) {
    let value = '';
    for (const part of text.parts) value += typeof part === 'string' ? part : (fields[part.field] ?? '');
    content += textOps(text.style, value);
  }
  // No URL, no code (a preview may leave it out); an empty QR would not scan anyway.
  if (fields.verifyUrl) for (const box of prepared.qrs) content += qrOps(box, fields.verifyUrl);
  content += 'Q\n';

  const base = prepared.bytes.length;
  const page = prepared.pageRef;
  const contentNum = prepared.nextObjectNumber;
  const infoNum = contentNum + 1;

  // Everything written here is ASCII (non-ASCII text is hex), so string length = byte length.
  let tail = '\n';
  const contentAt = base + tail.length;
  tail += `${contentNum} 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n`;
  const pageAt = base + tail.length;
  tail += `${page.objectNumber} ${page.generation} obj\n${prepared.pageDictHead}/Contents [${prepared.staticContents} ${contentNum} 0 R]\n>>\nendobj\n`;
  const infoAt = base + tail.length;
  tail +=
    `${infoNum} 0 obj\n<< /Title ${pdfString(`Sertifikat ${fields.number}`)} /Producer (Cakap)` +
    ` /CakapPayload ${pdfString(signed.payload)} /CakapSignature ${pdfString(signed.signature)} /CakapKeyId ${pdfString(signed.keyId)} >>\nendobj\n`;
  const xrefAt = base + tail.length;
  tail +=
    `xref\n${page.objectNumber} 1\n${xrefEntry(pageAt, page.generation)}` +
    `${contentNum} 2\n${xrefEntry(contentAt)}${xrefEntry(infoAt)}` +
    `trailer\n<< /Size ${infoNum + 1} /Root ${prepared.rootRef} /Info ${infoNum} 0 R /Prev ${prepared.prevXref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;

  return [prepared.bytes, Buffer.from(tail, 'latin1')];
}
