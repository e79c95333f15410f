import { Module } from '@nestjs/common';
import { EnrollmentsModule } from '../enrollments/enrollments.module';
import { QuizAttemptsController } from './quiz-attempts.controller';
import { QuizAttemptsRepository } from './quiz-attempts.repository';
import { QuizAttemptsService } from './quiz-attempts.service';

@Module({
  imports: [EnrollmentsModule],
  controllers: [QuizAttemptsController],
  providers: [QuizAttemptsService, QuizAttemptsRepository],
})
export class QuizAttemptsModule {}
