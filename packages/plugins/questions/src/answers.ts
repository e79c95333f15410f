/**
 * The pure rules of answers that both sides need: the server grades with them and the portal
 * shows the same judgement in review and while typing. No imports, so the portal bundle
 * stays free of zod schemas and the HTML sanitiser.
 */

/**
 * How a typed answer is compared. Always: Unicode NFKC (full-width letters, ligatures and the
 * like become plain ones), typographic quotes and dashes that phone keyboards insert become
 * ASCII ones, zero-width characters go, surrounding white space goes and inner runs of it
 * become one space.
 * Unless the question is case sensitive, also: diacritics are folded (NFD, combining marks
 * stripped: `Éndah` is `endah`), letters are lower-cased and a trailing full stop, question or
 * exclamation mark goes (keyboards that add ". " after a double space). A case-sensitive
 * question compares letters exactly, accents included: it is for codes and proper spellings.
 */
export function normalizeShortAnswer(text: string, caseSensitive: boolean): string {
  let s = text
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/gu, ' ')
    .trim();
  if (!caseSensitive) {
    s = s
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .normalize('NFC')
      .toLowerCase()
      .replace(/\s*[.!?]+$/u, '');
  }
  return s;
}

/** Whether a typed answer is one of the accepted ones (an empty answer never is). */
export function isAccepted(answer: string, accepted: readonly string[], caseSensitive: boolean): boolean {
  const given = normalizeShortAnswer(answer, caseSensitive);
  return given !== '' && accepted.some((a) => normalizeShortAnswer(a, caseSensitive) === given);
}

/**
 * A number as a learner types it: an optional sign (the Unicode minus too), digits, and one
 * decimal separator, `,` (Indonesian: `3,5`) or `.`. No thousands separators, no exponent, no
 * spaces inside: `1.000` is one, not a thousand, so the field hint asks for plain digits.
 * Returns null when the text is not such a number.
 */
export function parseNumber(text: string): number | null {
  const s = text.trim().replace(/^\u2212/, '-');
  if (s.length > 40 || !/^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/.test(s)) return null;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/** Whether a number is within `expected ± tolerance`. */
export function isWithin(value: number, expected: number, tolerance: number): boolean {
  if (!Number.isFinite(value)) return false;
  // Binary floating point: 3.15 − 3.14 is 0.01000000000000023, so the boundary gets a hair of slack.
  const slack = 1e-9 * Math.max(1, Math.abs(expected), tolerance);
  return Math.abs(value - expected) <= tolerance + slack;
}

/**
 * The id a learner sees for a text whose identity would otherwise give the key away: the right-
 * hand options of matching and the items of ordering. It is a hash of the text itself (two
 * 32-bit FNV-1a with different offsets): learners already see the text, so the id tells them
 * nothing more. Stored ids would: GIFT import numbers ordering items i1, i2, ... in the right
 * order, and a right option carrying its pair's id would name the pair.
 */
export function textId(text: string): string {
  const t = text.trim();
  const fnv = (offset: number) => {
    let h = offset;
    for (let i = 0; i < t.length; i++) {
      h ^= t.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return (h >>> 0).toString(36).padStart(7, '0');
  };
  return `r${fnv(0x811c9dc5)}${fnv(0x9e3779b9)}`;
}

/** Words as a learner would count them (runs of non-space characters). */
export function countWords(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}

/**
 * Items in an order that depends on their texts only, never on the order the author gave:
 * what a learner view starts from before the attempt's shuffle, so that even a shuffle that
 * changes nothing cannot show the key.
 */
export function byTextId<T>(items: readonly T[], text: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, id: textId(text(item)) }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ item }) => item);
}
