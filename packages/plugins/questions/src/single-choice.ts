import { z } from 'zod';
import { defineQuestionType } from '@cakap/plugin-sdk';
import {
  checkUniqueIds,
  choiceLearnerView,
  choiceOptionsSchema,
  feedbackSchema,
  itemIdSchema,
  joinFeedback,
  optionFeedback,
  promptSchema,
  promptSummary,
  type ItemView,
  type PromptView,
} from './common';

export const singleChoiceSchema = z
  .object({ prompt: promptSchema, options: choiceOptionsSchema, feedback: feedbackSchema })
  .superRefine((data, ctx) => {
    checkUniqueIds(data.options, 'options', ctx);
    if (data.options.filter((o) => o.correct).length !== 1) {
      ctx.addIssue({ code: 'custom', message: 'questions.choice.oneCorrect', path: ['options'] });
    }
  });
export type SingleChoiceData = z.output<typeof singleChoiceSchema>;
export type SingleChoiceView = PromptView & { options: ItemView[] };
/** The id of the option picked. */
export type SingleChoiceAnswer = string;
export interface SingleChoiceReview {
  correctId: string;
  optionFeedback?: Record<string, string>;
  feedback?: string;
}

export const singleChoice = defineQuestionType<SingleChoiceData, SingleChoiceView, SingleChoiceAnswer>({
  key: 'single_choice',
  title: { id: 'Pilihan ganda (satu jawaban)', en: 'Single choice' },
  description: { id: 'Peserta memilih satu jawaban benar.', en: 'The learner picks the one correct option.' },
  authorSchema: singleChoiceSchema,
  answerSchema: itemIdSchema,
  toLearnerView: choiceLearnerView,
  grade: (data, answer) => {
    const picked = data.options.find((o) => o.id === answer);
    const right = !!picked?.correct;
    return { score: right ? 1 : 0, max: 1, feedback: joinFeedback(picked?.feedback, data.feedback) };
  },
  toReview: (data): SingleChoiceReview => ({
    correctId: data.options.find((o) => o.correct)?.id as string,
    optionFeedback: optionFeedback(data.options),
    feedback: data.feedback,
  }),
  summarize: promptSummary,
});
