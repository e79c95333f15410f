import { Injectable } from '@nestjs/common';
import {
  type CoauthorCandidate,
  COMPETENCY_MESSAGES,
  type CompetencyLevelInput,
  ErrorCode,
  type Course,
  type CourseEvent,
  type CourseListQuery,
  type CourseMeta,
  type CourseVersion,
  type CourseWithContent,
  type CreateCourse,
  type Page,
  type PutContent,
  type UpdateCourse,
  type VersionView,
} from '@cakap/contracts';
import {
  fileReferences,
  preparePublication,
  referencedFiles,
  transition,
  validateContent,
  type TransitionRefusal,
  type WorkflowAction,
  type WorkflowActor,
} from '@cakap/courses';
import type { CourseEntity, CourseEventKind } from '@cakap/db';
import type { PluginRegistry } from '@cakap/plugin-sdk/host';
import { AppError, ZodValidationError, type FieldIssue } from '../common/app-error';
import type { Principal } from '../common/request';
import { FilesService } from '../files/files.service';
import { InjectPlugins } from '../plugins/plugins.tokens';
import { CoursesRepository, type AuthorRow, type CourseTargetRow } from './courses.repository';

interface Access {
  course: CourseEntity;
  actor: WorkflowActor;
}

const REFUSAL: Record<TransitionRefusal, ErrorCode> = {
  forbidden: ErrorCode.Forbidden,
  invalid_transition: ErrorCode.InvalidTransition,
  not_editable: ErrorCode.CourseNotEditable,
};

export function metaOf(c: CourseEntity): CourseMeta {
  return {
    title: c.title,
    summary: c.summary,
    jp: c.jp,
    category: c.category,
    coverFileId: c.coverFileId,
    durationMinutes: c.durationMinutes,
    language: c.language,
    developmentForm: c.developmentForm,
    tags: c.tags,
  };
}

/**
 * Authoring: the rules of @cakap/courses applied to the rows of CoursesRepository.
 * A course is visible only to its owner, its co-authors and admins; anyone else gets 404
 * (learners never learn that a draft exists). Who may do what, in which status, is the
 * workflow's decision (packages/courses/src/workflow.ts).
 */
@Injectable()
export class CoursesService {
  constructor(
    private readonly repo: CoursesRepository,
    private readonly files: FilesService,
    @InjectPlugins() private readonly plugins: PluginRegistry,
  ) {}

  async create(input: CreateCourse, me: Principal): Promise<Course> {
    const id = await this.repo.create(me.userId, {
      title: input.title,
      summary: input.summary,
      jp: input.jp,
      category: input.category ?? null,
    });
    return this.get(id, me);
  }

  async list(q: CourseListQuery, me: Principal): Promise<Page<Course>> {
    const onlyMine = !isAdmin(me) || q.mine;
    const page = await this.repo.list(q, onlyMine ? me.userId : null);
    const ids = page.items.map((c) => c.id);
    const [authors, targets] = await Promise.all([this.repo.authorsOf(ids), this.repo.draftTargets(ids)]);
    const urls = await this.files.urlsFor(page.items.map((c) => c.coverFileId));
    return { ...page, items: page.items.map((c) => this.toCourse(c, authors, targets, urls)) };
  }

  async get(id: string, me: Principal): Promise<CourseWithContent> {
    const { course } = await this.access(id, me);
    const [authors, targets] = await Promise.all([this.repo.authorsOf([id]), this.repo.draftTargets([id])]);
    const urls = await this.files.urlsFor([course.coverFileId, ...referencedFiles(course.content, this.plugins)]);
    return { ...this.toCourse(course, authors, targets, urls), content: course.content, fileUrls: urls };
  }

