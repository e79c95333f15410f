import { quizBlockSchema, type AttemptStatus, type QuizBlock, type QuizRole, type ReviewPolicy, type VersionSnapshot } from '@cakap/contracts';
import type { ContentTypes } from '@cakap/courses';
import type { QuestionTypeDefinition } from '@cakap/plugin-sdk';
import { QUIZ_BLOCK_TYPE, completesBlock, gradeSlot, totals, type AttemptItemRef, type SlotGrade } from '@cakap/quiz';
import type { DataSource } from 'typeorm';
import { completeBlock, completeCourseIfDone, recordBlockCompleted } from './completion';
import { recordPassedPosttest } from './evidence';
import { PromiseLru } from './lru';
import type { SnapshotCache } from './snapshots';
import { rowsOf, type Queryable } from '@cakap/db';

/**
 * Grading a quiz attempt on the server, the one code path of the api (a learner submits) and
 * the worker (the deadline passed): grade every slot with the question type's pure grader,
 * store the scores, and complete the quiz block (and the course) when the attempt says so.
 */

export interface QuestionTypes {
  questionType(key: string): QuestionTypeDefinition | undefined;
}
/** The plugin registry, as far as grading needs it. */
export type QuizRegistry = ContentTypes & QuestionTypes;

export interface QuestionVersion {
  id: string;
  questionId: string;
  type: string;
  points: number;
  /** The author data, key included: never sent to a learner as is. */
  data: unknown;
}

/** How many question versions a process keeps in memory. */
export const VERSION_CACHE_SIZE = 5000;

/**
 * Question versions are immutable (a trigger refuses changes), so they are cached without
 * expiry. Bounded, LRU. A miss is shared while in flight: a burst of learners starting the same
 * quiz reads each version once, not once per learner.
 */
export class QuestionVersionCache {
  private readonly entries: PromiseLru<QuestionVersion>;

  constructor(
    private readonly db: Queryable,
    size = VERSION_CACHE_SIZE,
  ) {
    this.entries = new PromiseLru(size);
  }

  /** The versions by id; every id must exist (attempts only name versions that do). */
  async get(ids: readonly string[], db: Queryable = this.db): Promise<Map<string, QuestionVersion>> {
    const wanted = new Map<string, Promise<QuestionVersion>>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const hit = this.entries.get(id);
      if (hit) wanted.set(id, hit);
      else missing.push(id);
    }
    if (missing.length) {
      const loaded = db
        .query(`SELECT id, question_id AS "questionId", type, points, data FROM question_versions WHERE id = ANY($1::uuid[])`, [missing])
        .then((rows: (Omit<QuestionVersion, 'points'> & { points: string })[]) => new Map(rows.map((r) => [r.id, { ...r, points: Number(r.points) }])));
      for (const id of missing) {
        const one = loaded.then((found) => {
          const v = found.get(id);
          if (!v) throw new Error(`question version ${id} not found`);
          return v;
        });
        wanted.set(id, this.entries.set(id, one));
      }
    }
    const out = new Map<string, QuestionVersion>();
    for (const [id, v] of wanted) out.set(id, await v);
    return out;
  }
}

export type QuizBlockLookup = { kind: 'missing' } | { kind: 'other' } | { kind: 'quiz'; quiz: QuizBlock };

/** Parsed quiz data per block object of a cached snapshot (snapshots never change). */
const parsedQuizzes = new WeakMap<object, QuizBlock>();

/** The quiz block of a published version, parsed (defaults applied); or why there is none. */
export function quizBlockOf(snapshot: VersionSnapshot, blockKey: string): QuizBlockLookup {
  for (const m of snapshot.content.modules) {
    for (const l of m.lessons) {
      for (const b of l.blocks) {
        if (b.key !== blockKey) continue;
        if (b.type !== QUIZ_BLOCK_TYPE) return { kind: 'other' };
        let quiz = parsedQuizzes.get(b);
        if (!quiz) {
          quiz = quizBlockSchema.parse(b.data);
          parsedQuizzes.set(b, quiz);
        }
        return { kind: 'quiz', quiz };
      }
    }
  }
  return { kind: 'missing' };
}

