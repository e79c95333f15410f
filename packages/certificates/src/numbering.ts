import { CERTIFICATE_MESSAGES } from '@cakap/contracts';

/**
 * Certificate number patterns (DOMAIN.md "Certificates": no national format, so the pattern is
 * configuration). A pattern is literal text with placeholders:
 *
 * - `{seq}` the per-template, per-year sequence kept by the database (gap-free), unpadded;
 *   `{seq:N}` zero-pads it to N digits (1–8). A sequence longer than N is printed in full,
 *   never truncated, so numbers stay unique.
 * - `{year}` the issue year (4 digits). `{seq}` and `{year}` are REQUIRED: the sequence
 *   restarts every year, so only the pair is unique.
 * - `{month}` 01–12, `{month-roman}` I–XII (the usual Indonesian letter numbering).
 * - `{course-code}` the course's code. Optional: when a course has no code the placeholder
 *   disappears together with ONE separator next to it (`/ - . _` or a space), so
 *   `{seq}/{course-code}/{year}` gives `0001/2026`, never `0001//2026`.
 *
 * Literal text is limited to printable ASCII without braces: numbers end up in file names
 * (the batch ZIP), SIASN exports and the PDF's embedded font.
 */

export type PatternCheck =
  | { ok: true }
  | { ok: false; code: (typeof CERTIFICATE_MESSAGES)[keyof typeof CERTIFICATE_MESSAGES]; params: Record<string, string> };

export interface NumberParts {
  seq: number;
  year: number;
  /** 1–12 */
  month: number;
  courseCode?: string | null;
}

const TOKEN = /\{([^{}]*)\}/g;
const SEQ_TOKEN = /^seq(?::([1-8]))?$/;
const SIMPLE_TOKENS = new Set(['year', 'month', 'month-roman', 'course-code']);
/** Printable ASCII minus the braces that delimit placeholders. */
const LITERAL = /^[\x20-\x7a|~]*$/;
const ROMAN_MONTHS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

export function validateNumberPattern(pattern: string): PatternCheck {
  let hasSeq = false;
  let hasYear = false;
  for (const m of pattern.matchAll(TOKEN)) {
    const name = m[1];
    if (SEQ_TOKEN.test(name)) hasSeq = true;
    else if (name === 'year') hasYear = true;
    else if (!SIMPLE_TOKENS.has(name)) return { ok: false, code: CERTIFICATE_MESSAGES.patternUnknown, params: { token: m[0] } };
  }
  const literal = pattern.replace(TOKEN, '');
  const stray = /[{}]/.exec(literal);
  if (stray) return { ok: false, code: CERTIFICATE_MESSAGES.patternUnknown, params: { token: stray[0] } };
  if (!LITERAL.test(literal)) return { ok: false, code: CERTIFICATE_MESSAGES.patternCharacters, params: {} };
  if (!hasSeq) return { ok: false, code: CERTIFICATE_MESSAGES.patternNoSeq, params: {} };
  if (!hasYear) return { ok: false, code: CERTIFICATE_MESSAGES.patternNoYear, params: {} };
  return { ok: true };
}

/** The number for one certificate. The pattern must have passed `validateNumberPattern`. */
export function formatNumber(pattern: string, parts: NumberParts): string {
  const courseCode = parts.courseCode?.trim() ?? '';
  const source = courseCode
    ? pattern
    : // Drop the placeholder with the separator before it, or after it when it leads the pattern.
      pattern.replace(/[/\-._ ]\{course-code\}/g, '').replace(/\{course-code\}[/\-._ ]?/g, '');
  return source.replace(TOKEN, (whole, name: string) => {
    const seq = SEQ_TOKEN.exec(name);
    if (seq) return String(parts.seq).padStart(Number(seq[1] ?? 1), '0');
    switch (name) {
      case 'year':
        return String(parts.year);
      case 'month':
        return String(parts.month).padStart(2, '0');
      case 'month-roman':
        return ROMAN_MONTHS[parts.month - 1];
      case 'course-code':
        return courseCode;
      default:
        throw new Error(`formatNumber: unvalidated pattern token ${whole}`);
    }
  });
}
