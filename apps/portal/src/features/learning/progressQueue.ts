import type { ProgressEvent } from '@cakap/contracts';
import { PersistentQueue, type QueueStatus, type QueueStorage } from '../../lib/persistentQueue';

/**
 * The player's outbox of progress events, one per enrolment, stored under
 * `cakap.progress.<enrollmentId>` (see {@link PersistentQueue} for storing, debouncing and
 * retrying). Events merge per block and kind (a `watched` keeps the furthest fraction), which
 * keeps the batch small; the api is idempotent, so sending an event twice is harmless. The
 * lesson on screen goes along with each batch.
 */
export interface ProgressBatch {
  events: ProgressEvent[];
  lessonKey?: string;
}

/** 'saved': nothing waiting; 'pending': waiting for the next send; 'offline': a send failed, retrying. */
export type SyncStatus = Exclude<QueueStatus, 'closed'>;

export interface ProgressQueueOptions<R> {
  enrollmentId: string;
  storage: QueueStorage | null;
  send: (batch: ProgressBatch) => Promise<R>;
  onSent?: (result: R) => void;
  onStatus?: (status: SyncStatus) => void;
  /** Errors that resending cannot fix (the batch is dropped): e.g. a 400/403/404 answer. */
  isPermanent?: (error: unknown) => boolean;
  debounceMs?: number;
  backoffMs?: number[];
  now?: () => Date;
}

export const storageKeyFor = (enrollmentId: string) => `cakap.progress.${enrollmentId}`;

const eventKey = (e: ProgressEvent) => `${e.blockKey}|${e.kind}`;

export class ProgressQueue<R = unknown> {
  private lessonKey: string | undefined;
  private readonly now: () => Date;
  // Never 'closed': nothing the api answers stops progress for good (no isClosed is given).
  private readonly queue: PersistentQueue<string, ProgressEvent, R>;

  constructor({ enrollmentId, send, onStatus, debounceMs = 2000, backoffMs = [2000, 5000, 15000, 30000, 60000], now = () => new Date(), ...rest }: ProgressQueueOptions<R>) {
    this.now = now;
    this.queue = new PersistentQueue<string, ProgressEvent, R>({
      ...rest,
      storageKey: storageKeyFor(enrollmentId),
      keyOf: eventKey,
      send: (events) => send({ events, lessonKey: this.lessonKey }),
      onStatus: onStatus && ((s) => onStatus(s as SyncStatus)),
      debounceMs,
      backoffMs,
      encode: (events): ProgressBatch => ({ events, lessonKey: this.lessonKey }),
      decode: (stored) => {
        const { events, lessonKey } = (stored ?? {}) as Partial<ProgressBatch>;
        this.lessonKey = lessonKey;
        return (events ?? []).filter((e) => e && typeof e.blockKey === 'string');
      },
    });
  }

  get status(): SyncStatus {
    return this.queue.status as SyncStatus;
  }

  /** Events not yet acknowledged by the api. */
  get size(): number {
    return this.queue.size;
  }

  pending(): ProgressBatch {
    return { events: this.queue.pending(), lessonKey: this.lessonKey };
  }

  /** Records an event (stored at once) and schedules a send. */
  add(event: ProgressEvent): void {
    const e: ProgressEvent = { ...event, at: event.at ?? this.now().toISOString() };
    const old = this.queue.get(eventKey(e));
    if (old) {
      if (e.kind !== 'watched') return; // viewed/completed once is enough
      if ((old.fraction ?? 0) >= (e.fraction ?? 0)) return;
    }
    this.queue.put(e);
  }

  /** The lesson on screen, sent with the next batch (for "continue learning"). */
  setLesson(lessonKey: string): void {
    if (this.lessonKey === lessonKey) return;
    this.lessonKey = lessonKey;
    this.queue.save();
  }

  /** Sends everything now (lesson change, coming back online). Resolves true when nothing is left. */
  flush(): Promise<boolean> {
    return this.queue.flush();
  }

  online(): void {
    this.queue.online();
  }

  /**
   * For `pagehide`: hands the batch to a sender that outlives the page (fetch keepalive).
   * The events stay stored until a normal send confirms them, so nothing depends on it.
   */
  flushKeepalive(sendKeepalive: (batch: ProgressBatch) => void): void {
    if (this.queue.size === 0) return;
    try {
      sendKeepalive(this.pending());
    } catch {
      /* stored: the next visit sends it */
    }
  }

  start(): void {
    this.queue.start();
  }

  dispose(): void {
    this.queue.dispose();
  }
}
