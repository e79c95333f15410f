import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BatchProgress } from '@cakap/contracts';
import { followBatchEvents, reconnectDelay } from './certificates';

const ID = '00000000-0000-4000-8000-000000000001';
const progress = (issued: number, status: BatchProgress['status'] = 'running'): BatchProgress => ({ id: ID, status, total: 3, issued, skipped: 0, failed: 0 });

function streamOf(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(c) {
      // Split mid-frame, as a network would.
      c.enqueue(bytes.slice(0, 17));
      c.enqueue(bytes.slice(17));
      c.close();
    },
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('followBatchEvents', () => {
  it('reads progress frames (keep-alives ignored) until the server ends the stream', async () => {
    const body = [progress(0), progress(2), progress(3, 'completed')].map((p) => `event: progress\ndata: ${JSON.stringify(p)}\n\n`).join(': heartbeat\n\n');
    const fetchMock = vi.fn(async () => new Response(streamOf(body), { headers: { 'Content-Type': 'text/event-stream; charset=utf-8' } }));
    vi.stubGlobal('fetch', fetchMock);
    const seen: number[] = [];
    await followBatchEvents(ID, (p) => seen.push(p.issued), new AbortController().signal);
    expect(seen).toEqual([0, 2, 3]);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`/api/v1/certificate-batches/${ID}/events`);
    expect((init.headers as Record<string, string>).Accept).toBe('text/event-stream');
  });

  it('refuses an answer that is not an event stream (a proxy page), so the page keeps polling', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html></html>', { headers: { 'Content-Type': 'text/html' } })));
    await expect(followBatchEvents(ID, () => undefined, new AbortController().signal)).rejects.toBeInstanceOf(Error);
  });
});

describe('reconnectDelay', () => {
  it('backs off from 1 s to at most 15 s', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(reconnectDelay)).toEqual([1000, 1000, 2000, 4000, 8000, 15000, 15000]);
  });
});
