import { Controller, Delete, Get, HttpCode, Patch, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  pageOf,
  pageQuerySchema,
  templateInputSchema,
  templatePatchSchema,
  templatePreviewSchema,
  templateSchema,
  templateTypeSchema,
  type TemplateInput,
  type TemplatePatch,
  type TemplatePreview,
} from '@cakap/contracts';
import type { Response } from 'express';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { CurrentUser, type Principal } from '../common/request';
import { ApiResult, UuidParam, ZodBody, ZodQuery } from '../common/zod';
import { CertificateTemplatesService } from './certificate-templates.service';
import { TemplatePreviewService } from './template-preview.service';

const templateListQuerySchema = pageQuerySchema.extend({ archived: z.stringbool().optional() });
type TemplateListQuery = z.infer<typeof templateListQuerySchema>;

function sendPdf(res: Response, pdf: Uint8Array) {
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', 'inline; filename="pratinjau-sertifikat.pdf"');
  res.setHeader('Cache-Control', 'no-store');
  res.end(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
}

@ApiTags('certificates')
@ApiBearerAuth()
@Roles('admin')
@Controller()
export class CertificateTemplatesController {
  constructor(
    private readonly service: CertificateTemplatesService,
    private readonly previews: TemplatePreviewService,
  ) {}

  /** The template types of the enabled plugins, with their config schema (JSON Schema) for the editor. */
  @Get('certificate-template-types')
  @ApiResult(z.array(templateTypeSchema))
  types() {
    return this.service.typeInfos;
  }

  @Get('certificate-templates')
  @ApiResult(pageOf(templateSchema))
  list(@ZodQuery(templateListQuerySchema) query: TemplateListQuery) {
    return this.service.list(query);
  }

  @Post('certificate-templates')
  @ApiResult(templateSchema, 201)
  create(@ZodBody(templateInputSchema) body: TemplateInput, @CurrentUser() me: Principal) {
    return this.service.create(body, me.userId);
  }

  /** A sample certificate of an unsaved configuration (the editor's live preview). */
  @Post('certificate-templates/preview')
  @HttpCode(200)
  @ApiProduces('application/pdf')
  async previewUnsaved(@ZodBody(templatePreviewSchema) body: TemplatePreview, @Res() res: Response) {
    sendPdf(res, await this.previews.unsaved(body));
  }

  @Get('certificate-templates/:id')
  @ApiResult(templateSchema)
  get(@UuidParam() id: string) {
    return this.service.get(id);
  }

  @Get('certificate-templates/:id/preview')
  @ApiProduces('application/pdf')
  async preview(@UuidParam() id: string, @Res() res: Response) {
    sendPdf(res, await this.previews.saved(id));
  }

  @Patch('certificate-templates/:id')
  @ApiResult(templateSchema)
  update(@UuidParam() id: string, @ZodBody(templatePatchSchema) body: TemplatePatch) {
    return this.service.update(id, body);
  }

  /** Refused (409 templateInUse) once certificates were issued with it: archive it instead. */
  @Delete('certificate-templates/:id')
  @HttpCode(204)
  async delete(@UuidParam() id: string) {
    await this.service.delete(id);
  }
}
