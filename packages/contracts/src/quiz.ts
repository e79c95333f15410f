import { z } from 'zod';
import { pageQuerySchema, searchSchema } from './common';

/**
 * The quiz engine (issue 5): question banks with versioned questions, the `quiz` block, and
 * attempts graded on the server. Question data is owned by the question-type plugins: the
 * author data (with the key) is validated by the type's `authorSchema`, the learner view and
 * the answer by the type's own schemas. Nothing typed here as a learner view carries a key
 * (invariant 2).
 */

// ---------------------------------------------------------------------------------------------
// Question types

export const questionTypeInfoSchema = z.object({
  key: z.string(),
  plugin: z.string(),
  title: z.object({ id: z.string(), en: z.string() }),
  description: z.object({ id: z.string(), en: z.string() }).optional(),
  manualGrading: z.boolean(),
  dataSchema: z.record(z.string(), z.unknown()),
});
export type QuestionTypeInfo = z.infer<typeof questionTypeInfoSchema>;

// ---------------------------------------------------------------------------------------------
// Banks and categories

export const bankInputSchema = z.strictObject({
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().max(2000).default(''),
});
export type BankInput = z.infer<typeof bankInputSchema>;
// Spelled out: `.partial()` keeps `description`'s default, which would blank it on a title-only PATCH.
export const bankPatchSchema = z.strictObject({
  title: z.string().trim().min(3).max(200).optional(),
  description: z.string().trim().max(2000).optional(),
});
export type BankPatch = z.infer<typeof bankPatchSchema>;

export const bankSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  owner: z.object({ id: z.uuid(), name: z.string() }),
  questionCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Bank = z.infer<typeof bankSchema>;

export const bankListQuerySchema = pageQuerySchema.extend({ q: searchSchema });
export type BankListQuery = z.infer<typeof bankListQuerySchema>;

export const categoryInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  parentId: z.uuid().nullish(),
});
export type CategoryInput = z.infer<typeof categoryInputSchema>;

export const categorySchema = z.object({
  id: z.uuid(),
  bankId: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  /** Names from the root down, e.g. `Pelayanan/Komunikasi`. */
  path: z.string(),
  questionCount: z.number().int(),
});
export type Category = z.infer<typeof categorySchema>;

// ---------------------------------------------------------------------------------------------
// Questions (versioned: an edit writes version n+1; attempts keep the version they drew)

const tagSchema = z.string().trim().min(1).max(60);

export const questionInputSchema = z.strictObject({
  type: z.string().min(1).max(64),
  /** Points this question is worth in a quiz (the grader's score is scaled to it). */
  points: z.number().positive().max(100).default(1),
  categoryId: z.uuid().nullish(),
  tags: z.array(tagSchema).max(20).default([]),
  /** Competency codes (issue 6 links them to frameworks). */
  competencyTags: z.array(tagSchema).max(20).default([]),
  /** Validated by the question type's `authorSchema` (prompt, options, key...). */
  data: z.unknown(),
});
export type QuestionInput = z.infer<typeof questionInputSchema>;

/** PUT: a new version; `version` is the one the author edited (a stale edit is a 409). */
export const questionUpdateSchema = questionInputSchema.extend({ version: z.number().int().min(1) });
export type QuestionUpdate = z.infer<typeof questionUpdateSchema>;

/** What authors see: the current version, key included. */
export const questionSchema = z.object({
  id: z.uuid(),
  bankId: z.uuid(),
  categoryId: z.uuid().nullable(),
  type: z.string(),
  version: z.number().int(),
  points: z.number(),
  tags: z.array(z.string()),
  competencyTags: z.array(z.string()),
  /** Plain text of the prompt, for lists. */
  summary: z.string(),
  data: z.unknown(),
  updatedAt: z.string(),
});
export type Question = z.infer<typeof questionSchema>;

export const questionListQuerySchema = pageQuerySchema.extend({
  q: searchSchema,
  categoryId: z.uuid().optional(),
  type: z.string().max(64).optional(),
  tag: z.string().max(60).optional(),
});
export type QuestionListQuery = z.infer<typeof questionListQuerySchema>;

/** GIFT import: every question validated first; one bad line and nothing is imported (invariant 6). */
export const giftImportResultSchema = z.object({
  imported: z.number().int(),
  categoriesCreated: z.number().int(),
});
export type GiftImportResult = z.infer<typeof giftImportResultSchema>;

