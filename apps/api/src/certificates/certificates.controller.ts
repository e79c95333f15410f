import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  certificateListQuerySchema,
  certificateSchema,
  pageOf,
  pageQuerySchema,
  reportFormatQuerySchema,
  revokeSchema,
  type CertificateListQuery,
  type PageQuery,
  type Revoke,
} from '@cakap/contracts';
import type { Response } from 'express';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { contentDisposition } from '../files/files.controller';
import { CurrentUser, type Principal } from '../common/request';
import { ApiResult, UuidParam, ZodBody, ZodQuery } from '../common/zod';
import { REPORT_CONTENT_TYPE, sendReport } from '../competency-reports/report-export';
import { siasnSheet } from './siasn-export';
import { CertificatesService } from './certificates.service';

/** The export takes the list's filters without paging: it has every row. */
const exportQuerySchema = certificateListQuerySchema.omit({ page: true, pageSize: true }).extend(reportFormatQuerySchema.shape);
type ExportQuery = z.infer<typeof exportQuerySchema>;

@ApiTags('certificates')
@ApiBearerAuth()
@Controller()
export class CertificatesController {
  constructor(private readonly service: CertificatesService) {}

  /** The learner's own certificates ("Sertifikat saya"), replaced ones included for the record. */
  @Get('me/certificates')
  @ApiResult(pageOf(certificateSchema))
  mine(@ZodQuery(pageQuerySchema) query: PageQuery, @CurrentUser() me: Principal) {
    return this.service.list({ ...query, q: undefined }, me.userId);
  }

  @Get('certificates')
  @Roles('admin')
  @ApiResult(pageOf(certificateSchema))
  list(@ZodQuery(certificateListQuerySchema) query: CertificateListQuery) {
    return this.service.list(query);
  }

  /** The columns of SIASN's course history (riwayat diklat/kursus), one row per certificate. */
  @Get('certificates/export')
  @Roles('admin')
  @ApiProduces(...Object.values(REPORT_CONTENT_TYPE))
  async export(@ZodQuery(exportQuerySchema) query: ExportQuery, @Res() res: Response) {
    const { format, ...filter } = query;
    await sendReport(res, format, 'sertifikat-siasn', siasnSheet(this.service.rows(filter)));
  }

  @Get('certificates/:id')
  @ApiResult(certificateSchema)
  get(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.get(id, me);
  }

  @Get('certificates/:id/pdf')
  @ApiProduces('application/pdf')
  async pdf(@UuidParam() id: string, @CurrentUser() me: Principal, @Res() res: Response) {
    const { row, stream } = await this.service.pdf(id, me);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', contentDisposition('attachment', `sertifikat-${row.number.replace(/[/\\]/g, '-')}.pdf`));
    res.setHeader('Cache-Control', 'private, no-store');
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  @Post('certificates/:id/revoke')
  @Roles('admin')
  @HttpCode(200)
  @ApiResult(certificateSchema)
  revoke(@UuidParam() id: string, @ZodBody(revokeSchema) body: Revoke, @CurrentUser() me: Principal) {
    return this.service.revoke(id, body.reason, me);
  }

  @Post('certificates/:id/reissue')
  @Roles('admin')
  @HttpCode(201)
  @ApiResult(certificateSchema, 201)
  reissue(@UuidParam() id: string, @ZodBody(revokeSchema) body: Revoke, @CurrentUser() me: Principal) {
    return this.service.reissue(id, body.reason, me);
  }
}
