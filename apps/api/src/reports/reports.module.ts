import { Module } from '@nestjs/common';
import { CourseLearnersController } from './course-learners.controller';
import { CourseLearnersRepository } from './course-learners.repository';
import { CourseLearnersService } from './course-learners.service';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/**
 * The programme evaluation reports: snapshots computed by the worker, served as JSON, CSV and
 * XLSX; and a course's learner list (level 2 per learner), computed on request.
 */
@Module({
  controllers: [ReportsController, CourseLearnersController],
  providers: [ReportsService, ReportsRepository, CourseLearnersService, CourseLearnersRepository],
})
export class ReportsModule {}
