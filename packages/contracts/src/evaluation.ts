import { z } from 'zod';

/**
 * Programme evaluation (issue 8). Level 1 (reaction): every course has a post-course survey —
 * the default Indonesian questionnaire unless its authors adapted it — answered once per
 * enrolment, anonymous in reports. The rules live in `@cakap/evaluation`.
 */

/** What a Likert question measures; reports average per dimension. */
export const SURVEY_DIMENSIONS = ['relevance', 'content', 'presenter', 'usefulness', 'platform', 'overall'] as const;
export const surveyDimensionSchema = z.enum(SURVEY_DIMENSIONS);
export type SurveyDimension = z.infer<typeof surveyDimensionSchema>;

export const EVALUATION_MESSAGES = {
  notCompleted: 'evaluation.notCompleted',
  alreadyAnswered: 'evaluation.alreadyAnswered',
  answerRequired: 'evaluation.answerRequired',
  likertRange: 'evaluation.likertRange',
  unknownQuestion: 'evaluation.unknownQuestion',
  questionIdsUnique: 'evaluation.questionIdsUnique',
  surveyMissing: 'evaluation.surveyMissing',
} as const;

export const surveyQuestionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    id: z.string().trim().regex(/^[a-z0-9_-]{1,40}$/, 'validation.format'),
    type: z.literal('likert'),
    text: z.string().trim().min(3).max(500),
    dimension: surveyDimensionSchema,
    required: z.boolean().default(true),
  }),
  z.strictObject({
    id: z.string().trim().regex(/^[a-z0-9_-]{1,40}$/, 'validation.format'),
    type: z.literal('text'),
    text: z.string().trim().min(3).max(500),
    required: z.boolean().default(false),
  }),
]);
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;

export const surveyQuestionsSchema = z
  .array(surveyQuestionSchema)
  .min(1)
  .max(40)
  .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, { message: EVALUATION_MESSAGES.questionIdsUnique });

/** GET/PUT /courses/:id/survey (course authors and admins). */
export const courseSurveyInputSchema = z.strictObject({
  questions: surveyQuestionsSchema,
  /** The course's certificate waits for the learner's answers. */
  requiredForCertificate: z.boolean().default(false),
});
export type CourseSurveyInput = z.infer<typeof courseSurveyInputSchema>;

export const courseSurveySchema = z.object({
  courseId: z.uuid(),
  questions: z.array(surveyQuestionSchema),
  requiredForCertificate: z.boolean(),
  /** True while the course uses the default questionnaire (never adapted). */
  isDefault: z.boolean(),
  responseCount: z.number().int(),
});
export type CourseSurvey = z.infer<typeof courseSurveySchema>;

/** An answer: 1–5 for a Likert question (checked by the survey's rules, so a 2.5 is told why), text for a text question. */
export const surveyAnswerSchema = z.union([z.number(), z.string().max(2000)]);

/** POST /enrollments/:id/evaluation (DESIGN.md): `{answers: {<questionId>: value}}`; a second response is 409. */
export const surveyResponseInputSchema = z.strictObject({
  answers: z.record(z.string(), surveyAnswerSchema),
});
export type SurveyResponseInput = z.infer<typeof surveyResponseInputSchema>;

/** GET /enrollments/:id/evaluation: the survey to answer (DESIGN.md `{questions [{id, type, text}]}`) and the learner's own response. */
export const enrollmentEvaluationSchema = z.object({
  enrollmentId: z.uuid(),
  course: z.object({ id: z.uuid(), title: z.string() }),
  questions: z.array(surveyQuestionSchema),
  requiredForCertificate: z.boolean(),
  /** The survey opens when the course is completed. */
  open: z.boolean(),
  response: z.object({ answers: z.record(z.string(), surveyAnswerSchema), submittedAt: z.string() }).nullable(),
});
export type EnrollmentEvaluation = z.infer<typeof enrollmentEvaluationSchema>;

/** GET /courses/:id/survey/summary (authors and admins): anonymous aggregates, never who answered what. */
export const surveySummarySchema = z.object({
  courseId: z.uuid(),
  responseCount: z.number().int(),
  /** Results are shown from this many responses up, so that no single answer can be told apart. */
  minimumResponses: z.number().int(),
  questions: z.array(
    z.object({
      id: z.string(),
      type: z.enum(['likert', 'text']),
      text: z.string(),
      dimension: surveyDimensionSchema.nullable(),
      answered: z.number().int(),
      /** Likert: mean (1–5) and the count of each score 1..5; null below the minimum. */
      mean: z.number().nullable(),
      distribution: z.array(z.number().int()).nullable(),
      /** Text: the comments, shuffled, without names; empty below the minimum. */
      comments: z.array(z.string()),
    }),
  ),
  /** Mean per dimension over its Likert questions; null below the minimum. */
  dimensions: z.array(z.object({ dimension: surveyDimensionSchema, mean: z.number().nullable(), answered: z.number().int() })),
});
export type SurveySummary = z.infer<typeof surveySummarySchema>;