  async update(id: string, input: UpdateCourse, me: Principal): Promise<CourseWithContent> {
    const { course, actor } = await this.access(id, me);
    const to = this.allowed(course, 'edit', actor);
    if (input.coverFileId) {
      const [file] = await this.files.findByIds([input.coverFileId]);
      if (!file || file.kind !== 'image' || !(file.courseId === id || file.ownerId === me.userId)) {
        throw AppError.invalidField('coverFileId', 'courses.coverNotImage');
      }
    }
    const { competencies, certificateAuto, certificateTemplateId, ...meta } = input;
    if (competencies) await this.checkTargets(competencies);
    if (certificateAuto !== undefined || certificateTemplateId !== undefined) {
      await this.updateCertificateSettings(id, certificateAuto, certificateTemplateId);
    }
    const patch: Partial<CourseEntity> = {};
    for (const [key, value] of Object.entries(meta)) if (value !== undefined) (patch as Record<string, unknown>)[key] = value;
    // New targets are a draft change like any metadata: they bump the revision and wait for the next publication.
    const changed = Object.keys(patch).length > 0 || competencies !== undefined;
    if (changed && !(await this.repo.updateMeta(id, patch, to, competencies))) throw new AppError(ErrorCode.CourseNotEditable);
    return this.get(id, me);
  }

  async putContent(id: string, body: PutContent, me: Principal): Promise<CourseWithContent> {
    const { course, actor } = await this.access(id, me);
    this.allowed(course, 'edit', actor);
    const { revision, ...tree } = body;
    // Autosave keeps unfinished blocks (draft schemas); review and publication need them finished.
    const result = validateContent(tree, this.plugins, 'draft');
    if (!result.ok) throw new ZodValidationError(result.issues, body);
    await this.checkFiles(id, result.content, me);
    const saved = await this.repo.putContent(id, revision, result.content);
    if (saved === null) {
      const now = await this.repo.findById(id);
      if (now && now.status !== 'draft' && now.status !== 'published') throw new AppError(ErrorCode.CourseNotEditable);
      throw new AppError(ErrorCode.ContentConflict, { revision: now?.revision });
    }
    return this.get(id, me);
  }

  /** Only a finished course goes to review: every block passes its type's strict schema. */
  async submit(id: string, me: Principal): Promise<Course> {
    const { course, actor } = await this.access(id, me);
    this.allowed(course, 'submit', actor);
    const result = validateContent(course.content, this.plugins, 'final');
    if (!result.ok) throw new ZodValidationError(result.issues, course.content);
    return this.step(id, me, 'submit', 'submitted');
  }

  withdraw = (id: string, me: Principal) => this.step(id, me, 'withdraw', 'withdrawn');
  archive = (id: string, me: Principal) => this.step(id, me, 'archive', 'archived');
  restore = (id: string, me: Principal) => this.step(id, me, 'restore', 'restored');
  reject = (id: string, me: Principal, comment: string) =>
    this.step(id, me, 'reject', 'rejected', { reviewComment: comment, comment });

  async publish(id: string, me: Principal, comment?: string): Promise<{ version: number }> {
    const { course, actor } = await this.access(id, me);
    this.allowed(course, 'publish', actor);
    const version = await this.repo.publish(id, me.userId, comment ?? null, (c, authors, n, publishedAt) => {
      // A draft that no longer passes the strict schemas (a plugin changed since submission) is not published.
      const prepared = preparePublication(
        { courseId: c.id, version: n, meta: metaOf(c), content: c.content, authors: authors.map((a) => ({ id: a.id, name: a.name })), publishedAt },
        this.plugins,
      );
      if (!prepared.ok) throw new ZodValidationError(prepared.issues, c.content);
      return prepared.publication;
    });
    if (version === null) throw new AppError(ErrorCode.InvalidTransition);
    return { version };
  }

  async versions(id: string, me: Principal): Promise<CourseVersion[]> {
    await this.access(id, me);
    const rows = await this.repo.versions(id);
    return rows.map((v) => ({
      version: v.version,
      publishedAt: new Date(v.publishedAt).toISOString(),
      publishedBy: { id: v.publishedById, name: v.publishedByName },
      title: v.title,
      hash: v.hash.trim(),
      comment: v.comment,
    }));
  }

