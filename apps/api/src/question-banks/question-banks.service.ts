import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  QUIZ_MESSAGES,
  type Bank,
  type BankInput,
  type BankListQuery,
  type BankPatch,
  type Category,
  type CategoryInput,
  type Page,
  type Question,
  type QuestionInput,
  type QuestionListQuery,
  type QuestionStats,
  type QuestionUpdate,
} from '@cakap/contracts';
import type { QuestionTypeDefinition } from '@cakap/plugin-sdk';
import type { PluginRegistry } from '@cakap/plugin-sdk/host';
import { itemStatistics, type GradedAttempt } from '@cakap/quiz';
import { isDeepStrictEqual } from 'node:util';
import type { $ZodIssue } from 'zod/v4/core';
import { AppError, isUniqueViolation, ZodValidationError } from '../common/app-error';
import type { Principal } from '../common/request';
import { InjectPlugins } from '../plugins/plugins.tokens';
import { QuestionBanksRepository, type BankRow, type CategoryRow, type QuestionRow, type QuestionValues } from './question-banks.repository';

const CATEGORY_NAME_KEY = 'question_categories_name_key';

/** Category paths are shown and exported as names joined by this (Moodle's `$CATEGORY` separator). */
export const CATEGORY_SEPARATOR = '/';

const isAdmin = (me: Principal) => me.roles.includes('admin');

/** Names from the root down, for each category of one bank. */
export function categoryNames(rows: CategoryRow[]): Map<string, string[]> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const names = [r.name];
    // The update refuses cycles; the bound only guards against a corrupted tree.
    for (let p = r.parentId ? byId.get(r.parentId) : undefined; p && names.length <= rows.length; p = p.parentId ? byId.get(p.parentId) : undefined) {
      names.unshift(p.name);
    }
    out.set(r.id, names);
  }
  return out;
}

/** Categories of one bank with their paths (`Pelayanan/Komunikasi`), sorted by path. */
export function withPaths(rows: CategoryRow[]): Category[] {
  const names = categoryNames(rows);
  return rows
    .map((r) => ({
      id: r.id,
      bankId: r.bankId,
      parentId: r.parentId,
      name: r.name,
      path: names.get(r.id)!.join(CATEGORY_SEPARATOR),
      questionCount: r.questionCount,
    }))
    .sort((a, b) => a.path.localeCompare(b.path, 'id'));
}

/**
 * Question banks: who reaches a bank (its owner and admins; anyone else gets 404), its
 * category tree, and versioned questions whose data each question type validates. A question
 * edit writes version n+1 and never changes a version an attempt may have drawn.
 */
@Injectable()
export class QuestionBanksService {
  constructor(
    private readonly repo: QuestionBanksRepository,
    @InjectPlugins() private readonly plugins: PluginRegistry,
  ) {}

  // ------------------------------------------------------------------ banks

  async list(q: BankListQuery, me: Principal): Promise<Page<Bank>> {
    const page = await this.repo.listBanks(q, isAdmin(me) ? null : me.userId);
    return { ...page, items: page.items.map(toBank) };
  }

  async create(input: BankInput, me: Principal): Promise<Bank> {
    const id = await this.repo.createBank(me.userId, input.title, input.description);
    return this.get(id, me);
  }

  async get(id: string, me: Principal): Promise<Bank> {
    return toBank(await this.bank(id, me));
  }

  async update(id: string, patch: BankPatch, me: Principal): Promise<Bank> {
    await this.bank(id, me);
    await this.repo.updateBank(id, patch);
    return this.get(id, me);
  }

  /** Soft delete, refused while a published course draws from the bank (its learners need it). */
  async remove(id: string, me: Principal): Promise<void> {
    await this.bank(id, me);
    if (await this.repo.bankInUse(id)) throw new AppError(ErrorCode.Conflict, {}, [{ field: 'id', code: 'quiz.bankInUse' }]);
    await this.repo.deleteBank(id);
  }

  /** The bank if the caller may reach it: its owner or an admin; 404 for anyone else. */
  async bank(id: string, me: Principal): Promise<BankRow> {
    const bank = await this.repo.findBank(id);
    if (!bank || (!isAdmin(me) && bank.ownerId !== me.userId)) throw AppError.notFound();
    return bank;
  }

