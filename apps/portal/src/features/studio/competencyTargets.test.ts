import { describe, expect, it } from 'vitest';
import type { CompetencyRef, CourseTarget } from '@cakap/contracts';
import { addTarget, isDirty, levelOptions, removeTarget, rowsOf, setLevel, targetErrors, toInput, type TargetRow } from './competencyTargets';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ref = (n: number, code: string, maxLevel = 5): CompetencyRef => ({
  id: id(n),
  code,
  name: `Kompetensi ${code}`,
  kind: 'manajerial',
  frameworkId: id(900),
  frameworkName: 'Kamus Kompetensi',
  maxLevel,
});
const saved = (n: number, code: string, level: number, maxLevel = 5): CourseTarget => ({ competencyId: id(n), code, name: `Kompetensi ${code}`, kind: 'manajerial', level, maxLevel });
const already = (code: string) => `${code} sudah ada`;

function added(rows: TargetRow[], r: CompetencyRef): TargetRow[] {
  const result = addTarget(rows, r, 'id', already);
  if (!result.ok) throw new Error(result.message);
  return result.rows;
}

describe('the course targets editor', () => {
  it('adds a picked competency at level 1, bounded by its own levels', () => {
    const rows = added([], ref(1, 'T.1', 3));
    expect(rows).toEqual([{ competencyId: id(1), code: 'T.1', name: 'Kompetensi T.1', level: 1, maxLevel: 3 }]);
    expect(levelOptions(rows[0])).toEqual([1, 2, 3]);
    expect(toInput(setLevel(rows, id(1), 3))).toEqual([{ competencyId: id(1), level: 3 }]);
  });

  it('refuses a competency already listed, and more than the contract allows', () => {
    const rows = added([], ref(1, 'M.5'));
    expect(addTarget(rows, ref(1, 'M.5'), 'id', already)).toEqual({ ok: false, message: 'M.5 sudah ada' });
    let many: TargetRow[] = [];
    for (let i = 1; i <= 30; i++) many = added(many, ref(i, `T.${i}`));
    const refused = addTarget(many, ref(31, 'T.31'), 'id', already);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(/30/);
  });

  it('offers the levels of the competency, never fewer than the level a target already has', () => {
    const rows = rowsOf([saved(1, 'M.5', 2), saved(2, 'T.9', 4, 3)]);
    expect(levelOptions(rows[0])).toEqual([1, 2, 3, 4, 5]);
    expect(levelOptions(rows[1])).toEqual([1, 2, 3, 4]);
  });

  it('knows when there is something to save, whatever the order', () => {
    const course = [saved(1, 'M.5', 2), saved(2, 'M.3', 2)];
    const rows = rowsOf(course);
    expect(isDirty(rows, course)).toBe(false);
    expect(isDirty([...rows].reverse(), course)).toBe(false);
    expect(isDirty(setLevel(rows, id(2), 3), course)).toBe(true);
    expect(isDirty(removeTarget(rows, id(1)), course)).toBe(true);
    expect(isDirty(added(rows, ref(3, 'M.1')), course)).toBe(true);
  });

  it('puts the server field errors on the rows that were sent', () => {
    const sent = added(added([], ref(1, 'M.5')), ref(2, 'T.1', 2));
    expect(
      targetErrors(
        [
          { field: 'competencies.1.level', code: 'validation.tooBig', message: 'Paling besar 2' },
          { field: 'competencies[0].competencyId', code: 'competency.notPublished', message: 'M.5 belum terbit' },
          { field: 'competencies', code: 'validation.duplicate', message: 'Ada yang ganda' },
        ],
        sent,
      ),
    ).toEqual({ rows: { [id(2)]: 'Paling besar 2', [id(1)]: 'M.5 belum terbit' }, other: ['Ada yang ganda'] });
  });
});
