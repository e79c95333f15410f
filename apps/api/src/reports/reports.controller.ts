import { Controller, Get, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  courseReportSchema,
  orgUnitReportQuerySchema,
  orgUnitReportSchema,
  programmeReportQuerySchema,
  programmeReportSchema,
  REPORT_FORMATS,
  reportStatusSchema,
  type Lang,
} from '@cakap/contracts';
import type { AnyReport } from '@cakap/reports';
import type { Response } from 'express';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { CurrentUser, RequestLang, type Principal } from '../common/request';
import { ApiResult, toOpenApi, UuidParam, ZodQuery } from '../common/zod';
import { REPORT_CONTENT_TYPE, sendReport, type ReportFormat } from '../competency-reports/report-export';
import { courseSheets, orgUnitSheets, programmeSheets, slug } from './report-sheets';
import { ReportsService, type Served } from './reports.service';

/** `?format=`: the report as JSON (the screen), or its CSV/XLSX download. */
const formatQuerySchema = z.object({ format: z.enum(['json', ...REPORT_FORMATS]).default('json') });
const orgUnitsQuerySchema = orgUnitReportQuerySchema.extend(formatQuerySchema.shape);
const programmeQuerySchema = programmeReportQuerySchema.extend(formatQuerySchema.shape);
type Format = z.infer<typeof formatQuerySchema>['format'];

const PRODUCES = ['application/json', ...Object.values(REPORT_CONTENT_TYPE)];
const Pending = () => ApiAcceptedResponse({ description: 'Being computed: poll again after Retry-After seconds.', schema: toOpenApi(reportStatusSchema) });

/**
 * The programme evaluation reports (issue 8), computed by the worker into snapshots. 200: the
 * report (`stale: true` while a newer one is computed); 202 + Retry-After: nothing to show yet,
 * poll. Route level: authors and admins; the org-unit and programme reports are admins' only.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Roles('author', 'admin')
@Controller('reports')
export class ReportsController {
  constructor(private readonly service: ReportsService) {}

  /** A course's report: admins and the course's own authors. */
  @Get('courses/:id')
  @ApiProduces(...PRODUCES)
  @ApiResult(courseReportSchema)
  @Pending()
  async course(@UuidParam() id: string, @ZodQuery(formatQuerySchema) q: { format: Format }, @CurrentUser() me: Principal, @RequestLang() lang: Lang, @Res() res: Response) {
    const served = await this.service.course(id, me);
    await answer(res, served, q.format, (r) => sendReport(res, q.format as ReportFormat, `laporan-kursus-${slug(r.courseTitle, 'kursus')}`, ...courseSheets(r, lang)));
  }

  /** Per org unit for a year, each unit over its subtree (`unitId`: only that subtree). */
  @Get('org-units')
  @Roles('admin')
  @ApiProduces(...PRODUCES)
  @ApiResult(orgUnitReportSchema)
  @Pending()
  async orgUnits(@ZodQuery(orgUnitsQuerySchema) q: z.infer<typeof orgUnitsQuerySchema>, @CurrentUser() me: Principal, @RequestLang() lang: Lang, @Res() res: Response) {
    const served = await this.service.orgUnits(q.year, q.unitId, me);
    await answer(res, served, q.format, (r) => {
      const unit = r.unitId ? `-${slug(r.units[0]?.code ?? '', 'unit')}` : '';
      return sendReport(res, q.format as ReportFormat, `laporan-unit-${r.year}${unit}`, ...orgUnitSheets(r, lang));
    });
  }

  /** The programme overview of a quarter (`2026-Q4`) or semester (`2026-S2`), with its trend. */
  @Get('programme')
  @Roles('admin')
  @ApiProduces(...PRODUCES)
  @ApiResult(programmeReportSchema)
  @Pending()
  async programme(@ZodQuery(programmeQuerySchema) q: z.infer<typeof programmeQuerySchema>, @CurrentUser() me: Principal, @RequestLang() lang: Lang, @Res() res: Response) {
    const served = await this.service.programme(q.period, me);
    await answer(res, served, q.format, (r) => sendReport(res, q.format as ReportFormat, `laporan-program-${r.period.key}`, ...programmeSheets(r, lang)));
  }
}

/** 200 with the report (JSON or the file), or 202 with the status and Retry-After. */
async function answer<T extends AnyReport>(res: Response, served: Served<T>, format: Format, file: (report: T) => Promise<void>): Promise<void> {
  res.setHeader('Cache-Control', 'no-store');
  if (!served.ready) {
    res.status(202).setHeader('Retry-After', String(served.status.retryAfter)).json(served.status);
  } else if (format === 'json') {
    res.status(200).json(served.report);
  } else {
    await file(served.report);
  }
}
