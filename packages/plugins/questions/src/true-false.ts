import { z } from 'zod';
import { defineQuestionType } from '@cakap/plugin-sdk';
import { feedbackSchema, joinFeedback, promptSchema, promptSummary, type PromptView } from './common';

export const trueFalseSchema = z.object({
  prompt: promptSchema,
  /** Whether the statement is true. */
  correct: z.boolean(),
  /** Shown to a learner who answered "true" / "false". */
  feedbackTrue: feedbackSchema,
  feedbackFalse: feedbackSchema,
  feedback: feedbackSchema,
});
export type TrueFalseData = z.output<typeof trueFalseSchema>;
export type TrueFalseView = PromptView;
export type TrueFalseAnswer = boolean;
export interface TrueFalseReview {
  correctAnswer: boolean;
  feedback?: string;
}

export const trueFalse = defineQuestionType<TrueFalseData, TrueFalseView, TrueFalseAnswer>({
  key: 'true_false',
  title: { id: 'Benar/Salah', en: 'True/false' },
  description: { id: 'Peserta menilai sebuah pernyataan benar atau salah.', en: 'The learner judges a statement true or false.' },
  authorSchema: trueFalseSchema,
  answerSchema: z.boolean(),
  toLearnerView: (data) => ({ prompt: data.prompt }),
  grade: (data, answer) => {
    if (answer === undefined) return { score: 0, max: 1, feedback: data.feedback };
    const chosen = answer ? data.feedbackTrue : data.feedbackFalse;
    return { score: answer === data.correct ? 1 : 0, max: 1, feedback: joinFeedback(chosen, data.feedback) };
  },
  toReview: (data): TrueFalseReview => ({ correctAnswer: data.correct, feedback: data.feedback }),
  summarize: promptSummary,
});
