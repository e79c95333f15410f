import { Injectable } from '@nestjs/common';
import type { CourseLearnerPage, CourseLearnerQuery, CourseLearnerRow } from '@cakap/contracts';
import { toCourseLearnerRow, type CourseLearnerFilter } from '@cakap/reports';
import type { Principal } from '../common/request';
import { CourseLearnersRepository } from './course-learners.repository';
import { ReportsService } from './reports.service';

/**
 * Level 2 per learner: a course's enrolments with their pre-test, post-test, gain and g. It
 * names people, so it is computed on request (never snapshotted) and readable only by whoever
 * may read the course's report.
 */
@Injectable()
export class CourseLearnersService {
  constructor(
    private readonly repo: CourseLearnersRepository,
    private readonly reports: ReportsService,
  ) {}

  /** The course's title (for the file name) once the caller may read its learners. */
  readable(courseId: string, me: Principal): Promise<{ title: string }> {
    return this.reports.readableCourse(courseId, me);
  }

  async page(courseId: string, query: CourseLearnerQuery): Promise<CourseLearnerPage> {
    const filter: CourseLearnerFilter = { q: query.q, status: query.status, sort: query.sort };
    const rows = await this.repo.page(courseId, filter, query.pageSize, (query.page - 1) * query.pageSize);
    // Past the last page no row carries the list's size: the first page's first row does.
    const total = rows[0]?.total ?? (query.page > 1 ? ((await this.repo.page(courseId, filter, 1, 0))[0]?.total ?? 0) : 0);
    return { items: rows.map(toCourseLearnerRow), total, page: query.page, pageSize: query.pageSize };
  }

  /** Every matching row in batches, for the download: never all of it in memory. */
  async *all(courseId: string, filter: CourseLearnerFilter): AsyncGenerator<CourseLearnerRow[]> {
    for await (const rows of this.repo.batches(courseId, filter)) yield rows.map(toCourseLearnerRow);
  }
}
