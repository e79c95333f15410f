import { Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  attemptSchema,
  contentKeySchema,
  gradeAnswerSchema,
  pageOf,
  pendingGradingQuerySchema,
  pendingGradingSchema,
  quizStateSchema,
  saveAnswersResultSchema,
  saveAnswersSchema,
  testResultsSchema,
  type GradeAnswer,
  type PendingGradingQuery,
  type SaveAnswers,
} from '@cakap/contracts';
import type { Response } from 'express';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { CurrentUser, type Principal } from '../common/request';
import { ApiResult, UuidParam, ZodBody, ZodPipe, ZodQuery } from '../common/zod';
import { QuizAttemptsService } from './quiz-attempts.service';

/**
 * Quizzes for learners: any signed-in user, each only on their own enrolments and attempts
 * (someone else's id is a 404, invariant 5). Grading of essays: authors (the courses they
 * author) and admins.
 */
@ApiTags('quizzes')
@ApiBearerAuth()
@Controller()
export class QuizAttemptsController {
  constructor(private readonly service: QuizAttemptsService) {}

  @Get('enrollments/:id/quizzes/:blockKey')
  @ApiParam({ name: 'blockKey', schema: { type: 'string' } })
  @ApiResult(quizStateSchema)
  state(@UuidParam() id: string, @Param('blockKey', new ZodPipe(contentKeySchema, 'blockKey')) blockKey: string, @CurrentUser() me: Principal) {
    return this.service.state(id, blockKey, me);
  }

  /** 201 with a new attempt; 200 with the open one (a reload, a second tab). */
  @Post('enrollments/:id/quizzes/:blockKey/attempts')
  @ApiParam({ name: 'blockKey', schema: { type: 'string' } })
  @ApiResult(attemptSchema, 201)
  async start(
    @UuidParam() id: string,
    @Param('blockKey', new ZodPipe(contentKeySchema, 'blockKey')) blockKey: string,
    @CurrentUser() me: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { attempt, created } = await this.service.start(id, blockKey, me);
    res.status(created ? 201 : 200);
    return attempt;
  }

  @Get('enrollments/:id/test-results')
  @ApiResult(testResultsSchema)
  testResults(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.testResults(id, me);
  }

  @Get('attempts/:id')
  @ApiResult(attemptSchema)
  get(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.get(id, me);
  }

  /** Autosave; refused after submission or past the deadline (409). */
  @Put('attempts/:id/answers')
  @ApiResult(saveAnswersResultSchema)
  save(@UuidParam() id: string, @ZodBody(saveAnswersSchema) body: SaveAnswers, @CurrentUser() me: Principal) {
    return this.service.save(id, body, me);
  }

  /** Graded on the server; submitting again answers the same result. */
  @Post('attempts/:id/submit')
  @HttpCode(200)
  @ApiResult(attemptSchema)
  submit(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.submit(id, me);
  }

  @Get('grading')
  @Roles('author', 'admin')
  @ApiResult(pageOf(pendingGradingSchema))
  pending(@ZodQuery(pendingGradingQuerySchema) query: PendingGradingQuery, @CurrentUser() me: Principal) {
    return this.service.pending(query, me);
  }

  @Post('attempts/:id/answers/:slot/grade')
  @Roles('author', 'admin')
  @HttpCode(200)
  @ApiParam({ name: 'slot', schema: { type: 'integer' } })
  @ApiResult(attemptSchema)
  grade(
    @UuidParam() id: string,
    @Param('slot', new ZodPipe(z.coerce.number().int().min(0).max(199), 'slot')) slot: number,
    @ZodBody(gradeAnswerSchema) body: GradeAnswer,
    @CurrentUser() me: Principal,
  ) {
    return this.service.grade(id, slot, body, me);
  }
}
