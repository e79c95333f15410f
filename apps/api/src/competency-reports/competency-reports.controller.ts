import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  gapListItemSchema,
  gapListQuerySchema,
  heatmapQuerySchema,
  heatmapSchema,
  pageOf,
  reportFormatQuerySchema,
  searchSchema,
  type GapListQuery,
  type HeatmapQuery,
  type Lang,
} from '@cakap/contracts';
import type { Response } from 'express';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { RequestLang } from '../common/request';
import { ApiResult, ZodQuery } from '../common/zod';
import { gapSheet, heatmapSheets, reportFileName } from './competency-report-sheets';
import { CompetencyReportsService } from './competency-reports.service';
import { REPORT_CONTENT_TYPE, sendReport } from './report-export';

const heatmapExportQuerySchema = heatmapQuerySchema.extend(reportFormatQuerySchema.shape);
type HeatmapExportQuery = z.infer<typeof heatmapExportQuerySchema>;
/** The export takes the list's filters without paging: it has every row. */
const gapExportQuerySchema = reportFormatQuerySchema.extend({ orgUnitId: z.uuid().optional(), q: searchSchema });
type GapExportQuery = z.infer<typeof gapExportQuerySchema>;

const PRODUCES = Object.values(REPORT_CONTENT_TYPE);

@ApiTags('competency-reports')
@ApiBearerAuth()
@Roles('admin')
@Controller('competency-reports')
export class CompetencyReportsController {
  constructor(private readonly service: CompetencyReportsService) {}

  /** Child units of `orgUnitId` (top-level units without it) x the competencies their ASN must have. */
  @Get('heatmap')
  @ApiResult(heatmapSchema)
  heatmap(@ZodQuery(heatmapQuerySchema) query: HeatmapQuery) {
    return this.service.heatmap(query);
  }

  @Get('heatmap/export')
  @ApiProduces(...PRODUCES)
  async heatmapExport(@ZodQuery(heatmapExportQuerySchema) query: HeatmapExportQuery, @RequestLang() lang: Lang, @Res() res: Response) {
    const { scope, heatmap } = await this.service.scopedHeatmap(query);
    await sendReport(res, query.format, reportFileName('peta-kompetensi', scope), ...heatmapSheets(heatmap, lang));
  }

  /** Active ASN with a required competency, largest total gap first: the input of the yearly development plan. */
  @Get('gaps')
  @ApiResult(pageOf(gapListItemSchema))
  gaps(@ZodQuery(gapListQuerySchema) query: GapListQuery) {
    return this.service.gaps(query);
  }

  @Get('gaps/export')
  @ApiProduces(...PRODUCES)
  async gapsExport(@ZodQuery(gapExportQuerySchema) query: GapExportQuery, @RequestLang() lang: Lang, @Res() res: Response) {
    const unit = await this.service.scopeUnit(query.orgUnitId);
    const rows = this.service.allGaps({ orgUnitId: query.orgUnitId, q: query.q });
    await sendReport(res, query.format, reportFileName('kesenjangan-kompetensi', unit), gapSheet(rows, lang));
  }
}
