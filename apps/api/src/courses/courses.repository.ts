import { Injectable } from '@nestjs/common';
import type { CompetencyLevelInput, CourseContent, CourseListQuery, CourseStatus, CourseTarget, Page, VersionSnapshot } from '@cakap/contracts';
import type { Publication } from '@cakap/courses';
import { CourseEntity, type CourseEventKind } from '@cakap/db';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import { likeEscape, rowsOf } from '../common/sql';

export interface AuthorRow {
  courseId: string;
  id: string;
  name: string;
  role: 'owner' | 'coauthor';
}

export interface VersionRow {
  version: number;
  publishedAt: Date;
  publishedById: string;
  publishedByName: string;
  title: string;
  hash: string;
  comment: string | null;
}

export type CourseTargetRow = CourseTarget & { courseId: string };

/** What a target's validation needs to know of a competency. */
export interface TargetCompetencyRow {
  id: string;
  code: string;
  maxLevel: number;
  published: boolean;
}

/** The columns of CourseTarget, from `competencies c` and a targets table `t`. */
const TARGET_COLUMNS = `t.course_id AS "courseId", c.id AS "competencyId", c.code, c.name, c.kind, t.level, c.max_level AS "maxLevel"`;

/** Data access for courses, their authors, versions and events. No rules here. */
@Injectable()
export class CoursesRepository {
  private readonly repo: Repository<CourseEntity>;

  constructor(private readonly ds: DataSource) {
    this.repo = ds.getRepository(CourseEntity);
  }

  async create(ownerId: string, values: Partial<CourseEntity>): Promise<string> {
    return this.ds.transaction(async (tx) => {
      const saved = await tx.getRepository(CourseEntity).save(tx.getRepository(CourseEntity).create({ ...values, ownerId }));
      await tx.query(`INSERT INTO course_authors (course_id, user_id, role) VALUES ($1, $2, 'owner')`, [saved.id, ownerId]);
      await this.event(tx, saved.id, ownerId, 'created');
      return saved.id;
    });
  }

  findById(id: string): Promise<CourseEntity | null> {
    return this.repo.findOneBy({ id });
  }

  async authorRole(courseId: string, userId: string): Promise<'owner' | 'coauthor' | null> {
    const rows = await this.ds.query(`SELECT role FROM course_authors WHERE course_id = $1 AND user_id = $2`, [courseId, userId]);
    return rows[0]?.role ?? null;
  }

  async authorsOf(courseIds: string[]): Promise<AuthorRow[]> {
    if (!courseIds.length) return [];
    return this.ds.query(
      `SELECT a.course_id AS "courseId", u.id, u.name, a.role
         FROM course_authors a JOIN users u ON u.id = a.user_id
        WHERE a.course_id = ANY($1::uuid[])
        ORDER BY (a.role = 'owner') DESC, a.created_at, u.name`,
      [courseIds],
    );
  }

