import { Injectable } from '@nestjs/common';
import type { LearningPlan, Page, PlanTarget, PlanTargetsQuery } from '@cakap/contracts';
import { AppError } from '../common/app-error';
import type { Principal } from '../common/request';
import { LearningNeedsRepository } from './learning-needs.repository';

/**
 * The yearly development plan: the needs accepted or planned for the year, each with the ASN it
 * targets. A need with a competency targets everyone whose position requires more of it than
 * they reached (the competency gaps); one without targets its proposer and supporters.
 */
@Injectable()
export class LearningPlanService {
  constructor(private readonly repo: LearningNeedsRepository) {}

  async plan(year: number, me: Principal): Promise<LearningPlan> {
    const [needs, counts] = await Promise.all([this.repo.planNeeds(me.userId, year), this.repo.planCounts(year)]);
    const byNeed = new Map(counts.map((c) => [c.needId, c]));
    return {
      year,
      items: needs.map((n) => ({
        ...n,
        targetSource: n.competency ? 'competency-gap' : 'supporters',
        targetCount: byNeed.get(n.id)?.targetCount ?? 0,
        topUnits: byNeed.get(n.id)?.topUnits ?? [],
      })),
    };
  }

  async targets(needId: string, query: PlanTargetsQuery, me: Principal): Promise<Page<PlanTarget>> {
    if (!(await this.repo.find(me.userId, needId))) throw AppError.notFound();
    const { items, total } = await this.repo.targets(needId, query.q, query.page, query.pageSize);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
