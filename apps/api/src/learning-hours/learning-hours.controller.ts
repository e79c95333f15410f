import { Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  createClassicalActivitySchema,
  learningHoursEntrySchema,
  learningHoursQuerySchema,
  learningHoursSchema,
  type CreateClassicalActivity,
  type LearningHoursQuery,
} from '@cakap/contracts';
import { Roles } from '../auth/auth.decorators';
import { CurrentUser, type Principal } from '../common/request';
import { ApiResult, UuidParam, ZodBody, ZodQuery } from '../common/zod';
import { LearningHoursService } from './learning-hours.service';

/** The signed-in learner's own JP ledger for a year (default: the current year in WIB). */
@ApiTags('learning')
@ApiBearerAuth()
@Controller('me/learning-hours')
export class MyLearningHoursController {
  constructor(private readonly service: LearningHoursService) {}

  @Get()
  @ApiResult(learningHoursSchema)
  get(@ZodQuery(learningHoursQuerySchema) query: LearningHoursQuery, @CurrentUser() me: Principal) {
    return this.service.forUser(me.userId, query.year);
  }
}

/** Admins read any learner's ledger and add the classical activities attended outside Cakap. */
@ApiTags('learning')
@ApiBearerAuth()
@Roles('admin')
@Controller('users/:id/learning-hours')
export class UserLearningHoursController {
  constructor(private readonly service: LearningHoursService) {}

  @Get()
  @ApiResult(learningHoursSchema)
  get(@UuidParam() id: string, @ZodQuery(learningHoursQuerySchema) query: LearningHoursQuery) {
    return this.service.forUserAsAdmin(id, query.year);
  }

  @Post()
  @ApiResult(learningHoursEntrySchema, 201)
  add(@UuidParam() id: string, @ZodBody(createClassicalActivitySchema) body: CreateClassicalActivity, @CurrentUser() me: Principal) {
    return this.service.addClassical(id, body, me);
  }
}
