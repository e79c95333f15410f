import { describe, expect, it } from 'vitest';
import { positionRequirementsInputSchema, type ClassDefaults, type CompetencyRef, type PositionRequirements } from '@cakap/contracts';
import {
  addOwnCompetency,
  classDefaultsBody,
  classKindChanged,
  classLevelsOf,
  defaultsFor,
  levelOptions,
  overridesOf,
  positionBody,
  resetToDefault,
  setClassLevel,
  setOwnLevel,
  standardRows,
} from './standardsDraft';

const ref = (n: number, code: string): CompetencyRef => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  code,
  name: `K${n}`,
  kind: code.startsWith('T') ? 'teknis' : 'manajerial',
  frameworkId: '00000000-0000-4000-8000-0000000000ff',
  frameworkName: 'SKJ',
  maxLevel: 5,
});
const m1 = ref(1, 'M.1');
const m2 = ref(2, 'M.2');
const m10 = ref(3, 'M.10');
const t1 = ref(4, 'T.1');

const classDefaults: ClassDefaults[] = [
  { kind: 'pelaksana', requirements: [{ competency: m1, level: 1 }, { competency: m2, level: 1 }, { competency: m10, level: 2 }] },
  { kind: 'jpt', requirements: [{ competency: m1, level: 5 }] },
];

const position: PositionRequirements = {
  position: { id: '00000000-0000-4000-8000-0000000000aa', name: 'Pengadministrasi', kind: 'pelaksana' },
  requirements: [
    { competency: m1, level: 1, source: 'class' },
    { competency: m2, level: 0, source: 'position' },
    { competency: m10, level: 2, source: 'class' },
    { competency: t1, level: 3, source: 'position' },
  ],
};

describe('class defaults', () => {
  it('sends every required level of the kind, including competencies not on screen', () => {
    const saved = classLevelsOf(classDefaults);
    let levels = setClassLevel(saved, 'pelaksana', m2.id, 0);
    levels = setClassLevel(levels, 'pelaksana', t1.id, 2);
    expect(classDefaultsBody(levels, 'pelaksana')).toEqual([
      { competencyId: m1.id, level: 1 },
      { competencyId: m10.id, level: 2 },
      { competencyId: t1.id, level: 2 },
    ]);
    expect(classDefaultsBody(levels, 'jpt')).toEqual([{ competencyId: m1.id, level: 5 }]);
    expect(classDefaultsBody(levels, 'pengawas')).toEqual([]);
  });

  it('knows which kinds changed', () => {
    const saved = classLevelsOf(classDefaults);
    const levels = setClassLevel(saved, 'pengawas', m1.id, 3);
    expect(classKindChanged(levels, saved, 'pengawas')).toBe(true);
    expect(classKindChanged(levels, saved, 'pelaksana')).toBe(false);
    // 0 and absent are the same: not required.
    expect(classKindChanged(setClassLevel(saved, 'jpt', m2.id, 0), saved, 'jpt')).toBe(false);
  });
});

describe('a position standard', () => {
  const defaults = defaultsFor(position, classDefaults);

  it('shows the defaults with the own levels on top, in code order', () => {
    const rows = standardRows(defaults, overridesOf(position));
    expect(rows.map((r) => [r.competency.code, r.level, r.source, r.defaultLevel])).toEqual([
      ['M.1', 1, 'class', 1],
      ['M.2', 0, 'position', 1],
      ['M.10', 2, 'class', 2],
      ['T.1', 3, 'position', null],
    ]);
  });

  it('falls back to the class rows of the response while the defaults load', () => {
    const rows = standardRows(defaultsFor(position, undefined), overridesOf(position));
    expect(rows.find((r) => r.competency.id === m10.id)?.defaultLevel).toBe(2);
    expect(rows.find((r) => r.competency.id === m2.id)?.defaultLevel).toBeNull();
  });

  it('overrides, resets and adds, sending only the own levels', () => {
    let overrides = overridesOf(position);
    let rows = standardRows(defaults, overrides);
    overrides = setOwnLevel(overrides, rows[0], 3); // M.1 above the default
    overrides = resetToDefault(overrides, m2.id); // M.2 required again at the default
    rows = standardRows(defaults, overrides);
    overrides = setOwnLevel(overrides, rows.find((r) => r.competency.id === m10.id)!, 2); // = default: no override
    overrides = addOwnCompetency(overrides, rows, t1); // already there: unchanged
    const body = positionBody(overrides);
    expect(body).toEqual([
      { competencyId: t1.id, level: 3 },
      { competencyId: m1.id, level: 3 },
    ]);
    expect(positionRequirementsInputSchema.safeParse(body).success).toBe(true);
    expect(standardRows(defaults, overrides).find((r) => r.competency.id === m2.id)).toMatchObject({ level: 1, source: 'class' });
  });

  it('adds a new competency at level 1', () => {
    const extra = ref(5, 'T.2');
    const overrides = addOwnCompetency(overridesOf(position), standardRows(defaults, overridesOf(position)), extra);
    expect(standardRows(defaults, overrides).find((r) => r.competency.id === extra.id)).toMatchObject({ level: 1, source: 'position', defaultLevel: null });
  });

  it('offers levels 0..max', () => {
    expect(levelOptions(3)).toEqual([0, 1, 2, 3]);
  });
});
