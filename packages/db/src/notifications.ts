import type { Queryable } from './sql';

/**
 * An in-app notification: message keys `notification.<kind>.title|body` (contracts' i18n)
 * rendered with `params` in the reader's language when read. Every row is also delivered by
 * the worker through the enabled notification channels (e-mail), so writing the row is all a
 * feature does to notify someone, inside the transaction of what happened.
 */
export interface NotificationInput {
  userId: string;
  kind: string;
  params: Record<string, string | number>;
  /** A portal path the notification opens. */
  link: string | null;
  /** At most one notification per key (e.g. `certificate.issued:<certificate id>`): a retried job notifies once. */
  dedupeKey: string | null;
}

export async function notify(db: Queryable, n: NotificationInput): Promise<void> {
  await notifyMany(db, [n]);
}

/** Many notifications in one statement; a dedupe key already used is skipped. */
export async function notifyMany(db: Queryable, ns: readonly NotificationInput[]): Promise<void> {
  if (!ns.length) return;
  await db.query(
    `INSERT INTO notifications (user_id, kind, params, link, dedupe_key)
     SELECT u, k, p, l, d FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::text[], $5::text[]) AS t(u, k, p, l, d)
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [ns.map((n) => n.userId), ns.map((n) => n.kind), ns.map((n) => JSON.stringify(n.params)), ns.map((n) => n.link), ns.map((n) => n.dedupeKey)],
  );
}
