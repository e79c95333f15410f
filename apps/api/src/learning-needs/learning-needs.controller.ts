import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  learningNeedInputSchema,
  learningNeedListQuerySchema,
  learningNeedPatchSchema,
  learningNeedSchema,
  needCommentInputSchema,
  needCommentSchema,
  pageOf,
  pageQuerySchema,
  triageInputSchema,
  voteResultSchema,
  type LearningNeedListQuery,
  type LearningNeedPatch,
  type NeedCommentInput,
  type PageQuery,
} from '@cakap/contracts';
import type { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { CurrentUser, type Principal } from '../common/request';
import { ApiResult, UuidParam, ZodBody, ZodQuery } from '../common/zod';
import { LearningNeedsService } from './learning-needs.service';

/**
 * The learning-needs board (AKPK). Every signed-in ASN reads the whole board (proposals are
 * meant to be seen and supported), proposes, votes and comments; changing a need is its
 * proposer's until it is decided, and deciding is the admins'.
 */
@ApiTags('learning-needs')
@ApiBearerAuth()
@Controller('learning-needs')
export class LearningNeedsController {
  constructor(private readonly service: LearningNeedsService) {}

  /** Most supported first (`sort=recent`: newest first). */
  @Get()
  @ApiResult(pageOf(learningNeedSchema))
  list(@ZodQuery(learningNeedListQuerySchema) query: LearningNeedListQuery, @CurrentUser() me: Principal) {
    return this.service.list(query, me);
  }

  /** The caller is the proposer, filed under their unit; a competency must belong to a published framework. */
  @Post()
  @ApiResult(learningNeedSchema, 201)
  propose(@ZodBody(learningNeedInputSchema) body: z.infer<typeof learningNeedInputSchema>, @CurrentUser() me: Principal) {
    return this.service.propose(body, me);
  }

  @Get(':id')
  @ApiResult(learningNeedSchema)
  get(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.get(id, me);
  }

  /** The proposer while it is proposed (409 afterwards), or an admin; anyone else 403. */
  @Patch(':id')
  @ApiResult(learningNeedSchema)
  update(@UuidParam() id: string, @ZodBody(learningNeedPatchSchema) body: LearningNeedPatch, @CurrentUser() me: Principal) {
    return this.service.update(id, body, me);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@UuidParam() id: string, @CurrentUser() me: Principal) {
    await this.service.remove(id, me);
  }

  /** One vote per ASN (a second is 409), never on one's own need (409), only while proposed or accepted. */
  @Post(':id/votes')
  @HttpCode(200)
  @ApiResult(voteResultSchema)
  vote(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.vote(id, me);
  }

  @Delete(':id/votes')
  @ApiResult(voteResultSchema)
  unvote(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.unvote(id, me);
  }

  /** Oldest first. */
  @Get(':id/comments')
  @ApiResult(pageOf(needCommentSchema))
  comments(@UuidParam() id: string, @ZodQuery(pageQuerySchema) page: PageQuery, @CurrentUser() me: Principal) {
    return this.service.comments(id, page, me);
  }

  /** Plain text, shown as text. */
  @Post(':id/comments')
  @ApiResult(needCommentSchema, 201)
  comment(@UuidParam() id: string, @ZodBody(needCommentInputSchema) body: NeedCommentInput, @CurrentUser() me: Principal) {
    return this.service.addComment(id, body, me);
  }

  /** The comment's author or an admin. */
  @Delete(':id/comments/:commentId')
  @HttpCode(204)
  async removeComment(@UuidParam() id: string, @UuidParam('commentId') commentId: string, @CurrentUser() me: Principal) {
    await this.service.removeComment(id, commentId, me);
  }

  /** The admins' decision; per-field errors mirror the table's rules. */
  @Post(':id/triage')
  @HttpCode(200)
  @Roles('admin')
  @ApiResult(learningNeedSchema)
  triage(@UuidParam() id: string, @ZodBody(triageInputSchema) body: z.infer<typeof triageInputSchema>, @CurrentUser() me: Principal) {
    return this.service.triage(id, body, me);
  }
}
