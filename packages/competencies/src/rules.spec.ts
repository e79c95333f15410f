import type { CompetencyNode } from '@cakap/contracts';
import { DEFAULT_LEVEL_BY_POSITION_KIND, defaultRequiredLevel } from './defaults';
import { achievedLevel, courseEvidence, type EvidencePoint } from './evidence';
import { levelsAboveScale, maxLevelOf } from './levels';
import { compareProfileRows, gapOf, jobPersonMatch, type ProfileInput } from './profile';
import { recommendCourses, type CandidateCourse } from './recommend';
import { buildTree, compareSiblings, flattenTree, wouldCycle, type FlatCompetency } from './tree';

/** Hand-checked cases for the competency rules (DOMAIN.md, Competencies). */

const at = (source: EvidencePoint['source'], level: number, occurredOn: string, recordedAt = `${occurredOn}T12:00:00Z`): EvidencePoint => ({
  source,
  level,
  occurredOn,
  recordedAt,
});

describe('achievedLevel', () => {
  it('is 0 without evidence', () => {
    expect(achievedLevel([])).toBe(0);
  });

  it('takes an assessment as a measurement: it raises and it lowers', () => {
    expect(achievedLevel([at('course', 2, '2025-01-10'), at('assessment', 4, '2025-03-01')])).toBe(4);
    expect(achievedLevel([at('course', 4, '2025-01-10'), at('assessment', 2, '2025-03-01')])).toBe(2);
  });

  it('never lowers through development: a course, training or other evidence only raises', () => {
    expect(achievedLevel([at('assessment', 3, '2025-01-10'), at('course', 2, '2025-02-01')])).toBe(3);
    expect(achievedLevel([at('assessment', 3, '2025-01-10'), at('training', 1, '2025-02-01'), at('other', 2, '2025-03-01')])).toBe(3);
    expect(achievedLevel([at('assessment', 2, '2025-01-10'), at('training', 4, '2025-02-01')])).toBe(4);
  });

  it('folds in the order things happened, whatever order they come in', () => {
    const history = [at('assessment', 1, '2025-06-01'), at('course', 3, '2025-01-01'), at('training', 2, '2025-09-01')];
    // course 3 (Jan) -> assessment 1 (Jun) -> training 2 (Sep)
    expect(achievedLevel(history)).toBe(2);
    expect(achievedLevel([...history].reverse())).toBe(2);
  });

  it('orders evidence of the same day by when it was recorded', () => {
    const course = at('course', 4, '2025-05-05', '2025-05-05T09:00:00Z');
    const assessment = at('assessment', 2, '2025-05-05', '2025-05-05T10:00:00Z');
    expect(achievedLevel([assessment, course])).toBe(2);
    expect(achievedLevel([{ ...assessment, recordedAt: new Date('2025-05-05T08:00:00Z') }, course])).toBe(4);
  });
});

describe('courseEvidence', () => {
  const targets = [
    { competencyId: 'm5', level: 2 },
    { competencyId: 'm3', level: 2 },
  ];

  it('proves every target of a course without post-test, or with a passed one', () => {
    expect(courseEvidence(targets, 'none')).toEqual(targets);
    expect(courseEvidence(targets, 'passed')).toEqual(targets);
  });

  it('proves nothing while the post-test is not passed', () => {
    expect(courseEvidence(targets, 'not_passed')).toEqual([]);
  });

  it('returns copies, not the targets themselves', () => {
    expect(courseEvidence(targets, 'none')[0]).not.toBe(targets[0]);
  });
});

describe('gapOf', () => {
  it('is required − achieved while short, 0 once met or exceeded', () => {
    expect(gapOf(1, 3)).toBe(2);
    expect(gapOf(3, 3)).toBe(0);
    expect(gapOf(5, 3)).toBe(0);
  });

  it('is null when the position does not require it (no standard, or level 0 "not required here")', () => {
    expect(gapOf(2, null)).toBeNull();
    expect(gapOf(2, 0)).toBeNull();
  });
});

