import type { SurveyQuestion } from '@cakap/contracts';
import { checkAnswers, DEFAULT_SURVEY, summarize, type StoredResponse } from './index';

const Q: SurveyQuestion[] = [
  { id: 'a', type: 'likert', dimension: 'relevance', text: 'Relevan?', required: true },
  { id: 'b', type: 'likert', dimension: 'relevance', text: 'Sesuai?', required: false },
  { id: 'c', type: 'likert', dimension: 'overall', text: 'Puas?', required: true },
  { id: 'k', type: 'text', text: 'Komentar?', required: false },
];

describe('DEFAULT_SURVEY', () => {
  it('asks about every dimension twice on a 1–5 scale, plus two optional comments, with unique stable ids', () => {
    const ids = DEFAULT_SURVEY.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('relevansi_1');
    for (const d of ['relevance', 'content', 'presenter', 'usefulness', 'platform', 'overall']) {
      expect(DEFAULT_SURVEY.filter((q) => q.type === 'likert' && q.dimension === d)).toHaveLength(2);
    }
    const texts = DEFAULT_SURVEY.filter((q) => q.type === 'text');
    expect(texts).toHaveLength(2);
    expect(texts.every((q) => !q.required)).toBe(true);
  });
});

describe('checkAnswers', () => {
  it('accepts valid answers, trims text and drops an empty optional comment', () => {
    expect(checkAnswers(Q, { a: 5, c: 1, k: '  bagus  ' })).toEqual({ ok: true, answers: { a: 5, c: 1, k: 'bagus' } });
    expect(checkAnswers(Q, { a: 3, b: 4, c: 2, k: '   ' })).toEqual({ ok: true, answers: { a: 3, b: 4, c: 2 } });
  });

  it('reports every problem at once, per field', () => {
    const r = checkAnswers(Q, { a: 6, b: 2.5, k: 3, x: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual(
      expect.arrayContaining([
        { field: 'answers.x', code: 'evaluation.unknownQuestion' },
        { field: 'answers.a', code: 'evaluation.likertRange' },
        { field: 'answers.b', code: 'evaluation.likertRange' },
        { field: 'answers.c', code: 'evaluation.answerRequired' },
        { field: 'answers.k', code: 'validation.invalidType' },
      ]),
    );
    expect(r.issues).toHaveLength(5);
  });

  it('refuses text on a Likert question and 0 as a score', () => {
    expect(checkAnswers(Q, { a: 'lima', c: 0 })).toEqual({
      ok: false,
      issues: [
        { field: 'answers.a', code: 'validation.invalidType' },
        { field: 'answers.c', code: 'evaluation.likertRange' },
      ],
    });
  });
});

describe('summarize', () => {
  const resp = (answers: StoredResponse['answers'], questions: SurveyQuestion[] = Q): StoredResponse => ({ questions, answers });

  it('computes hand-checked means, distributions and dimension means; comments not in submission order', () => {
    const s = summarize(
      Q,
      [resp({ a: 5, b: 4, c: 4, k: 'Zebra cross' }), resp({ a: 4, c: 5 }), resp({ a: 2, b: 3, c: 5, k: 'Audio kurang jelas' })],
      { courseId: 'c1' },
    );
    expect(s.responseCount).toBe(3);
    expect(s.minimumResponses).toBe(3);
    const a = s.questions.find((q) => q.id === 'a')!;
    // (5 + 4 + 2) / 3 = 3.666… → 3.67
    expect(a).toMatchObject({ answered: 3, mean: 3.67, distribution: [0, 1, 0, 1, 1] });
    // (4 + 3) / 2 = 3.5
    expect(s.questions.find((q) => q.id === 'b')).toMatchObject({ answered: 2, mean: 3.5, distribution: [0, 0, 1, 1, 0] });
    expect(s.questions.find((q) => q.id === 'k')).toMatchObject({ answered: 2, mean: null, comments: ['Audio kurang jelas', 'Zebra cross'] });
    // relevance pools a and b: (5+4+2+4+3) / 5 = 3.6; overall: (4+5+5)/3 = 4.666… → 4.67
    expect(s.dimensions).toEqual([
      { dimension: 'relevance', mean: 3.6, answered: 5 },
      { dimension: 'overall', mean: 4.67, answered: 3 },
    ]);
  });

  it('shows counts only below the minimum', () => {
    const s = summarize(Q, [resp({ a: 5, c: 4, k: 'rahasia' }), resp({ a: 1, c: 2 })], { courseId: 'c1' });
    expect(s.responseCount).toBe(2);
    expect(s.questions.find((q) => q.id === 'a')).toMatchObject({ answered: 2, mean: null, distribution: null });
    expect(s.questions.find((q) => q.id === 'k')).toMatchObject({ answered: 1, comments: [] });
    expect(s.dimensions.every((d) => d.mean === null)).toBe(true);
    expect(JSON.stringify(s)).not.toContain('rahasia');
  });

  it('counts a response only for the questions it was asked', () => {
    // An older response answered "a" when it measured content: it does not count for today's relevance "a".
    const old: SurveyQuestion[] = [{ id: 'a', type: 'likert', dimension: 'content', text: 'Lama?', required: true }];
    const s = summarize(Q, [resp({ a: 1 }, old), resp({ a: 4, c: 4 }), resp({ a: 5, c: 3 })], { courseId: 'c1' });
    expect(s.questions.find((q) => q.id === 'a')).toMatchObject({ answered: 2, mean: 4.5 });
    expect(s.questions.find((q) => q.id === 'c')).toMatchObject({ answered: 2, mean: 3.5 });
  });
});
