import { Module } from '@nestjs/common';
import { FollowUpRemindProcessor } from './follow-up-remind.processor';
import { FollowUpSendProcessor } from './follow-up-send.processor';
import { FollowUpQueue } from './follow-up.queue';
import { FollowUpRepository } from './follow-up.repository';
import { FollowUpScheduler } from './follow-up.scheduler';

/** Level-3 follow-ups: scheduling from the completion outbox, sending when due, reminders and expiry. */
@Module({
  providers: [FollowUpRepository, FollowUpQueue, FollowUpScheduler, FollowUpSendProcessor, FollowUpRemindProcessor],
  exports: [FollowUpScheduler, FollowUpSendProcessor, FollowUpRemindProcessor],
})
export class FollowUpsModule {}