describe('jobPersonMatch', () => {
  const row = (competencyId: string, achieved: number, required: number | null): ProfileInput => ({ competencyId, achieved, required });

  it('is Σ min(achieved, required) / Σ required in percent, one decimal', () => {
    expect(jobPersonMatch([row('a', 1, 3), row('b', 2, 2)])).toBe(60);
    expect(jobPersonMatch([row('a', 1, 3)])).toBe(33.3);
    expect(jobPersonMatch([row('a', 2, 3)])).toBe(66.7);
  });

  it('does not let exceeding one competency make up for another', () => {
    expect(jobPersonMatch([row('a', 5, 3), row('b', 0, 2)])).toBe(60);
  });

  it('ignores competencies that are not required', () => {
    expect(jobPersonMatch([row('a', 3, 3), row('b', 0, null), row('c', 0, 0)])).toBe(100);
  });

  it('is null without a standard', () => {
    expect(jobPersonMatch([])).toBeNull();
    expect(jobPersonMatch([row('a', 4, null)])).toBeNull();
  });
});

describe('compareProfileRows', () => {
  it('lists gaps first (biggest first), then met requirements, then the rest; by code in natural order within', () => {
    const rows = [
      { competencyId: '1', code: 'M.10', achieved: 0, required: null },
      { competencyId: '2', code: 'M.2', achieved: 3, required: 2 },
      { competencyId: '3', code: 'M.3', achieved: 0, required: 1 },
      { competencyId: '4', code: 'SK.1', achieved: 0, required: 3 },
      { competencyId: '5', code: 'M.1', achieved: 2, required: 2 },
      { competencyId: '6', code: 'M.9', achieved: 1, required: null },
      { competencyId: '7', code: 'M.5', achieved: 0, required: 1 },
    ];
    expect([...rows].sort(compareProfileRows).map((r) => r.code)).toEqual(['SK.1', 'M.3', 'M.5', 'M.1', 'M.2', 'M.9', 'M.10']);
  });
});

describe('recommendCourses', () => {
  // A: gap 3 (0 of 3), B: gap 1 (1 of 2), C: met (2 of 1), D: not required.
  const profile: ProfileInput[] = [
    { competencyId: 'A', achieved: 0, required: 3 },
    { competencyId: 'B', achieved: 1, required: 2 },
    { competencyId: 'C', achieved: 2, required: 1 },
    { competencyId: 'D', achieved: 0, required: null },
  ];
  const course = (courseId: string, targets: [string, number][], completed = false): CandidateCourse => ({
    courseId,
    targets: targets.map(([competencyId, level]) => ({ competencyId, level })),
    completed,
  });
  const courses = [
    course('a-level-1', [['A', 1]]),
    course('a-level-3', [['A', 3]]),
    course('a2-b2', [
      ['B', 2],
      ['A', 2],
    ]),
    course('b-at-achieved', [['B', 1]]),
    course('c-met', [['C', 3]]),
    course('a-completed', [['A', 3]], true),
    course('d-not-required', [['D', 2]]),
    course('b-level-2', [['B', 2]]),
    course('a3-b2', [
      ['A', 3],
      ['B', 2],
    ]),
  ];

  it('ranks by the biggest gap addressed, then how much of it the course closes, then how many gaps it addresses', () => {
    expect(recommendCourses(profile, courses).map((r) => r.courseId)).toEqual(['a3-b2', 'a-level-3', 'a2-b2', 'a-level-1', 'b-level-2']);
  });

  it('lists what each course addresses, biggest gap first', () => {
    const [first] = recommendCourses(profile, courses);
    expect(first.addresses).toEqual([
      { competencyId: 'A', level: 3, gap: 3 },
      { competencyId: 'B', level: 2, gap: 1 },
    ]);
  });

  it('leaves out completed courses, met or unrequired competencies and targets at or below the achieved level', () => {
    const ids = recommendCourses(profile, courses).map((r) => r.courseId);
    for (const skipped of ['a-completed', 'c-met', 'd-not-required', 'b-at-achieved']) expect(ids).not.toContain(skipped);
  });

  it('counts a level above the requirement as closing the gap, no more', () => {
    const ranked = recommendCourses(profile, [course('z-level-5', [['A', 5]]), course('y-level-3', [['A', 3]])]);
    // Both close the whole gap of 3: equal, so by course id.
    expect(ranked.map((r) => r.courseId)).toEqual(['y-level-3', 'z-level-5']);
  });

  it('returns at most `limit` courses', () => {
    expect(recommendCourses(profile, courses, 2).map((r) => r.courseId)).toEqual(['a3-b2', 'a-level-3']);
  });

  it('recommends nothing when there is no gap', () => {
    expect(recommendCourses([{ competencyId: 'A', achieved: 3, required: 3 }], courses)).toEqual([]);
  });
});

