import { TIME_ZONE } from '../../../i18n/format';

/** Today's date (YYYY-MM-DD) in WIB: evidence cannot be dated after it, as the api checks too. */
export function todayInWib(now: Date = new Date()): string {
  // en-CA formats a date as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
