/**
 * The few pieces of PDF syntax the renderer writes by hand (see README.md: the per-certificate
 * step appends an incremental update instead of re-serialising the document with pdf-lib).
 */

/** A number as PDF content streams want it: at most two decimals, no exponent. */
export function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** "#rrggbb" → "r g b" in 0..1 (operands of rg/RG); black when absent or malformed. */
export function rgb(hex: string | undefined): string {
  const m = hex && /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '0 0 0';
  return [m[1], m[2], m[3]].map((h) => String(Math.round((parseInt(h, 16) / 255) * 1000) / 1000)).join(' ');
}

/**
 * A PDF text string: a literal `(...)` for printable ASCII, else UTF-16BE hex with a byte-order
 * mark (how PDF spells Unicode in metadata). The output is always ASCII.
 */
export function pdfString(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return `(${s.replace(/[\\()]/g, (c) => '\\' + c)})`;
  let hex = '<FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0');
  return hex + '>';
}

/** Reads back a string written by `pdfString` (or any literal/hex PDF string) starting at `from`. */
export function parsePdfString(src: string, from: number): string | null {
  let i = from;
  while (i < src.length && /\s/.test(src[i])) i++;
  if (src[i] === '<') {
    const end = src.indexOf('>', i);
    if (end < 0) return null;
    const hex = src.slice(i + 1, end).replace(/\s/g, '');
    const bytes = Buffer.from(hex.length % 2 ? hex + '0' : hex, 'hex');
    return decodeTextBytes(bytes);
  }
  if (src[i] !== '(') return null;
  let out = '';
  let depth = 0;
  for (i++; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      const next = src[++i];
      const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
      if (/[0-7]/.test(next)) {
        const oct = /^[0-7]{1,3}/.exec(src.slice(i))![0];
        out += String.fromCharCode(parseInt(oct, 8));
        i += oct.length - 1;
      } else out += escapes[next] ?? next;
    } else if (c === '(') {
      depth++;
      out += c;
    } else if (c === ')') {
      if (depth === 0) return decodeTextBytes(Buffer.from(out, 'latin1'));
      depth--;
      out += c;
    } else out += c;
  }
  return null;
}

function decodeTextBytes(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const body = Buffer.from(bytes.subarray(2));
    if (body.length % 2 === 0) return body.swap16().toString('utf16le');
  }
  return bytes.toString('latin1');
}
