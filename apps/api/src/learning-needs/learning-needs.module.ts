import { Module } from '@nestjs/common';
import { LearningNeedsController } from './learning-needs.controller';
import { LearningNeedsRepository } from './learning-needs.repository';
import { LearningNeedsService } from './learning-needs.service';
import { LearningPlanController } from './learning-plan.controller';
import { LearningPlanService } from './learning-plan.service';

@Module({
  controllers: [LearningNeedsController, LearningPlanController],
  providers: [LearningNeedsService, LearningPlanService, LearningNeedsRepository],
})
export class LearningNeedsModule {}
