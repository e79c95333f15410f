import { aspectScore, individualGain, mean, median, normalisedGain, parsePeriod, periodsUpTo, prePostGain, rankAspects, rate, type AspectInput } from './statistics';

/** Every expected figure below was worked out by hand; the comment next to it shows how. */
describe('report statistics', () => {
  it('averages and takes the median of odd and even counts', () => {
    expect(mean([])).toBeNull();
    // (70 + 80 + 95) / 3 = 245 / 3 = 81.666… → 81.67
    expect(mean([70, 80, 95])).toBe(81.67);
    // sorted 1, 3, 9 → the middle one
    expect(median([9, 1, 3])).toBe(3);
    // sorted 2, 4, 10, 31 → (4 + 10) / 2 = 7
    expect(median([10, 2, 31, 4])).toBe(7);
    // sorted 1.5, 2 → 1.75
    expect(median([2, 1.5])).toBe(1.75);
    expect(median([])).toBeNull();
  });

  it('gives rates as fractions, null when there is nothing to divide by', () => {
    // 2 of 3 = 0.6666… → 0.6667
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(0, 4)).toBe(0);
    expect(rate(0, 0)).toBeNull();
  });

  it("computes level 2: average pre, post, gain and Hake's class-average normalised gain", () => {
    // pre 40, 50, 60, 70 → 220 / 4 = 55; post 70, 80, 65, 95 → 310 / 4 = 77.5
    // gains 30, 30, 5, 25 → 90 / 4 = 22.5; ⟨g⟩ = (77.5 − 55) / (100 − 55) = 22.5 / 45 = 0.5
    expect(
      prePostGain([
        { pre: 40, post: 70 },
        { pre: 50, post: 80 },
        { pre: 60, post: 65 },
        { pre: 70, post: 95 },
      ]),
    ).toEqual({ learners: 4, averagePre: 55, averagePost: 77.5, averageGain: 22.5, normalisedGain: 0.5 });
    // pre 20, 30 → 25; post 10, 30 → 20; ⟨g⟩ = (20 − 25) / 75 = −0.0666… → −0.0667 (the class got worse)
    expect(prePostGain([{ pre: 20, post: 10 }, { pre: 30, post: 30 }])).toMatchObject({ averageGain: -5, normalisedGain: -0.0667 });
    // pre 33, 34, 34 → 101 / 3 = 33.666… → 33.67; post 66, 67, 67 → 200 / 3 = 66.666… → 66.67
    // ⟨g⟩ from the unrounded averages: (200/3 − 101/3) / (100 − 101/3) = 33 / (199/3) = 99 / 199 = 0.49748… → 0.4975
    expect(prePostGain([{ pre: 33, post: 66 }, { pre: 34, post: 67 }, { pre: 34, post: 67 }])).toEqual({
      learners: 3,
      averagePre: 33.67,
      averagePost: 66.67,
      averageGain: 33,
      normalisedGain: 0.4975,
    });
  });

  it('leaves the normalised gain undefined when the class started at 100 % or nobody took both tests', () => {
    expect(prePostGain([{ pre: 100, post: 100 }])).toEqual({ learners: 1, averagePre: 100, averagePost: 100, averageGain: 0, normalisedGain: null });
    expect(prePostGain([])).toEqual({ learners: 0, averagePre: null, averagePost: null, averageGain: null, normalisedGain: null });
    expect(normalisedGain(null, 80)).toBeNull();
    // (90 − 80) / (100 − 80) = 0.5
    expect(normalisedGain(80, 90)).toBe(0.5);
  });

  it("computes one learner's gain and individual normalised gain", () => {
    // 40 → 70: gain 30; g = 30 / (100 − 40) = 30 / 60 = 0.5
    expect(individualGain(40, 70)).toEqual({ gain: 30, normalisedGain: 0.5 });
    // 60 → 65: gain 5; g = 5 / 40 = 0.125
    expect(individualGain(60, 65)).toEqual({ gain: 5, normalisedGain: 0.125 });
    // 70 → 95: gain 25; g = 25 / 30 = 0.8333… → 0.8333
    expect(individualGain(70, 95)).toEqual({ gain: 25, normalisedGain: 0.8333 });
    // 80 → 60 (worse): gain −20; g = −20 / 20 = −1
    expect(individualGain(80, 60)).toEqual({ gain: -20, normalisedGain: -1 });
    // 66.67 → 33.33: gain −33.34 (no float noise such as −33.339999…); g = −33.34 / 33.33 = −1.00030… → −1.0003
    expect(individualGain(66.67, 33.33)).toEqual({ gain: -33.34, normalisedGain: -1.0003 });
    // Started at 100: nothing left to gain, so g is undefined while the gain is still 0.
    expect(individualGain(100, 100)).toEqual({ gain: 0, normalisedGain: null });
    // A missing test leaves both undefined.
    expect(individualGain(null, 80)).toEqual({ gain: null, normalisedGain: null });
    expect(individualGain(50, null)).toEqual({ gain: null, normalisedGain: null });
    // The class ⟨g⟩ is not the mean of the individual g: 40 → 70 (g 0.5) and 90 → 100 (g 1) average 0.75,
    // but ⟨g⟩ = (85 − 65) / (100 − 65) = 20 / 35 = 0.5714…
    expect(prePostGain([{ pre: 40, post: 70 }, { pre: 90, post: 100 }]).normalisedGain).toBe(0.5714);
  });

  it('reads quarters and semesters as WIB calendar periods', () => {
    // 1 Oct 2026 00:00 WIB = 30 Sep 2026 17:00 UTC; the end is 1 Jan 2027 00:00 WIB = 31 Dec 2026 17:00 UTC.
    expect(parsePeriod('2026-Q4')).toEqual({
      key: '2026-Q4',
      kind: 'Q',
      year: 2026,
      index: 4,
      start: new Date('2026-09-30T17:00:00Z'),
      end: new Date('2026-12-31T17:00:00Z'),
    });
    // S2 = July to December: 1 Jul 2026 00:00 WIB = 30 Jun 17:00 UTC
    expect(parsePeriod('2026-S2')).toMatchObject({ start: new Date('2026-06-30T17:00:00Z'), end: new Date('2026-12-31T17:00:00Z') });
    // Q1 starts at midnight WIB on 1 January, which is still 31 December in UTC.
    expect(parsePeriod('2026-Q1')!.start).toEqual(new Date('2025-12-31T17:00:00Z'));
    expect(parsePeriod('2026-Q5')).toBeNull();
    expect(parsePeriod('2026-S3')).toBeNull();
    expect(parsePeriod('26-Q1')).toBeNull();
  });

  it('lists the previous periods of the same kind across year boundaries, oldest first', () => {
    expect(periodsUpTo(parsePeriod('2026-Q2')!, 4).map((p) => p.key)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(periodsUpTo(parsePeriod('2026-S1')!, 4).map((p) => p.key)).toEqual(['2024-S2', '2025-S1', '2025-S2', '2026-S1']);
    // Consecutive periods touch: one's end is the next one's start.
    const [a, b] = periodsUpTo(parsePeriod('2027-Q1')!, 2);
    expect(a.end).toEqual(b.start);
  });

  it('scores aspects on one 0..1 scale', () => {
    // Likert (m − 1) / 4: 4.2 → 3.2 / 4 = 0.8; 1 → 0; 5 → 1
    expect(aspectScore('satisfaction', 4.2)).toBe(0.8);
    expect(aspectScore('followUp', 1)).toBe(0);
    expect(aspectScore('followUp', 5)).toBe(1);
    // rates as they are, clamped: a negative gain scores 0
    expect(aspectScore('result', 0.35)).toBe(0.35);
    expect(aspectScore('result', -0.2)).toBe(0);
  });

  it('names at most three strongest and weakest aspects with enough data, ties in input order', () => {
    const a = (key: string, kind: AspectInput['kind'], value: number | null, count = 10): AspectInput => ({ key, kind, value, count });
    const ranked = rankAspects([
      a('satisfaction.relevance', 'satisfaction', 4.6), // 0.9
      a('satisfaction.material', 'satisfaction', 3.4), // 0.6
      a('satisfaction.facilitator', 'satisfaction', 4.6), // 0.9, tie with relevance: after it
      a('satisfaction.platform', 'satisfaction', 2.2), // 0.3
      a('followUp.application', 'followUp', 3), // 0.5
      a('followUp.support', 'followUp', 5, 2), // only 2 responses: left out
      a('result.completionRate', 'result', 0.3), // 0.3, tie with platform: after it
      a('result.normalisedGain', 'result', null), // no data: left out
      a('result.reached20JpShare', 'result', 0.75), // 0.75
    ]);
    expect(ranked.aspects.map((x) => [x.key, x.score])).toEqual([
      ['satisfaction.relevance', 0.9],
      ['satisfaction.facilitator', 0.9],
      ['result.reached20JpShare', 0.75],
      ['satisfaction.material', 0.6],
      ['followUp.application', 0.5],
      ['satisfaction.platform', 0.3],
      ['result.completionRate', 0.3],
    ]);
    expect(ranked.strongest.map((x) => x.key)).toEqual(['satisfaction.relevance', 'satisfaction.facilitator', 'result.reached20JpShare']);
    expect(ranked.weakest.map((x) => x.key)).toEqual(['satisfaction.platform', 'result.completionRate', 'followUp.application']);
    expect(ranked.aspects[0]).toEqual({ key: 'satisfaction.relevance', kind: 'satisfaction', value: 4.6, score: 0.9 });
  });

  it('never names one aspect both strongest and weakest', () => {
    const two = rankAspects([
      { key: 'x', kind: 'result', value: 0.2, count: 5 },
      { key: 'y', kind: 'result', value: 0.8, count: 5 },
    ]);
    expect(two.strongest.map((x) => x.key)).toEqual(['y']);
    expect(two.weakest.map((x) => x.key)).toEqual(['x']);
    const one = rankAspects([{ key: 'x', kind: 'result', value: 0.2, count: 5 }]);
    expect(one).toMatchObject({ strongest: [], weakest: [] });
    expect(one.aspects).toHaveLength(1);
  });
});
