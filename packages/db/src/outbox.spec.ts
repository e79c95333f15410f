import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { consumeEvents, OutboxWatermark, type DomainEvent } from './outbox';
import { createTestDatabase, type TestDatabase } from './test-database';

/** Per-consumer consumption of the outbox: each consumer sees each event once, whoever else reads it. */
describe('consumeEvents', () => {
  let db: TestDatabase;
  let a: DataSource;
  let b: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    a = createDataSource({ url: db.url, applicationName: 'outbox-a' });
    b = createDataSource({ url: db.url, applicationName: 'outbox-b' });
    await Promise.all([a.initialize(), b.initialize()]);
  });
  afterAll(async () => {
    await Promise.all([a.destroy(), b.destroy()]);
    await db.drop();
  });

  const addEvents = async (kind: string, n: number) => {
    for (let i = 0; i < n; i++) {
      await a.query(`INSERT INTO domain_events (kind, aggregate_id, payload) VALUES ($1, $2, $3)`, [kind, randomUUID(), JSON.stringify({ i })]);
    }
  };

  it('looks only from the watermark once a pass has drained the outbox', async () => {
    await addEvents('t9.done', 1);
    await a.query(`UPDATE domain_events SET created_at = now() - interval '1 hour' WHERE kind = 't9.done'`);
    await addEvents('t9.done', 1);
    const mark = new OutboxWatermark(60_000);
    expect(mark.value).toBeUndefined();
    mark.drainedAt(new Date());
    const seen: DomainEvent[] = [];
    expect(await consumeEvents(a, 'c9', ['t9.done'], 10, async (_m, events) => void seen.push(...events), { since: mark.value })).toBe(1);
    // Only the recent one: the hour-old event lies before the watermark.
    expect(seen).toHaveLength(1);
    expect(new Date(seen[0]!.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    // A new process (no watermark) still finds the old one.
    expect(await consumeEvents(a, 'c9', ['t9.done'], 10, async () => undefined)).toBe(1);
    // The watermark never moves back.
    mark.drainedAt(new Date(Date.now() - 3_600_000));
    expect(mark.value!.getTime()).toBeGreaterThan(Date.now() - 120_000);
  });

  it('hands each event of the asked kinds to a consumer once, in order, and leaves processed_at alone', async () => {
    await addEvents('t1.done', 3);
    await addEvents('t1.other', 1);
    const seen: DomainEvent[] = [];
    const take = () => consumeEvents(a, 'c1', ['t1.done'], 2, async (_m, events) => void seen.push(...events));
    expect(await take()).toBe(2);
    expect(await take()).toBe(1);
    expect(await take()).toBe(0);
    expect(seen.map((e) => e.payload)).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }]);
    expect(seen.every((e) => e.kind === 't1.done')).toBe(true);
    // Another consumer has its own receipts.
    let other = 0;
    await consumeEvents(a, 'c2', ['t1.done'], 10, async (_m, events) => void (other += events.length));
    expect(other).toBe(3);
    const [{ n }] = await a.query(`SELECT count(*)::int AS n FROM domain_events WHERE processed_at IS NOT NULL`);
    expect(n).toBe(0);
  });

  it('records nothing when the handler fails, so the events come again', async () => {
    await addEvents('t2.done', 1);
    await expect(
      consumeEvents(a, 'c1', ['t2.done'], 10, async (m) => {
        await m.query(`INSERT INTO domain_events (kind, aggregate_id, payload) VALUES ('t2.side', $1, '{}')`, [randomUUID()]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const [{ n }] = await a.query(`SELECT count(*)::int AS n FROM domain_events WHERE kind = 't2.side'`);
    expect(n).toBe(0);
    expect(await consumeEvents(a, 'c1', ['t2.done'], 10, async () => undefined)).toBe(1);
  });

  it('never gives the same event to two connections polling at once', async () => {
    await addEvents('t3.done', 40);
    const handled: string[] = [];
    const drain = async (ds: DataSource) => {
      while (
        (await consumeEvents(ds, 'c1', ['t3.done'], 5, async (_m, events) => {
          await new Promise((r) => setTimeout(r, 5));
          handled.push(...events.map((e) => e.id));
        })) > 0
      );
    };
    await Promise.all([drain(a), drain(b), drain(a), drain(b)]);
    expect(handled).toHaveLength(40);
    expect(new Set(handled).size).toBe(40);
  });
});