/** Per-question statistics for authors (classical test theory). */
export const questionStatsSchema = z.object({
  questionId: z.uuid(),
  summary: z.string(),
  type: z.string(),
  /** Graded responses counted. */
  responses: z.number().int(),
  /** Mean fraction of the points earned, 0–1; null below the minimum number of responses. */
  facility: z.number().nullable(),
  /** Upper 27% minus lower 27% facility, −1 to 1; null below the minimum number of attempts. */
  discrimination: z.number().nullable(),
  /** A hint for the author: `too_easy`, `too_hard`, `poor_discrimination`, or null. */
  flag: z.enum(['too_easy', 'too_hard', 'poor_discrimination']).nullable(),
});
export type QuestionStats = z.infer<typeof questionStatsSchema>;

// ---------------------------------------------------------------------------------------------
// The quiz block (content type `quiz`)

export const QUIZ_ROLES = ['pretest', 'posttest', 'graded'] as const;
export const quizRoleSchema = z.enum(QUIZ_ROLES);
export type QuizRole = z.infer<typeof quizRoleSchema>;

export const REVIEW_POLICIES = ['after_submit', 'after_pass', 'never'] as const;
export const reviewPolicySchema = z.enum(REVIEW_POLICIES);
export type ReviewPolicy = z.infer<typeof reviewPolicySchema>;

export const quizSelectionSchema = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('fixed'),
    questionIds: z.array(z.uuid()).min(1).max(200),
  }),
  z.strictObject({
    mode: z.literal('random'),
    bankId: z.uuid(),
    /** A category of the bank (with its sub-categories); absent = the whole bank. */
    categoryId: z.uuid().nullish(),
    count: z.number().int().min(1).max(200),
  }),
]);
export type QuizSelection = z.infer<typeof quizSelectionSchema>;

export const quizBlockSchema = z.strictObject({
  title: z.string().trim().max(200).default(''),
  role: quizRoleSchema.default('graded'),
  selection: quizSelectionSchema,
  shuffleQuestions: z.boolean().default(true),
  shuffleOptions: z.boolean().default(true),
  /** Percentage of the points needed to pass. */
  passPercent: z.number().int().min(0).max(100).default(70),
  /** null: unlimited. */
  maxAttempts: z.number().int().min(1).max(100).nullable().default(null),
  /** null: untimed. */
  timeLimitMinutes: z.number().int().min(1).max(600).nullable().default(null),
  reviewPolicy: reviewPolicySchema.default('after_submit'),
  /**
   * Whether passing is needed to complete the block (and so the lesson and course). When
   * false, submitting any attempt completes it (a pre-test measures, it does not gate).
   */
  requirePass: z.boolean().default(true),
});
export type QuizBlock = z.infer<typeof quizBlockSchema>;

// ---------------------------------------------------------------------------------------------
// Attempts

export const ATTEMPT_STATUSES = ['open', 'needs_grading', 'graded'] as const;
export const attemptStatusSchema = z.enum(ATTEMPT_STATUSES);
export type AttemptStatus = z.infer<typeof attemptStatusSchema>;

/** One question of an attempt, as the learner sees it before submission: never a key. */
export const attemptItemSchema = z.object({
  slot: z.number().int(),
  type: z.string(),
  points: z.number(),
  /** The type's learner view (prompt, options in this attempt's order...). */
  view: z.unknown(),
  /** The answer saved so far (null when none). */
  answer: z.unknown().nullable(),
  flagged: z.boolean(),
});
export type AttemptItem = z.infer<typeof attemptItemSchema>;

/** After submission: per question, the score; the feedback and key only when review is allowed. */
export const attemptResultItemSchema = z.object({
  slot: z.number().int(),
  score: z.number().nullable(),
  max: z.number(),
  needsGrading: z.boolean(),
  feedback: z.string().nullable(),
  /** The grader's comment on an essay. */
  comment: z.string().nullable(),
  /** The type's review data (e.g. correct options); present only when the review policy allows. */
  review: z.unknown().optional(),
});
export type AttemptResultItem = z.infer<typeof attemptResultItemSchema>;

