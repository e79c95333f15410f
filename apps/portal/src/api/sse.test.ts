import { describe, expect, it } from 'vitest';
import { readSse, SseParser } from './sse';

describe('SseParser', () => {
  it('dispatches an event on a blank line and joins data lines', () => {
    const p = new SseParser();
    expect(p.push('event: progress\ndata: {"a":1}\n')).toEqual([]);
    expect(p.push('\n')).toEqual([{ event: 'progress', data: '{"a":1}', id: undefined }]);
    expect(p.push('data: one\ndata: two\n\n')).toEqual([{ event: 'message', data: 'one\ntwo', id: undefined }]);
  });

  it('keeps partial lines across chunks, including a CRLF split in two', () => {
    const p = new SseParser();
    expect(p.push('da')).toEqual([]);
    expect(p.push('ta: x\r')).toEqual([]);
    expect(p.push('\n\r\n')).toEqual([{ event: 'message', data: 'x', id: undefined }]);
  });

  it('ignores comments (keep-alives) and events without data', () => {
    const p = new SseParser();
    expect(p.push(': ping\n\nevent: end\n\n')).toEqual([]);
  });

  it('remembers the last id and handles bare CR line ends', () => {
    const p = new SseParser();
    expect(p.push('id: 7\rdata:no-space\r\r')).toEqual([{ event: 'message', data: 'no-space', id: '7' }]);
  });
});

describe('readSse', () => {
  it('reads events from a byte stream split anywhere, multi-byte characters included', async () => {
    const bytes = new TextEncoder().encode('data: Sertifikat “SAH”\n\ndata: 2\n\n');
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 5) c.enqueue(bytes.slice(i, i + 5));
        c.close();
      },
    });
    const got: string[] = [];
    for await (const e of readSse(stream)) got.push(e.data);
    expect(got).toEqual(['Sertifikat “SAH”', '2']);
  });
});
