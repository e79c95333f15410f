/**
 * The heat map's colour scale. One hue, lighter to darker as more ASN meet the standard, so it
 * reads without telling red from green; each step carries the text colour that keeps WCAG AA
 * contrast (4.5:1) on it. The colour only supports the figures printed in every cell.
 */
export interface HeatStep {
  /** The lower bound of the step, in percent (inclusive). */
  from: number;
  /** The upper bound, in percent (exclusive, except the last step's 100). */
  to: number;
  background: string;
  text: string;
}

const DARK_TEXT = '#1a1b1e';
const LIGHT_TEXT = '#ffffff';

export const HEAT_STEPS: readonly HeatStep[] = [
  { from: 0, to: 20, background: '#f1f7fc', text: DARK_TEXT },
  { from: 20, to: 40, background: '#cfe6f4', text: DARK_TEXT },
  { from: 40, to: 60, background: '#8fc3e5', text: DARK_TEXT },
  { from: 60, to: 80, background: '#0b6aaf', text: LIGHT_TEXT },
  { from: 80, to: 100, background: '#00426f', text: LIGHT_TEXT },
];

/** The step of a share (0..1); out-of-range values are clamped. */
export function heatStep(share: number): HeatStep {
  const percent = Math.min(100, Math.max(0, share * 100));
  return HEAT_STEPS.find((s) => percent < s.to) ?? HEAT_STEPS[HEAT_STEPS.length - 1];
}

/** "67%": whole percent, but never a full 100% while someone still falls short. */
export function percentLabel(share: number): string {
  const clamped = Math.min(1, Math.max(0, share));
  const percent = Math.round(clamped * 100);
  return `${clamped < 1 ? Math.min(99, percent) : 100}%`;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2.1 relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = m.slice(1).map((h) => channel(parseInt(h, 16)));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio of two colours (1..21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
