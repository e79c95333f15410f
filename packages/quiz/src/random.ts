/**
 * Seeded randomness for attempts: the question order, the options' order and a random draw
 * are functions of the attempt's seed, so a reload (or another server) shows exactly the same
 * quiz. mulberry32: tiny, fast and well distributed for shuffling (not for secrets).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with the given generator; returns a new array. */
export function shuffleWith<T>(items: readonly T[], next: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * A sub-seed for one purpose (question order, options of slot n...), so adding a question does
 * not reshuffle the options of the others. FNV-1a of the label mixed into the seed.
 */
export function deriveSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A fresh seed for a new attempt (a signed 32-bit int fits Postgres `int`). */
export function newSeed(): number {
  return (Math.random() * 0x7fffffff) | 0;
}
