import { Injectable, Logger } from '@nestjs/common';
import {
  ErrorCode,
  QUIZ_MESSAGES,
  type Attempt,
  type GradeAnswer,
  type Page,
  type PendingGrading,
  type PendingGradingQuery,
  type QuizBlock,
  type QuizSelection,
  type QuizState,
  type SaveAnswers,
  type SaveAnswersResult,
  type TestResults,
} from '@cakap/contracts';
import {
  QuestionVersionCache,
  SnapshotCache,
  completeCourseIfDone,
  recordPassedPosttest,
  quizBlockOf,
  recordBlockCompleted,
  submitAttempt,
  type AttemptRow,
  type GradingDeps,
} from '@cakap/learning';
import type { PluginRegistry } from '@cakap/plugin-sdk/host';
import {
  attemptsLeft,
  completesBlock,
  drawQuestions,
  learnerViewContext,
  newSeed,
  orderItems,
  reviewAllowed,
  round2,
  totals,
  type AttemptItemRef,
  type DrawCandidate,
} from '@cakap/quiz';
import { DataSource } from 'typeorm';
import { AppError, isUniqueViolation, type FieldIssue } from '../common/app-error';
import type { Principal } from '../common/request';
import { InjectPlugins } from '../plugins/plugins.tokens';
import { JobQueue } from '../queue/job-queue.service';
import { QuizAttemptsRepository, type AnswerRow, type AnswerWrite } from './quiz-attempts.repository';

/** How many attempts' question lists a process keeps (they never change after start). */
const ITEMS_CACHE_SIZE = 20_000;
/**
 * How long a quiz's resolved questions (the listed ones' current versions, or a bank's pool) are
 * reused by the starts that follow. A unit starting a test at 8 o'clock then reads them once,
 * not once per learner; an edit or a deletion reaches new attempts within this time.
 */
const SELECTION_TTL_MS = 2_000;
const SELECTION_CACHE_SIZE = 1_000;

/**
 * Quiz attempts: start, autosave, submit, and the grading of essays. The learner only ever
 * reaches their own attempts (someone else's is a 404, invariant 5) and never sees a key before
 * submitting (invariant 2): items carry the question type's learner view only. Grading runs
 * here (and in the worker at the deadline) with the types' pure graders, through @cakap/learning.
 */
@Injectable()
export class QuizAttemptsService {
  private readonly log = new Logger(QuizAttemptsService.name);
  private readonly deps: GradingDeps;
  /** attempt id → its owner and questions: a save then costs one statement. */
  private readonly items = new Map<string, { userId: string; items: AttemptItemRef[] }>();
  /** selection → its questions, for SELECTION_TTL_MS (shared while the read is in flight). */
  private readonly selections = new Map<string, { until: number; drawn: Promise<DrawCandidate[]> }>();

  constructor(
    private readonly ds: DataSource,
    private readonly repo: QuizAttemptsRepository,
    private readonly jobs: JobQueue,
    snapshots: SnapshotCache,
    @InjectPlugins() private readonly plugins: PluginRegistry,
  ) {
    this.deps = { registry: plugins, snapshots, versions: new QuestionVersionCache(ds) };
  }

  /** The quiz block of the enrolment's pinned version: 404 when there is no such block, 400 when it is not a quiz. */
  private async quizOf(courseId: string, version: number, blockKey: string): Promise<QuizBlock> {
    const found = quizBlockOf(await this.deps.snapshots.get(courseId, version), blockKey);
    if (found.kind === 'missing') throw AppError.notFound();
    if (found.kind === 'other') throw AppError.invalidField('blockKey', QUIZ_MESSAGES.notAQuiz);
    return found.quiz;
  }

  async state(enrollmentId: string, blockKey: string, me: Principal): Promise<QuizState> {
    const e = await this.repo.enrollment(me.userId, enrollmentId, blockKey);
    if (!e) throw AppError.notFound();
    const quiz = await this.quizOf(e.courseId, e.version, blockKey);
    const attempts = await this.repo.attemptsOf(e.id, blockKey);
    const graded = attempts.filter((a) => a.status === 'graded');
    return {
      blockKey,
      role: quiz.role,
      title: quiz.title,
      questionCount: quiz.selection.mode === 'fixed' ? quiz.selection.questionIds.length : quiz.selection.count,
      passPercent: quiz.passPercent,
      maxAttempts: quiz.maxAttempts,
      timeLimitMinutes: quiz.timeLimitMinutes,
      openAttemptId: e.openId,
      canStart: e.openId === null && attemptsLeft(e.used, quiz.maxAttempts),
      bestPercent: graded.length ? Math.max(...graded.map((a) => a.percent!)) : null,
      passed: graded.some((a) => a.passed === true),
      attempts: attempts.map((a) => ({
        id: a.id,
        attemptNo: a.attemptNo,
        status: a.status,
        startedAt: a.startedAt.toISOString(),
        submittedAt: a.submittedAt?.toISOString() ?? null,
        percent: a.status === 'open' ? null : a.percent,
        passed: a.passed,
      })),
    };
  }