  // ------------------------------------------------------------------ categories

  async categories(bankId: string, me: Principal): Promise<Category[]> {
    await this.bank(bankId, me);
    return withPaths(await this.repo.categories(bankId));
  }

  async createCategory(bankId: string, input: CategoryInput, me: Principal): Promise<Category> {
    await this.bank(bankId, me);
    const existing = await this.repo.categories(bankId);
    const parentId = input.parentId ?? null;
    if (parentId && !existing.some((c) => c.id === parentId)) throw AppError.invalidField('parentId', 'validation.notFound');
    const id = await this.uniqueName(() => this.repo.insertCategory(bankId, parentId, input.name));
    return this.category(bankId, id);
  }

  /** Rename and/or move; a category cannot move under itself or one of its descendants. */
  async updateCategory(bankId: string, id: string, input: Partial<CategoryInput>, me: Principal): Promise<Category> {
    await this.bank(bankId, me);
    const all = await this.repo.categories(bankId);
    const current = all.find((c) => c.id === id);
    if (!current) throw AppError.notFound();
    const parentId = input.parentId === undefined ? current.parentId : input.parentId;
    if (parentId) {
      if (!all.some((c) => c.id === parentId)) throw AppError.invalidField('parentId', 'validation.notFound');
      const parentOf = new Map(all.map((c) => [c.id, c.parentId]));
      // Walks up from the new parent; the step bound only guards against a corrupted tree.
      for (let p: string | null | undefined = parentId, steps = 0; p && steps <= all.length; p = parentOf.get(p), steps++) {
        if (p === id) throw AppError.invalidField('parentId', 'quiz.categoryCycle');
      }
    }
    await this.uniqueName(() => this.repo.updateCategory(id, input.name ?? current.name, parentId));
    return this.category(bankId, id);
  }

  async deleteCategory(bankId: string, id: string, me: Principal): Promise<void> {
    await this.bank(bankId, me);
    if (!(await this.repo.categories(bankId)).some((c) => c.id === id)) throw AppError.notFound();
    await this.repo.deleteCategory(id);
  }

  private async category(bankId: string, id: string): Promise<Category> {
    return withPaths(await this.repo.categories(bankId)).find((c) => c.id === id)!;
  }

