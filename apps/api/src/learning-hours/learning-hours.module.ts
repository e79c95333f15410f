import { Module } from '@nestjs/common';
import { MyLearningHoursController, UserLearningHoursController } from './learning-hours.controller';
import { LearningHoursRepository } from './learning-hours.repository';
import { LearningHoursService } from './learning-hours.service';

@Module({
  controllers: [MyLearningHoursController, UserLearningHoursController],
  providers: [LearningHoursService, LearningHoursRepository],
})
export class LearningHoursModule {}
