import { Injectable } from '@nestjs/common';
import type { CatalogQuery, CourseMeta, CourseTarget, VersionSnapshot } from '@cakap/contracts';
import { DataSource } from 'typeorm';
import { likeEscape } from '../common/sql';

export interface CatalogRow {
  courseId: string;
  version: number;
  meta: CourseMeta;
  authors: { id: string; name: string }[];
  moduleCount: number;
  lessonCount: number;
  publishedAt: Date;
}

/**
 * The catalog reads published versions only: each course that has one and is not archived,
 * through its latest version's frozen snapshot (never the draft).
 */
@Injectable()
export class CatalogRepository {
  constructor(private readonly ds: DataSource) {}

  async list(q: CatalogQuery): Promise<{ rows: CatalogRow[]; total: number }> {
    const where = [`c.published_version IS NOT NULL`, `c.status <> 'archived'`];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.q) add(`v.search_text LIKE ?`, `%${likeEscape(q.q.toLowerCase())}%`);
    if (q.category) add(`lower(v.category) = ?`, q.category.toLowerCase());
    if (q.language) add(`v.language = ?`, q.language);
    if (q.jpMin !== undefined) add(`v.jp >= ?`, q.jpMin);
    if (q.jpMax !== undefined) add(`v.jp <= ?`, q.jpMax);
    params.push(q.pageSize, (q.page - 1) * q.pageSize);
    const rows = await this.ds.query(
      `SELECT v.course_id AS "courseId", v.version, v.snapshot->'meta' AS meta, v.snapshot->'authors' AS authors,
              v.module_count AS "moduleCount", v.lesson_count AS "lessonCount", v.published_at AS "publishedAt",
              count(*) OVER () AS total
         FROM courses c JOIN course_versions v ON v.course_id = c.id AND v.version = c.published_version
        WHERE ${where.join(' AND ')}
        ORDER BY v.published_at DESC, v.course_id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    let total = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length && q.page > 1) {
      const [c] = await this.ds.query(
        `SELECT count(*)::int AS n FROM courses c JOIN course_versions v ON v.course_id = c.id AND v.version = c.published_version
          WHERE ${where.join(' AND ')}`,
        params.slice(0, -2),
      );
      total = c.n;
    }
    return { rows, total };
  }

  async latest(courseId: string): Promise<{ snapshot: VersionSnapshot; moduleCount: number; lessonCount: number } | null> {
    const rows = await this.ds.query(
      `SELECT v.snapshot, v.module_count AS "moduleCount", v.lesson_count AS "lessonCount"
         FROM courses c JOIN course_versions v ON v.course_id = c.id AND v.version = c.published_version
        WHERE c.id = $1 AND c.status <> 'archived'`,
      [courseId],
    );
    return rows[0] ?? null;
  }

  /** The competency targets frozen with a published version. */
  versionTargets(courseId: string, version: number): Promise<CourseTarget[]> {
    return this.ds.query(
      `SELECT c.id AS "competencyId", c.code, c.name, c.kind, t.level, c.max_level AS "maxLevel"
         FROM course_version_competencies t JOIN competencies c ON c.id = t.competency_id
        WHERE t.course_id = $1 AND t.version = $2 ORDER BY c.code, c.id`,
      [courseId, version],
    );
  }
}
