import type { BatchProgress } from '@cakap/contracts';
import type { Request, Response } from 'express';
import { FINISHED } from './certificate-batches.service';

/** Postgres is the source of truth for the counters: polled this often, sent only when they change. */
export const POLL_MS = 500;
/** A comment line now and then keeps proxies from closing a quiet stream. */
export const HEARTBEAT_MS = 15_000;

/**
 * Writes `event: progress` frames until the batch is finished (then ends the response) or the
 * client goes away (then stops polling).
 */
export async function streamBatchProgress(
  req: Request,
  res: Response,
  first: BatchProgress,
  read: () => Promise<BatchProgress>,
): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Connection', 'keep-alive');
  // nginx and similar proxies would otherwise buffer the stream.
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();

  let closed = false;
  req.on('close', () => (closed = true));
  const send = (p: BatchProgress) => res.write(`event: progress\ndata: ${JSON.stringify(p)}\n\n`);

  let last = JSON.stringify(first);
  send(first);
  let quietSince = Date.now();
  let current = first;
  try {
    while (!closed && !FINISHED.includes(current.status)) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      if (closed) break;
      current = await read();
      const json = JSON.stringify(current);
      if (json !== last) {
        send(current);
        last = json;
        quietSince = Date.now();
      } else if (Date.now() - quietSince >= HEARTBEAT_MS) {
        res.write(': heartbeat\n\n');
        quietSince = Date.now();
      }
    }
  } finally {
    // Also after a failed read: the headers are out, so an error can only end the stream (the
    // client's reader reconnects); the error itself goes on to be logged.
    res.end();
  }
}
