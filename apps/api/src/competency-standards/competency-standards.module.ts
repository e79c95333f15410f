import { Module } from '@nestjs/common';
import { CompetencyStandardsController } from './competency-standards.controller';
import { CompetencyStandardsRepository } from './competency-standards.repository';
import { CompetencyStandardsService } from './competency-standards.service';
import { PositionRequirementsController } from './position-requirements.controller';

@Module({
  controllers: [PositionRequirementsController, CompetencyStandardsController],
  providers: [CompetencyStandardsService, CompetencyStandardsRepository],
})
export class CompetencyStandardsModule {}
