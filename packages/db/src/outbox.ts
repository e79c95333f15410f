import type { DataSource, EntityManager } from 'typeorm';

/** An outbox row as a consumer sees it. */
export interface DomainEvent<P = Record<string, unknown>> {
  id: string;
  kind: string;
  aggregateId: string;
  payload: P;
  createdAt: Date;
}

/**
 * Consumes `domain_events` for one named consumer, each event at most once per consumer: in ONE
 * transaction it takes up to `limit` events of these kinds that have no receipt of this consumer
 * (oldest first; `FOR UPDATE SKIP LOCKED`, so two workers polling at once never take the same
 * event), lets `handle` write what the events cause with the same manager, and records the
 * receipts. If `handle` throws, nothing is recorded and the events are taken again next time.
 * Consumers are independent: the certificate consumer's `processed_at` is not touched. Answers
 * how many events were consumed (fewer than `limit` = drained for now).
 *
 * `since`: skip events created before it. Every event ever stays in the outbox, so without it
 * each poll walks all the receipted ones again; a consumer that has drained everything up to a
 * moment passes that moment (less a margin for transactions that commit late), see
 * `OutboxWatermark`.
 */
export async function consumeEvents<P = Record<string, unknown>>(
  ds: DataSource,
  consumer: string,
  kinds: readonly string[],
  limit: number,
  handle: (manager: EntityManager, events: DomainEvent<P>[]) => Promise<void>,
  opts: { since?: Date } = {},
): Promise<number> {
  return ds.transaction(async (tx) => {
    const candidates: DomainEvent<P>[] = await tx.query(
      `SELECT e.id, e.kind, e.aggregate_id AS "aggregateId", e.payload, e.created_at AS "createdAt"
         FROM domain_events e
        WHERE e.kind = ANY($2::text[])
          AND ($4::timestamptz IS NULL OR e.created_at >= $4)
          AND NOT EXISTS (SELECT 1 FROM domain_event_receipts r WHERE r.consumer = $1 AND r.event_id = e.id)
        ORDER BY e.created_at, e.id
        LIMIT $3
        FOR UPDATE OF e SKIP LOCKED`,
      [consumer, kinds, limit, opts.since ?? null],
    );
    if (!candidates.length) return 0;
    // A row another consumer instance had locked and committed in the meantime was taken with
    // this statement's older snapshot; this new statement sees that instance's receipts.
    const done = new Set(
      (
        await tx.query(`SELECT event_id AS id FROM domain_event_receipts WHERE consumer = $1 AND event_id = ANY($2::uuid[])`, [
          consumer,
          candidates.map((e) => e.id),
        ])
      ).map((r: { id: string }) => r.id),
    );
    const events = candidates.filter((e) => !done.has(e.id));
    if (events.length) await handle(tx, events);
    // The primary key (consumer, event_id) is the backstop should an event slip through twice.
    await tx.query(
      `INSERT INTO domain_event_receipts (consumer, event_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [consumer, candidates.map((e) => e.id)],
    );
    return candidates.length;
  });
}

/**
 * Where a polling consumer may start looking: after a pass that drained the outbox, every event
 * created before the pass began has a receipt, except those of transactions still open then — so
 * the next passes look from the pass's start less `marginMs`. A new process starts with no
 * watermark and looks at everything once.
 */
export class OutboxWatermark {
  private since: Date | undefined;

  constructor(private readonly marginMs = 10 * 60_000) {}

  /** The `since` for consumeEvents. */
  get value(): Date | undefined {
    return this.since;
  }

  /** Call with the time a pass began once that pass found the outbox drained. */
  drainedAt(passStartedAt: Date): void {
    const next = new Date(passStartedAt.getTime() - this.marginMs);
    if (!this.since || next > this.since) this.since = next;
  }
}
