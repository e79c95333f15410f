import { z } from 'zod';
import { defineQuestionType } from '@cakap/plugin-sdk';
import {
  checkUniqueIds,
  choiceLearnerView,
  choiceOptionsSchema,
  feedbackSchema,
  idListAnswerSchema,
  joinFeedback,
  optionFeedback,
  promptSchema,
  promptSummary,
  type ItemView,
  type PromptView,
} from './common';

export const multipleChoiceSchema = z
  .object({
    prompt: promptSchema,
    options: choiceOptionsSchema,
    /** Credit for a partly right answer (see `grade`); without it, only the exact set scores. */
    partialCredit: z.boolean().default(false),
    feedback: feedbackSchema,
  })
  .superRefine((data, ctx) => {
    checkUniqueIds(data.options, 'options', ctx);
    if (!data.options.some((o) => o.correct)) {
      ctx.addIssue({ code: 'custom', message: 'questions.choice.someCorrect', path: ['options'] });
    }
  });
export type MultipleChoiceData = z.output<typeof multipleChoiceSchema>;
export type MultipleChoiceView = PromptView & { options: ItemView[] };
/** The ids of the options picked (each once). */
export type MultipleChoiceAnswer = string[];
export interface MultipleChoiceReview {
  correctIds: string[];
  optionFeedback?: Record<string, string>;
  feedback?: string;
}

export const multipleChoice = defineQuestionType<MultipleChoiceData, MultipleChoiceView, MultipleChoiceAnswer>({
  key: 'multiple_choice',
  title: { id: 'Pilihan ganda (beberapa jawaban)', en: 'Multiple choice' },
  description: {
    id: 'Peserta memilih semua jawaban yang benar; nilai sebagian bila diizinkan.',
    en: 'The learner picks every correct option; partial credit when allowed.',
  },
  authorSchema: multipleChoiceSchema,
  answerSchema: idListAnswerSchema,
  toLearnerView: choiceLearnerView,
  /**
   * Ids that name no option are ignored (they picked nothing). With partial credit the score is
   * max(0, (right picks − wrong picks) / number of correct options): every wrong pick cancels a
   * right one, so ticking every box earns nothing, and the score never goes below 0. Without
   * it, the answer scores 1 only when it is exactly the set of correct options.
   */
  grade: (data, answer) => {
    const ids = new Set(answer ?? []);
    const picked = data.options.filter((o) => ids.has(o.id));
    const correct = data.options.filter((o) => o.correct).length;
    const right = picked.filter((o) => o.correct).length;
    const wrong = picked.length - right;
    const score = data.partialCredit
      ? Math.max(0, (right - wrong) / correct)
      : right === correct && wrong === 0
        ? 1
        : 0;
    return { score, max: 1, feedback: joinFeedback(...picked.map((o) => o.feedback), data.feedback) };
  },
  toReview: (data): MultipleChoiceReview => ({
    correctIds: data.options.filter((o) => o.correct).map((o) => o.id),
    optionFeedback: optionFeedback(data.options),
    feedback: data.feedback,
  }),
  summarize: promptSummary,
});
