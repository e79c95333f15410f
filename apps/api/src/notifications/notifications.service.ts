import { Injectable } from '@nestjs/common';
import { t, type Lang, type Notification, type Page } from '@cakap/contracts';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { rowsOf } from '../common/sql';

interface NotificationRow {
  id: string;
  kind: string;
  params: Record<string, unknown>;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
}

/**
 * Notifications are stored as a kind and parameters (@cakap/issuance writes them); the texts
 * come from the message keys `notification.<kind>.title|body` in the reader's language.
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly ds: DataSource) {}

  async list(
    userId: string,
    q: { page: number; pageSize: number; unread?: boolean },
    lang: Lang,
  ): Promise<Page<Notification> & { unread: number }> {
    const filter = q.unread ? 'AND read_at IS NULL' : '';
    const [{ total, unread }] = await this.ds.query(
      `SELECT count(*) FILTER (WHERE true ${filter})::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread
         FROM notifications WHERE user_id = $1`,
      [userId],
    );
    const rows: NotificationRow[] = await this.ds.query(
      `SELECT id, kind, params, link, created_at, read_at FROM notifications WHERE user_id = $1 ${filter}
        ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
      [userId, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        title: t(`notification.${r.kind}.title`, lang, r.params),
        body: t(`notification.${r.kind}.body`, lang, r.params),
        link: r.link,
        createdAt: r.created_at.toISOString(),
        readAt: r.read_at?.toISOString() ?? null,
      })),
      total,
      unread,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** Someone else's notification does not exist for the caller (404). Reading twice keeps the first time. */
  async read(userId: string, id: string): Promise<void> {
    const [row] = await this.ds.query(`SELECT user_id FROM notifications WHERE id = $1`, [id]);
    if (!row || row.user_id !== userId) throw AppError.notFound();
    await this.ds.query(`UPDATE notifications SET read_at = now() WHERE id = $1 AND read_at IS NULL`, [id]);
  }

  async readAll(userId: string): Promise<number> {
    return rowsOf(await this.ds.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id`, [userId]))
      .length;
  }
}
