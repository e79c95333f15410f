import { z } from 'zod';
import { defineQuestionType } from '@cakap/plugin-sdk';
import { byTextId, textId } from './answers';
import {
  checkUniqueIds,
  feedbackSchema,
  itemIdSchema,
  itemTextSchema,
  promptSchema,
  promptSummary,
  unlessInKeyOrder,
  type ItemView,
  type PromptView,
} from './common';

export const matchingSchema = z
  .object({
    prompt: promptSchema,
    pairs: z
      .array(z.object({ id: itemIdSchema, left: itemTextSchema, right: itemTextSchema }))
      .min(2, 'questions.matching.tooFew')
      .max(30),
    /** Extra right-hand texts that match nothing. */
    distractors: z.array(itemTextSchema).max(20).default([]),
    feedback: feedbackSchema,
  })
  .superRefine((data, ctx) => {
    checkUniqueIds(data.pairs, 'pairs', ctx);
    const rights = new Set(data.pairs.map((p) => textId(p.right)));
    data.distractors.forEach((d, i) => {
      if (rights.has(textId(d))) ctx.addIssue({ code: 'custom', message: 'questions.matching.distractor', path: ['distractors', i] });
    });
  });
export type MatchingData = z.output<typeof matchingSchema>;
export type MatchingView = PromptView & { lefts: ItemView[]; rights: ItemView[] };
/** Left id → right id. */
export type MatchingAnswer = Record<string, string>;
export interface MatchingReview {
  matches: { leftId: string; rightId: string }[];
  feedback?: string;
}

/**
 * The distinct right-hand options (two pairs with the same answer share one), ordered by their
 * text ids: an order that says nothing about which left they belong to.
 */
function rightOptions(data: MatchingData): ItemView[] {
  const byId = new Map<string, ItemView>();
  for (const text of [...data.pairs.map((p) => p.right), ...data.distractors]) {
    const id = textId(text);
    if (!byId.has(id)) byId.set(id, { id, text: text.trim() });
  }
  return byTextId([...byId.values()], (r) => r.text);
}

export const matching = defineQuestionType<MatchingData, MatchingView, MatchingAnswer>({
  key: 'matching',
  title: { id: 'Menjodohkan', en: 'Matching' },
  description: { id: 'Peserta memasangkan setiap butir kiri dengan jawabannya.', en: 'The learner matches each left item with its answer.' },
  authorSchema: matchingSchema,
  answerSchema: z.record(itemIdSchema, itemIdSchema).refine((a) => Object.keys(a).length <= 100),
  toLearnerView: (data, ctx) => {
    const pairs = ctx.shuffleOptions ? ctx.shuffle(data.pairs) : data.pairs;
    const lefts = pairs.map((p) => ({ id: p.id, text: p.left }));
    // The rights are always shuffled, from an order that does not depend on the pairs (so a
    // quiz that does not shuffle options does not show them in the lefts' order, which would
    // be the key), and rotated when they line up with the lefts.
    const rights = unlessInKeyOrder(ctx.shuffle(rightOptions(data)), pairs.map((p) => textId(p.right)));
    return { prompt: data.prompt, lefts, rights };
  },
  /** One point per pair matched right, as a fraction of the pairs (partial credit). */
  grade: (data, answer) => {
    const given = new Map(Object.entries(answer ?? {}));
    const right = data.pairs.filter((p) => given.get(p.id) === textId(p.right)).length;
    return { score: right / data.pairs.length, max: 1, feedback: data.feedback };
  },
  toReview: (data): MatchingReview => ({
    matches: data.pairs.map((p) => ({ leftId: p.id, rightId: textId(p.right) })),
    feedback: data.feedback,
  }),
  summarize: promptSummary,
});
