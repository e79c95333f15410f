import { useTranslation } from 'react-i18next';

/** "4 jam 30 menit" / "4 h 30 min"; '' when unknown. */
export function useFormatDuration() {
  const { t } = useTranslation();
  return (minutes: number | null | undefined): string => {
    if (minutes === null || minutes === undefined || minutes <= 0) return '';
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    if (h === 0) return t('duration.minutes', { m: String(m) });
    if (m === 0) return t('duration.hours', { h: String(h) });
    return t('duration.hoursMinutes', { h: String(h), m: String(m) });
  };
}

/** JP ranges of the catalogue filter (URL value → api bounds). */
export const JP_RANGES = {
  '1-2': { jpMin: 1, jpMax: 2 },
  '3-5': { jpMin: 3, jpMax: 5 },
  '6-10': { jpMin: 6, jpMax: 10 },
  '11-': { jpMin: 11, jpMax: undefined },
} as const;
export type JpRange = keyof typeof JP_RANGES;

export function isJpRange(v: string | null): v is JpRange {
  return v !== null && Object.prototype.hasOwnProperty.call(JP_RANGES, v);
}
