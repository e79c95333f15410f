import { Controller, Get, Header, HttpCode, Param, Post, Put, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  classDefaultsInputSchema,
  classDefaultsSchema,
  standardsImportResultSchema,
  positionKindSchema,
  type PositionKind,
  type PositionRequirementsInput,
} from '@cakap/contracts';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { type AppRequest, CurrentUser, type Principal } from '../common/request';
import { UploadSizeLimit, uploadedText } from '../common/upload';
import { ApiResult, ZodBody, ZodPipe } from '../common/zod';
import { CompetencyStandardsService } from './competency-standards.service';

/** Largest standards CSV accepted: 20,000 rows of a few dozen bytes. */
const STANDARDS_CSV_MAX_BYTES = 2 * 1024 * 1024;

/** Class defaults and the position standards CSV (admins). */
@ApiTags('competency standards')
@ApiBearerAuth()
@Roles('admin')
@Controller('competency-standards')
export class CompetencyStandardsController {
  constructor(private readonly service: CompetencyStandardsService) {}

  @Get('class-defaults')
  @ApiResult(z.array(classDefaultsSchema))
  classDefaults() {
    return this.service.classDefaults();
  }

  /** Replaces the defaults of one position class (level 0 removes a default). */
  @Put('class-defaults/:kind')
  @ApiParam({ name: 'kind', enum: positionKindSchema.options })
  @ApiResult(classDefaultsSchema)
  replaceClassDefaults(
    @Param('kind', new ZodPipe(positionKindSchema, 'kind')) kind: PositionKind,
    @ZodBody(classDefaultsInputSchema) body: PositionRequirementsInput,
    @CurrentUser() me: Principal,
  ) {
    return this.service.replaceClassDefaults(kind, body, me);
  }

  /**
   * The standards CSV (columns STANDARDS_CSV_COLUMNS) as multipart field `file` or a text/csv
   * body. Replaces the own levels of the positions in the file; all or nothing.
   */
  @Post('import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data', 'text/csv')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiResult(standardsImportResultSchema)
  @UseInterceptors(UploadSizeLimit('2 MB'), FileInterceptor('file', { limits: { fileSize: STANDARDS_CSV_MAX_BYTES, files: 1 } }))
  import(@UploadedFile() file: Express.Multer.File | undefined, @Req() req: AppRequest, @CurrentUser() me: Principal) {
    return this.service.importCsv(uploadedText(file, req, { encoding: 'import.encoding', missing: 'import.fileMissing' }), me);
  }

  @Get('export')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="standar-kompetensi-jabatan.csv"')
  export() {
    return this.service.exportCsv();
  }
}
