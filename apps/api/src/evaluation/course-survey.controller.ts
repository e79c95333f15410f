import { Controller, Delete, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { courseSurveyInputSchema, courseSurveySchema, surveySummarySchema, type CourseSurveyInput } from '@cakap/contracts';
import { Roles } from '../auth/auth.decorators';
import { CurrentUser, type Principal } from '../common/request';
import { ApiResult, UuidParam, ZodBody } from '../common/zod';
import { EvaluationService } from './evaluation.service';

/**
 * A course's post-course survey and its anonymous summary. Route level: authors and admins (a
 * learner gets 403); course level: the courses module's rule (its authors and admins, else 404).
 */
@ApiTags('evaluation')
@ApiBearerAuth()
@Roles('author', 'admin')
@Controller('courses/:id/survey')
export class CourseSurveyController {
  constructor(private readonly service: EvaluationService) {}

  /** The default questionnaire (`isDefault`) until the authors adapt it. */
  @Get()
  @ApiResult(courseSurveySchema)
  get(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.getSurvey(id, me);
  }

  @Put()
  @ApiResult(courseSurveySchema)
  put(@UuidParam() id: string, @ZodBody(courseSurveyInputSchema) body: CourseSurveyInput, @CurrentUser() me: Principal) {
    return this.service.putSurvey(id, body, me);
  }

  /** Back to the default questionnaire; answers the survey as it now is. */
  @Delete()
  @ApiResult(courseSurveySchema)
  reset(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.resetSurvey(id, me);
  }

  /** Aggregates over every response (each against the questions it answered); results from 3 responses up. */
  @Get('summary')
  @ApiResult(surveySummarySchema)
  summary(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.summary(id, me);
  }
}
