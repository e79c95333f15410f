import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  LEARNING_MESSAGES,
  type Enrollment,
  type EnrollmentDetail,
  type EnrollmentListQuery,
  type EnrollmentProgress,
  type Page,
  type ProgressReport,
} from '@cakap/contracts';
import {
  EMPTY_BLOCK_STATE,
  applyEvent,
  blockIndex,
  completeLesson,
  completionRuleOf,
  findLesson,
  referencedFiles,
  ruleLabel,
  summarizeProgress,
  type BlockState,
  type ProgressSummaryResult,
} from '@cakap/courses';
import type { PluginRegistry } from '@cakap/plugin-sdk/host';
import { AppError, type FieldIssue } from '../common/app-error';
import type { Principal } from '../common/request';
import { FilesService } from '../files/files.service';
import { InjectPlugins } from '../plugins/plugins.tokens';
import { EnrollmentsRepository, type BlockStateChange, type EnrollmentRow } from './enrollments.repository';

/**
 * Enrolment, progress and completion. A learner only ever reaches their own enrolments (another
 * learner's id is a 404, invariant 5); the content is always the pinned version (invariant 1).
 */
@Injectable()
export class EnrollmentsService {
  constructor(
    private readonly repo: EnrollmentsRepository,
    private readonly files: FilesService,
    @InjectPlugins() private readonly plugins: PluginRegistry,
  ) {}

  async enroll(courseId: string, me: Principal): Promise<{ enrollment: EnrollmentDetail; created: boolean }> {
    const r = await this.repo.enroll(me.userId, courseId);
    if (!r) throw AppError.notFound();
    return { enrollment: await this.get(r.id, me), created: r.created };
  }