describe('defaultRequiredLevel', () => {
  it('follows the position class for manajerial and sosial kultural competencies', () => {
    expect(DEFAULT_LEVEL_BY_POSITION_KIND).toEqual({ pelaksana: 1, fungsional: 2, pengawas: 2, administrator: 3, jpt: 4 });
    expect(defaultRequiredLevel('pelaksana', 'manajerial', 5)).toBe(1);
    expect(defaultRequiredLevel('administrator', 'manajerial', 5)).toBe(3);
    expect(defaultRequiredLevel('jpt', 'sosial_kultural', 5)).toBe(4);
  });

  it('never asks more than the competency defines', () => {
    expect(defaultRequiredLevel('jpt', 'manajerial', 3)).toBe(3);
  });

  it('has no default for teknis competencies', () => {
    expect(defaultRequiredLevel('jpt', 'teknis', 5)).toBeNull();
  });
});

describe('levels', () => {
  const levels = [1, 2, 3].map((level) => ({ level, description: `Level ${level}`, indicators: [] }));

  it('maxLevelOf is the highest level, 0 for a grouping node', () => {
    expect(maxLevelOf(levels)).toBe(3);
    expect(maxLevelOf([])).toBe(0);
  });

  it('levelsAboveScale lists the levels a smaller scale refuses', () => {
    expect(levelsAboveScale(levels, 5)).toEqual([]);
    expect(levelsAboveScale(levels, 1)).toEqual([2, 3]);
  });
});

describe('tree', () => {
  const flat = (id: string, parentId: string | null, code: string, position: number): FlatCompetency => ({
    id,
    parentId,
    identifier: `identifier-${id}`,
    code,
    name: code,
    kind: 'teknis',
    definition: '',
    position,
    levels: [],
  });
  const rows = [
    flat('c', 'a', 'A.10', 0),
    flat('b', 'a', 'A.2', 0),
    flat('d', 'b', 'A.2.1', 0),
    flat('a', null, 'A', 1),
    flat('e', null, 'B', 0),
    flat('orphan', 'missing', 'Z', 2),
  ];
  const codes = (nodes: readonly CompetencyNode[]): unknown[] => nodes.map((n) => (n.children.length ? [n.code, codes(n.children)] : n.code));

  it('buildTree nests children under parents, orders siblings by position then code (A.2 before A.10), and makes orphans roots', () => {
    expect(codes(buildTree(rows))).toEqual(['B', ['A', [['A.2', ['A.2.1']], 'A.10']], 'Z']);
  });

  it('flattenTree lists parents before children in tree order, and buildTree reads it back', () => {
    const tree = buildTree(rows);
    const flattened = flattenTree(tree);
    expect(flattened.map((r) => [r.code, r.parentId])).toEqual([
      ['B', null],
      ['A', null],
      ['A.2', 'a'],
      ['A.2.1', 'b'],
      ['A.10', 'a'],
      ['Z', null],
    ]);
    expect(buildTree(flattened)).toEqual(tree);
  });

  it('compareSiblings orders by position, then code in natural order', () => {
    expect(compareSiblings({ position: 0, code: 'M.10' }, { position: 1, code: 'M.2' })).toBeLessThan(0);
    expect(compareSiblings({ position: 0, code: 'M.10' }, { position: 0, code: 'M.2' })).toBeGreaterThan(0);
  });

  it('wouldCycle tells whether a move puts a competency inside its own subtree', () => {
    const parentOf = new Map<string, string | null>([
      ['a', null],
      ['b', 'a'],
      ['d', 'b'],
      ['e', null],
    ]);
    expect(wouldCycle(parentOf, 'a', 'd')).toBe(true);
    expect(wouldCycle(parentOf, 'a', 'a')).toBe(true);
    expect(wouldCycle(parentOf, 'd', 'e')).toBe(false);
    expect(wouldCycle(parentOf, 'b', null)).toBe(false);
  });

  it('wouldCycle ends on a circle that does not contain the competency (an imported file may hold one)', () => {
    const parentOf = new Map<string, string | null>([
      ['x', 'y'],
      ['y', 'x'],
      ['c', 'x'],
    ]);
    expect(wouldCycle(parentOf, 'c', 'x')).toBe(false);
    expect(wouldCycle(parentOf, 'x', 'y')).toBe(true);
  });
});
