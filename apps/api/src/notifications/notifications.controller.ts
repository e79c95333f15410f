import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { notificationListQuerySchema, notificationSchema, pageOf, type Lang } from '@cakap/contracts';
import { z } from 'zod';
import { CurrentUser, RequestLang, type Principal } from '../common/request';
import { ApiResult, UuidParam, ZodQuery } from '../common/zod';
import { NotificationsService } from './notifications.service';

type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

/** The caller's own in-app notifications; nobody reads or marks another's. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly service: NotificationsService) {}

  @Get()
  @ApiResult(pageOf(notificationSchema).extend({ unread: z.number().int() }))
  list(@ZodQuery(notificationListQuerySchema) query: NotificationListQuery, @CurrentUser() me: Principal, @RequestLang() lang: Lang) {
    return this.service.list(me.userId, query, lang);
  }

  @Post('read-all')
  @HttpCode(204)
  async readAll(@CurrentUser() me: Principal) {
    await this.service.readAll(me.userId);
  }

  @Post(':id/read')
  @HttpCode(204)
  async read(@UuidParam() id: string, @CurrentUser() me: Principal) {
    await this.service.read(me.userId, id);
  }
}
