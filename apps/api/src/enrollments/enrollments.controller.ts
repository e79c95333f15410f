import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  enrollSchema,
  enrollmentDetailSchema,
  enrollmentListQuerySchema,
  enrollmentProgressSchema,
  enrollmentSchema,
  lessonKeyParamSchema,
  pageOf,
  progressReportSchema,
  type Enroll,
  type EnrollmentListQuery,
  type ProgressReport,
} from '@cakap/contracts';
import type { Response } from 'express';
import { CurrentUser, type Principal } from '../common/request';
import { ApiResult, UuidParam, ZodBody, ZodPipe, ZodQuery } from '../common/zod';
import { EnrollmentsService } from './enrollments.service';

/**
 * Learning: any signed-in user enrols and learns; each sees and changes only their own
 * enrolments (someone else's id is a 404, invariant 5).
 */
@ApiTags('learning')
@ApiBearerAuth()
@Controller('enrollments')
export class EnrollmentsController {
  constructor(private readonly service: EnrollmentsService) {}

  /** Pins the course's current published version (invariant 1). 201 when new, 200 with the existing enrolment when enrolled already. */
  @Post()
  @ApiResult(enrollmentDetailSchema, 201)
  async enroll(@ZodBody(enrollSchema) body: Enroll, @CurrentUser() me: Principal, @Res({ passthrough: true }) res: Response) {
    const { enrollment, created } = await this.service.enroll(body.courseId, me);
    res.status(created ? 201 : 200);
    return enrollment;
  }

  @Get()
  @ApiResult(pageOf(enrollmentSchema))
  list(@ZodQuery(enrollmentListQuerySchema) query: EnrollmentListQuery, @CurrentUser() me: Principal) {
    return this.service.list(query, me);
  }

  @Get(':id')
  @ApiResult(enrollmentDetailSchema)
  get(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.get(id, me);
  }

  /** A batch of block events (viewed / watched with a fraction / completed); idempotent, so the portal resends freely. */
  @Post(':id/progress')
  @HttpCode(200)
  @ApiResult(enrollmentProgressSchema)
  report(@UuidParam() id: string, @ZodBody(progressReportSchema) body: ProgressReport, @CurrentUser() me: Principal) {
    return this.service.report(id, body, me);
  }

  /** 409 naming the blocks whose rule (watched, custom) is not met yet. */
  @Post(':id/lessons/:lessonKey/complete')
  @HttpCode(200)
  @ApiParam({ name: 'lessonKey', schema: { type: 'string' } })
  @ApiResult(enrollmentProgressSchema)
  completeLesson(
    @UuidParam() id: string,
    @Param('lessonKey', new ZodPipe(lessonKeyParamSchema, 'lessonKey')) lessonKey: string,
    @CurrentUser() me: Principal,
  ) {
    return this.service.completeLesson(id, lessonKey, me);
  }
}
