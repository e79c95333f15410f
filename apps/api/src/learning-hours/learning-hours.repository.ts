import { Injectable } from '@nestjs/common';
import type { CreateClassicalActivity, LearningHoursEntry } from '@cakap/contracts';
import { DataSource } from 'typeorm';

const COLUMNS = `id, source, title, jp, to_char(start_date, 'YYYY-MM-DD') AS "startDate", to_char(end_date, 'YYYY-MM-DD') AS "endDate",
  year, development_form AS "developmentForm", organiser, certificate_number AS "certificateNumber", course_id AS "courseId",
  evidence_file_id AS "evidenceFileId"`;

/** Data access for the JP ledger. No rules here. */
@Injectable()
export class LearningHoursRepository {
  constructor(private readonly ds: DataSource) {}

  entries(userId: string, year: number): Promise<LearningHoursEntry[]> {
    return this.ds.query(`SELECT ${COLUMNS} FROM learning_hours WHERE user_id = $1 AND year = $2 ORDER BY end_date, created_at, id`, [
      userId,
      year,
    ]);
  }

  async userExists(id: string): Promise<boolean> {
    return (await this.ds.query(`SELECT 1 FROM users WHERE id = $1`, [id])).length > 0;
  }

  async fileExists(id: string): Promise<boolean> {
    return (await this.ds.query(`SELECT 1 FROM files WHERE id = $1`, [id])).length > 0;
  }

  async addClassical(userId: string, year: number, a: CreateClassicalActivity, createdBy: string): Promise<LearningHoursEntry> {
    const [row] = await this.ds.query(
      `INSERT INTO learning_hours (user_id, year, source, title, jp, development_form, organiser, start_date, end_date,
                                   certificate_number, evidence_file_id, created_by)
       VALUES ($1, $2, 'classical', $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${COLUMNS}`,
      [userId, year, a.title, a.jp, a.developmentForm, a.organiser, a.startDate, a.endDate, a.certificateNumber ?? null, a.evidenceFileId ?? null, createdBy],
    );
    return row;
  }
}
