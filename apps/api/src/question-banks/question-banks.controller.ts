import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Patch,
  Post,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  bankInputSchema,
  bankListQuerySchema,
  bankPatchSchema,
  bankSchema,
  categoryInputSchema,
  categorySchema,
  giftImportResultSchema,
  pageOf,
  questionInputSchema,
  questionListQuerySchema,
  questionSchema,
  questionStatsSchema,
  type BankInput,
  type BankListQuery,
  type BankPatch,
  type CategoryInput,
  type Lang,
  type QuestionInput,
  type QuestionListQuery,
} from '@cakap/contracts';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { UploadSizeLimit, uploadedText } from '../common/upload';
import { CurrentUser, RequestLang, type Principal } from '../common/request';
import { ApiResult, UuidParam, ZodBody, ZodQuery } from '../common/zod';
import { contentDisposition } from '../files/files.controller';
import { QuestionBanksService } from './question-banks.service';
import { QuestionGiftService } from './question-gift.service';

/** Largest GIFT file accepted: a bank of a few thousand questions is well under it. */
export const GIFT_MAX_BYTES = 2 * 1024 * 1024;

const categoryPatchSchema = categoryInputSchema.partial();

/**
 * Question banks, their categories, GIFT import/export and item statistics. Route level:
 * authors and admins (a learner gets 403); bank level: its owner and admins (anyone else 404).
 */
@ApiTags('question banks')
@ApiBearerAuth()
@Roles('author', 'admin')
@Controller('question-banks')
export class QuestionBanksController {
  constructor(
    private readonly service: QuestionBanksService,
    private readonly gift: QuestionGiftService,
  ) {}

  /** Authors: their own banks; admins: all. */
  @Get()
  @ApiResult(pageOf(bankSchema))
  list(@ZodQuery(bankListQuerySchema) query: BankListQuery, @CurrentUser() me: Principal) {
    return this.service.list(query, me);
  }

  @Post()
  @ApiResult(bankSchema, 201)
  create(@ZodBody(bankInputSchema) body: BankInput, @CurrentUser() me: Principal) {
    return this.service.create(body, me);
  }

  @Get(':id')
  @ApiResult(bankSchema)
  get(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.get(id, me);
  }

  @Patch(':id')
  @ApiResult(bankSchema)
  update(@UuidParam() id: string, @ZodBody(bankPatchSchema) body: BankPatch, @CurrentUser() me: Principal) {
    return this.service.update(id, body, me);
  }

  /** Soft delete; 409 while a published course's quiz draws from the bank. */
  @Delete(':id')
  @HttpCode(204)
  async remove(@UuidParam() id: string, @CurrentUser() me: Principal) {
    await this.service.remove(id, me);
  }

  @Get(':id/categories')
  @ApiResult(z.array(categorySchema))
  categories(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.categories(id, me);
  }

  @Post(':id/categories')
  @ApiResult(categorySchema, 201)
  createCategory(@UuidParam() id: string, @ZodBody(categoryInputSchema) body: CategoryInput, @CurrentUser() me: Principal) {
    return this.service.createCategory(id, body, me);
  }

  /** Rename and/or move (`parentId: null` moves it to the root). */
  @Patch(':id/categories/:categoryId')
  @ApiResult(categorySchema)
  updateCategory(
    @UuidParam() id: string,
    @UuidParam('categoryId') categoryId: string,
    @ZodBody(categoryPatchSchema) body: Partial<CategoryInput>,
    @CurrentUser() me: Principal,
  ) {
    return this.service.updateCategory(id, categoryId, body, me);
  }

  /** Its sub-categories go with it; their questions stay in the bank without a category. */
  @Delete(':id/categories/:categoryId')
  @HttpCode(204)
  async deleteCategory(@UuidParam() id: string, @UuidParam('categoryId') categoryId: string, @CurrentUser() me: Principal) {
    await this.service.deleteCategory(id, categoryId, me);
  }

  @Get(':id/questions')
  @ApiResult(pageOf(questionSchema))
  questions(@UuidParam() id: string, @ZodQuery(questionListQuerySchema) query: QuestionListQuery, @CurrentUser() me: Principal) {
    return this.service.questions(id, query, me);
  }

  @Post(':id/questions')
  @ApiResult(questionSchema, 201)
  createQuestion(@UuidParam() id: string, @ZodBody(questionInputSchema) body: QuestionInput, @CurrentUser() me: Principal) {
    return this.service.createQuestion(id, body, me);
  }

  /** A GIFT text file as multipart field `file` or as a text body (UTF-8, BOM allowed). All or nothing. */
  @Post(':id/import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiResult(giftImportResultSchema)
  @UseInterceptors(UploadSizeLimit('2 MB'), FileInterceptor('file', { limits: { fileSize: GIFT_MAX_BYTES, files: 1 } }))
  async import(
    @UuidParam() id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Req() req: Request,
    @CurrentUser() me: Principal,
    @RequestLang() lang: Lang,
  ) {
    return this.gift.import(id, uploadedText(file, req, { encoding: 'quiz.giftEncoding' }), me, lang);
  }

  @Get(':id/export')
  @ApiProduces('text/plain')
  async export(@UuidParam() id: string, @CurrentUser() me: Principal, @Res({ passthrough: true }) res: Response) {
    const { title, text } = await this.gift.export(id, me);
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.setHeader('Content-Disposition', contentDisposition('attachment', `${title}.gift.txt`));
    return text;
  }

  /** Facility and discrimination of each live question over the graded attempts. */
  @Get(':id/stats')
  @ApiResult(z.array(questionStatsSchema))
  stats(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.stats(id, me);
  }
}
