import { Injectable } from '@nestjs/common';
import { readSnapshot, requestSnapshot, type ReportScope, type Snapshot } from '@cakap/reports';
import { DataSource } from 'typeorm';

/** Data access of the reports endpoints: who may read a course's report, and the snapshot rows. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly ds: DataSource) {}

  /** Whether the course exists (its title, for file names) and whether `userId` is one of its authors (owner or co-author). */
  async courseAccess(courseId: string, userId: string): Promise<{ title: string; isAuthor: boolean } | null> {
    const [row] = await this.ds.query(
      `SELECT c.title, EXISTS (SELECT 1 FROM course_authors a WHERE a.course_id = c.id AND a.user_id = $2) AS "isAuthor" FROM courses c WHERE c.id = $1`,
      [courseId, userId],
    );
    return row ?? null;
  }

  async unitExists(id: string): Promise<boolean> {
    const rows = await this.ds.query(`SELECT 1 FROM org_units WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  request(scope: ReportScope, userId: string): Promise<{ snapshot: Snapshot; fresh: boolean }> {
    return requestSnapshot(this.ds, scope, userId);
  }

  read(id: string): Promise<Snapshot | null> {
    return readSnapshot(this.ds, id);
  }
}
