import type { CompetencyKind, PositionKind } from '@cakap/contracts';

/**
 * The typical required manajerial level of each position class (DOMAIN.md): Pelaksana 1,
 * Pengawas 2, Administrator 3, JPT Pratama 4. Fungsional positions are not in that list; their
 * standards vary by jenjang, so the default is 2 (ahli pertama/muda) and admins set the rest.
 * The same levels are the default for sosial kultural (Perekat Bangsa). Teknis competencies
 * have no class default: each position's standard names them.
 */
export const DEFAULT_LEVEL_BY_POSITION_KIND: Record<PositionKind, number> = {
  pelaksana: 1,
  fungsional: 2,
  pengawas: 2,
  administrator: 3,
  jpt: 4,
};

/** The class default for a competency of this kind, or null when the kind has none. */
export function defaultRequiredLevel(positionKind: PositionKind, competencyKind: CompetencyKind, maxLevel: number): number | null {
  if (competencyKind === 'teknis') return null;
  return Math.min(DEFAULT_LEVEL_BY_POSITION_KIND[positionKind], maxLevel);
}
