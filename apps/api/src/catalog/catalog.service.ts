import { Injectable } from '@nestjs/common';
import type { CatalogCourse, CatalogItem, CatalogQuery, Page } from '@cakap/contracts';
import { outline } from '@cakap/courses';
import { AppError } from '../common/app-error';
import { FilesService } from '../files/files.service';
import { CatalogRepository, type CatalogRow } from './catalog.repository';

@Injectable()
export class CatalogService {
  constructor(
    private readonly repo: CatalogRepository,
    private readonly files: FilesService,
  ) {}

  async list(q: CatalogQuery): Promise<Page<CatalogItem>> {
    const { rows, total } = await this.repo.list(q);
    return { items: rows.map((r) => this.item(r)), total, page: q.page, pageSize: q.pageSize };
  }

  /** A course page before enrolment: the latest version's metadata, outline (no block data) and competency targets. */
  async get(courseId: string): Promise<CatalogCourse> {
    const found = await this.repo.latest(courseId);
    if (!found) throw AppError.notFound();
    const s = found.snapshot;
    const competencies = await this.repo.versionTargets(courseId, s.version);
    return {
      ...this.item({
        courseId,
        version: s.version,
        meta: s.meta,
        authors: s.authors,
        moduleCount: found.moduleCount,
        lessonCount: found.lessonCount,
        publishedAt: new Date(s.publishedAt),
      }),
      outline: outline(s.content),
      competencies,
    };
  }

  private item(r: CatalogRow): CatalogItem {
    return {
      ...r.meta,
      id: r.courseId,
      version: r.version,
      // A published cover is public to every signed-in user, like the course itself.
      coverUrl: r.meta.coverFileId ? this.files.url(r.meta.coverFileId) : null,
      authors: r.authors,
      moduleCount: r.moduleCount,
      lessonCount: r.lessonCount,
      publishedAt: new Date(r.publishedAt).toISOString(),
    };
  }
}
