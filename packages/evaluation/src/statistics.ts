import type { PrePostGain } from '@cakap/contracts';
import { LIKERT_MAX, LIKERT_MIN } from './answers';
import { MINIMUM_RESPONSES } from './summary';

/**
 * The arithmetic of the programme evaluation reports (levels 1–3 and the programme overview),
 * kept pure so every figure can be checked by hand. Postgres gathers the numbers (one
 * aggregate query per report); these functions turn them into the published figures.
 *
 * Conventions (contracts' reports.ts): a figure without data is null, never 0; percentages are
 * 0..100, fractions 0..1, Likert means 1..5.
 */

const round = (n: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};
/** Means and percentages as shown: two decimals. */
export const round2 = (n: number) => round(n, 2);
/** Rates and normalised gains are fractions: four decimals keep 0.1 of a percent exact. */
export const round4 = (n: number) => round(n, 4);

export function mean(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  return round2(xs.reduce((a, b) => a + b, 0) / xs.length);
}

/** The middle value; with an even count, the mean of the two middle values. */
export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return round2(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
}

/** `part / whole` as a fraction; null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? round4(part / whole) : null;
}

/** One learner's pre-test and post-test percentages. */
export interface ScorePair {
  pre: number;
  post: number;
}

/** A learner's gain in percentage points (negative when the post-test went worse). */
export const learnerGain = (p: ScorePair) => p.post - p.pre;

/**
 * Hake's class-average normalised gain ⟨g⟩ = (avgPost − avgPre) / (100 − avgPre): the share of
 * the possible improvement the class achieved. Undefined (null) when the class started at 100 %
 * (nothing left to gain) or there is no class.
 */
export function normalisedGain(averagePre: number | null, averagePost: number | null): number | null {
  if (averagePre === null || averagePost === null || averagePre >= 100) return null;
  return round4((averagePost - averagePre) / (100 - averagePre));
}

/**
 * One learner's level 2, for the course report's learner list: the gain post − pre in
 * percentage points and the individual normalised gain g = (post − pre) / (100 − pre), the
 * share of that learner's possible improvement achieved. Both null while a test is missing; g
 * also when the learner started at 100 %. The class figure ⟨g⟩ is NOT the mean of these (it is
 * taken from the class averages), so the list never averages them itself.
 */
export function individualGain(pre: number | null, post: number | null): { gain: number | null; normalisedGain: number | null } {
  if (pre === null || post === null) return { gain: null, normalisedGain: null };
  return { gain: round2(learnerGain({ pre, post })), normalisedGain: normalisedGain(pre, post) };
}

/**
 * Level 2 over the learners who took both tests. The averages are computed unrounded and
 * rounded only for display, so ⟨g⟩ does not inherit a rounding error.
 */
export function prePostGain(pairs: readonly ScorePair[]): PrePostGain {
  if (!pairs.length) return { learners: 0, averagePre: null, averagePost: null, averageGain: null, normalisedGain: null };
  const sum = (f: (p: ScorePair) => number) => pairs.reduce((a, p) => a + f(p), 0);
  const pre = sum((p) => p.pre) / pairs.length;
  const post = sum((p) => p.post) / pairs.length;
  return {
    learners: pairs.length,
    averagePre: round2(pre),
    averagePost: round2(post),
    averageGain: round2(sum(learnerGain) / pairs.length),
    normalisedGain: normalisedGain(pre, post),
  };
}

// ------------------------------------------------------------------ evaluation periods

export type PeriodKind = 'Q' | 'S';

/** A quarter or semester of the WIB calendar; `start` inclusive, `end` exclusive (UTC instants). */
export interface Period {
  key: string;
  kind: PeriodKind;
  year: number;
  index: number;
  start: Date;
  end: Date;
}

/** Western Indonesia Time is UTC+7 all year (no daylight saving). */
const WIB_OFFSET_HOURS = 7;
const PERIOD_KEY = /^(\d{4})-(Q[1-4]|S[12])$/;
const MONTHS_PER: Record<PeriodKind, number> = { Q: 3, S: 6 };

/** Midnight WIB of the first day of `month` (0-based; 12 rolls into the next year). */
const wibMidnight = (year: number, month: number) => new Date(Date.UTC(year, month, 1, -WIB_OFFSET_HOURS));

function period(kind: PeriodKind, year: number, index: number): Period {
  const months = MONTHS_PER[kind];
  return {
    key: `${year}-${kind}${index}`,
    kind,
    year,
    index,
    start: wibMidnight(year, (index - 1) * months),
    end: wibMidnight(year, index * months),
  };
}

/** `2026-Q4` → 1 Oct 2026 00:00 WIB (30 Sep 17:00 UTC) up to 1 Jan 2027 00:00 WIB; null when malformed. */
export function parsePeriod(key: string): Period | null {
  const m = PERIOD_KEY.exec(key);
  if (!m) return null;
  return period(m[2][0] as PeriodKind, Number(m[1]), Number(m[2].slice(1)));
}

/** The `count` periods of the same kind up to and including `p`, oldest first (for trends). */
export function periodsUpTo(p: Period, count: number): Period[] {
  const perYear = 12 / MONTHS_PER[p.kind];
  const out: Period[] = [];
  for (let back = count - 1; back >= 0; back--) {
    // Periods numbered from year 0 make stepping across a year boundary plain arithmetic.
    const n = p.year * perYear + (p.index - 1) - back;
    out.push(period(p.kind, Math.floor(n / perYear), (n % perYear) + 1));
  }
  return out;
}

// ------------------------------------------------------------------ strongest and weakest aspects

export type AspectKind = 'satisfaction' | 'followUp' | 'result';

/** A measured aspect of the programme and how much data it rests on (responses, learners, ASN). */
export interface AspectInput {
  key: string;
  kind: AspectKind;
  value: number | null;
  count: number;
}

export interface Aspect {
  key: string;
  kind: AspectKind;
  value: number;
  score: number;
}

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

/**
 * A comparable 0..1 score: a Likert mean (1..5) maps to (m − 1) / 4, so 1 → 0 and 5 → 1; rates
 * and gains are fractions already (a negative gain scores 0).
 */
export function aspectScore(kind: AspectKind, value: number): number {
  return round4(clamp01(kind === 'result' ? value : (value - LIKERT_MIN) / (LIKERT_MAX - LIKERT_MIN)));
}

/** At most this many aspects are named strongest, and as many weakest. */
export const RANKED_ASPECTS = 3;

/**
 * Scores the aspects with enough data (MINIMUM_RESPONSES responses, learners or ASN behind the
 * figure: fewer would name a person, and would not be a finding), best first; ties keep their
 * input order. The strongest are the top, the weakest the bottom (weakest first), at most three
 * each and never the same aspect in both: with n aspects each list has at most ⌊n / 2⌋.
 */
export function rankAspects(inputs: readonly AspectInput[]): { aspects: Aspect[]; strongest: Aspect[]; weakest: Aspect[] } {
  const aspects = inputs
    .filter((a): a is AspectInput & { value: number } => a.value !== null && a.count >= MINIMUM_RESPONSES)
    .map((a) => ({ key: a.key, kind: a.kind, value: a.value, score: aspectScore(a.kind, a.value) }));
  // Array.prototype.sort is stable, so equal scores stay in input order in both lists.
  const best = [...aspects].sort((a, b) => b.score - a.score);
  const worst = [...aspects].sort((a, b) => a.score - b.score);
  const k = Math.min(RANKED_ASPECTS, Math.floor(aspects.length / 2));
  return { aspects: best, strongest: best.slice(0, k), weakest: worst.slice(0, k) };
}
