import { Module } from '@nestjs/common';
import { QuizDeadlineProcessor } from './quiz-deadline.processor';

@Module({
  providers: [QuizDeadlineProcessor],
  exports: [QuizDeadlineProcessor],
})
export class QuizDeadlineModule {}
