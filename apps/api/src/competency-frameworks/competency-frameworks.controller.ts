import { Controller, Delete, Get, HttpCode, Patch, Post, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  createCompetencySchema,
  createFrameworkSchema,
  frameworkFormatQuerySchema,
  frameworkListQuerySchema,
  frameworkSummarySchema,
  frameworkTreeSchema,
  pageOf,
  updateFrameworkSchema,
  type CreateCompetency,
  type CreateFramework,
  type FrameworkFormat,
  type FrameworkListQuery,
  type UpdateFramework,
} from '@cakap/contracts';
import type { Response } from 'express';
import { Roles } from '../auth/auth.decorators';
import { contentDisposition } from '../files/files.controller';
import { type AppRequest, CurrentUser, type Principal } from '../common/request';
import { UploadSizeLimit, uploadedText } from '../common/upload';
import { ApiResult, UuidParam, ZodBody, ZodQuery } from '../common/zod';
import { CompetencyFrameworksService } from './competency-frameworks.service';
import { FRAMEWORK_FILE_MAX_BYTES, FRAMEWORK_FILE_MAX_LABEL, FrameworkTransferService } from './framework-transfer.service';

/**
 * Competency frameworks. Reading: any signed-in user, published frameworks only (retired ones
 * by id); admins see and edit everything. Writing, import: admins.
 */
@ApiTags('competencies')
@ApiBearerAuth()
@Controller('competency-frameworks')
export class CompetencyFrameworksController {
  constructor(
    private readonly service: CompetencyFrameworksService,
    private readonly transfer: FrameworkTransferService,
  ) {}

  @Get()
  @ApiResult(pageOf(frameworkSummarySchema))
  list(@ZodQuery(frameworkListQuerySchema) query: FrameworkListQuery, @CurrentUser() me: Principal) {
    return this.service.list(query, me);
  }

  @Post()
  @Roles('admin')
  @ApiResult(frameworkTreeSchema, 201)
  create(@ZodBody(createFrameworkSchema) body: CreateFramework, @CurrentUser() me: Principal) {
    return this.service.create(body, me);
  }

  /**
   * A framework file as multipart field `file`, or as the body (text/csv, application/json).
   * 201 with the new draft; 400 `import_file_invalid` with every problem, nothing written.
   */
  @Post('import')
  @Roles('admin')
  @ApiConsumes('multipart/form-data', 'text/csv', 'application/json')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiResult(frameworkTreeSchema, 201)
  @UseInterceptors(UploadSizeLimit(FRAMEWORK_FILE_MAX_LABEL), FileInterceptor('file', { limits: { fileSize: FRAMEWORK_FILE_MAX_BYTES, files: 1 } }))
  import(
    @ZodQuery(frameworkFormatQuerySchema) { format }: { format: FrameworkFormat },
    @UploadedFile() file: Express.Multer.File | undefined,
    @Req() req: AppRequest,
    @CurrentUser() me: Principal,
  ) {
    return this.transfer.import(format, uploadedText(file, req, { encoding: 'competency.importEncoding' }), me);
  }

  @Get(':id')
  @ApiResult(frameworkTreeSchema)
  get(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.tree(id, me);
  }

  @Get(':id/export')
  @ApiProduces('text/csv', 'application/json')
  async export(
    @UuidParam() id: string,
    @ZodQuery(frameworkFormatQuerySchema) { format }: { format: FrameworkFormat },
    @CurrentUser() me: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const file = await this.transfer.export(id, format, me);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', contentDisposition('attachment', file.fileName));
    return file.body;
  }

  /** scaleMax cannot go below the highest level a competency defines (409 competency.scaleBelowLevels). */
  @Patch(':id')
  @Roles('admin')
  @ApiResult(frameworkTreeSchema)
  update(@UuidParam() id: string, @ZodBody(updateFrameworkSchema) body: UpdateFramework) {
    return this.service.update(id, body);
  }

  /** 409 competency.frameworkInUse once anything refers to one of its competencies: retire it instead. */
  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  async remove(@UuidParam() id: string) {
    await this.service.remove(id);
  }

  /** From draft or retired (409 invalid_transition otherwise); needs a competency with levels. */
  @Post(':id/publish')
  @Roles('admin')
  @HttpCode(200)
  @ApiResult(frameworkTreeSchema)
  publish(@UuidParam() id: string) {
    return this.service.publish(id);
  }

  @Post(':id/retire')
  @Roles('admin')
  @HttpCode(200)
  @ApiResult(frameworkTreeSchema)
  retire(@UuidParam() id: string) {
    return this.service.retire(id);
  }

  /** Appended after its siblings unless `position` is given. */
  @Post(':id/competencies')
  @Roles('admin')
  @ApiResult(frameworkTreeSchema, 201)
  addCompetency(@UuidParam() id: string, @ZodBody(createCompetencySchema) body: CreateCompetency) {
    return this.service.addCompetency(id, body);
  }
}