/** A quiz attempt as stored, with the version of the enrolment it belongs to. */
export interface AttemptRow {
  id: string;
  enrollmentId: string;
  userId: string;
  courseId: string;
  /** The enrolment's pinned course version (where the quiz block lives). */
  version: number;
  blockKey: string;
  attemptNo: number;
  role: QuizRole;
  status: AttemptStatus;
  seed: number;
  items: AttemptItemRef[];
  passPercent: number;
  reviewPolicy: ReviewPolicy;
  startedAt: Date;
  deadlineAt: Date | null;
  submittedAt: Date | null;
  submittedBy: 'learner' | 'deadline' | null;
  score: number | null;
  maxScore: number | null;
  percent: number | null;
  passed: boolean | null;
}

/** The columns of AttemptRow, from `quiz_attempts a JOIN enrollments e`. */
export const ATTEMPT_COLUMNS = `a.id, a.enrollment_id AS "enrollmentId", a.user_id AS "userId", a.course_id AS "courseId", e.version,
  a.block_key AS "blockKey", a.attempt_no AS "attemptNo", a.role, a.status, a.seed, a.items, a.pass_percent AS "passPercent",
  a.review_policy AS "reviewPolicy", a.started_at AS "startedAt", a.deadline_at AS "deadlineAt", a.submitted_at AS "submittedAt",
  a.submitted_by AS "submittedBy", a.score, a.max_score AS "maxScore", a.percent, a.passed`;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Postgres numerics arrive as strings. */
export function toAttemptRow(r: Record<string, unknown>): AttemptRow {
  return { ...(r as unknown as AttemptRow), score: num(r.score), maxScore: num(r.maxScore), percent: num(r.percent) };
}

export type SubmitOutcome =
  | { kind: 'not_found' }
  /** A deadline job that fired before the deadline (clock skew), or an untimed attempt. */
  | { kind: 'not_due'; deadlineAt: Date | null }
  /** Graded now (`graded`), or earlier (`already`: a double click, a second tab, the worker first). */
  | { kind: 'graded' | 'already'; attempt: AttemptRow };

export interface GradingDeps {
  registry: QuizRegistry;
  snapshots: SnapshotCache;
  versions: QuestionVersionCache;
}

/** Whether the attempt completes its block: the quiz's requirePass comes from the pinned version. */
async function completes(deps: GradingDeps, a: AttemptRow, db?: Queryable): Promise<boolean> {
  const found = quizBlockOf(await deps.snapshots.get(a.courseId, a.version, db), a.blockKey);
  return found.kind === 'quiz' && completesBlock(a.status, a.passed, found.quiz.requirePass);
}

/** Grades every slot with what was saved. A type no longer enabled waits for a person rather than scoring 0. */
export function gradeSlots(a: Pick<AttemptRow, 'items'>, versions: Map<string, QuestionVersion>, answers: Map<number, unknown>, types: QuestionTypes): SlotGrade[] {
  return a.items.map((item) => {
    const v = versions.get(item.versionId)!;
    const def = types.questionType(v.type);
    if (!def) return { slot: item.slot, score: 0, max: item.points, needsGrading: true, feedback: null };
    return gradeSlot({ slot: item.slot, points: item.points, def, data: v.data, answer: answers.get(item.slot) ?? undefined });
  });
}

/**
 * Submits an attempt: locks it, and unless it was submitted already, grades it and stores the
 * result, all in one transaction — so two tabs, a double click or the worker racing the
 * learner give one single result. `by: 'deadline'` only grades once the deadline has passed
 * (by the database's clock). `userId` restricts it to the learner's own attempt.
 */
