import { Injectable } from '@nestjs/common';
import {
  COMPETENCY_MESSAGES,
  type CompetencyProfile,
  type Evidence,
  type ProfileRow,
  type Recommendation,
  type RecordEvidence,
} from '@cakap/contracts';
import { compareProfileRows, gapOf, jobPersonMatch, recommendCourses } from '@cakap/competencies';
import { jakartaDate } from '@cakap/courses';
import { AppError } from '../common/app-error';
import type { Principal } from '../common/request';
import { FilesService } from '../files/files.service';
import { CompetencyProfilesRepository, type EvidenceRow } from './competency-profiles.repository';

/**
 * A learner's competency profile: the achieved level of each competency (derived from the
 * append-only evidence by @cakap/competencies), against what their position requires, the
 * gaps and the courses that close them. Learners read their own; admins read anyone's and
 * record evidence from outside Cakap.
 */
@Injectable()
export class CompetencyProfilesService {
  constructor(
    private readonly repo: CompetencyProfilesRepository,
    private readonly files: FilesService,
  ) {}

  async profile(userId: string): Promise<CompetencyProfile> {
    const user = await this.repo.user(userId);
    if (!user) throw AppError.notFound();
    const [rows, evidence] = await Promise.all([this.repo.profileRows(userId, user.position?.id ?? null), this.repo.evidence(userId)]);
    const profile: ProfileRow[] = rows.map((r) => ({ ...r, gap: gapOf(r.achieved, r.required) })).sort(compareProfileRows);
    return {
      user,
      profile,
      match: jobPersonMatch(profile),
      evidence: evidence.map(toEvidence),
      recommendations: await this.recommendations(userId, profile),
    };
  }

  async recordEvidence(userId: string, input: RecordEvidence, me: Principal): Promise<Evidence> {
    if (!(await this.repo.user(userId))) throw AppError.notFound();
    const c = await this.repo.evidenceCompetency(input.competencyId);
    if (!c) throw AppError.invalidField('competencyId', 'validation.notFound');
    if (!c.published) throw AppError.invalidField('competencyId', COMPETENCY_MESSAGES.notPublished, { code: c.code });
    if (c.maxLevel === 0) throw AppError.invalidField('competencyId', COMPETENCY_MESSAGES.noLevels, { code: c.code });
    if (input.level > c.maxLevel) throw AppError.invalidField('level', 'validation.tooBig', { maximum: c.maxLevel });
    // Evidence says what happened: a date still to come in Jakarta has not happened yet.
    if (input.occurredOn > jakartaDate(new Date())) throw AppError.invalidField('occurredOn', COMPETENCY_MESSAGES.futureDate);
    if (input.fileId && !(await this.repo.fileExists(input.fileId))) throw AppError.invalidField('fileId', COMPETENCY_MESSAGES.fileNotFound);
    return toEvidence(await this.repo.recordEvidence(userId, input, me.userId));
  }

  /**
   * The signed URL of an evidence attachment, for the learner it belongs to and admins only.
   * Anyone else (and evidence without a file) gets a 404: evidence of others is never confirmed.
   */
  async fileUrl(evidenceId: string, me: Principal): Promise<string> {
    const e = await this.repo.evidenceFile(evidenceId);
    if (!e?.fileId || (e.userId !== me.userId && !me.roles.includes('admin'))) throw AppError.notFound();
    return `${this.files.url(e.fileId)}&download=1`;
  }

  private async recommendations(userId: string, profile: ProfileRow[]): Promise<Recommendation[]> {
    const gaps = profile.filter((r) => r.gap);
    const candidates = await this.repo.candidates(
      userId,
      gaps.map((r) => ({ competencyId: r.competencyId, achieved: r.achieved })),
    );
    const byId = new Map(candidates.map((c) => [c.courseId, c]));
    const rowOf = new Map(profile.map((r) => [r.competencyId, r]));
    // Completed courses were left out by the query already.
    const ranked = recommendCourses(
      profile,
      candidates.map((c) => ({ courseId: c.courseId, targets: c.targets, completed: false })),
    );
    return ranked.map((r) => {
      const c = byId.get(r.courseId)!;
      return {
        course: { id: c.courseId, title: c.title, summary: c.summary, jp: c.jp, category: c.category, version: c.version },
        addresses: r.addresses.map((a) => ({ ...a, code: rowOf.get(a.competencyId)!.code, name: rowOf.get(a.competencyId)!.name })),
        enrollmentId: c.enrollmentId,
      };
    });
  }
}

function toEvidence(e: EvidenceRow): Evidence {
  return { ...e, createdAt: new Date(e.createdAt).toISOString() };
}
