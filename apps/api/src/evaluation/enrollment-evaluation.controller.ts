import { Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { enrollmentEvaluationSchema, surveyResponseInputSchema, type SurveyResponseInput } from '@cakap/contracts';
import { CurrentUser, type Principal } from '../common/request';
import { ApiResult, UuidParam, ZodBody } from '../common/zod';
import { EvaluationService } from './evaluation.service';

/** The learner's side: the survey of their own enrolment (anyone else's is a 404) and their one response. */
@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('enrollments/:id/evaluation')
export class EnrollmentEvaluationController {
  constructor(private readonly service: EvaluationService) {}

  @Get()
  @ApiResult(enrollmentEvaluationSchema)
  get(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.getEvaluation(id, me);
  }

  /** 409 before completion and on a second response; 400 naming each wrong answer. */
  @Post()
  @ApiResult(enrollmentEvaluationSchema, 201)
  submit(@UuidParam() id: string, @ZodBody(surveyResponseInputSchema) body: SurveyResponseInput, @CurrentUser() me: Principal) {
    return this.service.submit(id, body, me);
  }
}
