import { defineQuestionType, type QuestionTypeDefinition } from '@cakap/plugin-sdk';
import { z } from 'zod';
import { gradeSlot, scaleScore, totals } from './scoring';

const choice = defineQuestionType({
  key: 'pick',
  title: { id: 'Pilih', en: 'Pick' },
  authorSchema: z.object({ correct: z.string() }),
  answerSchema: z.object({ choice: z.string() }),
  toLearnerView: () => ({}),
  grade: (data, answer) => ({ score: answer?.choice === data.correct ? 2 : 0, max: 2, feedback: answer ? 'ok' : undefined }),
}) as QuestionTypeDefinition;
const essay = defineQuestionType({
  key: 'essay',
  title: { id: 'Esai', en: 'Essay' },
  authorSchema: z.object({}),
  answerSchema: z.object({ text: z.string() }),
  toLearnerView: () => ({}),
  grade: () => ({ score: 0, max: 1, needsGrading: true }),
  manualGrading: true,
}) as QuestionTypeDefinition;

describe('scoring an attempt', () => {
  it('scales the grader score to the question points, clamped and rounded', () => {
    expect(scaleScore({ score: 1, max: 3 }, 2)).toBe(0.67);
    expect(scaleScore({ score: 5, max: 3 }, 2)).toBe(2);
    expect(scaleScore({ score: 1, max: 0 }, 2)).toBe(0);
  });

  it('grades a right, a wrong, an absent and an unparseable answer', () => {
    const base = { def: choice, data: { correct: 'b' }, points: 5 };
    expect(gradeSlot({ ...base, slot: 0, answer: { choice: 'b' } })).toEqual({ slot: 0, score: 5, max: 5, needsGrading: false, feedback: 'ok' });
    expect(gradeSlot({ ...base, slot: 1, answer: { choice: 'a' } })).toMatchObject({ score: 0, max: 5 });
    expect(gradeSlot({ ...base, slot: 2, answer: undefined })).toEqual({ slot: 2, score: 0, max: 5, needsGrading: false, feedback: null });
    expect(gradeSlot({ ...base, slot: 3, answer: { nope: 1 } })).toMatchObject({ score: 0, feedback: null });
  });

  it('holds an essay as needing grading, with no pass decision yet', () => {
    const e = gradeSlot({ slot: 0, points: 4, def: essay, data: {}, answer: { text: 'Jawaban' } });
    expect(e).toMatchObject({ score: 0, max: 4, needsGrading: true });
    expect(totals([e, { score: 6, max: 6, needsGrading: false }], 50)).toEqual({ score: 6, max: 10, percent: 60, status: 'needs_grading', passed: null });
  });

  it('passes at the pass percent exactly', () => {
    expect(totals([{ score: 7, max: 10, needsGrading: false }], 70)).toMatchObject({ percent: 70, passed: true, status: 'graded' });
    expect(totals([{ score: 6.99, max: 10, needsGrading: false }], 70)).toMatchObject({ percent: 69.9, passed: false });
    expect(totals([], 70)).toMatchObject({ percent: 0, passed: false });
  });
});
