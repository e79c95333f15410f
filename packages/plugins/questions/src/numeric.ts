import { z } from 'zod';
import { defineQuestionType } from '@cakap/plugin-sdk';
import { isWithin, parseNumber } from './answers';
import { feedbackSchema, promptSchema, promptSummary, type PromptView } from './common';

/** The learner's answer: a number, or text parsed strictly by `parseNumber`. */
export const numericAnswerSchema = z.union([z.number(), z.string().max(40)]).transform((value, ctx) => {
  const n = typeof value === 'number' ? (Number.isFinite(value) ? value : null) : parseNumber(value);
  if (n === null) {
    ctx.issues.push({ code: 'custom', message: 'questions.numeric.format', input: value });
    return z.NEVER;
  }
  return n;
});

export const numericSchema = z.object({
  prompt: promptSchema,
  answer: z.number(),
  /** Absolute: any answer within answer ± tolerance is right. */
  tolerance: z.number().min(0).default(0),
  feedback: feedbackSchema,
});
export type NumericData = z.output<typeof numericSchema>;
export type NumericView = PromptView;
export type NumericAnswer = number;
export interface NumericReview {
  expected: number;
  margin: number;
  feedback?: string;
}

export const numeric = defineQuestionType<NumericData, NumericView, NumericAnswer>({
  key: 'numeric',
  title: { id: 'Angka', en: 'Numeric' },
  description: { id: 'Peserta menjawab dengan angka, dengan batas toleransi.', en: 'The learner answers with a number, within a tolerance.' },
  authorSchema: numericSchema,
  answerSchema: numericAnswerSchema,
  toLearnerView: (data) => ({ prompt: data.prompt }),
  grade: (data, answer) => {
    const right = answer !== undefined && isWithin(answer, data.answer, data.tolerance);
    return { score: right ? 1 : 0, max: 1, feedback: data.feedback };
  },
  toReview: (data): NumericReview => ({ expected: data.answer, margin: data.tolerance, feedback: data.feedback }),
  summarize: promptSummary,
});
