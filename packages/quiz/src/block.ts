import { quizBlockSchema, type QuizBlock } from '@cakap/contracts';
import { z } from 'zod';
import { definePlugin, defineContentType, SDK_VERSION, type CompletionRule } from '@cakap/plugin-sdk';

/**
 * The `quiz` content type. It is part of the core, not a plugin: attempts, banks and grading
 * are core services, and its completion is decided by the server when an attempt is graded
 * (passed, or submitted when the quiz does not require a pass). The client cannot complete
 * it by reporting an event.
 */
export const QUIZ_BLOCK_TYPE = 'quiz';
export const QUIZ_COMPLETION: CompletionRule = { kind: 'custom', key: 'quiz.passed' };

export const quizContentType = defineContentType<QuizBlock>({
  key: QUIZ_BLOCK_TYPE,
  title: { id: 'Kuis', en: 'Quiz' },
  description: { id: 'Pre-test, post-test atau kuis bernilai dari bank soal', en: 'Pre-test, post-test or graded quiz from question banks' },
  schema: quizBlockSchema,
  // Autosave keeps a half-configured quiz (no questions picked yet); it holds only plain values.
  draftSchema: z.looseObject({ title: z.string().max(200).optional() }),
  completion: QUIZ_COMPLETION,
  summarize: (data) => data.title,
});

/** Registered by the api and the worker ahead of the configured plugins. */
export const coreQuizPlugin = definePlugin({
  id: '@cakap/quiz',
  version: '0.1.0',
  sdk: SDK_VERSION,
  contentTypes: [quizContentType],
});
