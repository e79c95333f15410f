import { Controller, Delete, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { courseFollowUpInputSchema, courseFollowUpSchema, followUpSummarySchema, type CourseFollowUpSettings } from '@cakap/contracts';
import { Roles } from '../auth/auth.decorators';
import { CurrentUser, type Principal } from '../common/request';
import { ApiResult, UuidParam, ZodBody } from '../common/zod';
import { FollowUpsService } from './follow-ups.service';

/**
 * A course's level-3 follow-up settings and its anonymous summary. Route level: authors and
 * admins (a learner gets 403); course level: the courses module's rule (its authors and admins, else 404).
 */
@ApiTags('evaluation')
@ApiBearerAuth()
@Roles('author', 'admin')
@Controller('courses/:id/follow-up')
export class CourseFollowUpController {
  constructor(private readonly service: FollowUpsService) {}

  /** The defaults (`isDefault`) until the authors save their own. */
  @Get()
  @ApiResult(courseFollowUpSchema)
  get(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.getSettings(id, me);
  }

  @Put()
  @ApiResult(courseFollowUpSchema)
  put(@UuidParam() id: string, @ZodBody(courseFollowUpInputSchema) body: CourseFollowUpSettings, @CurrentUser() me: Principal) {
    return this.service.putSettings(id, body, me);
  }

  /** Back to the defaults. */
  @Delete()
  @ApiResult(courseFollowUpSchema)
  reset(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.resetSettings(id, me);
  }

  /** Per role: counts sent/answered, and from 3 responses up the dimension means and comments; never who answered what. */
  @Get('summary')
  @ApiResult(followUpSummarySchema)
  summary(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.summary(id, me);
  }
}
