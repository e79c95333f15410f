/**
 * A pass that runs at start-up and then every `intervalMs` (outbox consumers, the notification
 * dispatcher, the reconciler). Concurrent calls share the pass in progress, so a timer tick and
 * a test's explicit call never run two at once; stopping waits for the pass in flight. A failed
 * pass is reported and the next tick tries again.
 */
export class Poller<T> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<T> | undefined;

  constructor(
    private readonly pass: () => Promise<T>,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Runs once now and then every `intervalMs`; 0 or less = only when `run()` is called. */
  start(intervalMs: number, opts: { runNow?: boolean } = {}): void {
    if (intervalMs <= 0) return;
    const tick = () => void this.run().catch(this.onError);
    if (opts.runNow ?? true) tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  /** One pass; concurrent calls share it. */
  run(): Promise<T> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }
}
