import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/courses.module';
import { CourseFollowUpController } from './course-follow-up.controller';
import { FollowUpsController } from './follow-ups.controller';
import { FollowUpsRepository } from './follow-ups.repository';
import { FollowUpsService } from './follow-ups.service';

/** Level-3 evaluation: follow-up settings, forms and responses, anonymous summaries (the worker schedules and sends). */
@Module({
  imports: [CoursesModule],
  controllers: [CourseFollowUpController, FollowUpsController],
  providers: [FollowUpsService, FollowUpsRepository],
})
export class FollowUpsModule {}