  async list(q: CourseListQuery, onlyAuthor: string | null): Promise<Page<CourseEntity>> {
    const qb = this.repo.createQueryBuilder('c');
    if (onlyAuthor) {
      qb.andWhere('EXISTS (SELECT 1 FROM course_authors a WHERE a.course_id = c.id AND a.user_id = :me)', { me: onlyAuthor });
    }
    if (q.q) {
      qb.andWhere('(lower(c.title) LIKE :any OR lower(c.summary) LIKE :any)', { any: `%${likeEscape(q.q.toLowerCase())}%` });
    }
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    // The review queue is served oldest first (first come, first reviewed); otherwise the latest edits first.
    qb.orderBy('c.updatedAt', q.status === 'in_review' ? 'ASC' : 'DESC').addOrderBy('c.id', 'ASC');
    qb.skip((q.page - 1) * q.pageSize).take(q.pageSize);
    const [items, total] = await qb.getManyAndCount();
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  /**
   * A metadata edit (bumps the revision), with the draft's competency targets replaced when
   * given, in one transaction; false when the course left the editable statuses meanwhile.
   */
  async updateMeta(id: string, patch: Partial<CourseEntity>, status: CourseStatus, targets?: CompetencyLevelInput[]): Promise<boolean> {
    return this.ds.transaction(async (tx) => {
      const result = await tx
        .getRepository(CourseEntity)
        .createQueryBuilder()
        .update()
        .set({ ...patch, status, revision: () => 'revision + 1', updatedAt: () => 'now()' })
        .where('id = :id', { id })
        .andWhere(`status IN ('draft', 'published')`)
        .execute();
      if (!result.affected) return false;
      if (targets) {
        await tx.query(`DELETE FROM course_competency_targets WHERE course_id = $1`, [id]);
        await tx.query(
          `INSERT INTO course_competency_targets (course_id, competency_id, level)
           SELECT $1, t.competency_id, t.level FROM jsonb_to_recordset($2::jsonb) AS t(competency_id uuid, level int)`,
          [id, JSON.stringify(targets.map((t) => ({ competency_id: t.competencyId, level: t.level })))],
        );
      }
      return true;
    });
  }

  async activeCertificateTemplate(id: string): Promise<boolean> {
    const rows = await this.ds.query(`SELECT 1 FROM certificate_templates WHERE id = $1 AND archived_at IS NULL`, [id]);
    return rows.length > 0;
  }

  async updateCertificateSettings(id: string, auto?: boolean, templateId?: string | null): Promise<void> {
    await this.ds.query(
      `UPDATE courses SET certificate_auto = coalesce($2, certificate_auto),
              certificate_template_id = CASE WHEN $3 THEN $4::uuid ELSE certificate_template_id END
        WHERE id = $1`,
      [id, auto ?? null, templateId !== undefined, templateId ?? null],
    );
  }

  /** The draft targets of the given courses, by competency code. */
  draftTargets(courseIds: string[]): Promise<CourseTargetRow[]> {
    if (!courseIds.length) return Promise.resolve([]);
    return this.ds.query(
      `SELECT ${TARGET_COLUMNS} FROM course_competency_targets t JOIN competencies c ON c.id = t.competency_id
        WHERE t.course_id = ANY($1::uuid[]) ORDER BY c.code, c.id`,
      [courseIds],
    );
  }

  targetCompetencies(ids: string[]): Promise<TargetCompetencyRow[]> {
    return this.ds.query(
      `SELECT c.id, c.code, c.max_level AS "maxLevel", f.status = 'published' AS published
         FROM competencies c JOIN competency_frameworks f ON f.id = c.framework_id
        WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /**
   * Saves the draft tree if nobody saved since `revision` and the course is still editable.
   * Answers the new revision, or null when the condition failed (the caller finds out why).
   */
  async putContent(id: string, revision: number, content: CourseContent): Promise<number | null> {
    const rows = rowsOf<{ revision: number }>(
      await this.ds.query(
        `UPDATE courses SET content = $2, revision = revision + 1, status = 'draft', updated_at = now()
          WHERE id = $1 AND revision = $3 AND status IN ('draft','published')
        RETURNING revision`,
        [id, JSON.stringify(content), revision],
      ),
    );
    return rows[0]?.revision ?? null;
  }

  /** A workflow step, applied only if the status is still `from` (two admins clicking at once). */
  async changeStatus(
    id: string,
    from: CourseStatus,
    to: CourseStatus,
    actorId: string,
    kind: CourseEventKind,
    opts: { reviewComment?: string | null; comment?: string | null } = {},
  ): Promise<boolean> {
    return this.ds.transaction(async (tx) => {
      const sets = ['status = $3', 'updated_at = now()'];
      const params: unknown[] = [id, from, to];
      if (opts.reviewComment !== undefined) {
        params.push(opts.reviewComment);
        sets.push(`review_comment = $${params.length}`);
      }
      const rows = rowsOf(await tx.query(`UPDATE courses SET ${sets.join(', ')} WHERE id = $1 AND status = $2 RETURNING id`, params));
      if (!rows.length) return false;
      await this.event(tx, id, actorId, kind, opts.comment ?? null);
      return true;
    });
  }

  /**
   * Publishes version n+1 in one transaction, the course row locked so two approvals cannot
   * both take the same number. `build` freezes the course as it is under the lock.
   */
  async publish(
    id: string,
    actorId: string,
    comment: string | null,
    build: (course: CourseEntity, authors: AuthorRow[], version: number, publishedAt: Date) => Publication,
  ): Promise<number | null> {
    return this.ds.transaction(async (tx) => {
      const course = await tx.getRepository(CourseEntity).createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne();
      if (!course || course.status !== 'in_review') return null;
      const [{ next }] = await tx.query(`SELECT coalesce(max(version), 0) + 1 AS next FROM course_versions WHERE course_id = $1`, [id]);
      const [{ now }] = await tx.query(`SELECT date_trunc('milliseconds', now()) AS now`);
      const authors = await tx.query(
        `SELECT a.course_id AS "courseId", u.id, u.name, a.role FROM course_authors a JOIN users u ON u.id = a.user_id
          WHERE a.course_id = $1 ORDER BY (a.role = 'owner') DESC, a.created_at, u.name`,
        [id],
      );
      const v = build(course, authors, Number(next), new Date(now));
      await tx.query(
        `INSERT INTO course_versions (course_id, version, snapshot, hash, published_by, published_at, comment,
                                      title, category, language, jp, module_count, lesson_count, search_text)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          id,
          next,
          JSON.stringify(v.snapshot),
          v.hash,
          actorId,
          now,
          comment,
          v.snapshot.meta.title,
          v.snapshot.meta.category,
          v.snapshot.meta.language,
          v.snapshot.meta.jp,
          v.moduleCount,
          v.lessonCount,
          v.searchText,
        ],
      );
      // The targets are frozen with the version: later draft edits never change what a completion proves.
      await tx.query(
        `INSERT INTO course_version_competencies (course_id, version, competency_id, level)
         SELECT course_id, $2, competency_id, level FROM course_competency_targets WHERE course_id = $1`,
        [id, next],
      );
      await tx.query(
        `UPDATE courses SET status = 'published', published_version = $2, published_revision = revision,
                            review_comment = NULL, updated_at = now() WHERE id = $1`,
        [id, next],
      );
      await this.event(tx, id, actorId, 'approved', comment, Number(next));
      return Number(next);
    });
  }

  versions(courseId: string): Promise<VersionRow[]> {
    return this.ds.query(
      `SELECT v.version, v.published_at AS "publishedAt", v.published_by AS "publishedById", u.name AS "publishedByName",
              v.title, v.hash, v.comment
         FROM course_versions v JOIN users u ON u.id = v.published_by
        WHERE v.course_id = $1 ORDER BY v.version DESC`,
      [courseId],
    );
  }

  async version(courseId: string, version: number): Promise<VersionSnapshot | null> {
    const rows = await this.ds.query(`SELECT snapshot FROM course_versions WHERE course_id = $1 AND version = $2`, [courseId, version]);
    return rows[0]?.snapshot ?? null;
  }

  events(courseId: string) {
    return this.ds.query(
      `SELECT e.id, e.kind, e.comment, e.version, e.created_at AS "createdAt", u.id AS "actorId", u.name AS "actorName"
         FROM course_events e JOIN users u ON u.id = e.actor_id
        WHERE e.course_id = $1 ORDER BY e.created_at, e.id`,
      [courseId],
    ) as Promise<{ id: string; kind: string; comment: string | null; version: number | null; createdAt: Date; actorId: string; actorName: string }[]>;
  }

  /** Up to 20 active authors matching a name or NIP prefix, not yet authors of the course. */
  coauthorCandidates(courseId: string, q: string | undefined): Promise<{ id: string; name: string; nip: string }[]> {
    return this.ds.query(
      `SELECT u.id, u.name, u.nip FROM users u
        WHERE u.active AND 'author' = ANY(u.roles)
          AND NOT EXISTS (SELECT 1 FROM course_authors a WHERE a.course_id = $1 AND a.user_id = u.id)
          AND ($2::text IS NULL OR lower(u.name) LIKE $3 OR u.nip LIKE $4)
        ORDER BY u.name, u.id LIMIT 20`,
      [courseId, q ?? null, `%${likeEscape((q ?? '').toLowerCase())}%`, `${likeEscape((q ?? '').replace(/\s/g, ''))}%`],
    );
  }

  async userForCoauthor(userId: string): Promise<{ id: string; name: string; roles: string[]; active: boolean } | null> {
    const rows = await this.ds.query(`SELECT id, name, roles, active FROM users WHERE id = $1`, [userId]);
    return rows[0] ?? null;
  }

  async addCoauthor(courseId: string, userId: string, actorId: string, name: string): Promise<void> {
    await this.ds.transaction(async (tx) => {
      const rows = rowsOf(
        await tx.query(
          `INSERT INTO course_authors (course_id, user_id, role) VALUES ($1, $2, 'coauthor') ON CONFLICT DO NOTHING RETURNING user_id`,
          [courseId, userId],
        ),
      );
      if (rows.length) await this.event(tx, courseId, actorId, 'coauthor_added', name);
    });
  }

  async removeCoauthor(courseId: string, userId: string, actorId: string, name: string): Promise<boolean> {
    return this.ds.transaction(async (tx) => {
      const rows = rowsOf(
        await tx.query(`DELETE FROM course_authors WHERE course_id = $1 AND user_id = $2 AND role = 'coauthor' RETURNING user_id`, [
          courseId,
          userId,
        ]),
      );
      if (rows.length) await this.event(tx, courseId, actorId, 'coauthor_removed', name);
      return rows.length > 0;
    });
  }

  /** Files the content refers to that have no course yet become the course's (so co-authors may reuse them). */
  async attachFiles(courseId: string, fileIds: string[], ownerId: string): Promise<void> {
    if (!fileIds.length) return;
    await this.ds.query(`UPDATE files SET course_id = $1 WHERE id = ANY($2::uuid[]) AND course_id IS NULL AND owner_id = $3`, [
      courseId,
      fileIds,
      ownerId,
    ]);
  }

  private async event(
    tx: EntityManager,
    courseId: string,
    actorId: string,
    kind: CourseEventKind,
    comment: string | null = null,
    version: number | null = null,
  ) {
    await tx.query(`INSERT INTO course_events (course_id, actor_id, kind, comment, version) VALUES ($1, $2, $3, $4, $5)`, [
      courseId,
      actorId,
      kind,
      comment,
      version,
    ]);
  }
}