export async function submitAttempt(
  ds: DataSource,
  deps: GradingDeps,
  attemptId: string,
  by: 'learner' | 'deadline',
  userId?: string,
): Promise<SubmitOutcome> {
  const outcome = await ds.transaction(async (tx): Promise<SubmitOutcome> => {
    const params: unknown[] = [attemptId];
    if (userId) params.push(userId);
    const rows: Record<string, unknown>[] = await tx.query(
      `SELECT ${ATTEMPT_COLUMNS}, (a.deadline_at IS NOT NULL AND a.deadline_at <= now()) AS "pastDeadline"
         FROM quiz_attempts a JOIN enrollments e ON e.id = a.enrollment_id
        WHERE a.id = $1 ${userId ? 'AND a.user_id = $2' : ''}
        FOR UPDATE OF a`,
      params,
    );
    if (!rows.length) return { kind: 'not_found' };
    const a = toAttemptRow(rows[0]);
    if (a.status !== 'open') return { kind: 'already', attempt: a };
    if (by === 'deadline' && !rows[0].pastDeadline) return { kind: 'not_due', deadlineAt: a.deadlineAt };

    const saved: { slot: number; answer: unknown }[] = await tx.query(`SELECT slot, answer FROM attempt_answers WHERE attempt_id = $1`, [a.id]);
    const versions = await deps.versions.get(
      a.items.map((i) => i.versionId),
      tx,
    );
    const grades = gradeSlots(a, versions, new Map(saved.map((s) => [s.slot, s.answer])), deps.registry);
    // Past the deadline it is graded with what was saved in time (later saves were refused),
    // whoever asks first: the learner's page or the worker.
    const submittedBy = rows[0].pastDeadline ? 'deadline' : by;
    const t = totals(grades, a.passPercent);
    await tx.query(
      `INSERT INTO attempt_answers (attempt_id, slot, score, max_score, needs_grading, feedback)
       SELECT $1, x.slot, x.score, x.max, x.needs_grading, x.feedback
         FROM jsonb_to_recordset($2::jsonb) AS x(slot int, score numeric, max numeric, needs_grading boolean, feedback text)
       ON CONFLICT (attempt_id, slot) DO UPDATE SET
         score = EXCLUDED.score, max_score = EXCLUDED.max_score, needs_grading = EXCLUDED.needs_grading, feedback = EXCLUDED.feedback`,
      [a.id, JSON.stringify(grades.map((g) => ({ slot: g.slot, score: g.score, max: g.max, needs_grading: g.needsGrading, feedback: g.feedback })))],
    );
    const [done] = rowsOf<{ submittedAt: Date }>(
      await tx.query(
        `UPDATE quiz_attempts SET status = $2, submitted_at = now(), submitted_by = $3, score = $4, max_score = $5, percent = $6, passed = $7
          WHERE id = $1 RETURNING submitted_at AS "submittedAt"`,
        [a.id, t.status, submittedBy, t.score, t.max, t.percent, t.passed],
      ),
    );
    const graded: AttemptRow = {
      ...a,
      status: t.status,
      submittedAt: done.submittedAt,
      submittedBy,
      score: t.score,
      maxScore: t.max,
      percent: t.percent,
      passed: t.passed,
    };
    // The block's completion commits with the grade; the course's follows (its own transaction).
    if (await completes(deps, graded, tx)) await recordBlockCompleted(tx, a.enrollmentId, a.blockKey, done.submittedAt);
    return { kind: 'graded', attempt: graded };
  });

  if (outcome.kind === 'graded' && (await completes(deps, outcome.attempt))) {
    await completeCourseIfDone(ds, deps.registry, deps.snapshots, outcome.attempt.enrollmentId, outcome.attempt.submittedAt!);
  } else if (outcome.kind === 'already' && (await completes(deps, outcome.attempt))) {
    // Idempotent: if a crash came between the grade and the course's completion, this finishes it.
    await completeBlock(ds, deps.registry, deps.snapshots, outcome.attempt.enrollmentId, outcome.attempt.blockKey, outcome.attempt.submittedAt!);
  }
  // A post-test passed after the course was completed proves its targets now (idempotent, so
  // the `already` path also repairs a crash between the grade and this write).
  if (outcome.kind === 'graded' || outcome.kind === 'already') await recordPassedPosttest(ds, outcome.attempt, outcome.attempt.submittedAt!);
  return outcome;
}
