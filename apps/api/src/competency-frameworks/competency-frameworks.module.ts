import { Module } from '@nestjs/common';
import { CompetenciesController } from './competencies.controller';
import { CompetencyFrameworksController } from './competency-frameworks.controller';
import { CompetencyFrameworksRepository } from './competency-frameworks.repository';
import { CompetencyFrameworksService } from './competency-frameworks.service';
import { FrameworkTransferService } from './framework-transfer.service';

@Module({
  controllers: [CompetencyFrameworksController, CompetenciesController],
  providers: [CompetencyFrameworksService, CompetencyFrameworksRepository, FrameworkTransferService],
  exports: [CompetencyFrameworksRepository],
})
export class CompetencyFrameworksModule {}
