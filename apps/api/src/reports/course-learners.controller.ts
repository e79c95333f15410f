import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { courseLearnerPageSchema, courseLearnerQuerySchema, REPORT_FORMATS, type Lang } from '@cakap/contracts';
import type { Response } from 'express';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { CurrentUser, RequestLang, type Principal } from '../common/request';
import { ApiResult, UuidParam, ZodQuery } from '../common/zod';
import { REPORT_CONTENT_TYPE, sendReport } from '../competency-reports/report-export';
import { CourseLearnersService } from './course-learners.service';
import { learnerSheet, slug } from './report-sheets';

/** `?format=`: one page as JSON (the screen), or every matching row as CSV/XLSX (paging ignored). */
const learnersQuerySchema = courseLearnerQuerySchema.extend({ format: z.enum(['json', ...REPORT_FORMATS]).default('json') });
type LearnersQuery = z.infer<typeof learnersQuerySchema>;

@ApiTags('reports')
@ApiBearerAuth()
@Roles('author', 'admin')
@Controller('reports/courses')
export class CourseLearnersController {
  constructor(private readonly service: CourseLearnersService) {}

  /** Level 2 per learner: each enrolment's pre-test, post-test, gain and g. Admins and the course's authors. */
  @Get(':id/learners')
  @ApiProduces('application/json', ...Object.values(REPORT_CONTENT_TYPE))
  @ApiResult(courseLearnerPageSchema)
  async learners(@UuidParam() id: string, @ZodQuery(learnersQuerySchema) q: LearnersQuery, @CurrentUser() me: Principal, @RequestLang() lang: Lang, @Res() res: Response) {
    const course = await this.service.readable(id, me);
    if (q.format === 'json') {
      res.setHeader('Cache-Control', 'no-store');
      res.status(200).json(await this.service.page(id, q));
      return;
    }
    const rows = this.service.all(id, { q: q.q, status: q.status, sort: q.sort });
    await sendReport(res, q.format, `peserta-${slug(course.title, 'kursus')}`, learnerSheet(rows, lang));
  }
}
