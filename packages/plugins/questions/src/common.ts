import { z } from 'zod';
import { richTextToPlain, sanitizeRichText } from '@cakap/plugin-content';
import type { LearnerViewContext } from '@cakap/plugin-sdk';

/** Longest prompt HTML accepted before sanitising (characters). */
export const PROMPT_MAX_LENGTH = 50_000;
/** Longest option, item or pair text (plain text). */
export const TEXT_MAX_LENGTH = 1_000;
/** Longest feedback (plain text, shown after submission). */
export const FEEDBACK_MAX_LENGTH = 2_000;

/**
 * The question itself: rich text sanitised with the content plugin's allow-list (the same
 * rules as a lesson's text block), and not empty once the tags are gone.
 */
export const promptSchema = z
  .string()
  .max(PROMPT_MAX_LENGTH)
  .transform((html, ctx) => {
    const clean = sanitizeRichText(html).trim();
    if (!richTextToPlain(clean)) {
      ctx.issues.push({ code: 'custom', message: 'questions.prompt.empty', input: html });
      return z.NEVER;
    }
    return clean;
  });

/**
 * Options, items and pairs carry ids the editor generates, so that an answer names what the
 * learner picked whatever order the options were shown in.
 */
export const itemIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'questions.id.format');

/** Plain text of an option or item (rendered as text, never as HTML). */
export const itemTextSchema = z.string().trim().min(1, 'questions.text.empty').max(TEXT_MAX_LENGTH);

/** Optional plain-text feedback; an empty one is dropped. */
export const feedbackSchema = z
  .string()
  .trim()
  .max(FEEDBACK_MAX_LENGTH)
  .transform((v) => v || undefined)
  .optional();

/** Refuses a second use of the same id within one list (reported on the later one). */
export function checkUniqueIds(items: readonly { id: string }[], field: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) {
      ctx.addIssue({ code: 'custom', message: 'questions.id.duplicate', path: [field, i, 'id'] });
    }
    seen.add(item.id);
  });
}

/** A list of ids in an answer: each at most once. */
export const idListAnswerSchema = z
  .array(itemIdSchema)
  .max(200)
  .refine((ids) => new Set(ids).size === ids.length, 'questions.answer.duplicate');

/** Feedback parts joined for the learner, or nothing when there is none. */
export function joinFeedback(...parts: (string | undefined)[]): string | undefined {
  const text = parts.filter((p): p is string => !!p).join('\n');
  return text || undefined;
}

/** Plain text of a prompt, for bank lists and statistics. */
export function promptSummary(data: { prompt: string }): string {
  return richTextToPlain(data.prompt);
}

/** The prompt every learner view carries. */
export interface PromptView {
  prompt: string;
}

/** An option or item as the learner sees it: an id and a text, nothing else. */
export interface ItemView {
  id: string;
  text: string;
}

/** Options and items as learners see them: id and text only (never a flag or feedback). */
export function itemViews(items: readonly { id: string; text: string }[]): ItemView[] {
  return items.map(({ id, text }) => ({ id, text }));
}

/** An option of a choice question, as the author writes it (with its key). */
export const choiceOptionSchema = z.object({
  id: itemIdSchema,
  text: itemTextSchema,
  correct: z.boolean().default(false),
  /** Shown after submission to a learner who picked this option. */
  feedback: feedbackSchema,
});
export type ChoiceOption = z.output<typeof choiceOptionSchema>;

/** Options of a choice question: at least two, ids unique. */
export const choiceOptionsSchema = z.array(choiceOptionSchema).min(2, 'questions.choice.tooFew').max(50);

/** The feedback of the options a learner picked, keyed by option id (for review). */
export function optionFeedback(options: readonly ChoiceOption[]): Record<string, string> | undefined {
  const entries = options.filter((o) => o.feedback).map((o) => [o.id, o.feedback as string] as const);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** Single and multiple choice as the learner sees them: the options without their key, shuffled when the quiz says so. */
export function choiceLearnerView(data: { prompt: string; options: readonly ChoiceOption[] }, ctx: LearnerViewContext): PromptView & { options: ItemView[] } {
  const options = itemViews(data.options);
  return { prompt: data.prompt, options: ctx.shuffleOptions ? ctx.shuffle(options) : options };
}

/**
 * A shuffled list that came out in the key's order (its first ids are `keyIds`, three or
 * more) is rotated by one, deterministically so a reload shows the same: shown in order, it
 * would be the key. Two are left as they come: forcing them apart would tell the learner the
 * order shown is always wrong.
 */
export function unlessInKeyOrder<T extends { id: string }>(shown: T[], keyIds: readonly string[]): T[] {
  const aligned = keyIds.length >= 3 && keyIds.every((id, i) => shown[i]?.id === id);
  return aligned ? [...shown.slice(1), shown[0]] : shown;
}
