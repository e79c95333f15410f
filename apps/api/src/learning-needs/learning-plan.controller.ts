import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  learningPlanQuerySchema,
  learningPlanSchema,
  pageOf,
  planTargetSchema,
  planTargetsQuerySchema,
  type Lang,
  type LearningPlanQuery,
  type PlanTargetsQuery,
} from '@cakap/contracts';
import type { Response } from 'express';
import { Roles } from '../auth/auth.decorators';
import { CurrentUser, RequestLang, type Principal } from '../common/request';
import { ApiResult, UuidParam, ZodQuery } from '../common/zod';
import { REPORT_CONTENT_TYPE, sendReport } from '../competency-reports/report-export';
import { learningPlanSheet } from './learning-plan-sheet';
import { LearningPlanService } from './learning-plan.service';

/** The yearly development plan (admins): accepted needs with their target ASN; `?format=csv|xlsx` downloads it. */
@ApiTags('learning-needs')
@ApiBearerAuth()
@Roles('admin')
@Controller('learning-plan')
export class LearningPlanController {
  constructor(private readonly service: LearningPlanService) {}

  @Get()
  @ApiResult(learningPlanSchema)
  @ApiProduces('application/json', ...Object.values(REPORT_CONTENT_TYPE))
  async plan(
    @ZodQuery(learningPlanQuerySchema) query: LearningPlanQuery,
    @CurrentUser() me: Principal,
    @RequestLang() lang: Lang,
    @Res() res: Response,
  ) {
    const plan = await this.service.plan(query.year, me);
    // One path for the screen and the download: the same figures either way.
    if (!query.format) {
      res.json(plan);
      return;
    }
    await sendReport(res, query.format, `rencana-pengembangan-${query.year}`, learningPlanSheet(plan, lang));
  }

  /** Who a need targets: NIP, name, unit and (with a competency) required, achieved and gap; largest gap first. */
  @Get(':needId/targets')
  @ApiResult(pageOf(planTargetSchema))
  targets(@UuidParam('needId') needId: string, @ZodQuery(planTargetsQuerySchema) query: PlanTargetsQuery, @CurrentUser() me: Principal) {
    return this.service.targets(needId, query, me);
  }
}