  async version(id: string, version: number, me: Principal): Promise<VersionView> {
    await this.access(id, me);
    const snapshot = await this.repo.version(id, version);
    if (!snapshot) throw AppError.notFound();
    const fileUrls = await this.files.urlsFor([snapshot.meta.coverFileId, ...referencedFiles(snapshot.content, this.plugins)]);
    return { ...snapshot, fileUrls };
  }

  async events(id: string, me: Principal): Promise<CourseEvent[]> {
    await this.access(id, me);
    const rows = await this.repo.events(id);
    return rows.map((e) => ({
      id: e.id,
      kind: e.kind as CourseEvent['kind'],
      actor: { id: e.actorId, name: e.actorName },
      comment: e.comment,
      version: e.version,
      createdAt: new Date(e.createdAt).toISOString(),
    }));
  }

  async addCoauthor(id: string, userId: string, me: Principal): Promise<Course> {
    const { course, actor } = await this.access(id, me);
    if (!actor.isOwner && !actor.isAdmin) throw AppError.forbidden();
    if (userId === course.ownerId) throw AppError.invalidField('userId', 'courses.coauthorIsOwner');
    const user = await this.repo.userForCoauthor(userId);
    if (!user || !user.active || !user.roles.includes('author')) throw AppError.invalidField('userId', 'courses.coauthorNotAuthor');
    await this.repo.addCoauthor(id, userId, me.userId, user.name);
    return this.get(id, me);
  }

  /** Who the owner (or an admin) may add: authors do not see the users list, so this is their lookup. */
  async coauthorCandidates(id: string, q: string | undefined, me: Principal): Promise<CoauthorCandidate[]> {
    const { actor } = await this.access(id, me);
    if (!actor.isOwner && !actor.isAdmin) throw AppError.forbidden();
    return this.repo.coauthorCandidates(id, q);
  }

  async removeCoauthor(id: string, userId: string, me: Principal): Promise<Course> {
    const { actor } = await this.access(id, me);
    if (!actor.isOwner && !actor.isAdmin) throw AppError.forbidden();
    const user = await this.repo.userForCoauthor(userId);
    if (!user || !(await this.repo.removeCoauthor(id, userId, me.userId, user.name))) throw AppError.notFound();
    return this.get(id, me);
  }

  /** For modules that hang off a course (its survey): the same rule, 404 for anyone but its authors and admins. */
  async ensureAuthorAccess(id: string, me: Principal): Promise<void> {
    await this.access(id, me);
  }

  // ------------------------------------------------------------------ helpers

  /** The course if the caller may see it (owner, co-author, admin); 404 for everyone else. */
  private async access(id: string, me: Principal): Promise<Access> {
    const course = await this.repo.findById(id);
    if (!course) throw AppError.notFound();
    const role = await this.repo.authorRole(id, me.userId);
    const actor: WorkflowActor = { isAdmin: isAdmin(me), isOwner: role === 'owner', isAuthor: role !== null };
    if (!actor.isAdmin && !actor.isAuthor) throw AppError.notFound();
    return { course, actor };
  }

  private allowed(course: CourseEntity, action: WorkflowAction, actor: WorkflowActor) {
    const r = transition(
      { status: course.status, publishedVersion: course.publishedVersion, hasUnpublishedChanges: hasUnpublishedChanges(course) },
      action,
      actor,
    );
    if (!r.ok) throw new AppError(REFUSAL[r.reason]);
    return r.to;
  }

