/**
 * The Indonesian wording printed on a certificate (DOMAIN.md "Certificates"): JP in words,
 * dates, pangkat/golongan. Everything here is pure and deterministic.
 */

const UNITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
const SCALES: [number, string][] = [
  [1e12, 'triliun'],
  [1e9, 'miliar'],
  [1e6, 'juta'],
];

/** 1..999 in words; the "se-" forms (sepuluh, sebelas, seratus) are what people write. */
function below1000(n: number): string {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(UNITS[hundreds], 'ratus');
  if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest > 11 && rest < 20) words.push(UNITS[rest - 10], 'belas');
  else if (rest >= 20) {
    words.push(UNITS[Math.floor(rest / 10)], 'puluh');
    if (rest % 10) words.push(UNITS[rest % 10]);
  } else if (rest > 0) words.push(UNITS[rest]);
  return words.join(' ');
}

/**
 * A non-negative integer in Indonesian words ("terbilang"), up to 999 999 999 999 999:
 * 11 → "sebelas", 120 → "seratus dua puluh", 1000 → "seribu", 2021 → "dua ribu dua puluh satu".
 */
export function terbilang(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1e15) throw new RangeError(`terbilang: ${n} is not an integer in 0..999 999 999 999 999`);
  if (n === 0) return UNITS[0];
  const words: string[] = [];
  let rest = n;
  for (const [scale, name] of SCALES) {
    const count = Math.floor(rest / scale);
    if (count) words.push(below1000(count), name);
    rest %= scale;
  }
  const thousands = Math.floor(rest / 1000);
  if (thousands === 1) words.push('seribu');
  else if (thousands > 1) words.push(below1000(thousands), 'ribu');
  if (rest % 1000) words.push(below1000(rest % 1000));
  return words.join(' ');
}

/** "20 (dua puluh) jam pelajaran": JP as a number and in words, as certificates print it. */
export function jpText(jp: number): string {
  return `${jp} (${terbilang(jp)}) jam pelajaran`;
}

export const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

interface DayParts {
  y: number;
  m: number;
  d: number;
}

/**
 * Parses a calendar date `YYYY-MM-DD`. Dates are calendar days in Asia/Jakarta chosen by the
 * caller (see `jakartaDate` in @cakap/courses): an instant has no date until a time zone is picked.
 */
function parseDay(date: string): DayParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const parts = m && { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  const check = parts && new Date(Date.UTC(parts.y, parts.m - 1, parts.d));
  if (!parts || !check || check.getUTCMonth() !== parts.m - 1 || check.getUTCDate() !== parts.d) {
    throw new RangeError(`not a calendar date YYYY-MM-DD: ${date}`);
  }
  return parts;
}

/** '2026-11-28' → "28 November 2026" */
export function formatDateId(date: string): string {
  const { y, m, d } = parseDay(date);
  return `${d} ${MONTHS_ID[m - 1]} ${y}`;
}

/**
 * A course's dates, sharing what the two ends share: "28 November 2026" (one day),
 * "1 s.d. 28 November 2026", "28 Oktober s.d. 2 November 2026",
 * "30 Desember 2025 s.d. 2 Januari 2026". ("s.d." = sampai dengan, the usual form.)
 */
export function dateRangeId(start: string, end: string): string {
  const a = parseDay(start);
  const b = parseDay(end);
  if (start > end) throw new RangeError(`dateRangeId: ${start} is after ${end}`);
  if (start === end) return formatDateId(end);
  if (a.y !== b.y) return `${formatDateId(start)} s.d. ${formatDateId(end)}`;
  if (a.m !== b.m) return `${a.d} ${MONTHS_ID[a.m - 1]} s.d. ${formatDateId(end)}`;
  return `${a.d} s.d. ${formatDateId(end)}`;
}

/** PNS pangkat by golongan/ruang (PP 99/2000). */
const PANGKAT: Record<string, string> = {
  'I/a': 'Juru Muda',
  'I/b': 'Juru Muda Tingkat I',
  'I/c': 'Juru',
  'I/d': 'Juru Tingkat I',
  'II/a': 'Pengatur Muda',
  'II/b': 'Pengatur Muda Tingkat I',
  'II/c': 'Pengatur',
  'II/d': 'Pengatur Tingkat I',
  'III/a': 'Penata Muda',
  'III/b': 'Penata Muda Tingkat I',
  'III/c': 'Penata',
  'III/d': 'Penata Tingkat I',
  'IV/a': 'Pembina',
  'IV/b': 'Pembina Tingkat I',
  'IV/c': 'Pembina Utama Muda',
  'IV/d': 'Pembina Utama Madya',
  'IV/e': 'Pembina Utama',
};

/** PPPK golongan I–XVII (Perpres 98/2020): a grade without a pangkat name. */
const PPPK_GOLONGAN = /^(?:X{0,1}(?:IX|IV|V?I{0,3}))$/;

/**
 * What a certificate prints on its "Pangkat/Golongan" line, from the stored golongan:
 * PNS "III/a" → "Penata Muda (III/a)"; PPPK "IX" → "Golongan IX" (PPPK have a golongan but no
 * pangkat); empty or unrecognised → '' (the line stays empty rather than printing a guess).
 * Tolerates the usual ways people type it: "iii/a", "III-a", "III a", "III / A".
 */
export function pangkatOf(golongan: string | null | undefined): string {
  const raw = (golongan ?? '').trim().toUpperCase().replace(/\s+/g, '');
  if (!raw) return '';
  const pns = /^(IV|III|II|I)[/-]?([A-E])$/.exec(raw);
  if (pns) {
    const key = `${pns[1]}/${pns[2].toLowerCase()}`;
    return PANGKAT[key] ? `${PANGKAT[key]} (${key})` : '';
  }
  const pppk = raw.replace(/^GOLONGAN/, '');
  if (pppk && PPPK_GOLONGAN.test(pppk) && romanValue(pppk) <= 17) return `Golongan ${pppk}`;
  return '';
}

function romanValue(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const cur = v[s[i]];
    const next = v[s[i + 1]] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}
