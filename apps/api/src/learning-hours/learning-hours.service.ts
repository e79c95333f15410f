import { Injectable } from '@nestjs/common';
import {
  JP_TARGET_PER_YEAR,
  LEARNING_MESSAGES,
  type CreateClassicalActivity,
  type LearningHours,
  type LearningHoursEntry,
} from '@cakap/contracts';
import { jakartaYear } from '@cakap/courses';
import { AppError } from '../common/app-error';
import type { Principal } from '../common/request';
import { LearningHoursRepository } from './learning-hours.repository';

/**
 * The JP ledger (invariant 8): completed Cakap courses (written by completion, once) and the
 * classical activities admins record, per calendar year in Asia/Jakarta, against the 20 JP target.
 */
@Injectable()
export class LearningHoursService {
  constructor(private readonly repo: LearningHoursRepository) {}

  async forUser(userId: string, year: number = jakartaYear(new Date())): Promise<LearningHours> {
    const entries = await this.repo.entries(userId, year);
    return { year, jp: entries.reduce((sum, e) => sum + e.jp, 0), target: JP_TARGET_PER_YEAR, entries };
  }

  /** An admin's view of a learner's ledger; an unknown user is a 404. */
  async forUserAsAdmin(userId: string, year?: number): Promise<LearningHours> {
    if (!(await this.repo.userExists(userId))) throw AppError.notFound();
    return this.forUser(userId, year);
  }

  /** A classical activity (training, workshop, seminar outside Cakap) counts in the year it ended. */
  async addClassical(userId: string, body: CreateClassicalActivity, me: Principal): Promise<LearningHoursEntry> {
    if (!(await this.repo.userExists(userId))) throw AppError.notFound();
    if (body.evidenceFileId && !(await this.repo.fileExists(body.evidenceFileId))) {
      throw AppError.invalidField('evidenceFileId', LEARNING_MESSAGES.evidenceNotFound);
    }
    return this.repo.addClassical(userId, Number(body.endDate.slice(0, 4)), body, me.userId);
  }
}
