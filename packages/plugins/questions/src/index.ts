import { definePlugin } from '@cakap/plugin-sdk';
import { messages } from './messages';
import { singleChoice } from './single-choice';
import { multipleChoice } from './multiple-choice';
import { trueFalse } from './true-false';
import { shortAnswer } from './short-answer';
import { numeric } from './numeric';
import { matching } from './matching';
import { ordering } from './ordering';
import { essay } from './essay';

/**
 * @cakap/plugin-questions: the built-in question types. Their keys (`single_choice`,
 * `multiple_choice`, `true_false`, `short_answer`, `numeric`, `matching`, `ordering`, `essay`)
 * are stored in every question and must never change. The portal part is the `./portal` entry.
 */
export { messages, type QuestionsMessageKey } from './messages';
export { normalizeShortAnswer, isAccepted, parseNumber, isWithin, textId, countWords } from './answers';
export type { SingleChoiceData, SingleChoiceView, SingleChoiceAnswer, SingleChoiceReview } from './single-choice';
export type { MultipleChoiceData, MultipleChoiceView, MultipleChoiceAnswer, MultipleChoiceReview } from './multiple-choice';
export type { TrueFalseData, TrueFalseView, TrueFalseAnswer, TrueFalseReview } from './true-false';
export type { ShortAnswerData, ShortAnswerView, ShortAnswerAnswer, ShortAnswerReview } from './short-answer';
export type { NumericData, NumericView, NumericAnswer, NumericReview } from './numeric';
export type { MatchingData, MatchingView, MatchingAnswer, MatchingReview } from './matching';
export type { OrderingData, OrderingView, OrderingAnswer, OrderingReview } from './ordering';
export type { EssayData, EssayView, EssayAnswer, EssayReview } from './essay';

export const PLUGIN_ID = '@cakap/plugin-questions';
export const PLUGIN_VERSION = '0.1.0';

export const questionTypes = [singleChoice, multipleChoice, trueFalse, shortAnswer, numeric, matching, ordering, essay];

export default definePlugin({
  id: PLUGIN_ID,
  version: PLUGIN_VERSION,
  sdk: '^0.1.0',
  questionTypes,
  /** The validation messages (also the named export `messages`), for the host to merge. */
  messages,
});
