import type { PDFFont } from 'pdf-lib';
import { num } from './pdf-syntax';

/**
 * Text on the certificate, encoded by our own per-character table instead of PDFFont.encodeText
 * at render time. Two reasons: the font subset is frozen once the template is saved (a glyph
 * first met while rendering a certificate would not be in the file), and fontkit's shaping may
 * turn "fi" into a ligature glyph that the subset does not hold. So the template embeds a fixed
 * character set, and each character maps to its subset glyph id and advance width.
 */

/**
 * What Indonesian names and text need: ASCII, Latin-1 Supplement, Latin Extended-A (Éndah,
 * Łukasz, Şahin...) and typographic punctuation (’ ‘ “ ” – — … • ′ ″ €).
 */
export const CERTIFICATE_CHARSET: string = (() => {
  let s = '';
  for (let c = 0x20; c <= 0x7e; c++) s += String.fromCharCode(c);
  for (let c = 0xa0; c <= 0x17f; c++) s += String.fromCharCode(c);
  return s + '\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u2022\u2032\u2033\u20ac\u2122';
})();

interface Glyph {
  /** The subset glyph id, four hex digits (Identity-H). */
  hex: string;
  /** Advance width in 1/1000 of the font size. */
  width: number;
}

export interface FontEncoding {
  /** Its name in the page's /Font resources, e.g. "/F1". */
  resource: string;
  glyphs: Map<number, Glyph>;
}

/** Fixes the subset of an embedded font to the charset; call before the document is saved. */
export function encodeCharset(font: PDFFont, resource: string): FontEncoding {
  const glyphs = new Map<number, Glyph>();
  for (const ch of CERTIFICATE_CHARSET) {
    const hex = font.encodeText(ch).asString();
    // Glyph 0 is .notdef: the font has no such character (the fallback below handles it).
    if (hex.length === 4 && hex !== '0000') glyphs.set(ch.codePointAt(0)!, { hex, width: font.widthOfTextAtSize(ch, 1000) });
  }
  return { resource, glyphs };
}

/**
 * The glyph for one character: itself when the subset has it, else its base letter (NFKD: "ǅ"
 * → "D", "ấ" → "a"), else "?". Line breaks and tabs become spaces.
 */
function glyphOf(font: FontEncoding, cp: number): Glyph {
  const own = font.glyphs.get(cp < 0x20 ? 0x20 : cp);
  if (own) return own;
  const base = String.fromCodePoint(cp).normalize('NFKD').codePointAt(0)!;
  return font.glyphs.get(base) ?? font.glyphs.get(0x3f)!;
}

export interface TextStyle {
  font: FontEncoding;
  size: number;
  x: number;
  y: number;
  /** "r g b" */
  color: string;
  align: 'left' | 'center' | 'right';
  maxWidth?: number;
  spacing: number;
}

/** The smallest a long value may shrink to fit maxWidth (CertificateElement text docs). */
const MIN_SHRINK = 0.6;

/** Content-stream operators drawing one line of text; '' for an empty value. */
export function textOps(style: TextStyle, value: string): string {
  let hex = '';
  let units = 0;
  let count = 0;
  for (const ch of value.normalize('NFC')) {
    const g = glyphOf(style.font, ch.codePointAt(0)!);
    hex += g.hex;
    units += g.width;
    count++;
  }
  if (count === 0) return '';
  const widthAt = (size: number) => (units * size) / 1000 + style.spacing * (count - 1);
  let size = style.size;
  let width = widthAt(size);
  if (style.maxWidth && width > style.maxWidth) {
    size = Math.max(size * (style.maxWidth / width), size * MIN_SHRINK);
    width = widthAt(size);
  }
  const x = style.align === 'center' ? style.x - width / 2 : style.align === 'right' ? style.x - width : style.x;
  // Tc is text state that outlives ET: set it on every element, or a title's letter spacing
  // spreads to everything drawn after it.
  const spacing = `${num(style.spacing)} Tc `;
  return `BT ${style.font.resource} ${num(size)} Tf ${style.color} rg ${spacing}${num(x)} ${num(style.y)} Td <${hex}> Tj ET\n`;
}
