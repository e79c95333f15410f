import type { Queryable } from '@cakap/db';

/** A delivery this worker has claimed, with what it takes to render and address it. */
export interface ClaimedDelivery {
  notificationId: string;
  attempts: number;
  kind: string;
  params: Record<string, unknown>;
  link: string | null;
  name: string;
  email: string | null;
}

/** A delivery is tried this many times, then left failed for good. */
export const MAX_DELIVERY_ATTEMPTS = 5;
/** Only notifications this recent are delivered: a channel switched on later does not mail the whole history. */
const RECENT = '7 days';
/**
 * A claimed delivery belongs to its worker this long; if the worker dies mid-send it becomes
 * due again after that. Well above the mail channel's timeouts, so a slow send is not doubled.
 */
const LEASE = '10 minutes';

const WITH_MESSAGE = `
  -- An inactive account gets no mail: without an address the delivery is skipped.
  SELECT c.notification_id AS "notificationId", c.attempts, n.kind, n.params, n.link, u.name, CASE WHEN u.active THEN u.email END AS email
    FROM claimed c JOIN notifications n ON n.id = c.notification_id JOIN users u ON u.id = n.user_id
   ORDER BY n.created_at`;

/**
 * The SQL of the dispatcher. Claims are single statements, so two workers never claim one
 * delivery: new notifications by inserting their delivery row (the primary key refuses a
 * second), due retries by row locks with SKIP LOCKED.
 */
export const notificationDeliveries = {
  /** Recent notifications with no delivery on this channel yet, claimed as a first attempt. */
  async claimNew(db: Queryable, channel: string, limit: number): Promise<ClaimedDelivery[]> {
    return db.query(
      `WITH claimed AS (
         INSERT INTO notification_deliveries (notification_id, channel, attempts, next_attempt_at)
         SELECT n.id, $1::varchar, 1, now() + interval '${LEASE}'
           FROM notifications n
          WHERE n.created_at > now() - interval '${RECENT}'
            AND NOT EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.notification_id = n.id AND d.channel = $1::varchar)
          ORDER BY n.created_at
          LIMIT $2
         ON CONFLICT DO NOTHING
         RETURNING notification_id, attempts)
       ${WITH_MESSAGE}`,
      [channel, limit],
    );
  },

  /** Failed deliveries whose backoff is over, and claimed ones whose worker vanished (lease expired). */
  async claimDue(db: Queryable, channel: string, limit: number): Promise<ClaimedDelivery[]> {
    return db.query(
      `WITH due AS (
         SELECT notification_id FROM notification_deliveries
          -- A pending one whose lease ran out had its worker vanish mid-send: always tried again.
          WHERE channel = $1 AND next_attempt_at <= now() AND (status = 'pending' OR (status = 'failed' AND attempts < $3))
          ORDER BY next_attempt_at
          LIMIT $2
          FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE notification_deliveries d
            SET status = 'pending', attempts = d.attempts + 1, next_attempt_at = now() + interval '${LEASE}', updated_at = now()
           FROM due WHERE d.notification_id = due.notification_id AND d.channel = $1
         RETURNING d.notification_id, d.attempts)
       ${WITH_MESSAGE}`,
      [channel, limit, MAX_DELIVERY_ATTEMPTS],
    );
  },

  async markSent(db: Queryable, channel: string, notificationId: string): Promise<void> {
    await db.query(
      `UPDATE notification_deliveries SET status = 'sent', sent_at = now(), last_error = NULL, updated_at = now()
        WHERE notification_id = $1 AND channel = $2`,
      [notificationId, channel],
    );
  },

  /** The recipient cannot be reached on this channel (no e-mail address): never retried. */
  async markSkipped(db: Queryable, channel: string, notificationId: string, reason: string): Promise<void> {
    await db.query(
      `UPDATE notification_deliveries SET status = 'skipped', last_error = $3, updated_at = now()
        WHERE notification_id = $1 AND channel = $2`,
      [notificationId, channel, reason],
    );
  },

  /** Failed: due again after `retryAfterMs` (the caller's backoff), until MAX_DELIVERY_ATTEMPTS. */
  async markFailed(db: Queryable, channel: string, notificationId: string, error: string, retryAfterMs: number): Promise<void> {
    await db.query(
      `UPDATE notification_deliveries
          SET status = 'failed', last_error = $3, next_attempt_at = now() + $4 * interval '1 millisecond', updated_at = now()
        WHERE notification_id = $1 AND channel = $2`,
      [notificationId, channel, error.slice(0, 1000), retryAfterMs],
    );
  },
};
