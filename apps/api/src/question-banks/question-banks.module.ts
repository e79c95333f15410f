import { Module } from '@nestjs/common';
import { QuestionBanksController } from './question-banks.controller';
import { QuestionBanksRepository } from './question-banks.repository';
import { QuestionBanksService } from './question-banks.service';
import { QuestionGiftService } from './question-gift.service';
import { QuestionsController } from './questions.controller';

@Module({
  controllers: [QuestionBanksController, QuestionsController],
  providers: [QuestionBanksService, QuestionGiftService, QuestionBanksRepository],
  exports: [QuestionBanksService],
})
export class QuestionBanksModule {}
