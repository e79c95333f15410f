import { Controller, Get, Header, HttpCode, Post, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  USER_CSV_MAX_BYTES,
  acceptedSchema,
  importErrorsQuerySchema,
  pageOf,
  pageQuerySchema,
  userImportSchema,
  type ImportErrorsQuery,
  type Lang as LangT,
  type PageQuery,
} from '@cakap/contracts';
import { Roles } from '../auth/auth.decorators';
import { UploadSizeLimit, uploadedText } from '../common/upload';
import { type AppRequest, CurrentUser, RequestLang, type Principal } from '../common/request';
import { ApiResult, UuidParam, ZodQuery } from '../common/zod';
import { userCsvTemplate } from './csv-template';
import { UserImportsService } from './user-imports.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users/imports')
export class UserImportsController {
  constructor(private readonly service: UserImportsService) {}

  /** The CSV as multipart field `file`, or as a `text/csv` body. Answers 202 at once; poll GET /:id. */
  @Post()
  @HttpCode(202)
  @ApiConsumes('multipart/form-data', 'text/csv')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiResult(acceptedSchema, 202)
  @UseInterceptors(UploadSizeLimit(`${USER_CSV_MAX_BYTES / 1024 / 1024} MB`), FileInterceptor('file', { limits: { fileSize: USER_CSV_MAX_BYTES, files: 1 } }))
  async start(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Req() req: AppRequest,
    @CurrentUser() me: Principal,
  ) {
    const content = uploadedText(file, req, { encoding: 'import.encoding', missing: 'import.fileMissing' });
    return this.service.start(content, file?.originalname?.slice(0, 255) ?? null, me.userId);
  }

  @Get()
  @ApiResult(pageOf(userImportSchema))
  list(@ZodQuery(pageQuerySchema) query: PageQuery, @RequestLang() lang: LangT) {
    return this.service.list(query, lang);
  }

  @Get('template')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="template-impor-pegawai.csv"')
  template(): string {
    return userCsvTemplate();
  }

  @Get(':id')
  @ApiResult(userImportSchema)
  get(@UuidParam() id: string, @ZodQuery(importErrorsQuerySchema) query: ImportErrorsQuery, @RequestLang() lang: LangT) {
    return this.service.get(id, lang, query);
  }
}
