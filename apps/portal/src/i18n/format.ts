import type { Lang } from '@cakap/contracts';

/** Times are shown in WIB (Asia/Jakarta), the regency's time zone. */
export const TIME_ZONE = 'Asia/Jakarta';

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'id-ID');

/** "28 November 2026" (both languages use day-month-year). */
export function formatDate(value: string | Date | null | undefined, lang: Lang): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(locale(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: TIME_ZONE,
  }).format(d);
}

/** "28 November 2026, 08.15 WIB". */
export function formatDateTime(value: string | Date | null | undefined, lang: Lang): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '';
  const time = new Intl.DateTimeFormat(locale(lang), {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: TIME_ZONE,
  }).format(d);
  return `${formatDate(d, lang)}, ${time} WIB`;
}

/** 1.234,5 in Indonesian, 1,234.5 in English. */
export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'id-ID').format(value);
}

/** The current year in WIB. */
export function currentYear(now: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: TIME_ZONE }).format(now));
}

/** "28 November 2026 14.05 WIB" (version history, review timeline). */
export function formatStamp(value: string | Date | null | undefined, lang: Lang): string {
  return formatDateTime(value, lang).replace(/, (?=\d)/, ' ');
}
