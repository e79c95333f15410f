import { z } from 'zod';
import { defineQuestionType } from '@cakap/plugin-sdk';
import { byTextId, textId } from './answers';
import {
  checkUniqueIds,
  feedbackSchema,
  idListAnswerSchema,
  itemIdSchema,
  itemTextSchema,
  promptSchema,
  promptSummary,
  unlessInKeyOrder,
  type ItemView,
  type PromptView,
} from './common';

export const orderingSchema = z
  .object({
    prompt: promptSchema,
    /** In the correct order. */
    items: z
      .array(z.object({ id: itemIdSchema, text: itemTextSchema }))
      .min(2, 'questions.ordering.tooFew')
      .max(30),
    feedback: feedbackSchema,
  })
  .superRefine((data, ctx) => {
    checkUniqueIds(data.items, 'items', ctx);
    // Learners see items by text ids (see `toLearnerView`): two equal texts would be one item.
    const seen = new Set<string>();
    data.items.forEach((item, i) => {
      const id = textId(item.text);
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: 'questions.ordering.duplicateText', path: ['items', i, 'text'] });
      seen.add(id);
    });
  });
export type OrderingData = z.output<typeof orderingSchema>;
export type OrderingView = PromptView & { items: ItemView[] };
/** The items' text ids (as the learner view gives them) in the learner's order. */
export type OrderingAnswer = string[];
export interface OrderingReview {
  correctOrder: string[];
  feedback?: string;
}

export const ordering = defineQuestionType<OrderingData, OrderingView, OrderingAnswer>({
  key: 'ordering',
  title: { id: 'Mengurutkan', en: 'Ordering' },
  description: { id: 'Peserta menyusun butir-butir dalam urutan yang benar.', en: 'The learner puts items in the right order.' },
  authorSchema: orderingSchema,
  answerSchema: idListAnswerSchema,
  /**
   * Always shuffled, whatever the quiz says about shuffling options: shown in order, the items
   * would be the key. The shuffle starts from an order of the texts' ids, and items carry
   * those ids rather than the stored ones, so neither the order nor the ids depend on the key
   * even when the shuffle changes nothing. A result that is the right order is rotated
   * (`unlessInKeyOrder`).
   */
  toLearnerView: (data, ctx) => {
    const shuffled = ctx.shuffle(byTextId(data.items, (item) => item.text)).map((item) => ({ id: textId(item.text), text: item.text }));
    return { prompt: data.prompt, items: unlessInKeyOrder(shuffled, data.items.map((item) => textId(item.text))) };
  },
  /**
   * Per-position credit: the fraction of positions holding the right item. It rewards an
   * order that is nearly right, and an answer missing items simply earns nothing for them.
   */
  grade: (data, answer) => {
    const given = answer ?? [];
    const right = data.items.filter((item, i) => given[i] === textId(item.text)).length;
    return { score: right / data.items.length, max: 1, feedback: data.feedback };
  },
  toReview: (data): OrderingReview => ({ correctOrder: data.items.map((i) => textId(i.text)), feedback: data.feedback }),
  summarize: promptSummary,
});
