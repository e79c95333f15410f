import { Injectable } from '@nestjs/common';
import type { BankListQuery, Page, QuestionListQuery } from '@cakap/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { likeEscape } from '../common/sql';

export interface BankRow {
  id: string;
  title: string;
  description: string;
  ownerId: string;
  ownerName: string;
  questionCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface CategoryRow {
  id: string;
  bankId: string;
  parentId: string | null;
  name: string;
  questionCount: number;
}

export interface QuestionRow {
  id: string;
  bankId: string;
  categoryId: string | null;
  type: string;
  version: number;
  points: number;
  tags: string[];
  competencyTags: string[];
  summary: string;
  data: unknown;
  updatedAt: Date;
}

/** One version of a question, as the questions table would show it had it stayed current. */
export type VersionRow = QuestionRow;

/** What a new question or a new version writes (validated and summarised by the service). */
export interface QuestionValues {
  type: string;
  points: number;
  categoryId: string | null;
  tags: string[];
  competencyTags: string[];
  summary: string;
  data: unknown;
}

/** One answer of a graded attempt (for item statistics). */
export interface GradedAnswerRow {
  attemptId: string;
  questionId: string;
  score: number;
  max: number;
}

const BANK = `
  SELECT b.id, b.title, b.description, b.owner_id AS "ownerId", u.name AS "ownerName",
         (SELECT count(*)::int FROM questions q WHERE q.bank_id = b.id AND q.deleted_at IS NULL) AS "questionCount",
         b.created_at AS "createdAt", b.updated_at AS "updatedAt"
    FROM question_banks b JOIN users u ON u.id = b.owner_id`;

const QUESTION = `
  SELECT q.id, q.bank_id AS "bankId", q.category_id AS "categoryId", q.type, q.current_version AS version,
         q.points::float8 AS points, q.tags, q.competency_tags AS "competencyTags", q.summary, v.data,
         q.updated_at AS "updatedAt"
    FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version`;

/** What search matches: the prompt's plain text and the tags, lower-cased. */
export function searchText(summary: string, tags: string[], competencyTags: string[]): string {
  return [summary, ...tags, ...competencyTags].join(' ').toLowerCase();
}

/** Data access for question banks, their categories and versioned questions. No rules here. */
@Injectable()
export class QuestionBanksRepository {
  constructor(private readonly ds: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  // ------------------------------------------------------------------ banks

  async listBanks(q: BankListQuery, ownerId: string | null): Promise<Page<BankRow>> {
    const where = ['b.deleted_at IS NULL'];
    const params: unknown[] = [];
    if (ownerId) {
      params.push(ownerId);
      where.push(`b.owner_id = $${params.length}`);
    }
    if (q.q) {
      params.push(`%${likeEscape(q.q.toLowerCase())}%`);
      where.push(`(lower(b.title) LIKE $${params.length} OR lower(b.description) LIKE $${params.length})`);
    }
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM question_banks b WHERE ${where.join(' AND ')}`, params);
    const items: BankRow[] = await this.ds.query(
      `${BANK} WHERE ${where.join(' AND ')} ORDER BY b.updated_at DESC, b.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  async findBank(id: string): Promise<BankRow | null> {
    const rows: BankRow[] = await this.ds.query(`${BANK} WHERE b.id = $1 AND b.deleted_at IS NULL`, [id]);
    return rows[0] ?? null;
  }

  async createBank(ownerId: string, title: string, description: string, m: EntityManager | DataSource = this.ds): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO question_banks (title, description, owner_id) VALUES ($1, $2, $3) RETURNING id`,
      [title, description, ownerId],
    );
    return row.id;
  }

  async updateBank(id: string, patch: { title?: string; description?: string }): Promise<void> {
    await this.ds.query(
      `UPDATE question_banks SET title = COALESCE($2, title), description = COALESCE($3, description), updated_at = now()
        WHERE id = $1 AND deleted_at IS NULL`,
      [id, patch.title ?? null, patch.description ?? null],
    );
  }

  async deleteBank(id: string): Promise<void> {
    await this.ds.query(`UPDATE question_banks SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL`, [id]);
  }

  /**
   * Whether a published course version has a quiz block drawing from the bank or fixing one
   * of its questions. Every version counts, not only the latest: learners stay on the version
   * they enrolled in (invariant 1).
   */
  async bankInUse(id: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      `SELECT 1
         FROM course_versions v
        CROSS JOIN LATERAL jsonb_array_elements(v.snapshot->'content'->'modules') m
        CROSS JOIN LATERAL jsonb_array_elements(m->'lessons') l
        CROSS JOIN LATERAL jsonb_array_elements(l->'blocks') b
        WHERE b->>'type' = 'quiz'
          AND (b->'data'->'selection'->>'bankId' = $1::text
               OR EXISTS (SELECT 1 FROM questions q
                           WHERE q.bank_id = $1::uuid
                             AND q.id::text IN (SELECT jsonb_array_elements_text(
                                   CASE WHEN jsonb_typeof(b->'data'->'selection'->'questionIds') = 'array'
                                        THEN b->'data'->'selection'->'questionIds' ELSE '[]'::jsonb END))))
        LIMIT 1`,
      [id],
    );
    return rows.length > 0;
  }

  // ------------------------------------------------------------------ categories

  categories(bankId: string, m: EntityManager | DataSource = this.ds): Promise<CategoryRow[]> {
    return m.query(
      `SELECT c.id, c.bank_id AS "bankId", c.parent_id AS "parentId", c.name,
              (SELECT count(*)::int FROM questions q WHERE q.category_id = c.id AND q.deleted_at IS NULL) AS "questionCount"
         FROM question_categories c WHERE c.bank_id = $1 ORDER BY lower(c.name), c.id`,
      [bankId],
    );
  }

  async insertCategory(bankId: string, parentId: string | null, name: string, m: EntityManager | DataSource = this.ds): Promise<string> {
    const [row] = await m.query(`INSERT INTO question_categories (bank_id, parent_id, name) VALUES ($1, $2, $3) RETURNING id`, [
      bankId,
      parentId,
      name,
    ]);
    return row.id;
  }

  async updateCategory(id: string, name: string, parentId: string | null): Promise<void> {
    await this.ds.query(`UPDATE question_categories SET name = $2, parent_id = $3 WHERE id = $1`, [id, name, parentId]);
  }

  /** Sub-categories go with it (ON DELETE CASCADE); their questions stay, without a category (SET NULL). */
  async deleteCategory(id: string): Promise<void> {
    await this.ds.query(`DELETE FROM question_categories WHERE id = $1`, [id]);
  }

  // ------------------------------------------------------------------ questions

  async listQuestions(bankId: string, q: QuestionListQuery): Promise<Page<QuestionRow>> {
    const params: unknown[] = [bankId];
    const where = ['q.bank_id = $1', 'q.deleted_at IS NULL'];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (q.q) add((n) => `q.search_text LIKE $${n}`, `%${likeEscape(q.q.toLowerCase())}%`);
    if (q.categoryId) add((n) => `q.category_id = $${n}`, q.categoryId);
    if (q.type) add((n) => `q.type = $${n}`, q.type);
    if (q.tag) add((n) => `$${n} = ANY(q.tags || q.competency_tags)`, q.tag);
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM questions q WHERE ${where.join(' AND ')}`, params);
    const items: QuestionRow[] = await this.ds.query(
      `${QUESTION} WHERE ${where.join(' AND ')} ORDER BY q.created_at, q.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  /** Every live question of the bank, current version, in creation order (export). */
  allQuestions(bankId: string): Promise<QuestionRow[]> {
    return this.ds.query(`${QUESTION} WHERE q.bank_id = $1 AND q.deleted_at IS NULL ORDER BY q.created_at, q.id`, [bankId]);
  }

  async findQuestion(id: string, m: EntityManager | DataSource = this.ds, lock = false): Promise<QuestionRow | null> {
    const rows: QuestionRow[] = await m.query(`${QUESTION} WHERE q.id = $1 AND q.deleted_at IS NULL${lock ? ' FOR UPDATE OF q' : ''}`, [id]);
    return rows[0] ?? null;
  }

  /** The question row and its version 1, in the caller's transaction. */
  async insertQuestion(m: EntityManager, bankId: string, v: QuestionValues, userId: string): Promise<string> {
    const [row] = await m.query(
      // clock_timestamp(), not now(): an import writes many questions in one transaction, and
      // lists keep them in file order by creation time.
      `INSERT INTO questions (bank_id, category_id, type, points, tags, competency_tags, summary, search_text, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, clock_timestamp()) RETURNING id`,
      [bankId, v.categoryId, v.type, v.points, v.tags, v.competencyTags, v.summary, searchText(v.summary, v.tags, v.competencyTags), userId],
    );
    await m.query(
      `INSERT INTO question_versions (question_id, version, type, points, data, created_by) VALUES ($1, 1, $2, $3, $4, $5)`,
      [row.id, v.type, v.points, JSON.stringify(v.data), userId],
    );
    return row.id;
  }

  /**
   * Writes the question's metadata and, when `newVersion` is set, version n+1 with the new
   * data (the old version row is never touched: attempts point at it).
   */
  async updateQuestion(m: EntityManager, id: string, v: QuestionValues, newVersion: number | null, userId: string): Promise<void> {
    if (newVersion !== null) {
      await m.query(
        `INSERT INTO question_versions (question_id, version, type, points, data, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, newVersion, v.type, v.points, JSON.stringify(v.data), userId],
      );
    }
    await m.query(
      `UPDATE questions SET category_id = $2, type = $3, points = $4, tags = $5, competency_tags = $6, summary = $7,
              search_text = $8, current_version = COALESCE($9, current_version), updated_at = now()
        WHERE id = $1`,
      [id, v.categoryId, v.type, v.points, v.tags, v.competencyTags, v.summary, searchText(v.summary, v.tags, v.competencyTags), newVersion],
    );
  }

