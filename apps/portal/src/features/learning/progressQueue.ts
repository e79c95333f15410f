import type { ProgressEvent } from '@cakap/contracts';

/**
 * The player's outbox of progress events, one per enrolment.
 *
 * Every event is written to storage (`cakap.progress.<enrollmentId>`) the moment it happens and
 * removed only once the api has acknowledged it, so a dropped connection, a closed tab or a
 * crash loses nothing: the next visit sends what is left. Events merge per block and kind (a
 * `watched` keeps the furthest fraction), which keeps the batch small; the api is idempotent,
 * so sending an event twice is harmless. Sends are debounced, retried with backoff, and
 * retried at once when the browser comes back online.
 */
export interface QueueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface ProgressBatch {
  events: ProgressEvent[];
  lessonKey?: string;
}

/** 'saved': nothing waiting; 'pending': waiting for the next send; 'offline': a send failed, retrying. */
export type SyncStatus = 'saved' | 'pending' | 'offline';

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

interface Stored {
  events: ProgressEvent[];
  lessonKey?: string;
}

export class ProgressQueue<R = unknown> {
  private events = new Map<string, ProgressEvent>();
  private lessonKey: string | undefined;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private sending: Promise<boolean> | null = null;
  private _status: SyncStatus = 'saved';
  private disposed = false;
  private readonly opts: Required<Omit<ProgressQueueOptions<R>, 'onSent' | 'onStatus' | 'storage'>> & ProgressQueueOptions<R>;

  constructor(options: ProgressQueueOptions<R>) {
    this.opts = {
      isPermanent: () => false,
      debounceMs: 2000,
      backoffMs: [2000, 5000, 15000, 30000, 60000],
      now: () => new Date(),
      ...options,
    };
    this.load();
    if (this.events.size > 0) {
      this.setStatus('pending');
      this.schedule(0);
    }
  }

  get status(): SyncStatus {
    return this._status;
  }

  /** Events not yet acknowledged by the api. */
  get size(): number {
    return this.events.size;
  }

  pending(): ProgressBatch {
    return { events: [...this.events.values()], lessonKey: this.lessonKey };
  }

  /** Records an event (stored at once) and schedules a send. */
  add(event: ProgressEvent): void {
    const e: ProgressEvent = { ...event, at: event.at ?? this.opts.now().toISOString() };
    const k = eventKey(e);
    const old = this.events.get(k);
    if (old) {
      if (e.kind !== 'watched') return; // viewed/completed once is enough
      if ((old.fraction ?? 0) >= (e.fraction ?? 0)) return;
    }
    this.events.set(k, e);
    this.save();
    this.setStatus(this._status === 'offline' ? 'offline' : 'pending');
    if (this._status !== 'offline' || this.timer === null) this.schedule(this.opts.debounceMs);
  }

  /** The lesson on screen, sent with the next batch (for "continue learning"). */
  setLesson(lessonKey: string): void {
    if (this.lessonKey === lessonKey) return;
    this.lessonKey = lessonKey;
    this.save();
  }

  /** Sends everything now (lesson change, coming back online). Resolves true when nothing is left. */
  flush(): Promise<boolean> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.sending) return this.sending.then(() => (this.events.size === 0 ? true : this.flush()));
    if (this.events.size === 0) {
      this.setStatus('saved');
      return Promise.resolve(true);
    }
    const snapshot = new Map(this.events);
    const batch: ProgressBatch = { events: [...snapshot.values()], lessonKey: this.lessonKey };
    this.sending = this.opts
      .send(batch)
      .then((result) => {
        this.acknowledge(snapshot);
        this.attempt = 0;
        this.opts.onSent?.(result);
        return true;
      })
      .catch((error: unknown) => {
        if (this.opts.isPermanent(error)) {
          this.acknowledge(snapshot); // the api will never take these: do not resend forever
          return true;
        }
        this.setStatus('offline');
        const wait = this.opts.backoffMs[Math.min(this.attempt, this.opts.backoffMs.length - 1)];
        this.attempt++;
        this.schedule(wait);
        return false;
      })
      .finally(() => {
        this.sending = null;
      });
    return this.sending.then((ok) => {
      if (!ok) return false;
      if (this.events.size === 0) {
        this.setStatus('saved');
        return true;
      }
      this.setStatus('pending');
      this.schedule(this.opts.debounceMs);
      return false;
    });
  }

  /** The browser is online again: retry now, from the first backoff step. */
  online(): void {
    this.attempt = 0;
    if (this.events.size > 0) void this.flush();
  }

  /**
   * For `pagehide`: hands the batch to a sender that outlives the page (fetch keepalive).
   * The events stay stored until a normal send confirms them, so nothing depends on it.
   */
  flushKeepalive(sendKeepalive: (batch: ProgressBatch) => void): void {
    if (this.events.size === 0) return;
    try {
      sendKeepalive(this.pending());
    } catch {
      /* stored: the next visit sends it */
    }
  }

  /** (Re)starts sending after {@link dispose} (React may mount an effect twice). */
  start(): void {
    this.disposed = false;
    if (this.events.size > 0 && !this.timer && !this.sending) this.schedule(0);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private acknowledge(snapshot: Map<string, ProgressEvent>) {
    for (const [k, e] of snapshot) if (this.events.get(k) === e) this.events.delete(k);
    this.save();
  }

  private schedule(ms: number) {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private setStatus(s: SyncStatus) {
    if (s === this._status) return;
    this._status = s;
    this.opts.onStatus?.(s);
  }

  private load() {
    try {
      const raw = this.opts.storage?.getItem(storageKeyFor(this.opts.enrollmentId));
      if (!raw) return;
      const stored = JSON.parse(raw) as Stored;
      for (const e of stored.events ?? []) if (e && typeof e.blockKey === 'string') this.events.set(eventKey(e), e);
      this.lessonKey = stored.lessonKey;
    } catch {
      /* unreadable: start empty */
    }
  }

  private save() {
    const key = storageKeyFor(this.opts.enrollmentId);
    try {
      if (this.events.size === 0) this.opts.storage?.removeItem(key);
      else this.opts.storage?.setItem(key, JSON.stringify({ events: [...this.events.values()], lessonKey: this.lessonKey } satisfies Stored));
    } catch {
      /* storage full or disabled: the events stay in memory */
    }
  }
}
