import { z } from 'zod';
import { defineQuestionType } from '@cakap/plugin-sdk';
import { feedbackSchema, promptSchema, promptSummary, type PromptView } from './common';

export const ESSAY_MAX_LENGTH = 20_000;

export const essaySchema = z
  .object({
    prompt: promptSchema,
    /** Guidance for whoever grades it; never shown to learners. */
    rubric: z
      .string()
      .trim()
      .max(10_000)
      .transform((v) => v || undefined)
      .optional(),
    minWords: z.number().int().min(1).max(5_000).optional(),
    maxWords: z.number().int().min(1).max(5_000).optional(),
    feedback: feedbackSchema,
  })
  .superRefine((data, ctx) => {
    if (data.minWords !== undefined && data.maxWords !== undefined && data.minWords > data.maxWords) {
      ctx.addIssue({ code: 'custom', message: 'questions.essay.wordRange', path: ['minWords'] });
    }
  });
export type EssayData = z.output<typeof essaySchema>;
export type EssayView = PromptView & { minWords?: number; maxWords?: number };
export type EssayAnswer = string;
export interface EssayReview {
  feedback?: string;
}

export const essay = defineQuestionType<EssayData, EssayView, EssayAnswer>({
  key: 'essay',
  title: { id: 'Esai', en: 'Essay' },
  description: {
    id: 'Peserta menulis jawaban panjang; penulis atau admin menilainya dengan komentar.',
    en: 'The learner writes a long answer; an author or admin grades it with a comment.',
  },
  authorSchema: essaySchema,
  answerSchema: z.string().max(ESSAY_MAX_LENGTH),
  manualGrading: true,
  toLearnerView: (data) => ({ prompt: data.prompt, minWords: data.minWords, maxWords: data.maxWords }),
  // Word limits are guidance for the learner and the grader: a person judges the essay.
  // An empty essay has nothing to grade and scores 0 at once.
  grade: (_data, answer) =>
    answer?.trim() ? { score: 0, max: 1, needsGrading: true } : { score: 0, max: 1, needsGrading: false },
  toReview: (data): EssayReview => ({ feedback: data.feedback }),
  summarize: promptSummary,
});
