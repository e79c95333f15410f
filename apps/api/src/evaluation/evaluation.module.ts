import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/courses.module';
import { CourseSurveyController } from './course-survey.controller';
import { EnrollmentEvaluationController } from './enrollment-evaluation.controller';
import { EvaluationRepository } from './evaluation.repository';
import { EvaluationService } from './evaluation.service';

@Module({
  imports: [CoursesModule],
  controllers: [CourseSurveyController, EnrollmentEvaluationController],
  providers: [EvaluationService, EvaluationRepository],
})
export class EvaluationModule {}
