import { Module } from '@nestjs/common';
import { ReportComputeProcessor } from './report-compute.processor';

/** Programme evaluation reports: the worker computes them into `report_snapshots`. */
@Module({
  providers: [ReportComputeProcessor],
  exports: [ReportComputeProcessor],
})
export class ReportsModule {}
