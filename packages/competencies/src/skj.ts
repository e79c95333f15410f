import type { CompetencyKind } from '@cakap/contracts';
import { derivedCompetencyIdentifier, type FrameworkDocument } from './import';

// The national dictionary (PermenPAN-RB 38/2017), a copy of ../shared/data/skj-kamus-kompetensi.json.
import skjData from './data/skj-kamus-kompetensi.json';

/** The shape of the national dictionary's data file. */
export interface SkjDictionaryJson {
  framework: string;
  source: string;
  scale: { min: number; max: number };
  competencies: {
    code: string;
    name: string;
    group: Extract<CompetencyKind, 'manajerial' | 'sosial_kultural'>;
    definition: string;
    levels: { level: number; description: string; indicators: string[] }[];
  }[];
}

/**
 * The CASE identifier of the SKJ dictionary. Fixed, so that the seed finds the framework it
 * created before and an export of it re-imports as the same framework on any instance.
 */
export const SKJ_FRAMEWORK_IDENTIFIER = '57d21735-ac01-436c-a365-4f74f11ef5cd';

/**
 * The kamus kompetensi manajerial and sosial kultural (PermenPAN-RB 38/2017) as a published
 * framework: one flat list in the dictionary's order, each competency's identifier derived from
 * its code (the same identifiers an import of a CSV without identifier columns would give).
 */
export function skjDictionary(json: SkjDictionaryJson): FrameworkDocument {
  return {
    identifier: SKJ_FRAMEWORK_IDENTIFIER,
    name: json.framework,
    description: json.source,
    publisher: 'Kementerian PANRB',
    version: '2017',
    scaleMax: json.scale.max,
    language: 'id',
    status: 'published',
    competencies: json.competencies.map((c, position) => ({
      identifier: derivedCompetencyIdentifier(SKJ_FRAMEWORK_IDENTIFIER, c.code),
      code: c.code,
      name: c.name,
      kind: c.group,
      definition: c.definition,
      position,
      levels: [...c.levels].sort((a, b) => a.level - b.level).map((l) => ({ level: l.level, description: l.description, indicators: [...l.indicators] })),
      children: [],
    })),
  };
}

/** The national manajerial + sosial kultural dictionary as a framework document (what the seed installs). */
export const SKJ_DICTIONARY: FrameworkDocument = skjDictionary(skjData as SkjDictionaryJson);
