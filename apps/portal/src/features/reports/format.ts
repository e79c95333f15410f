import type { Lang } from '@cakap/contracts';
import { TIME_ZONE } from '../../i18n/format';

/**
 * Figures of the reports in the UI language's notation. The api sends fractions for rates and
 * shares (0..1) and null for a figure that cannot be computed; null reads "—", never 0.
 */
export const NONE = '—';

const locale = (lang: Lang) => (lang === 'en' ? 'en-US' : 'id-ID');

/** 0.6667 → "66,7%" (id) / "66.7%" (en). */
export function formatPercent(fraction: number | null | undefined, lang: Lang): string {
  if (fraction === null || fraction === undefined) return NONE;
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/** A number rounded to at most `digits` decimals: 4.25 → "4,3" (id), 2 → "2". */
export function formatDecimal(value: number | null | undefined, lang: Lang, digits = 1): string {
  if (value === null || value === undefined) return NONE;
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(value);
}

/** A count: 1234 → "1.234" (id). */
export function formatCount(value: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang)).format(value);
}

/** A gain in percentage points with its sign: 12.5 → "+12,5". */
export function formatSigned(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return NONE;
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
}

/** Hake's bands for the normalised gain ⟨g⟩: low below 0.3, medium to 0.7, high from 0.7. */
export function gainLevel(g: number | null): 'low' | 'medium' | 'high' | null {
  if (g === null) return null;
  if (g < 0.3) return 'low';
  if (g < 0.7) return 'medium';
  return 'high';
}

/** "2026-11" (the api's WIB month) → "Nov 2026". */
export function formatMonth(month: string, lang: Lang): string {
  const [year, m] = month.split('-').map(Number);
  if (!year || !m) return month;
  // Mid-month at noon UTC stays in the same month in WIB.
  const date = new Date(Date.UTC(year, m - 1, 15, 12));
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { month: 'short', year: 'numeric', timeZone: TIME_ZONE }).format(date);
}