  /**
   * Starts an attempt, or answers the open one (created: false). An open attempt past its
   * deadline is graded first. Two tabs starting at once get one attempt: the database's
   * one-open-attempt index decides, the loser reads the winner's.
   */
  async start(enrollmentId: string, blockKey: string, me: Principal): Promise<{ attempt: Attempt; created: boolean }> {
    for (let round = 0; ; round++) {
      const e = await this.repo.enrollment(me.userId, enrollmentId, blockKey);
      if (!e) throw AppError.notFound();
      const quiz = await this.quizOf(e.courseId, e.version, blockKey);
      if (e.openId && !e.openExpired) return { attempt: await this.get(e.openId, me), created: false };
      if (e.openId) await submitAttempt(this.ds, this.deps, e.openId, 'deadline', me.userId);
      const used = e.used;
      if (!attemptsLeft(used, quiz.maxAttempts)) throw new AppError(ErrorCode.Conflict, {}, [{ field: 'blockKey', code: QUIZ_MESSAGES.noAttemptsLeft }]);

      const seed = newSeed();
      const sel = quiz.selection;
      const candidates = await this.candidates(sel);
      const drawn = sel.mode === 'fixed' ? candidates : drawQuestions(candidates, sel.count, seed);
      if (!drawn || !drawn.length) throw new AppError(ErrorCode.Conflict, {}, [{ field: 'blockKey', code: QUIZ_MESSAGES.notEnoughQuestions }]);
      try {
        const row = await this.repo.insert({
          enrollmentId: e.id,
          userId: me.userId,
          courseId: e.courseId,
          blockKey,
          role: quiz.role,
          seed,
          items: orderItems(drawn, seed, quiz.shuffleQuestions),
          passPercent: quiz.passPercent,
          reviewPolicy: quiz.reviewPolicy,
          timeLimitMinutes: quiz.timeLimitMinutes,
        });
        if (row) {
          this.remember(row);
          if (row.deadlineAt) await this.scheduleDeadline(row);
          return { attempt: await this.toAttempt(row, [], quiz, false), created: true };
        }
      } catch (err) {
        // Two starts computed the same attempt number: the other one won; read it.
        if (!isUniqueViolation(err) || round >= 2) throw err;
      }
      if (round >= 2) throw AppError.notFound();
    }
  }

  /** The questions a selection can draw from: the listed ones' current versions, or the bank's (category's) live pool. */
  private candidates(sel: QuizSelection): Promise<DrawCandidate[]> {
    const key = JSON.stringify(sel);
    const now = Date.now();
    const hit = this.selections.get(key);
    if (hit && hit.until > now) return hit.drawn;
    const drawn = sel.mode === 'fixed' ? this.repo.currentVersions(sel.questionIds) : this.repo.pool(sel.bankId, sel.categoryId ?? null);
    drawn.catch(() => this.selections.delete(key));
    this.selections.delete(key);
    this.selections.set(key, { until: now + SELECTION_TTL_MS, drawn });
    if (this.selections.size > SELECTION_CACHE_SIZE) this.selections.delete(this.selections.keys().next().value!);
    return drawn;
  }

  /** The deadline job grades the attempt without the learner; Postgres stays the truth if Redis is down (the reconciler sweeps). */
  private async scheduleDeadline(a: AttemptRow): Promise<void> {
    try {
      await this.jobs.enqueue('quizDeadline', { v: 1, attemptId: a.id }, { jobId: a.id, delay: Math.max(0, a.deadlineAt!.getTime() - Date.now()) });
    } catch (err) {
      this.log.warn({ err, attemptId: a.id }, 'Could not schedule the deadline now; the reconciler will grade it');
    }
  }

  private remember(a: Pick<AttemptRow, 'id' | 'userId' | 'items'>): void {
    this.items.set(a.id, { userId: a.userId, items: a.items });
    if (this.items.size > ITEMS_CACHE_SIZE) this.items.delete(this.items.keys().next().value!);
  }

  async get(attemptId: string, me: Principal): Promise<Attempt> {
    const found = await this.repo.find(attemptId, me.userId);
    if (!found) throw AppError.notFound();
    const quiz = await this.quizOf(found.attempt.courseId, found.attempt.version, found.attempt.blockKey);
    return this.toAttempt(found.attempt, found.answers, quiz, false);
  }