  async list(q: EnrollmentListQuery, me: Principal): Promise<Page<Enrollment>> {
    const { rows, total } = await this.repo.list(me.userId, q);
    const states = await this.repo.states(rows.map((r) => r.id));
    const covers = await this.files.urlsFor(rows.map((r) => r.snapshot.meta.coverFileId));
    const items = rows.map((r) => this.toEnrollment(r, this.summary(r, states.get(r.id)!), covers));
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  async get(id: string, me: Principal): Promise<EnrollmentDetail> {
    const e = await this.mine(id, me);
    const { progress } = await this.progressOf(e);
    const s = e.snapshot;
    const fileUrls = await this.files.urlsFor([s.meta.coverFileId, ...referencedFiles(s.content, this.plugins)]);
    return {
      ...progress,
      course: { ...progress.course, coverUrl: s.meta.coverFileId ? (fileUrls[s.meta.coverFileId] ?? null) : null },
      meta: s.meta,
      content: s.content,
      authors: s.authors,
      publishedAt: s.publishedAt,
      fileUrls,
    };
  }

  /**
   * A batch of block events, as the player sends them (and resends after a dropped connection):
   * unknown block keys are a 400 naming each, replays change nothing, and the batch may complete
   * the course.
   */
  async report(id: string, body: ProgressReport, me: Principal): Promise<EnrollmentProgress> {
    const e = await this.mine(id, me);
    const index = blockIndex(e.snapshot.content);
    const fields: FieldIssue[] = [];
    body.events.forEach((ev, i) => {
      if (!index.has(ev.blockKey)) fields.push({ field: `events.${i}.blockKey`, code: LEARNING_MESSAGES.unknownBlock });
    });
    if (body.lessonKey && !findLesson(e.snapshot.content, body.lessonKey)) {
      fields.push({ field: 'lessonKey', code: LEARNING_MESSAGES.unknownLesson });
    }
    if (fields.length) throw new AppError(ErrorCode.ValidationFailed, {}, fields);

    const states = (await this.repo.states([e.id])).get(e.id)!;
    const now = new Date();
    const changed = new Map<string, BlockState>();
    for (const ev of body.events) {
      const rule = completionRuleOf(index.get(ev.blockKey)!.type, this.plugins);
      const before = changed.get(ev.blockKey) ?? states.get(ev.blockKey) ?? EMPTY_BLOCK_STATE;
      changed.set(ev.blockKey, applyEvent(rule, before, ev, this.clamp(ev.at, e.enrolledAt, now)));
    }
    const saved = await this.repo.saveProgress(
      e.id,
      [...changed].map(([key, state]): BlockStateChange => ({ key, state })),
      body.lessonKey,
    );
    return this.afterProgress({ ...e, ...saved });
  }

  /** "I finished this lesson": its viewed and manual blocks become complete; a watched or custom one still open is a 409 naming it. */
  async completeLesson(id: string, lessonKey: string, me: Principal): Promise<EnrollmentProgress> {
    const e = await this.mine(id, me);
    const lesson = findLesson(e.snapshot.content, lessonKey);
    if (!lesson) throw AppError.notFound();
    const states = (await this.repo.states([e.id])).get(e.id)!;
    const result = completeLesson(
      lesson.blocks.map((b) => ({ key: b.key, rule: completionRuleOf(b.type, this.plugins), state: states.get(b.key) ?? EMPTY_BLOCK_STATE })),
      new Date(),
    );
    if (!result.ok) {
      throw new AppError(
        ErrorCode.Conflict,
        {},
        result.pending.map((p) => ({ field: `blocks.${p.key}`, code: LEARNING_MESSAGES.rulesNotMet, params: { rule: ruleLabel(p.rule) } })),
      );
    }
    const saved = await this.repo.saveProgress(
      e.id,
      result.blocks.filter((b) => b.changed).map((b) => ({ key: b.key, state: b.state })),
      lessonKey,
    );
    return this.afterProgress({ ...e, ...saved });
  }

  /**
   * Re-reads the recorded blocks (other requests may have written too) and completes the
   * course once when its rules are met.
   */
  private async afterProgress(e: EnrollmentRow): Promise<EnrollmentProgress> {
    const { progress, summary } = await this.progressOf(e);
    if (e.status === 'active' && summary.courseComplete) {
      await this.repo.complete(e, new Date());
      const after = (await this.repo.find(e.userId, e.id))!;
      return this.toProgress(after, summary);
    }
    return progress;
  }

  private async mine(id: string, me: Principal): Promise<EnrollmentRow> {
    const e = await this.repo.find(me.userId, id);
    if (!e) throw AppError.notFound();
    return e;
  }

  private async progressOf(e: EnrollmentRow): Promise<{ progress: EnrollmentProgress; summary: ProgressSummaryResult }> {
    const states = (await this.repo.states([e.id])).get(e.id)!;
    const summary = this.summary(e, states);
    return { progress: this.toProgress(e, summary), summary };
  }

  private summary(e: EnrollmentRow, states: Map<string, BlockState>): ProgressSummaryResult {
    return summarizeProgress(e.snapshot.content, this.plugins, states, e.lastLessonKey);
  }

  /** A device's timestamp is kept within what is possible: not before enrolment, not in the future. */
  private clamp(at: string | undefined, enrolledAt: Date, now: Date): Date {
    if (!at) return now;
    const t = new Date(at).getTime();
    return new Date(Math.min(now.getTime(), Math.max(new Date(enrolledAt).getTime(), t)));
  }

  private toEnrollment(e: EnrollmentRow, s: ProgressSummaryResult, covers: Record<string, string> = {}): Enrollment {
    const meta = e.snapshot.meta;
    return {
      id: e.id,
      courseId: e.courseId,
      version: e.version,
      status: e.status,
      enrolledAt: new Date(e.enrolledAt).toISOString(),
      completedAt: e.completedAt ? new Date(e.completedAt).toISOString() : null,
      lastLessonKey: e.lastLessonKey,
      progress: { completedLessons: s.completedLessons, totalLessons: s.totalLessons, percent: s.percent },
      course: {
        title: meta.title,
        jp: meta.jp,
        coverUrl: meta.coverFileId ? (covers[meta.coverFileId] ?? null) : null,
        developmentForm: meta.developmentForm,
      },
    };
  }

  private toProgress(e: EnrollmentRow, s: ProgressSummaryResult): EnrollmentProgress {
    return {
      ...this.toEnrollment(e, s),
      blocks: s.blocks.map((b) => ({
        key: b.key,
        rule: b.rule.kind,
        completed: b.completed,
        viewedAt: b.state.viewedAt ? new Date(b.state.viewedAt).toISOString() : null,
        maxFraction: b.state.maxFraction,
        completedAt: b.state.completedAt ? new Date(b.state.completedAt).toISOString() : null,
      })),
      lessons: s.lessons.map((l) => ({ key: l.key, completed: l.completed, completedBlocks: l.completedBlocks, totalBlocks: l.totalBlocks })),
      modules: s.modules,
      resumeLessonKey: s.resumeLessonKey,
    };
  }
}