export const attemptSchema = z.object({
  id: z.uuid(),
  enrollmentId: z.uuid(),
  blockKey: z.string(),
  attemptNo: z.number().int(),
  status: attemptStatusSchema,
  role: quizRoleSchema,
  title: z.string(),
  startedAt: z.string(),
  /** When answers stop being accepted (null: untimed). */
  deadlineAt: z.string().nullable(),
  /** Server time of this response, so the timer does not trust the device clock. */
  serverNow: z.string(),
  submittedAt: z.string().nullable(),
  /** `learner` or `deadline` (graded by the worker when time ran out). */
  submittedBy: z.enum(['learner', 'deadline']).nullable(),
  passPercent: z.number().int(),
  maxAttempts: z.number().int().nullable(),
  items: z.array(attemptItemSchema),
  /** Present once submitted. */
  result: z
    .object({
      score: z.number(),
      max: z.number(),
      percent: z.number(),
      /** null while an essay waits for grading. */
      passed: z.boolean().nullable(),
      reviewAllowed: z.boolean(),
      items: z.array(attemptResultItemSchema),
    })
    .nullable(),
});
export type Attempt = z.infer<typeof attemptSchema>;

/** The learner's state of one quiz block: attempts so far, whether another may start. */
export const quizStateSchema = z.object({
  blockKey: z.string(),
  role: quizRoleSchema,
  title: z.string(),
  questionCount: z.number().int(),
  passPercent: z.number().int(),
  maxAttempts: z.number().int().nullable(),
  timeLimitMinutes: z.number().int().nullable(),
  openAttemptId: z.uuid().nullable(),
  canStart: z.boolean(),
  bestPercent: z.number().nullable(),
  passed: z.boolean(),
  attempts: z.array(
    z.object({
      id: z.uuid(),
      attemptNo: z.number().int(),
      status: attemptStatusSchema,
      startedAt: z.string(),
      submittedAt: z.string().nullable(),
      percent: z.number().nullable(),
      passed: z.boolean().nullable(),
    }),
  ),
});
export type QuizState = z.infer<typeof quizStateSchema>;

export const saveAnswersSchema = z.strictObject({
  answers: z
    .array(
      z.strictObject({
        slot: z.number().int().min(0).max(199),
        /** null clears the answer; otherwise validated by the question type's answer schema. */
        answer: z.unknown(),
        flagged: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(200),
});
export type SaveAnswers = z.infer<typeof saveAnswersSchema>;

export const saveAnswersResultSchema = z.object({ savedAt: z.string(), deadlineAt: z.string().nullable() });
export type SaveAnswersResult = z.infer<typeof saveAnswersResultSchema>;

/** An essay (or any manually graded answer) waiting for an author or admin. */
export const pendingGradingSchema = z.object({
  attemptId: z.uuid(),
  slot: z.number().int(),
  courseId: z.uuid(),
  courseTitle: z.string(),
  blockKey: z.string(),
  learner: z.object({ id: z.uuid(), name: z.string(), nip: z.string() }),
  submittedAt: z.string(),
  /** The question type, so the portal renders the answer with the right component. */
  type: z.string(),
  points: z.number(),
  view: z.unknown(),
  answer: z.unknown().nullable(),
});
export type PendingGrading = z.infer<typeof pendingGradingSchema>;

export const pendingGradingQuerySchema = pageQuerySchema.extend({ courseId: z.uuid().optional() });
export type PendingGradingQuery = z.infer<typeof pendingGradingQuerySchema>;

export const gradeAnswerSchema = z.strictObject({
  /** Points awarded, 0 to the question's points. */
  score: z.number().min(0).max(100),
  comment: z.string().trim().max(5000).default(''),
});
export type GradeAnswer = z.infer<typeof gradeAnswerSchema>;

/** Pre-test vs post-test of one enrolment (the evaluation reports read these). */
export const testResultsSchema = z.object({
  enrollmentId: z.uuid(),
  pretest: z.object({ percent: z.number(), attemptId: z.uuid(), submittedAt: z.string() }).nullable(),
  posttest: z.object({ percent: z.number(), attemptId: z.uuid(), submittedAt: z.string() }).nullable(),
});
export type TestResults = z.infer<typeof testResultsSchema>;

export const QUIZ_MESSAGES = {
  attemptClosed: 'quiz.attemptClosed',
  deadlinePassed: 'quiz.deadlinePassed',
  noAttemptsLeft: 'quiz.noAttemptsLeft',
  notEnoughQuestions: 'quiz.notEnoughQuestions',
  unknownSlot: 'quiz.unknownSlot',
  invalidAnswer: 'quiz.invalidAnswer',
  unknownQuestionType: 'quiz.unknownQuestionType',
  notAQuiz: 'quiz.notAQuiz',
  scoreAbovePoints: 'quiz.scoreAbovePoints',
  notManual: 'quiz.notManual',
  giftLine: 'quiz.giftLine',
  unknownQuestion: 'quiz.unknownQuestion',
  staleVersion: 'quiz.staleVersion',
} as const;