  /**
   * Autosave. Each slot must exist and each answer parse with its type's answer schema (null
   * clears it). One statement writes only while the attempt is the caller's, open and before its
   * deadline; when nothing was written, a second read says why.
   */
  async save(attemptId: string, body: SaveAnswers, me: Principal): Promise<SaveAnswersResult> {
    let known = this.items.get(attemptId);
    if (!known) {
      const row = await this.repo.itemsOf(attemptId);
      if (!row || row.userId !== me.userId) throw AppError.notFound();
      this.remember({ id: attemptId, ...row });
      known = row;
    }
    if (known.userId !== me.userId) throw AppError.notFound();
    const bySlot = new Map(known.items.map((i) => [i.slot, i]));
    const versions = await this.deps.versions.get(known.items.map((i) => i.versionId));
    const fields: FieldIssue[] = [];
    const writes: AnswerWrite[] = [];
    body.answers.forEach((a, n) => {
      const item = bySlot.get(a.slot);
      if (!item) return fields.push({ field: `answers.${n}.slot`, code: QUIZ_MESSAGES.unknownSlot });
      let answer: unknown = null;
      if (a.answer !== null && a.answer !== undefined) {
        const def = this.plugins.questionType(versions.get(item.versionId)!.type);
        const parsed = def?.answerSchema.safeParse(a.answer);
        if (!parsed?.success) return fields.push({ field: `answers.${n}.answer`, code: QUIZ_MESSAGES.invalidAnswer });
        answer = parsed.data;
      }
      writes.push({ slot: a.slot, answer, flagged: a.flagged });
    });
    if (fields.length) throw new AppError(ErrorCode.ValidationFailed, {}, fields);
    const saved = await this.repo.saveAnswers(attemptId, me.userId, writes);
    if (saved) return { savedAt: saved.savedAt.toISOString(), deadlineAt: saved.deadlineAt?.toISOString() ?? null };
    const why = await this.repo.saveRefusal(attemptId, me.userId);
    if (why === 'closed') throw new AppError(ErrorCode.Conflict, {}, [{ field: 'attempt', code: QUIZ_MESSAGES.attemptClosed }]);
    if (why === 'deadline') throw new AppError(ErrorCode.Conflict, {}, [{ field: 'attempt', code: QUIZ_MESSAGES.deadlinePassed }]);
    throw AppError.notFound();
  }

  /** Grades on the server; submitting again (another tab, a double click) answers the same single result. */
  async submit(attemptId: string, me: Principal): Promise<Attempt> {
    const out = await submitAttempt(this.ds, this.deps, attemptId, 'learner', me.userId);
    if (out.kind === 'not_found') throw AppError.notFound();
    return this.get(attemptId, me);
  }

  /** The best graded pre-test and post-test of the enrolment (best, so a retaken post-test counts its best; ties: the earliest). */
  async testResults(enrollmentId: string, me: Principal): Promise<TestResults> {
    if (!(await this.repo.ownsEnrollment(me.userId, enrollmentId))) throw AppError.notFound();
    const best = await this.repo.bestTests(enrollmentId);
    const pick = (role: 'pretest' | 'posttest') => {
      const r = best.find((b) => b.role === role);
      return r ? { percent: Number(r.percent), attemptId: r.id, submittedAt: r.submittedAt.toISOString() } : null;
    };
    return { enrollmentId, pretest: pick('pretest'), posttest: pick('posttest') };
  }