  /** Runs a write that may create a category; a name taken meanwhile (at the same level) is a 409. */
  async uniqueName<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (e) {
      if (isUniqueViolation(e, CATEGORY_NAME_KEY)) {
        throw new AppError(ErrorCode.Conflict, {}, [{ field: 'name', code: 'quiz.categoryNameTaken' }]);
      }
      throw e;
    }
  }

  // ------------------------------------------------------------------ questions

  async questions(bankId: string, q: QuestionListQuery, me: Principal): Promise<Page<Question>> {
    await this.bank(bankId, me);
    const page = await this.repo.listQuestions(bankId, q);
    return { ...page, items: page.items.map(toQuestion) };
  }

  async createQuestion(bankId: string, input: QuestionInput, me: Principal): Promise<Question> {
    await this.bank(bankId, me);
    const values = await this.values(bankId, input);
    const id = await this.repo.transaction((tx) => this.repo.insertQuestion(tx, bankId, values, me.userId));
    return toQuestion((await this.repo.findQuestion(id))!);
  }

  async question(id: string, me: Principal): Promise<Question> {
    return toQuestion(await this.reachQuestion(id, me));
  }

  /**
   * A new immutable version when the type, points or data change; tags and category are the
   * question's metadata and change in place. `version` must be the current one (optimistic).
   */
  async updateQuestion(id: string, input: QuestionUpdate, me: Principal): Promise<Question> {
    const found = await this.reachQuestion(id, me);
    const { version, ...rest } = input;
    const values = await this.values(found.bankId, rest);
    await this.repo.transaction(async (tx) => {
      const current = (await this.repo.findQuestion(id, tx, true))!;
      if (current.version !== version) {
        throw new AppError(ErrorCode.Conflict, { current: current.version }, [
          { field: 'version', code: QUIZ_MESSAGES.staleVersion, params: { current: current.version } },
        ]);
      }
      // Compared as stored (JSON): an absent optional field and an undefined one are the same.
      const stored = JSON.parse(JSON.stringify(values.data)) as unknown;
      const changed = values.type !== current.type || values.points !== current.points || !isDeepStrictEqual(stored, current.data);
      await this.repo.updateQuestion(tx, id, values, changed ? current.version + 1 : null, me.userId);
    });
    return toQuestion((await this.repo.findQuestion(id))!);
  }

  async deleteQuestion(id: string, me: Principal): Promise<void> {
    await this.reachQuestion(id, me);
    await this.repo.deleteQuestion(id);
  }

  async versions(id: string, me: Principal): Promise<Question[]> {
    await this.reachQuestion(id, me);
    return (await this.repo.versions(id)).map((v) => toQuestion({ ...v, summary: this.summarize(v.type, v.data) ?? v.summary }));
  }

  private async reachQuestion(id: string, me: Principal): Promise<QuestionRow> {
    const question = await this.repo.findQuestion(id);
    if (!question) throw AppError.notFound();
    await this.bank(question.bankId, me);
    return question;
  }

  /** Validates a question body against its type and the bank; answers what to store. */
  private async values(bankId: string, input: QuestionInput): Promise<QuestionValues> {
    const def = this.type(input.type);
    if (!def) throw AppError.invalidField('type', QUIZ_MESSAGES.unknownQuestionType, { type: input.type });
    const parsed = def.authorSchema.safeParse(input.data);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ ...i, path: ['data', ...i.path] }) as $ZodIssue);
      throw new ZodValidationError(issues, input);
    }
    const categoryId = input.categoryId ?? null;
    if (categoryId && !(await this.repo.categories(bankId)).some((c) => c.id === categoryId)) {
      throw AppError.invalidField('categoryId', 'validation.notFound');
    }
    return {
      type: input.type,
      points: input.points,
      categoryId,
      tags: dedupe(input.tags),
      competencyTags: dedupe(input.competencyTags),
      summary: def.summarize?.(parsed.data) ?? '',
      data: parsed.data,
    };
  }

  type(key: string): QuestionTypeDefinition | undefined {
    return this.plugins.questionType(key);
  }

  summarize(type: string, data: unknown): string | undefined {
    return this.type(type)?.summarize?.(data);
  }

  // ------------------------------------------------------------------ statistics

  async stats(bankId: string, me: Principal): Promise<QuestionStats[]> {
    await this.bank(bankId, me);
    const questions = await this.repo.allQuestions(bankId);
    const attempts = new Map<string, GradedAttempt>();
    for (const row of await this.repo.gradedAnswers(bankId)) {
      let attempt = attempts.get(row.attemptId);
      if (!attempt) attempts.set(row.attemptId, (attempt = { attemptId: row.attemptId, answers: [] }));
      attempt.answers.push({ questionId: row.questionId, score: row.score, max: row.max });
    }
    const stats = itemStatistics(questions.map((q) => q.id), [...attempts.values()]);
    return stats.map((s, i) => ({ ...s, summary: questions[i].summary, type: questions[i].type }));
  }
}

function dedupe(tags: string[]): string[] {
  return [...new Set(tags)];
}

function toBank(b: BankRow): Bank {
  return {
    id: b.id,
    title: b.title,
    description: b.description,
    owner: { id: b.ownerId, name: b.ownerName },
    questionCount: b.questionCount,
    createdAt: new Date(b.createdAt).toISOString(),
    updatedAt: new Date(b.updatedAt).toISOString(),
  };
}

export function toQuestion(q: QuestionRow): Question {
  return {
    id: q.id,
    bankId: q.bankId,
    categoryId: q.categoryId,
    type: q.type,
    version: q.version,
    points: q.points,
    tags: q.tags,
    competencyTags: q.competencyTags,
    summary: q.summary,
    data: q.data,
    updatedAt: new Date(q.updatedAt).toISOString(),
  };
}
