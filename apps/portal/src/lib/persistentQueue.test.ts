import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PersistentQueue, type QueueStorage } from './persistentQueue';

function memory(): QueueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

interface Entry {
  id: string;
  n: number;
}

const base = {
  storageKey: 'k',
  keyOf: (e: Entry) => e.id,
  debounceMs: 100,
  backoffMs: [1000],
  decode: (stored: unknown) => stored as Entry[],
};

describe('PersistentQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('stores in the form the owner chooses and reads it back on the next visit', async () => {
    const storage = memory();
    let extra = 'lesson-1';
    const send = vi.fn<(e: Entry[]) => Promise<string>>().mockResolvedValue('ok');
    const onSent = vi.fn();
    const codec = {
      encode: (entries: Entry[]) => ({ entries, extra }),
      decode: (stored: unknown) => {
        extra = (stored as { extra: string }).extra;
        return (stored as { entries: Entry[] }).entries;
      },
    };
    const first = new PersistentQueue({ ...base, ...codec, storage, send: () => new Promise<string>(() => undefined) });
    first.put({ id: 'a', n: 1 });
    first.dispose();
    expect(JSON.parse(storage.map.get('k')!)).toEqual({ entries: [{ id: 'a', n: 1 }], extra: 'lesson-1' });

    extra = '';
    const next = new PersistentQueue({ ...base, ...codec, storage, send, onSent });
    expect(extra).toBe('lesson-1');
    expect(next.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledWith([{ id: 'a', n: 1 }]);
    expect(onSent).toHaveBeenCalledWith('ok');
    expect(next.status).toBe('saved');
    expect(storage.map.has('k')).toBe(false);
  });

  it('while offline, a new entry goes with the next retry: no extra send, the backoff holds', async () => {
    const storage = memory();
    let fail!: (e: Error) => void;
    const send = vi
      .fn<(e: Entry[]) => Promise<string>>()
      .mockRejectedValueOnce(new Error('network'))
      .mockImplementationOnce(() => new Promise((_, reject) => (fail = reject)))
      .mockResolvedValue('ok');
    const q = new PersistentQueue({ ...base, storage, send });
    q.put({ id: 'a', n: 1 });
    await vi.advanceTimersByTimeAsync(100);
    expect(q.status).toBe('offline');
    await vi.advanceTimersByTimeAsync(1000); // the retry is in flight
    expect(send).toHaveBeenCalledTimes(2);
    q.put({ id: 'b', n: 2 });
    await vi.advanceTimersByTimeAsync(500);
    expect(send).toHaveBeenCalledTimes(2);
    fail(new Error('network'));
    await vi.advanceTimersByTimeAsync(10);
    expect(send).toHaveBeenCalledTimes(2); // not at once after the failure: the backoff waits
    await vi.advanceTimersByTimeAsync(1000);
    expect(send).toHaveBeenCalledTimes(3);
    expect(send.mock.lastCall![0]).toEqual([
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ]);
    expect(q.status).toBe('saved');
  });
});
