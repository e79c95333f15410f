import type { LearnerViewContext } from '@cakap/plugin-sdk';
import { deriveSeed, mulberry32, shuffleWith } from './random';

/**
 * Drawing and ordering the questions of an attempt, as pure functions of its seed: the same
 * seed always gives the same questions in the same order with the same option order, so a
 * reload (or another api process) shows exactly the same quiz.
 */

/** One question of an attempt, fixed at start (stored in quiz_attempts.items). */
export interface AttemptItemRef {
  slot: number;
  questionId: string;
  /** The immutable version drawn: later edits never change this attempt. */
  versionId: string;
  points: number;
}

export interface DrawCandidate {
  questionId: string;
  versionId: string;
  points: number;
}

/**
 * `count` questions of a pool, chosen with the seed. The pool is sorted by id first, so the
 * draw does not depend on the order the database returned it in. Null when the pool is too small.
 */
export function drawQuestions<T extends { questionId: string }>(pool: readonly T[], count: number, seed: number): T[] | null {
  if (pool.length < count) return null;
  const sorted = [...pool].sort((a, b) => (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0));
  return shuffleWith(sorted, mulberry32(deriveSeed(seed, 'draw'))).slice(0, count);
}

/** Numbers the questions (slots 0..n-1), in the seed's order when the quiz shuffles questions. */
export function orderItems(questions: readonly DrawCandidate[], seed: number, shuffleQuestions: boolean): AttemptItemRef[] {
  const ordered = shuffleQuestions ? shuffleWith(questions, mulberry32(deriveSeed(seed, 'questions'))) : [...questions];
  return ordered.map((q, slot) => ({ slot, questionId: q.questionId, versionId: q.versionId, points: q.points }));
}

/**
 * The context a question type's `toLearnerView` gets for one slot: its own generator
 * (`options:<slot>`), fresh on every call, so the options' order is the same on every reload
 * and does not move when another question is added.
 */
export function learnerViewContext(seed: number, slot: number, shuffleOptions: boolean): LearnerViewContext {
  const next = mulberry32(deriveSeed(seed, `options:${slot}`));
  return {
    shuffleOptions,
    // Always a real shuffle: a type whose order is the key (ordering, matching) needs it even
    // when the quiz keeps options in place; the others check `shuffleOptions` themselves.
    shuffle: <T>(items: readonly T[]): T[] => shuffleWith(items, next),
  };
}
