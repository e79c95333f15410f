import { describe, expect, it } from 'vitest';
import { levelsSchema } from '@cakap/contracts';
import {
  addIndicator,
  addLevel,
  canAddLevel,
  fromLevels,
  removeIndicator,
  removeLevel,
  setDescription,
  setIndicator,
  toLevels,
} from './levelsDraft';

describe('levels editor', () => {
  it('numbers levels by their place and renumbers after a removal', () => {
    let drafts = addLevel(addLevel(addLevel([])));
    drafts = setDescription(drafts, 0, 'Dasar');
    drafts = setDescription(drafts, 1, 'Menengah');
    drafts = setDescription(drafts, 2, 'Mahir');
    drafts = removeLevel(drafts, 1);
    expect(toLevels(drafts)).toEqual([
      { level: 1, description: 'Dasar', indicators: [] },
      { level: 2, description: 'Mahir', indicators: [] },
    ]);
    expect(levelsSchema.safeParse(toLevels(drafts)).success).toBe(true);
  });

  it('edits indicators of one level only and drops blank rows', () => {
    let drafts = addLevel(addLevel([]));
    drafts = setDescription(setDescription(drafts, 0, 'a'), 1, 'b');
    drafts = addIndicator(addIndicator(addIndicator(drafts, 1), 1), 1);
    drafts = setIndicator(drafts, 1, 0, ' Menjelaskan ');
    drafts = setIndicator(drafts, 1, 2, 'Menerapkan');
    expect(drafts[0].indicators).toEqual([]);
    expect(toLevels(drafts)[1].indicators).toEqual(['Menjelaskan', 'Menerapkan']);
    drafts = removeIndicator(drafts, 1, 0);
    expect(drafts[1].indicators).toEqual(['', 'Menerapkan']);
  });

  it('reads levels in order and copies them (no shared arrays)', () => {
    const levels = [
      { level: 2, description: 'b', indicators: ['y'] },
      { level: 1, description: 'a', indicators: ['x'] },
    ];
    const drafts = fromLevels(levels);
    expect(drafts.map((d) => d.description)).toEqual(['a', 'b']);
    setIndicator(drafts, 0, 0, 'changed');
    drafts[0].indicators.push('z');
    expect(levels[1].indicators).toEqual(['x']);
  });

  it('stops at the framework scale', () => {
    const drafts = addLevel(addLevel([]));
    expect(canAddLevel(drafts, 3)).toBe(true);
    expect(canAddLevel(addLevel(drafts), 3)).toBe(false);
  });
});
