import { lazy } from 'react';
import type { QuizBlock } from '@cakap/contracts';
import type { ContentTypePortal, PortalPluginDefinition } from '@cakap/plugin-sdk/portal';

/**
 * Content types of the core (not plugins): the `quiz` block. Attempts, banks and grading are
 * core services, so its Viewer (the quiz card in the player) and Editor (the quiz settings in
 * the course editor) live in `features/quiz`. They load on first use: a lesson without a quiz
 * does not download the quiz code.
 */
const QuizBlockViewer = lazy(() => import('../features/quiz/QuizBlockViewer').then((m) => ({ default: m.QuizBlockViewer })));
const QuizBlockEditor = lazy(() => import('../features/quiz/QuizBlockEditor').then((m) => ({ default: m.QuizBlockEditor })));

/** A new quiz: settings filled in with the defaults of `quizBlockSchema`, no questions yet. */
export function newQuizBlock(): QuizBlock {
  return {
    title: '',
    role: 'graded',
    selection: { mode: 'fixed', questionIds: [] },
    shuffleQuestions: true,
    shuffleOptions: true,
    passPercent: 70,
    maxAttempts: null,
    timeLimitMinutes: null,
    reviewPolicy: 'after_submit',
    requirePass: true,
  };
}

const quizPortal: ContentTypePortal<QuizBlock> = {
  key: 'quiz',
  title: { id: 'Kuis', en: 'Quiz' },
  initialData: newQuizBlock,
  Viewer: QuizBlockViewer,
  Editor: QuizBlockEditor,
};

export const corePortalPlugin: PortalPluginDefinition = { id: '@cakap/quiz', contentTypes: [quizPortal] };
