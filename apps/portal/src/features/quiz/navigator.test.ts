import { describe, expect, it } from 'vitest';
import { isAnswered, navigatorItems, openQuestions } from './navigator';

describe('question navigator', () => {
  it('knows what counts as an answer', () => {
    expect(isAnswered(undefined)).toBe(false);
    expect(isAnswered(null)).toBe(false);
    expect(isAnswered('   ')).toBe(false);
    expect(isAnswered([])).toBe(false);
    expect(isAnswered({ choice: null })).toBe(false);
    expect(isAnswered({ text: '' })).toBe(false);
    expect(isAnswered({ choice: 'b' })).toBe(true);
    expect(isAnswered({ choices: ['a'] })).toBe(true);
    expect(isAnswered({ value: 0 })).toBe(true);
    expect(isAnswered({ value: false })).toBe(true);
    expect(isAnswered({ pairs: { a: null, b: '2' } })).toBe(true);
  });

  it('marks each question answered, flagged and current, numbered in attempt order', () => {
    const items = navigatorItems([0, 1, 2], { 0: { choice: 'a' }, 2: { text: '' } }, { 1: true }, 1);
    expect(items).toEqual([
      { slot: 0, number: 1, answered: true, flagged: false, current: false },
      { slot: 1, number: 2, answered: false, flagged: true, current: true },
      { slot: 2, number: 3, answered: false, flagged: false, current: false },
    ]);
    expect(openQuestions(items)).toEqual({ unanswered: [2, 3], flagged: [2] });
  });
});
