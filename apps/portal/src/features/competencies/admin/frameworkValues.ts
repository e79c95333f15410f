import type { CreateFramework, FrameworkSummary } from '@cakap/contracts';

/** The metadata form's values (a NumberInput holds '' while empty). */
export interface FrameworkValues extends Record<string, unknown> {
  name: string;
  description: string;
  publisher: string;
  version: string;
  scaleMax: number | string;
  language: 'id' | 'en';
}

export const FRAMEWORK_FIELDS = ['name', 'description', 'publisher', 'version', 'scaleMax', 'language'] as const;

export const frameworkValues = (f: FrameworkSummary): FrameworkValues => ({
  name: f.name,
  description: f.description,
  publisher: f.publisher,
  version: f.version,
  scaleMax: f.scaleMax,
  language: f.language,
});

export const frameworkInput = (v: FrameworkValues): CreateFramework => ({
  name: v.name,
  description: v.description,
  publisher: v.publisher,
  version: v.version,
  scaleMax: typeof v.scaleMax === 'number' ? v.scaleMax : Number(v.scaleMax) || 0,
  language: v.language,
});