  private async step(
    id: string,
    me: Principal,
    action: WorkflowAction,
    kind: CourseEventKind,
    opts: { reviewComment?: string | null; comment?: string | null } = {},
  ): Promise<Course> {
    const { course, actor } = await this.access(id, me);
    const to = this.allowed(course, action, actor);
    // A rejection's comment stays visible to the authors until the next publication clears it.
    const ok = await this.repo.changeStatus(id, course.status, to, me.userId, kind, opts);
    if (!ok) throw new AppError(ErrorCode.InvalidTransition);
    return this.get(id, me);
  }

  /**
   * A course can only develop what can be assessed: a competency with levels, of a published
   * framework, up to its highest level. Every offending target is reported at once.
   */
  private async checkTargets(targets: CompetencyLevelInput[]) {
    if (!targets.length) return;
    const found = new Map((await this.repo.targetCompetencies(targets.map((t) => t.competencyId))).map((c) => [c.id, c]));
    const issues: FieldIssue[] = [];
    targets.forEach((t, i) => {
      const c = found.get(t.competencyId);
      if (!c) issues.push({ field: `competencies.${i}.competencyId`, code: 'validation.notFound' });
      else if (!c.published) issues.push({ field: `competencies.${i}.competencyId`, code: COMPETENCY_MESSAGES.notPublished, params: { code: c.code } });
      else if (c.maxLevel === 0) issues.push({ field: `competencies.${i}.competencyId`, code: COMPETENCY_MESSAGES.noLevels, params: { code: c.code } });
      else if (t.level > c.maxLevel) issues.push({ field: `competencies.${i}.level`, code: 'validation.tooBig', params: { maximum: c.maxLevel } });
    });
    if (issues.length) throw new AppError(ErrorCode.ValidationFailed, {}, issues);
  }

  /** Every file the content refers to must exist and belong to the course or to the caller. */
  private async checkFiles(courseId: string, content: PutContent | CourseEntity['content'], me: Principal) {
    const refs = fileReferences(content, this.plugins);
    if (!refs.length) return;
    const found = new Map((await this.files.findByIds([...new Set(refs.map((r) => r.fileId))])).map((f) => [f.id, f]));
    const bad = refs.filter((r) => {
      const f = found.get(r.fileId);
      return !f || !(f.courseId === courseId || f.ownerId === me.userId);
    });
    if (bad.length) {
      throw new AppError(
        ErrorCode.ValidationFailed,
        {},
        bad.map((r) => ({ field: r.path.join('.'), code: 'content.fileNotFound' })),
      );
    }
    await this.repo.attachFiles(courseId, [...found.keys()], me.userId);
  }

  /**
   * How the course's certificates are issued. Not course content: it takes effect at once,
   * without a new revision or publication.
   */
  private async updateCertificateSettings(id: string, auto?: boolean, templateId?: string | null) {
    if (templateId && !(await this.repo.activeCertificateTemplate(templateId))) {
      throw AppError.invalidField('certificateTemplateId', 'validation.notFound');
    }
    await this.repo.updateCertificateSettings(id, auto, templateId);
  }

  private toCourse(c: CourseEntity, authors: AuthorRow[], targets: CourseTargetRow[], urls: Record<string, string>): Course {
    return {
      ...metaOf(c),
      id: c.id,
      status: c.status,
      publishedVersion: c.publishedVersion,
      hasUnpublishedChanges: hasUnpublishedChanges(c),
      revision: c.revision,
      authors: authors.filter((a) => a.courseId === c.id).map((a) => ({ id: a.id, name: a.name, role: a.role })),
      coverUrl: c.coverFileId ? (urls[c.coverFileId] ?? null) : null,
      reviewComment: c.reviewComment,
      competencies: targets.filter((t) => t.courseId === c.id).map(({ courseId: _, ...t }) => t),
      certificateAuto: c.certificateAuto,
      certificateTemplateId: c.certificateTemplateId,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    };
  }
}

function isAdmin(me: Principal): boolean {
  return me.roles.includes('admin');
}

function hasUnpublishedChanges(c: CourseEntity): boolean {
  return c.publishedRevision === null || c.publishedRevision !== c.revision;
}
