import { normalizeNip } from '@cakap/contracts';

/** A pasted or uploaded line that holds no 18-digit NIP (1-based line number, as the admin sees it). */
export interface RejectedLine {
  line: number;
  text: string;
}

export interface NipList {
  /** Distinct NIPs, in the order first seen. */
  nips: string[];
  /** How many lines repeated a NIP already listed (ignored, as the api would). */
  duplicates: number;
  rejected: RejectedLine[];
}

const NIP = /^\d{18}$/;

/**
 * Reads the NIP list an admin pastes or uploads (.txt: one per line; .csv: any column, other
 * cells such as names ignored). A NIP may be typed in its printed groups ("19900320 201503 1
 * 003"). A first line without digits is a header. Every other line without a NIP is shown
 * before sending, so a typo is fixed instead of becoming a failed item.
 */
export function parseNipList(text: string): NipList {
  const nips: string[] = [];
  const seen = new Set<string>();
  const rejected: RejectedLine[] = [];
  let duplicates = 0;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const found = line
      .split(/[,;\t|]/)
      .map((cell) => normalizeNip(cell.replace(/^["']|["']$/g, '').replace(/['"]/g, '')))
      .filter((cell) => NIP.test(cell));
    if (found.length === 0) {
      const isHeader = nips.length === 0 && rejected.length === 0 && !/\d/.test(line);
      if (!isHeader) rejected.push({ line: i + 1, text: line });
      return;
    }
    for (const nip of found) {
      if (seen.has(nip)) duplicates++;
      else {
        seen.add(nip);
        nips.push(nip);
      }
    }
  });
  return { nips, duplicates, rejected };
}
