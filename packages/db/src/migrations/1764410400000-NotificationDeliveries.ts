import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notification channels (e-mail, ...): one delivery row per notification and channel, written
 * by the worker's dispatcher. The primary key makes a notification claimable once per channel;
 * `next_attempt_at` is both the lease of a claimed delivery (a worker that dies mid-send
 * leaves it to be claimed again) and the backoff of a failed one.
 */
export class NotificationDeliveries1764410400000 implements MigrationInterface {
  name = 'NotificationDeliveries1764410400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_deliveries (
        notification_id uuid NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
        -- The channel's key in its plugin (NotificationChannelDefinition.key), e.g. 'email'.
        channel varchar(40) NOT NULL,
        status varchar(10) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
        attempts int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error text,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        PRIMARY KEY (notification_id, channel),
        CONSTRAINT notification_deliveries_sent_check CHECK ((status = 'sent') = (sent_at IS NOT NULL))
      )`);
    // The dispatcher's claim: the due, unfinished deliveries of one channel.
    await q.query(
      `CREATE INDEX notification_deliveries_due_idx ON notification_deliveries (channel, next_attempt_at) WHERE status IN ('pending', 'failed')`,
    );
    // ... and the recent notifications without a delivery yet.
    await q.query(`CREATE INDEX notifications_created_idx ON notifications (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications_created_idx`);
    await q.query(`DROP TABLE notification_deliveries`);
  }
}