  async deleteQuestion(id: string): Promise<void> {
    await this.ds.query(`UPDATE questions SET deleted_at = now(), updated_at = now() WHERE id = $1 AND deleted_at IS NULL`, [id]);
  }

  /** Every version, newest first, with the question's current metadata. */
  versions(id: string): Promise<VersionRow[]> {
    return this.ds.query(
      `SELECT q.id, q.bank_id AS "bankId", q.category_id AS "categoryId", v.type, v.version, v.points::float8 AS points,
              q.tags, q.competency_tags AS "competencyTags", q.summary, v.data, v.created_at AS "updatedAt"
         FROM questions q JOIN question_versions v ON v.question_id = q.id
        WHERE q.id = $1 ORDER BY v.version DESC`,
      [id],
    );
  }

  // ------------------------------------------------------------------ statistics

  /**
   * Every answer of the graded attempts that drew at least one question of the bank (all of
   * their answers: the attempt's total ranks it). An answer row that is missing (never saved)
   * counts as 0 of the item's points.
   */
  gradedAnswers(bankId: string): Promise<GradedAnswerRow[]> {
    return this.ds.query(
      `SELECT a.id AS "attemptId", it->>'questionId' AS "questionId",
              COALESCE(x.score, 0)::float8 AS score, COALESCE(x.max_score, (it->>'points')::numeric)::float8 AS max
         FROM quiz_attempts a
        CROSS JOIN LATERAL jsonb_array_elements(a.items) it
         LEFT JOIN attempt_answers x ON x.attempt_id = a.id AND x.slot = (it->>'slot')::int
        WHERE a.status = 'graded'
          AND EXISTS (SELECT 1 FROM jsonb_array_elements(a.items) mine
                        JOIN questions q ON q.id::text = mine->>'questionId'
                       WHERE q.bank_id = $1)
        ORDER BY a.id, (it->>'slot')::int`,
      [bankId],
    );
  }
}
