import { Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  followUpFormSchema,
  followUpListItemSchema,
  followUpResponseInputSchema,
  myFollowUpsQuerySchema,
  pageOf,
  type FollowUpResponseInput,
  type MyFollowUpsQuery,
} from '@cakap/contracts';
import { CurrentUser, type Principal } from '../common/request';
import { ApiResult, UuidParam, ZodBody, ZodQuery } from '../common/zod';
import { FollowUpsService } from './follow-ups.service';

/** The respondent's side: my follow-ups (as a learner and as a direct superior), a form, its one response. */
@ApiTags('evaluation')
@ApiBearerAuth()
@Controller()
export class FollowUpsController {
  constructor(private readonly service: FollowUpsService) {}

  @Get('me/follow-ups')
  @ApiResult(pageOf(followUpListItemSchema))
  mine(@ZodQuery(myFollowUpsQuerySchema) query: MyFollowUpsQuery, @CurrentUser() me: Principal) {
    return this.service.mine(query, me);
  }

  /** Only the respondent; anyone else gets 404. */
  @Get('follow-ups/:id')
  @ApiResult(followUpFormSchema)
  form(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.form(id, me);
  }

  /** 409 when answered already, not sent yet or expired; 400 naming each wrong answer. */
  @Post('follow-ups/:id/response')
  @ApiResult(followUpFormSchema, 201)
  respond(@UuidParam() id: string, @ZodBody(followUpResponseInputSchema) body: FollowUpResponseInput, @CurrentUser() me: Principal) {
    return this.service.respond(id, body, me);
  }
}
