import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QueueStorage } from '../../lib/persistentQueue';
import { ProgressQueue, storageKeyFor, type ProgressBatch } from './progressQueue';

function memory(): QueueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

const at = '2026-11-28T10:00:00.000Z';
const now = () => new Date(at);

describe('ProgressQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('stores events at once and sends them debounced in one batch', async () => {
    const storage = memory();
    const send = vi.fn<(b: ProgressBatch) => Promise<string>>().mockResolvedValue('ok');
    const q = new ProgressQueue({ enrollmentId: 'e1', storage, send, now });
    q.setLesson('l1');
    q.add({ blockKey: 'b1', kind: 'viewed' });
    q.add({ blockKey: 'b2', kind: 'watched', fraction: 0.2 });
    q.add({ blockKey: 'b2', kind: 'watched', fraction: 0.5 });
    q.add({ blockKey: 'b2', kind: 'watched', fraction: 0.3 }); // not further: ignored
    expect(JSON.parse(storage.map.get(storageKeyFor('e1'))!).events).toHaveLength(2);
    expect(q.status).toBe('pending');
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2000);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0][0]).toEqual({
      lessonKey: 'l1',
      events: [
        { blockKey: 'b1', kind: 'viewed', at },
        { blockKey: 'b2', kind: 'watched', fraction: 0.5, at },
      ],
    });
    expect(q.status).toBe('saved');
    expect(storage.map.has(storageKeyFor('e1'))).toBe(false);
  });

  it('keeps events through failures, retries with backoff and on online, and loses nothing', async () => {
    const storage = memory();
    const statuses: string[] = [];
    const send = vi.fn<(b: ProgressBatch) => Promise<string>>().mockRejectedValue(new TypeError('Failed to fetch'));
    const q = new ProgressQueue({ enrollmentId: 'e2', storage, send, now, backoffMs: [1000, 5000], onStatus: (s) => statuses.push(s) });
    q.add({ blockKey: 'b1', kind: 'viewed' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(send).toHaveBeenCalledTimes(1);
    expect(q.status).toBe('offline');
    await vi.advanceTimersByTimeAsync(1000);
    expect(send).toHaveBeenCalledTimes(2);
    q.add({ blockKey: 'b2', kind: 'completed' });
    expect(storage.map.get(storageKeyFor('e2'))).toContain('b2');

    // A reload while offline: a new queue finds the stored events.
    q.dispose();
    send.mockResolvedValue('ok');
    const again = new ProgressQueue({ enrollmentId: 'e2', storage, send, now });
    expect(again.size).toBe(2);
    again.online();
    await vi.advanceTimersByTimeAsync(0);
    expect(send.mock.lastCall![0].events.map((e) => e.blockKey)).toEqual(['b1', 'b2']);
    expect(again.status).toBe('saved');
    expect(storage.map.size).toBe(0);
    expect(statuses).toContain('offline');
  });

  it('keeps an event that arrived while a batch was in flight', async () => {
    const storage = memory();
    let resolve!: (v: string) => void;
    const send = vi
      .fn<(b: ProgressBatch) => Promise<string>>()
      .mockImplementationOnce(() => new Promise((r) => (resolve = r)))
      .mockResolvedValue('ok');
    const q = new ProgressQueue({ enrollmentId: 'e3', storage, send, now });
    q.add({ blockKey: 'b1', kind: 'watched', fraction: 0.1 });
    const done = q.flush();
    q.add({ blockKey: 'b1', kind: 'watched', fraction: 0.9 });
    resolve('ok');
    expect(await done).toBe(false);
    expect(q.pending().events).toEqual([{ blockKey: 'b1', kind: 'watched', fraction: 0.9, at }]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(send).toHaveBeenCalledTimes(2);
    expect(q.size).toBe(0);
  });

  it('drops a batch the api refuses for good, and hands a keepalive sender the batch', async () => {
    const storage = memory();
    const send = vi.fn<(b: ProgressBatch) => Promise<string>>().mockRejectedValue({ status: 404 });
    const q = new ProgressQueue({ enrollmentId: 'e4', storage, send, now, isPermanent: (e) => (e as { status: number }).status === 404 });
    q.add({ blockKey: 'b1', kind: 'viewed' });
    const keepalive = vi.fn();
    q.flushKeepalive(keepalive);
    expect(keepalive).toHaveBeenCalledWith({ events: [{ blockKey: 'b1', kind: 'viewed', at }], lessonKey: undefined });
    expect(await q.flush()).toBe(true);
    expect(q.size).toBe(0);
  });
});
