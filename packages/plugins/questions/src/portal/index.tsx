import { definePortalPlugin } from '@cakap/plugin-sdk/portal';
import { singleChoicePortal } from './single-choice';
import { multipleChoicePortal } from './multiple-choice';
import { trueFalsePortal } from './true-false';
import { shortAnswerPortal } from './short-answer';
import { numericPortal } from './numeric';
import { matchingPortal } from './matching';
import { orderingPortal } from './ordering';
import { essayPortal } from './essay';

/**
 * The portal part of @cakap/plugin-questions: per question type, the studio's editor, the
 * learner's answer form and the review after submission. Imports nothing from the server
 * entry but types, the dependency-free answer rules and the messages, so zod schemas and the
 * HTML sanitiser never reach the browser bundle.
 */
export { messages } from '../messages';

export default definePortalPlugin({
  id: '@cakap/plugin-questions',
  questionTypes: [
    singleChoicePortal,
    multipleChoicePortal,
    trueFalsePortal,
    shortAnswerPortal,
    numericPortal,
    matchingPortal,
    orderingPortal,
    essayPortal,
  ],
});
