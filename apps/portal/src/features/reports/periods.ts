import { TIME_ZONE } from '../../i18n/format';

/** An evaluation period of the programme overview: a quarter `2026-Q4` or a semester `2026-S2` (WIB). */
export const PERIOD_PARTS = ['Q1', 'Q2', 'Q3', 'Q4', 'S1', 'S2'] as const;
export type PeriodPart = (typeof PERIOD_PARTS)[number];

const PERIOD = /^(\d{4})-(Q[1-4]|S[12])$/;

export function parsePeriod(value: string | null | undefined): { year: number; part: PeriodPart } | null {
  const m = value ? PERIOD.exec(value) : null;
  return m ? { year: Number(m[1]), part: m[2] as PeriodPart } : null;
}

/** The quarter `now` falls in, on the WIB calendar. */
export function currentPeriod(now: Date = new Date()): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', timeZone: TIME_ZONE })
    .format(now)
    .split('-')
    .map(Number);
  return `${year}-Q${Math.ceil(month! / 3)}`;
}

/** The years a picker offers: this one and `count - 1` before it, newest first. */
export function recentYears(thisYear: number, count = 6): number[] {
  return Array.from({ length: count }, (_, i) => thisYear - i);
}
