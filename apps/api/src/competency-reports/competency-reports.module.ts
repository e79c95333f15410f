import { Module } from '@nestjs/common';
import { CompetencyReportsController } from './competency-reports.controller';
import { CompetencyReportsRepository } from './competency-reports.repository';
import { CompetencyReportsService } from './competency-reports.service';

@Module({
  controllers: [CompetencyReportsController],
  providers: [CompetencyReportsService, CompetencyReportsRepository],
})
export class CompetencyReportsModule {}
