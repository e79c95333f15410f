/**
 * An outbox that survives the page: what the learner did is written to storage the moment it
 * happens and removed only once the api has acknowledged it, so a reload, a closed tab or a lost
 * connection loses nothing (the next visit sends what is left). Entries with the same key merge
 * (the newest wins), which keeps each send small. Sends are debounced, retried with backoff and
 * at once when the browser is back online; an error resending cannot fix drops the batch, and
 * one that says the api will never take more stops the queue (it keeps what it holds).
 *
 * The learning player's progress events and the quiz player's answers are two such queues; each
 * keeps its own merge rule and stored form on top of this.
 */
export interface QueueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** 'saved': nothing waiting; 'pending': a send is due or in flight; 'offline': a send failed, retrying; 'closed': the api takes nothing more. */
export type QueueStatus = 'saved' | 'pending' | 'offline' | 'closed';

export interface PersistentQueueOptions<K, E, R> {
  storage: QueueStorage | null;
  storageKey: string;
  /** Entries with the same key merge: a newer one replaces the older. */
  keyOf: (entry: E) => K;
  /** Sends the entries waiting, in the order they were first recorded. */
  send: (entries: E[]) => Promise<R>;
  onSent?: (result: R) => void;
  onStatus?: (status: QueueStatus) => void;
  /** The api will not take anything more (e.g. the quiz's deadline passed): stop, keep what is stored. */
  isClosed?: (error: unknown) => boolean;
  /** Errors that resending cannot fix (e.g. a 400/403/404 answer): the batch is dropped. */
  isPermanent?: (error: unknown) => boolean;
  debounceMs: number;
  backoffMs: number[];
  /** The stored form of the entries (default: the array itself). */
  encode?: (entries: E[]) => unknown;
  /** Back from the stored form; drops what it cannot read. */
  decode: (stored: unknown) => E[];
}

export class PersistentQueue<K, E, R = unknown> {
  private entries = new Map<K, E>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private sending: Promise<boolean> | null = null;
  private _status: QueueStatus = 'saved';
  private disposed = false;

  constructor(private readonly opts: PersistentQueueOptions<K, E, R>) {
    this.load();
    if (this.entries.size > 0) {
      // Not through onStatus: the queue is built during a render; its owner reads `status` once mounted.
      this._status = 'pending';
      this.schedule(0);
    }
  }

  get status(): QueueStatus {
    return this._status;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): E | undefined {
    return this.entries.get(key);
  }

  /** What is waiting, in the order it was first recorded. */
  pending(): E[] {
    return [...this.entries.values()];
  }

  /** Records an entry (stored at once, replacing one with the same key) and schedules a send. */
  put(entry: E): void {
    this.entries.set(this.opts.keyOf(entry), entry);
    this.save();
    if (this._status === 'closed') return;
    if (this._status !== 'offline') {
      this.setStatus('pending');
      this.schedule(this.opts.debounceMs);
    } else if (this.timer === null && !this.sending) {
      // Offline with no retry due: the new entry starts one (a due retry takes it along).
      this.schedule(this.opts.debounceMs);
    }
  }

  /** Writes the stored form again (a queue's extra state changed, see `encode`). */
  save(): void {
    try {
      if (this.entries.size === 0) this.opts.storage?.removeItem(this.opts.storageKey);
      else this.opts.storage?.setItem(this.opts.storageKey, JSON.stringify(this.encode()));
    } catch {
      /* storage full or disabled: the entries stay in memory */
    }
  }

  /** Sends everything now. Resolves true when nothing is left waiting. */
  flush(): Promise<boolean> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this._status === 'closed') return Promise.resolve(false);
    if (this.sending) return this.sending.then(() => (this.entries.size === 0 ? true : this.flush()));
    if (this.entries.size === 0) {
      this.setStatus('saved');
      return Promise.resolve(true);
    }
    const snapshot = new Map(this.entries);
    if (this._status !== 'offline') this.setStatus('pending');
    this.sending = this.opts
      .send([...snapshot.values()])
      .then((result) => {
        this.acknowledge(snapshot);
        this.attempt = 0;
        this.opts.onSent?.(result);
        return true;
      })
      .catch((error: unknown) => {
        if (this.opts.isClosed?.(error)) {
          this.setStatus('closed');
          return false;
        }
        if (this.opts.isPermanent?.(error)) {
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
      if (this.entries.size === 0) {
        this.setStatus('saved');
        return true;
      }
      // Changed while the send was in flight: the newer entries go next.
      this.setStatus('pending');
      this.schedule(this.opts.debounceMs);
      return false;
    });
  }

  /** The browser is online again: retry now, from the first backoff step. */
  online(): void {
    this.attempt = 0;
    if (this.entries.size > 0 && this._status !== 'closed') void this.flush();
  }

  /** Forgets everything stored (nothing of it will ever be sent). */
  clear(): void {
    this.entries.clear();
    this.save();
  }

  /** (Re)starts sending after {@link dispose} (React may mount an effect twice). */
  start(): void {
    this.disposed = false;
    if (this.entries.size > 0 && !this.timer && !this.sending && this._status !== 'closed') this.schedule(0);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Removes what the api took, but not an entry replaced while the send was in flight. */
  private acknowledge(snapshot: Map<K, E>) {
    for (const [k, e] of snapshot) if (this.entries.get(k) === e) this.entries.delete(k);
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

  private setStatus(s: QueueStatus) {
    if (s === this._status) return;
    this._status = s;
    this.opts.onStatus?.(s);
  }

  private encode(): unknown {
    const list = this.pending();
    return this.opts.encode ? this.opts.encode(list) : list;
  }

  private load() {
    try {
      const raw = this.opts.storage?.getItem(this.opts.storageKey);
      if (!raw) return;
      for (const e of this.opts.decode(JSON.parse(raw))) this.entries.set(this.opts.keyOf(e), e);
    } catch {
      /* unreadable: start empty */
    }
  }
}
