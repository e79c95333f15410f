import { Badge, createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// A deep Batanghari blue; shades 6+ keep white text at WCAG AA contrast and stay AA as text on white.
const cakap: MantineColorsTuple = [
  '#e7f4fb',
  '#cfe6f4',
  '#9dcbe8',
  '#67aedb',
  '#3b95d0',
  '#1d82c4',
  '#0b6aaf',
  '#005e9d',
  '#00518a',
  '#00426f',
];

export const theme = createTheme({
  primaryColor: 'cakap',
  primaryShade: 7,
  colors: { cakap },
  defaultRadius: 'md',
  focusRing: 'auto',
  respectReducedMotion: true,
  cursorType: 'pointer',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '700' },
  components: {
    // Short status words must not shrink to "Ak…" in narrow table columns.
    Badge: Badge.extend({ styles: { root: { minWidth: 'max-content' } } }),
  },
});

/** Dimmed text and error text darker than Mantine's defaults, for 4.5:1 contrast. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': '#6b7280',
  },
  dark: {},
});

/** Colours for status text and outline badges that keep 4.5:1 on white and on striped rows. */
export const statusColors = {
  success: '#1b5e20',
  warning: '#a63c06',
  danger: 'red.9',
  neutral: 'gray.7',
} as const;
