import { formatNumber, validateNumberPattern } from '@cakap/certificates/numbering';

/**
 * The example under the number-pattern field ("0001/BKPSDMD-BH/XI/2026"), shown as the admin
 * types, by the same rules the worker numbers with (`@cakap/certificates/numbering`, the
 * browser-safe part of that package). Null while the pattern is not valid yet: the save and the
 * preview say why.
 */
export function patternExample(pattern: string, at: { year: number; month: number }, seq = 1): string | null {
  return validateNumberPattern(pattern).ok ? formatNumber(pattern, { seq, year: at.year, month: at.month, courseCode: 'PPP' }) : null;
}
