import { programmeReportSchema } from '@cakap/contracts';
import { parsePeriod } from '@cakap/evaluation';
import { computeProgrammeReport } from './programme-report';
import { attempt, course, enrol, followUp, hours, surveyResponse, testDb, unit, user, type Db } from './test-fixtures';

/**
 * The programme overview of 2026-Q4 (from 1 October 2026 00:00 WIB = 30 September 17:00 UTC),
 * worked out by hand:
 * - course X: L1 enrols exactly at the boundary, L2–L4 after it; L1–L3 complete (3 JP each);
 *   pre/post 40/70, 50/80, 60/65, 70/95; survey answers 4, 5, 3; learner follow-ups of L1–L3.
 * - course Y: L5 and L6 enrol, L5 completes (2 JP) and answers the survey with 2.
 * - L7 enrolled in X one second before the boundary (2026-Q3) and completed on 2 October.
 * - L1 also has a classical 20 JP on 30 September (Q3: not in the period's JP, but in the year's).
 */
describe('programme report', () => {
  let db: Db;
  let X: string;
  let Y: string;

  beforeAll(async () => {
    db = await testDb('programme');
    const { ds } = db;
    const u = await unit(ds, 'BKPSDMD', 'BKPSDMD');
    const owner = await user(ds, 'Penulis', u, { active: false });
    X = await course(ds, owner, 'Kursus X', 3);
    Y = await course(ds, owner, 'Kursus Y', 2);
    const L: string[] = [];
    for (let i = 1; i <= 7; i++) L.push(await user(ds, `Peserta ${i}`, u));
    const x: string[] = [];
    const pairs = [
      [40, 70],
      [50, 80],
      [60, 65],
      [70, 95],
    ];
    const enrolled = ['2026-09-30T17:00:00Z', '2026-10-05T02:00:00Z', '2026-11-05T02:00:00Z', '2026-12-05T02:00:00Z'];
    for (let i = 0; i < 4; i++) {
      const completedAt = i < 3 ? `2026-12-1${i}T02:00:00Z` : null;
      x.push(await enrol(ds, L[i], X, enrolled[i], completedAt));
      await attempt(ds, x[i], 'pretest', pairs[i][0], enrolled[i].replace(/:00Z$/, ':30Z'));
      await attempt(ds, x[i], 'posttest', pairs[i][1], '2026-12-09T02:00:00Z');
      if (completedAt) await hours(ds, L[i], 2026, 3, completedAt.slice(0, 10), x[i]);
    }
    await surveyResponse(ds, x[0], 4, '2026-12-10T03:00:00Z');
    await surveyResponse(ds, x[1], 5, '2026-12-11T03:00:00Z');
    await surveyResponse(ds, x[2], 3, '2026-12-12T03:00:00Z');
    await followUp(ds, x[0], 'learner', 'answered', '2026-12-20T00:00:00Z', { scores: { application: 4, support: 2 } });
    await followUp(ds, x[1], 'learner', 'answered', '2026-12-21T00:00:00Z', { scores: { application: 5, support: 3 } });
    await followUp(ds, x[2], 'learner', 'answered', '2026-12-22T00:00:00Z', { scores: { application: 3, support: 4 } });
    const y5 = await enrol(ds, L[4], Y, '2026-10-01T02:00:00Z', '2026-10-03T02:00:00Z');
    await enrol(ds, L[5], Y, '2026-10-01T02:00:00Z');
    await hours(ds, L[4], 2026, 2, '2026-10-03', y5);
    await surveyResponse(ds, y5, 2, '2026-10-03T03:00:00Z');
    const x7 = await enrol(ds, L[6], X, '2026-09-30T16:59:59Z', '2026-10-02T02:00:00Z');
    await hours(ds, L[6], 2026, 3, '2026-10-02', x7);
    await hours(ds, L[0], 2026, 20, '2026-09-30');
  });
  afterAll(async () => {
    await db?.close();
  });

  it('computes the period, its trend, the aspects and the courses as worked out by hand', async () => {
    const report = await computeProgrammeReport(db.ds, parsePeriod('2026-Q4')!);
    const dims = ['relevance', 'content', 'presenter', 'usefulness', 'platform', 'overall'];
    expect(report).toMatchObject({
      period: { key: '2026-Q4', start: '2026-09-30T17:00:00.000Z', end: '2026-12-31T17:00:00.000Z' },
      // the Q4 cohort: X 4 + Y 2 = 6; completed L1 L2 L3 + L5 = 4 → 0.6667
      enrolled: 6,
      completed: 4,
      completionRate: 0.6667,
      // L1–L6 enrolled in the period, L7 completed in it
      activeLearners: 7,
      // ledger lines ending 1 Oct – 31 Dec: 3 + 3 + 3 (X) + 2 (Y) + 3 (L7) = 14; the classical 20 JP ended in Q3
      totalJp: 14,
      prePostGain: { learners: 4, averagePre: 55, averagePost: 77.5, averageGain: 22.5, normalisedGain: 0.5 },
      // four responses: (4 + 5 + 3 + 2) / 4 = 3.5 in every dimension; two questions each → 8 answers
      satisfaction: { responseCount: 4, minimumResponses: 3, mean: 3.5, dimensions: dims.map((dimension) => ({ dimension, mean: 3.5, answered: 8 })) },
      followUp: {
        learner: { sent: 3, answered: 3, responseRate: 1, mean: 3.5 },
        superior: { sent: 0, answered: 0, responseRate: null, mean: null, dimensions: [] },
      },
      trend: [
        { period: '2026-Q1', enrolled: 0, completed: 0, completionRate: null, satisfaction: null, normalisedGain: null },
        { period: '2026-Q2', enrolled: 0, completed: 0, completionRate: null, satisfaction: null, normalisedGain: null },
        // L7, one second before midnight WIB; completed later, still the Q3 cohort's
        { period: '2026-Q3', enrolled: 1, completed: 1, completionRate: 1, satisfaction: null, normalisedGain: null },
        { period: '2026-Q4', enrolled: 6, completed: 4, completionRate: 0.6667, satisfaction: 3.5, normalisedGain: 0.5 },
      ],
      courses: [
        // X: 3 of 4; its three responses (4, 5, 3) → 4
        { courseId: X, title: 'Kursus X', enrolled: 4, completed: 3, completionRate: 0.75, satisfaction: 4, normalisedGain: 0.5 },
        // Y: one response only → hidden; no pairs
        { courseId: Y, title: 'Kursus Y', enrolled: 2, completed: 1, completionRate: 0.5, satisfaction: null, normalisedGain: null },
      ],
    });
    // Scores: follow-up application 4 → 0.75; completion 0.6667; the six survey dimensions 3.5 → 0.625;
    // follow-up support 3 → 0.5 and ⟨g⟩ 0.5 (a tie, in input order); 20 JP reached by L1 only (3 + 20)
    // of the 7 active ASN → 0.1429. Follow-up improvement has no answers: left out.
    expect(report.aspects.map((a) => [a.key, a.score])).toEqual([
      ['followUp.application', 0.75],
      ['result.completionRate', 0.6667],
      ...dims.map((d) => [`satisfaction.${d}`, 0.625]),
      ['followUp.support', 0.5],
      ['result.normalisedGain', 0.5],
      ['result.reached20JpShare', 0.1429],
    ]);
    expect(report.strongest.map((a) => a.key)).toEqual(['followUp.application', 'result.completionRate', 'satisfaction.relevance']);
    expect(report.weakest.map((a) => a.key)).toEqual(['result.reached20JpShare', 'followUp.support', 'result.normalisedGain']);
    expect(report.aspects[0]).toEqual({ key: 'followUp.application', kind: 'followUp', value: 4, score: 0.75 });
    expect(programmeReportSchema.safeParse({ ...report, computedAt: new Date().toISOString(), stale: false }).success).toBe(true);
  });

  it('puts an enrolment at 00:00 WIB on 1 October in Q4 and one a second earlier in Q3', async () => {
    const q3 = await computeProgrammeReport(db.ds, parsePeriod('2026-Q3')!);
    expect(q3).toMatchObject({ enrolled: 1, completed: 1, courses: [{ courseId: X, enrolled: 1 }] });
    // The semester holds both quarters' cohorts.
    const s2 = await computeProgrammeReport(db.ds, parsePeriod('2026-S2')!);
    expect(s2).toMatchObject({ enrolled: 7, completed: 5, trend: [{ period: '2025-S1' }, { period: '2025-S2' }, { period: '2026-S1' }, { period: '2026-S2', enrolled: 7 }] });
  });
});
