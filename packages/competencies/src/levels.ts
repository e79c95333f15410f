import type { LevelDefinition } from '@cakap/contracts';

/** The highest defined level of a competency (0 for a grouping node without levels). */
export function maxLevelOf(levels: readonly LevelDefinition[]): number {
  return levels.reduce((max, l) => Math.max(max, l.level), 0);
}

/** Levels above the framework's scale, which the framework must refuse. */
export function levelsAboveScale(levels: readonly LevelDefinition[], scaleMax: number): number[] {
  return levels.filter((l) => l.level > scaleMax).map((l) => l.level);
}
