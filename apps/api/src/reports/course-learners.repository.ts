import { Injectable } from '@nestjs/common';
import { courseLearnersSql, type CourseLearnerDbRow, type CourseLearnerFilter } from '@cakap/reports';
import { DataSource } from 'typeorm';
import { cursorBatches } from '../common/sql';

/** Data access of a course's learner list; the SQL (what pre and post mean) lives in @cakap/reports. */
@Injectable()
export class CourseLearnersRepository {
  constructor(private readonly ds: DataSource) {}

  page(courseId: string, filter: CourseLearnerFilter, limit: number, offset: number): Promise<CourseLearnerDbRow[]> {
    const { sql, params } = courseLearnersSql(courseId, filter, { limit, offset });
    return this.ds.query(sql, params);
  }

  /**
   * Every matching row in batches through a server-side cursor, for the download: a course with
   * thousands of learners streams as the client takes it. Stopping the iteration (the client
   * left) or the timeout gives the connection back.
   */
  batches(courseId: string, filter: CourseLearnerFilter): AsyncGenerator<CourseLearnerDbRow[]> {
    const { sql, params } = courseLearnersSql(courseId, filter);
    return cursorBatches<CourseLearnerDbRow>(this.ds, sql, params);
  }
}
