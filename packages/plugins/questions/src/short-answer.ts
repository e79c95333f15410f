import { z } from 'zod';
import { defineQuestionType } from '@cakap/plugin-sdk';
import { isAccepted } from './answers';
import { feedbackSchema, promptSchema, promptSummary, type PromptView } from './common';

export const SHORT_ANSWER_MAX_LENGTH = 500;

const acceptedSchema = z.string().trim().min(1, 'questions.text.empty').max(SHORT_ANSWER_MAX_LENGTH);

export const shortAnswerSchema = z.object({
  prompt: promptSchema,
  /** Every answer that earns full marks (compared after normalisation). */
  accepted: z.array(acceptedSchema).min(1, 'questions.shortAnswer.noAccepted').max(50),
  caseSensitive: z.boolean().default(false),
  feedback: feedbackSchema,
});
export type ShortAnswerData = z.output<typeof shortAnswerSchema>;
export type ShortAnswerView = PromptView;
export type ShortAnswerAnswer = string;
export interface ShortAnswerReview {
  acceptedAnswers: string[];
  caseSensitive: boolean;
  feedback?: string;
}

export const shortAnswer = defineQuestionType<ShortAnswerData, ShortAnswerView, ShortAnswerAnswer>({
  key: 'short_answer',
  title: { id: 'Isian singkat', en: 'Short answer' },
  description: {
    id: 'Peserta mengetik jawaban singkat; beberapa variasi jawaban dapat diterima.',
    en: 'The learner types a short answer; several variants may be accepted.',
  },
  authorSchema: shortAnswerSchema,
  answerSchema: z.string().max(SHORT_ANSWER_MAX_LENGTH),
  toLearnerView: (data) => ({ prompt: data.prompt }),
  grade: (data, answer) => {
    const right = isAccepted(answer ?? '', data.accepted, data.caseSensitive);
    return { score: right ? 1 : 0, max: 1, feedback: data.feedback };
  },
  toReview: (data): ShortAnswerReview => ({ acceptedAnswers: data.accepted, caseSensitive: data.caseSensitive, feedback: data.feedback }),
  summarize: promptSummary,
});
