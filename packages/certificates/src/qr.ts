import QRCode from 'qrcode';
import { num } from './pdf-syntax';

export interface QrBox {
  x: number;
  y: number;
  size: number;
  /** "r g b" */
  color: string;
}

/** Light modules around the code inside its box; scanners need a quiet zone (4 is the spec's ideal, 2 reads fine on paper and screens). */
const QUIET_MODULES = 2;

/**
 * Two shortcuts that take a QR code from ~0.3 ms to ~0.02 ms of CPU (measured), out of a
 * certificate's sub-millisecond budget:
 * - the mask is fixed instead of chosen by scoring all eight (what `qrcode` does by default):
 *   any mask is valid; scoring only avoids patterns hard for old scanners, which a URL's data
 *   and error-correction bits rarely produce;
 * - the URL is one byte-mode segment instead of an optimised mix of modes (a graph search per
 *   call); for our lower-case URLs the mix saves a few bits, not a version.
 * The tests decode rendered codes for random verification codes with zbarimg.
 */
const MASK_PATTERN = 0;

/**
 * Operators drawing the QR code of `text` in its box: a white square (the quiet zone, whatever
 * the background) and the dark modules as filled rectangles, one per horizontal run, filled
 * with a single operator. A `cm` transform makes one module one unit, so the runs are written
 * as small integers (short and cheap). Error correction M survives a printed, slightly damaged copy.
 */
export function qrOps(box: QrBox, text: string): string {
  const { modules } = QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M', maskPattern: MASK_PATTERN });
  const n = modules.size;
  const data = modules.data;
  const m = box.size / (n + 2 * QUIET_MODULES);
  // Four decimals: two would drift by up to half a point across a 33-module code.
  const scale = String(Math.round(m * 1e4) / 1e4);
  const origin = `${num(box.x + QUIET_MODULES * m)} ${num(box.y + QUIET_MODULES * m)}`;
  let ops = `q 1 1 1 rg ${num(box.x)} ${num(box.y)} ${num(box.size)} ${num(box.size)} re f ${box.color} rg ${scale} 0 0 ${scale} ${origin} cm\n`;
  for (let row = 0; row < n; row++) {
    // Row 0 is the top; PDF's y axis points up.
    const y = n - 1 - row;
    let col = 0;
    while (col < n) {
      if (!data[row * n + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && data[row * n + col]) col++;
      ops += `${start} ${y} ${col - start} 1 re\n`;
    }
  }
  return ops + 'f Q\n';
}
