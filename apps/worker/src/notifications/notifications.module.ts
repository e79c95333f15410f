import { Module } from '@nestjs/common';
import { NotificationDispatcher } from './notification-dispatcher';

/** Notifications in the worker: delivery of the in-app notifications through the configured channels (e-mail). */
@Module({
  providers: [NotificationDispatcher],
  exports: [NotificationDispatcher],
})
export class NotificationsModule {}
