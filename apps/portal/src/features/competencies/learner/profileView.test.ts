import { describe, expect, it } from 'vitest';
import type { CompetencyProfile, ProfileRow } from '@cakap/contracts';
import { biggestGaps, chartRows, evidenceCourseLink, gapState, recommendationLink, summarize } from './profileView';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function row(code: string, achieved: number, required: number | null, n: number): ProfileRow {
  return {
    competencyId: id(n),
    code,
    name: `Kompetensi ${code}`,
    kind: 'manajerial',
    frameworkId: id(100),
    frameworkName: 'Kamus Kompetensi',
    maxLevel: 5,
    achieved,
    required,
    gap: required === null ? null : Math.max(0, required - achieved),
  };
}

const user = (withPosition: boolean): CompetencyProfile['user'] => ({
  id: id(1),
  nip: '199003202015031003',
  name: 'Peserta',
  position: withPosition ? { id: id(2), name: 'Pelaksana', kind: 'pelaksana' } : null,
  orgUnit: { id: id(3), name: 'DISKOMINFO' },
});

describe('gap wording', () => {
  it('says short by how many levels, met, or not required', () => {
    expect(gapState(row('M.5', 0, 1, 1))).toEqual({ kind: 'short', levels: 1 });
    expect(gapState(row('M.5', 0, 3, 1))).toEqual({ kind: 'short', levels: 3 });
    expect(gapState(row('M.5', 2, 1, 1))).toEqual({ kind: 'met' });
    expect(gapState(row('M.5', 1, 1, 1))).toEqual({ kind: 'met' });
    expect(gapState(row('T.1', 2, null, 1))).toEqual({ kind: 'notRequired' });
  });
});

describe('the page summary', () => {
  it('tells apart no position, no standard, gaps and all met', () => {
    expect(summarize({ user: user(false), profile: [row('M.1', 1, null, 1)] }).standing).toBe('noPosition');
    expect(summarize({ user: user(true), profile: [row('T.1', 2, null, 1)] })).toEqual({ standing: 'noStandard', required: 0, short: 0 });
    expect(summarize({ user: user(true), profile: [row('M.1', 0, 1, 1), row('M.5', 2, 1, 2), row('T.1', 1, null, 3)] })).toEqual({
      standing: 'short',
      required: 2,
      short: 1,
    });
    expect(summarize({ user: user(true), profile: [row('M.1', 1, 1, 1), row('M.5', 2, 1, 2)] }).standing).toBe('allMet');
  });
});

describe('the chart', () => {
  it('draws the required and the achieved competencies, a missing standard as 0', () => {
    const rows = chartRows([row('M.1', 0, 1, 1), row('T.1', 2, null, 2), row('T.2', 0, null, 3)]);
    expect(rows).toEqual([
      { code: 'M.1', name: 'Kompetensi M.1', achieved: 0, required: 1 },
      { code: 'T.1', name: 'Kompetensi T.1', achieved: 2, required: 0 },
    ]);
  });
});

describe('the home card', () => {
  it('lists the biggest gaps first, by code among equals, only real gaps', () => {
    const profile = [row('M.10', 0, 2, 1), row('M.2', 1, 2, 2), row('M.3', 0, 3, 3), row('M.4', 3, 2, 4), row('M.9', 0, 2, 5)];
    expect(biggestGaps(profile, 3).map((r) => r.code)).toEqual(['M.3', 'M.9', 'M.10']);
    expect(biggestGaps([row('M.4', 3, 2, 4)], 3)).toEqual([]);
  });
});

describe('links', () => {
  const course = { id: id(7), title: 'Pelayanan Publik Prima', summary: '', jp: 6, category: null, version: 1 };
  it('continues an enrolled recommendation, else opens its catalogue page', () => {
    expect(recommendationLink({ course, enrollmentId: id(8) })).toEqual({ to: `/belajar/${id(8)}`, enrolled: true });
    expect(recommendationLink({ course, enrollmentId: null })).toEqual({ to: `/katalog/${id(7)}`, enrolled: false });
  });
  it('opens the enrolment behind course evidence; evidence from outside Cakap has no link', () => {
    expect(evidenceCourseLink({ courseId: id(7), enrollmentId: id(8) })).toBe(`/belajar/${id(8)}`);
    expect(evidenceCourseLink({ courseId: id(7), enrollmentId: null })).toBe(`/katalog/${id(7)}`);
    expect(evidenceCourseLink({ courseId: null, enrollmentId: null })).toBeNull();
  });
});
