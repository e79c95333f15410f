import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { EvidenceFilesController, MyCompetenciesController, UserCompetenciesController } from './competency-profiles.controller';
import { CompetencyProfilesRepository } from './competency-profiles.repository';
import { CompetencyProfilesService } from './competency-profiles.service';

@Module({
  imports: [FilesModule],
  controllers: [MyCompetenciesController, UserCompetenciesController, EvidenceFilesController],
  providers: [CompetencyProfilesService, CompetencyProfilesRepository],
})
export class CompetencyProfilesModule {}
