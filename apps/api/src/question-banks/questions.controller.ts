import { Controller, Delete, Get, HttpCode, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { questionSchema, questionUpdateSchema, type QuestionUpdate } from '@cakap/contracts';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { CurrentUser, type Principal } from '../common/request';
import { ApiResult, UuidParam, ZodBody } from '../common/zod';
import { QuestionBanksService } from './question-banks.service';

/** One question of a bank the caller reaches (its owner, admins; anyone else 404). */
@ApiTags('question banks')
@ApiBearerAuth()
@Roles('author', 'admin')
@Controller('questions')
export class QuestionsController {
  constructor(private readonly service: QuestionBanksService) {}

  /** The current version, key included. */
  @Get(':id')
  @ApiResult(questionSchema)
  get(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.question(id, me);
  }

  /** A new version when type, points or data change; 409 `quiz.staleVersion` when `version` is not the current one. */
  @Put(':id')
  @ApiResult(questionSchema)
  update(@UuidParam() id: string, @ZodBody(questionUpdateSchema) body: QuestionUpdate, @CurrentUser() me: Principal) {
    return this.service.updateQuestion(id, body, me);
  }

  /** Soft delete: the versions stay, attempts refer to them. */
  @Delete(':id')
  @HttpCode(204)
  async remove(@UuidParam() id: string, @CurrentUser() me: Principal) {
    await this.service.deleteQuestion(id, me);
  }

  /** Every version, newest first (each as the question read then; `updatedAt` is when it was written). */
  @Get(':id/versions')
  @ApiResult(z.array(questionSchema))
  versions(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.versions(id, me);
  }
}
