import type { LevelDefinition } from '@cakap/contracts';

/**
 * The levels editor's working copy. A level's number is its place in the list (1, 2, …), so
 * removing a level renumbers those after it and the levels stay contiguous, as the api requires.
 */
export interface LevelDraft {
  description: string;
  indicators: string[];
}

export const fromLevels = (levels: readonly LevelDefinition[]): LevelDraft[] =>
  [...levels].sort((a, b) => a.level - b.level).map((l) => ({ description: l.description, indicators: [...l.indicators] }));

/** What the api takes: numbered levels; blank indicator rows (added but never filled) are left out. */
export const toLevels = (drafts: readonly LevelDraft[]): LevelDefinition[] =>
  drafts.map((d, i) => ({
    level: i + 1,
    description: d.description.trim(),
    indicators: d.indicators.map((x) => x.trim()).filter(Boolean),
  }));

/** A new level can be added while the framework's scale has room. */
export const canAddLevel = (drafts: readonly LevelDraft[], scaleMax: number) => drafts.length < scaleMax;

export const addLevel = (drafts: readonly LevelDraft[]): LevelDraft[] => [...drafts, { description: '', indicators: [] }];

export const removeLevel = (drafts: readonly LevelDraft[], index: number): LevelDraft[] => drafts.filter((_, i) => i !== index);

export const setDescription = (drafts: readonly LevelDraft[], index: number, description: string): LevelDraft[] =>
  drafts.map((d, i) => (i === index ? { ...d, description } : d));

export const addIndicator = (drafts: readonly LevelDraft[], index: number): LevelDraft[] =>
  drafts.map((d, i) => (i === index ? { ...d, indicators: [...d.indicators, ''] } : d));

export const setIndicator = (drafts: readonly LevelDraft[], index: number, at: number, text: string): LevelDraft[] =>
  drafts.map((d, i) => (i === index ? { ...d, indicators: d.indicators.map((x, j) => (j === at ? text : x)) } : d));

export const removeIndicator = (drafts: readonly LevelDraft[], index: number, at: number): LevelDraft[] =>
  drafts.map((d, i) => (i === index ? { ...d, indicators: d.indicators.filter((_, j) => j !== at) } : d));
