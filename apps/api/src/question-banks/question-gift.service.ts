import { Injectable } from '@nestjs/common';
import {
  categoryInputSchema,
  ErrorCode,
  QUIZ_MESSAGES,
  issueMessage,
  questionInputSchema,
  t,
  type GiftImportResult,
  type Lang,
} from '@cakap/contracts';
import { exportGift, parseGift } from '@cakap/quiz';
import type { $ZodIssue } from 'zod/v4/core';
import { AppError, type FieldIssue } from '../common/app-error';
import type { Principal } from '../common/request';
import { QuestionBanksRepository, type QuestionValues } from './question-banks.repository';
import { categoryNames, QuestionBanksService } from './question-banks.service';

/** A file with more bad lines than this is reported by its first ones (the rest are the same mistakes). */
export const GIFT_MAX_REPORTED_ERRORS = 200;
/** Points of an imported question when the file does not give them. */
const DEFAULT_POINTS = 1;

/** The issues of one value checked with a contracts schema, each with what to call the value. */
function labelled(label: string, result: { success: boolean; error?: { issues: $ZodIssue[] } }, input: unknown): [string, $ZodIssue, unknown][] {
  return result.success ? [] : result.error!.issues.map((issue) => [label, issue, input]);
}

/**
 * Moodle GIFT import and export of a bank. Import is all or nothing (invariant 6): every
 * question is parsed and validated by its type first; one bad line and the answer is a 400
 * naming each bad line, with nothing written. A good file goes in in one transaction.
 */
@Injectable()
export class QuestionGiftService {
  constructor(
    private readonly repo: QuestionBanksRepository,
    private readonly banks: QuestionBanksService,
  ) {}

  async import(bankId: string, text: string, me: Principal, lang: Lang): Promise<GiftImportResult> {
    await this.banks.bank(bankId, me);
    const parsed = parseGift(text);
    const errors: { line: number; problem: string }[] = parsed.errors.map((e) => ({ line: e.line, problem: t(e.key, lang, e.params) }));
    const valid: { category: string[] | null; values: QuestionValues }[] = [];
    for (const q of parsed.questions) {
      const def = this.banks.type(q.type);
      if (!def) {
        errors.push({ line: q.line, problem: t(QUIZ_MESSAGES.unknownQuestionType, lang, { type: q.type }) });
        continue;
      }
      // What the bank's own forms refuse is refused here too (same schemas, same messages).
      const formIssues = [
        ...(q.category ?? []).flatMap((name) => labelled('$CATEGORY', categoryInputSchema.shape.name.safeParse(name), name)),
        ...(q.points === undefined ? [] : labelled('points', questionInputSchema.shape.points.safeParse(q.points), q.points)),
      ];
      if (formIssues.length) {
        for (const [label, issue, input] of formIssues) errors.push({ line: q.line, problem: `${label}: ${issueMessage(issue, lang, input).message}` });
        continue;
      }
      const result = def.authorSchema.safeParse(q.data);
      if (!result.success) {
        for (const issue of result.error.issues) {
          const { message } = issueMessage(issue, lang, q.data);
          errors.push({ line: q.line, problem: issue.path.length ? `${issue.path.join('.')}: ${message}` : message });
        }
        continue;
      }
      valid.push({
        category: q.category?.length ? q.category : null,
        values: {
          type: q.type,
          points: q.points ?? DEFAULT_POINTS,
          categoryId: null,
          tags: [],
          competencyTags: [],
          summary: def.summarize?.(result.data) ?? '',
          data: result.data,
        },
      });
    }
    if (errors.length) {
      const fields: FieldIssue[] = errors
        .sort((a, b) => a.line - b.line)
        .slice(0, GIFT_MAX_REPORTED_ERRORS)
        .map((e) => ({ field: `line.${e.line}`, code: QUIZ_MESSAGES.giftLine, params: e }));
      throw new AppError(ErrorCode.ValidationFailed, {}, fields);
    }
    if (!valid.length) throw AppError.invalidField('file', 'import.empty');

    return this.banks.uniqueName(() => this.write(bankId, valid, me));
  }

  /** One transaction: the missing categories of the file's `$CATEGORY` paths, then every question. */
  private write(bankId: string, valid: { category: string[] | null; values: QuestionValues }[], me: Principal): Promise<GiftImportResult> {
    return this.repo.transaction(async (tx) => {
      const rows = await this.repo.categories(bankId, tx);
      // Existing categories by parent and lower-cased name (the database's uniqueness rule).
      const key = (parentId: string | null, name: string) => `${parentId ?? ''}/${name.toLowerCase()}`;
      const known = new Map(rows.map((r) => [key(r.parentId, r.name), r.id]));
      let categoriesCreated = 0;
      const categoryOf = async (path: string[]): Promise<string> => {
        let parentId: string | null = null;
        for (const name of path) {
          let id = known.get(key(parentId, name));
          if (!id) {
            id = await this.repo.insertCategory(bankId, parentId, name, tx);
            known.set(key(parentId, name), id);
            categoriesCreated++;
          }
          parentId = id;
        }
        return parentId!;
      };
      for (const q of valid) {
        const categoryId = q.category ? await categoryOf(q.category) : null;
        await this.repo.insertQuestion(tx, bankId, { ...q.values, categoryId }, me.userId);
      }
      return { imported: valid.length, categoriesCreated };
    });
  }

  /** Every live question of the bank (current version) with its category path. */
  async export(bankId: string, me: Principal): Promise<{ title: string; text: string }> {
    const bank = await this.banks.bank(bankId, me);
    const paths = categoryNames(await this.repo.categories(bankId));
    const questions = await this.repo.allQuestions(bankId);
    const text = exportGift(
      questions.map((q) => ({
        category: q.categoryId ? (paths.get(q.categoryId) ?? null) : null,
        type: q.type,
        points: q.points,
        data: q.data as Record<string, unknown>,
      })),
    );
    return { title: bank.title, text };
  }
}
