import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CertificateFont } from '@cakap/plugin-sdk';

/** The TrueType bytes of each font a template may use (DejaVu: wide Latin coverage, free licence). */
export type CertificateFonts = Record<CertificateFont, Uint8Array>;

const FILES: Record<CertificateFont, string> = {
  serif: 'DejaVuSerif.ttf',
  'serif-bold': 'DejaVuSerif-Bold.ttf',
  sans: 'DejaVuSans.ttf',
  'sans-bold': 'DejaVuSans-Bold.ttf',
  'sans-italic': 'DejaVuSans-Oblique.ttf',
};

let loaded: CertificateFonts | undefined;

/** Reads the DejaVu TTFs from the dejavu-fonts-ttf package, once per process. */
export function loadCertificateFonts(): CertificateFonts {
  if (!loaded) {
    const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    const read = (f: CertificateFont) => new Uint8Array(readFileSync(join(dir, FILES[f])));
    loaded = {
      serif: read('serif'),
      'serif-bold': read('serif-bold'),
      sans: read('sans'),
      'sans-bold': read('sans-bold'),
      'sans-italic': read('sans-italic'),
    };
  }
  return loaded;
}
