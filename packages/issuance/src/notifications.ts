import type { Queryable } from '@cakap/db';

/** An in-app notification: message keys `notification.<kind>.title|body` rendered with `params` when read. */
export interface NotificationInput {
  userId: string;
  kind: string;
  params: Record<string, string | number>;
  link: string | null;
  /** At most one notification per key (e.g. `certificate.issued:<certificate id>`): a retried job notifies once. */
  dedupeKey: string | null;
}

export const NOTIFICATION_KINDS = { certificateIssued: 'certificate.issued' } as const;

export async function notify(db: Queryable, n: NotificationInput): Promise<void> {
  await db.query(
    `INSERT INTO notifications (user_id, kind, params, link, dedupe_key) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [n.userId, n.kind, JSON.stringify(n.params), n.link, n.dedupeKey],
  );
}

/** "Your certificate was issued" for each of these certificates, in one statement (a chunk's worth). */
export async function notifyIssued(db: Queryable, certificateIds: string[]): Promise<void> {
  if (!certificateIds.length) return;
  await db.query(
    `INSERT INTO notifications (user_id, kind, params, link, dedupe_key)
     SELECT user_id, $2, jsonb_build_object('number', number, 'course', course_title), '/sertifikat', 'certificate.issued:' || id
       FROM certificates WHERE id = ANY($1::uuid[])
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [certificateIds, NOTIFICATION_KINDS.certificateIssued],
  );
}