  /** Authors see the answers waiting in the courses they author; admins all. */
  async pending(q: PendingGradingQuery, me: Principal): Promise<Page<PendingGrading>> {
    const { rows, total } = await this.repo.pending(this.graderScope(me), q);
    const versions = await this.deps.versions.get(rows.map((r) => r.item.versionId));
    const items = rows.map((r): PendingGrading => {
      const v = versions.get(r.item.versionId)!;
      const def = this.plugins.questionType(v.type);
      return {
        attemptId: r.attemptId,
        slot: r.slot,
        courseId: r.courseId,
        courseTitle: r.courseTitle,
        blockKey: r.blockKey,
        learner: { id: r.learnerId, name: r.learnerName, nip: r.nip },
        submittedAt: r.submittedAt.toISOString(),
        type: v.type,
        points: r.item.points,
        view: def ? def.toLearnerView(v.data, learnerViewContext(r.seed, r.slot, false)) : null,
        answer: r.answer ?? null,
      };
    });
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  /**
   * An author or admin grades one manually graded answer. When the last one is graded the
   * attempt gets its final percent and pass, and completion follows as after any grading.
   */
  async grade(attemptId: string, slot: number, body: GradeAnswer, me: Principal): Promise<Attempt> {
    const graded = await this.ds.transaction(async (tx) => {
      const a = await this.repo.lockForGrading(tx, attemptId, this.graderScope(me));
      if (!a) throw AppError.notFound();
      const item = a.items.find((i) => i.slot === slot);
      if (!item) throw AppError.notFound();
      // Nothing is graded before the learner submits.
      if (a.status === 'open') throw new AppError(ErrorCode.Conflict);
      const v = (await this.deps.versions.get([item.versionId], tx)).get(item.versionId)!;
      const scores = await this.repo.slotScores(tx, a.id);
      const def = this.plugins.questionType(v.type);
      // A type no longer enabled was held for a person too (see @cakap/learning gradeSlots).
      const manual = def ? def.manualGrading === true : true;
      if (!manual && !scores.get(slot)?.needsGrading) throw new AppError(ErrorCode.Conflict, {}, [{ field: 'slot', code: QUIZ_MESSAGES.notManual }]);
      if (body.score > item.points) throw AppError.invalidField('score', QUIZ_MESSAGES.scoreAbovePoints, { points: item.points });
      const score = round2(body.score);
      await this.repo.gradeAnswer(tx, a.id, slot, score, item.points, body.comment, me.userId);
      scores.set(slot, { score, needsGrading: false });
      const t = totals(
        a.items.map((i) => ({ score: scores.get(i.slot)?.score ?? 0, max: i.points, needsGrading: scores.get(i.slot)?.needsGrading ?? false })),
        a.passPercent,
      );
      await this.repo.setTotals(tx, a.id, { status: t.status, score: t.score, max: t.max, percent: t.percent, passed: t.passed });
      const after: AttemptRow = { ...a, status: t.status, score: t.score, maxScore: t.max, percent: t.percent, passed: t.passed };
      const quiz = await this.quizOf(a.courseId, a.version, a.blockKey);
      const completes = completesBlock(after.status, after.passed, quiz.requirePass);
      if (completes) await recordBlockCompleted(tx, a.enrollmentId, a.blockKey, new Date());
      return { after, completes };
    });
    if (graded.completes) await completeCourseIfDone(this.ds, this.plugins, this.deps.snapshots, graded.after.enrollmentId, new Date());
    await recordPassedPosttest(this.ds, graded.after, new Date());
    const found = (await this.repo.find(attemptId, null))!;
    const quiz = await this.quizOf(found.attempt.courseId, found.attempt.version, found.attempt.blockKey);
    return this.toAttempt(found.attempt, found.answers, quiz, true);
  }

  /** null: an admin grades everything; an author only the courses they author. */
  private graderScope(me: Principal): string | null {
    return me.roles.includes('admin') ? null : me.userId;
  }

  /**
   * The attempt as its learner sees it: the types' learner views with this attempt's option
   * order (a reload shows the same), saved answers, and once submitted the result — with the
   * feedback, comments and key only when the review policy allows (`reveal`: for graders).
   */
  private async toAttempt(a: AttemptRow, answers: AnswerRow[], quiz: QuizBlock, reveal: boolean): Promise<Attempt> {
    const versions = await this.deps.versions.get(a.items.map((i) => i.versionId));
    const saved = new Map(answers.map((r) => [r.slot, r]));
    const allowed = reveal || reviewAllowed(a.reviewPolicy, a.passed);
    return {
      id: a.id,
      enrollmentId: a.enrollmentId,
      blockKey: a.blockKey,
      attemptNo: a.attemptNo,
      status: a.status,
      role: a.role,
      title: quiz.title,
      startedAt: a.startedAt.toISOString(),
      deadlineAt: a.deadlineAt?.toISOString() ?? null,
      serverNow: new Date().toISOString(),
      submittedAt: a.submittedAt?.toISOString() ?? null,
      submittedBy: a.submittedBy,
      passPercent: a.passPercent,
      maxAttempts: quiz.maxAttempts,
      items: a.items.map((item) => {
        const v = versions.get(item.versionId)!;
        const def = this.plugins.questionType(v.type);
        return {
          slot: item.slot,
          type: v.type,
          points: item.points,
          view: def ? def.toLearnerView(v.data, learnerViewContext(a.seed, item.slot, quiz.shuffleOptions)) : null,
          answer: saved.get(item.slot)?.answer ?? null,
          flagged: saved.get(item.slot)?.flagged ?? false,
        };
      }),
      result:
        a.status === 'open'
          ? null
          : {
              score: a.score!,
              max: a.maxScore!,
              percent: a.percent!,
              passed: a.passed,
              reviewAllowed: allowed,
              items: a.items.map((item) => {
                const r = saved.get(item.slot);
                const v = versions.get(item.versionId)!;
                const def = this.plugins.questionType(v.type);
                const needsGrading = r?.needsGrading ?? false;
                return {
                  slot: item.slot,
                  score: needsGrading ? null : (r?.score ?? 0),
                  max: item.points,
                  needsGrading,
                  feedback: allowed ? (r?.feedback ?? null) : null,
                  comment: allowed ? (r?.comment ?? null) : null,
                  ...(allowed && def?.toReview ? { review: def.toReview(v.data) } : {}),
                };
              }),
            },
    };
  }
}
