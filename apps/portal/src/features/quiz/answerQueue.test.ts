import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaveAnswers } from '@cakap/contracts';
import type { QueueStorage } from '../../lib/persistentQueue';
import { AnswerQueue, answerStorageKey, type AnswerSyncStatus } from './answerQueue';

function memory(): QueueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

const key = answerStorageKey('a1');
const stored = (s: { map: Map<string, string> }) => JSON.parse(s.map.get(key) ?? '[]') as unknown[];

describe('AnswerQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('stores each change at once, merges per question and sends one debounced batch', async () => {
    const storage = memory();
    const send = vi.fn<(b: SaveAnswers) => Promise<unknown>>().mockResolvedValue({});
    const statuses: AnswerSyncStatus[] = [];
    const q = new AnswerQueue({ attemptId: 'a1', storage, send, onStatus: (s) => statuses.push(s) });
    q.set(0, { choice: 'a' }, false);
    q.set(1, { text: 'halo' }, false);
    q.set(0, { choice: 'b' }, true); // newer answer for slot 0 replaces the older one
    expect(stored(storage)).toEqual([
      { slot: 0, answer: { choice: 'b' }, flagged: true },
      { slot: 1, answer: { text: 'halo' }, flagged: false },
    ]);
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(800);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0][0]).toEqual({
      answers: [
        { slot: 0, answer: { choice: 'b' }, flagged: true },
        { slot: 1, answer: { text: 'halo' }, flagged: false },
      ],
    });
    expect(q.status).toBe('saved');
    expect(statuses).toEqual(['saving', 'saved']);
    expect(storage.map.has(key)).toBe(false);
  });

  it('keeps an answer changed while its send was in flight, and sends the newer one next', async () => {
    const storage = memory();
    let release!: () => void;
    const send = vi
      .fn<(b: SaveAnswers) => Promise<unknown>>()
      .mockImplementationOnce(() => new Promise((r) => (release = () => r({}))))
      .mockResolvedValue({});
    const q = new AnswerQueue({ attemptId: 'a1', storage, send });
    q.set(0, { choice: 'a' }, false);
    await vi.advanceTimersByTimeAsync(800);
    q.set(0, { choice: 'c' }, false);
    release();
    await vi.advanceTimersByTimeAsync(0);
    // The acknowledged { choice: 'a' } must not remove the newer { choice: 'c' }.
    expect(stored(storage)).toEqual([{ slot: 0, answer: { choice: 'c' }, flagged: false }]);
    expect(q.status).toBe('saving');
    await vi.advanceTimersByTimeAsync(800);
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[1][0].answers).toEqual([{ slot: 0, answer: { choice: 'c' }, flagged: false }]);
    expect(q.status).toBe('saved');
  });

  it('retries a failed send with backoff, offline in between, and at once when back online', async () => {
    const storage = memory();
    const send = vi.fn<(b: SaveAnswers) => Promise<unknown>>().mockRejectedValue(new Error('network'));
    const q = new AnswerQueue({ attemptId: 'a1', storage, send, backoffMs: [1000, 5000] });
    q.set(2, 'x', false);
    await vi.advanceTimersByTimeAsync(800);
    expect(send).toHaveBeenCalledTimes(1);
    expect(q.status).toBe('offline');
    await vi.advanceTimersByTimeAsync(1000);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(4000);
    expect(send).toHaveBeenCalledTimes(2); // second wait is 5 s
    send.mockResolvedValue({});
    q.online();
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(3);
    expect(q.status).toBe('saved');
    expect(storage.map.has(key)).toBe(false);
  });

  it('resends what a previous page left in storage (reload, crash)', async () => {
    const storage = memory();
    storage.map.set(key, JSON.stringify([{ slot: 3, answer: { value: 4 }, flagged: true }]));
    const send = vi.fn<(b: SaveAnswers) => Promise<unknown>>().mockResolvedValue({});
    const q = new AnswerQueue({ attemptId: 'a1', storage, send });
    expect(q.pending()).toEqual([{ slot: 3, answer: { value: 4 }, flagged: true }]);
    expect(q.status).toBe('saving');
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledWith({ answers: [{ slot: 3, answer: { value: 4 }, flagged: true }] });
    expect(q.status).toBe('saved');
  });

  it('stops when the api refuses answers for good (deadline passed) and keeps them stored', async () => {
    const storage = memory();
    const closed = new Error('409');
    const send = vi.fn<(b: SaveAnswers) => Promise<unknown>>().mockRejectedValue(closed);
    const q = new AnswerQueue({ attemptId: 'a1', storage, send, isClosed: (e) => e === closed });
    q.set(0, 'late', false);
    await vi.advanceTimersByTimeAsync(800);
    expect(q.status).toBe('closed');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(send).toHaveBeenCalledTimes(1);
    expect(await q.flush()).toBe(false);
    q.clear();
    expect(storage.map.has(key)).toBe(false);
  });

  it('drops answers the api will never accept instead of resending them forever', async () => {
    const storage = memory();
    const invalid = new Error('400');
    const send = vi.fn<(b: SaveAnswers) => Promise<unknown>>().mockRejectedValue(invalid);
    const q = new AnswerQueue({ attemptId: 'a1', storage, send, isPermanent: (e) => e === invalid });
    q.set(0, { nonsense: true }, false);
    expect(await q.flush()).toBe(true);
    expect(q.status).toBe('saved');
    expect(storage.map.has(key)).toBe(false);
  });
});
