/**
 * Contrast of a colour against white paper, as WCAG 2.1 defines it (relative luminance).
 * Dependency-free so that the portal's editor warns with the same rule the schema enforces.
 */
export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** Text must stay legible when printed (WCAG 1.4.3: 4.5:1). */
export const MIN_TEXT_CONTRAST = 4.5;
/** Frames and rules are graphics (WCAG 1.4.11: 3:1). */
export const MIN_GRAPHIC_CONTRAST = 3;

function channel(hex: string): number {
  const c = Number.parseInt(hex, 16) / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** The contrast ratio of `#rrggbb` on white (1–21); NaN for anything else. */
export function contrastOnWhite(color: string): number {
  if (!HEX_COLOR.test(color)) return Number.NaN;
  const l = 0.2126 * channel(color.slice(1, 3)) + 0.7152 * channel(color.slice(3, 5)) + 0.0722 * channel(color.slice(5, 7));
  return 1.05 / (l + 0.05);
}
