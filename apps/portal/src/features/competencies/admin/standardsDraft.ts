import type {
  ClassDefaults,
  CompetencyLevelInput,
  CompetencyRef,
  PositionKind,
  PositionRequirements,
  Requirement,
} from '@cakap/contracts';

/**
 * Editing position standards. A position's effective standard is its class defaults (per
 * position kind) with the position's own levels on top; level 0 means "not required here".
 * The api stores only the own levels, so the editor keeps those apart and sends only them.
 */

export const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code, 'id', { numeric: true });

// ------------------------------------------------------------------ class defaults

/** competencyId -> level, per position kind. A missing entry is level 0 (not required). */
export type ClassLevels = Record<PositionKind, Record<string, number>>;

export function classLevelsOf(defaults: readonly ClassDefaults[]): ClassLevels {
  const levels = { jpt: {}, administrator: {}, pengawas: {}, fungsional: {}, pelaksana: {} } as ClassLevels;
  for (const d of defaults) {
    for (const r of d.requirements) levels[d.kind][r.competency.id] = r.level;
  }
  return levels;
}

export function setClassLevel(levels: ClassLevels, kind: PositionKind, competencyId: string, level: number): ClassLevels {
  return { ...levels, [kind]: { ...levels[kind], [competencyId]: level } };
}

/**
 * The body of PUT /class-defaults/:kind: every required level of the kind, including those of
 * competencies the screen does not show (the PUT replaces the kind's whole list).
 */
export function classDefaultsBody(levels: ClassLevels, kind: PositionKind): CompetencyLevelInput[] {
  return Object.entries(levels[kind])
    .filter(([, level]) => level > 0)
    .map(([competencyId, level]) => ({ competencyId, level }));
}

export function classKindChanged(levels: ClassLevels, saved: ClassLevels, kind: PositionKind): boolean {
  const ids = new Set([...Object.keys(levels[kind]), ...Object.keys(saved[kind])]);
  return [...ids].some((id) => (levels[kind][id] ?? 0) !== (saved[kind][id] ?? 0));
}

// ------------------------------------------------------------------ one position

/** The position's own levels, by competency. */
export type Overrides = ReadonlyMap<string, { competency: CompetencyRef; level: number }>;

export interface StandardRow extends Requirement {
  /** The class default for this competency (null: the position kind does not require it). */
  defaultLevel: number | null;
}

export function overridesOf(requirements: PositionRequirements): Overrides {
  return new Map(
    requirements.requirements.filter((r) => r.source === 'position').map((r) => [r.competency.id, { competency: r.competency, level: r.level }]),
  );
}

/** The defaults of the position's kind (from the class defaults, else the effective rows that came from the class). */
export function defaultsFor(requirements: PositionRequirements, classDefaults: readonly ClassDefaults[] | undefined) {
  const kindDefaults = classDefaults?.find((d) => d.kind === requirements.position.kind);
  const defaults = new Map<string, { competency: CompetencyRef; level: number }>();
  for (const r of kindDefaults?.requirements ?? requirements.requirements.filter((x) => x.source === 'class')) {
    defaults.set(r.competency.id, { competency: r.competency, level: r.level });
  }
  return defaults;
}

/** The effective standard as the editor shows it: defaults, overridden by the position's own levels. */
export function standardRows(defaults: ReturnType<typeof defaultsFor>, overrides: Overrides): StandardRow[] {
  const rows = new Map<string, StandardRow>();
  for (const [id, d] of defaults) rows.set(id, { competency: d.competency, level: d.level, source: 'class', defaultLevel: d.level });
  for (const [id, o] of overrides) {
    rows.set(id, { competency: o.competency, level: o.level, source: 'position', defaultLevel: defaults.get(id)?.level ?? null });
  }
  return [...rows.values()].sort((a, b) => byCode(a.competency, b.competency));
}

/** Choosing the default level again drops the override: the position follows its kind once more. */
export function setOwnLevel(overrides: Overrides, row: Pick<StandardRow, 'competency' | 'defaultLevel'>, level: number): Overrides {
  const next = new Map(overrides);
  if (row.defaultLevel !== null && row.defaultLevel === level) next.delete(row.competency.id);
  else next.set(row.competency.id, { competency: row.competency, level });
  return next;
}

export function resetToDefault(overrides: Overrides, competencyId: string): Overrides {
  const next = new Map(overrides);
  next.delete(competencyId);
  return next;
}

/** Adds a competency the kind does not require, at level 1 (a no-op when it is already listed). */
export function addOwnCompetency(overrides: Overrides, rows: readonly StandardRow[], competency: CompetencyRef): Overrides {
  if (rows.some((r) => r.competency.id === competency.id)) return overrides;
  return new Map(overrides).set(competency.id, { competency, level: 1 });
}

export const positionBody = (overrides: Overrides): CompetencyLevelInput[] =>
  [...overrides.values()].map((o) => ({ competencyId: o.competency.id, level: o.level }));

/** Options of a level select: 0 (not required) up to the competency's highest level. */
export const levelOptions = (maxLevel: number) => Array.from({ length: maxLevel + 1 }, (_, level) => level);
