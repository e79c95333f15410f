import type { Logger } from 'pino';

/** How the worker runs; main.ts takes the defaults, tests and the bench override them. */
export interface WorkerModuleOptions {
  /** Defaults to a pino logger at LOG_LEVEL. */
  logger?: Logger;
  /** Start the BullMQ workers at boot (default true). */
  startWorkers?: boolean;
  /** Run the reconciler once at boot (default true). */
  reconcileOnStart?: boolean;
  /** Then every this many milliseconds (default 30 000; 0 = never). */
  reconcileIntervalMs?: number;
  /** How often the outbox (domain_events) is polled for automatic certificates, ms (default 3 000; 0 = never). */
  outboxPollMs?: number;
  /** How often new notifications are delivered through the configured channels (e-mail), ms (default 5 000; 0 = never). */
  notificationPollMs?: number;
  /** The first retry delay of a failed delivery, doubled at each attempt, ms (default 60 000). */
  notificationRetryMs?: number;
}

export type ResolvedWorkerOptions = Required<Omit<WorkerModuleOptions, 'logger'>>;

export const DEFAULT_RECONCILE_INTERVAL_MS = 30_000;

export function resolveWorkerOptions(opts: WorkerModuleOptions): ResolvedWorkerOptions {
  return {
    startWorkers: opts.startWorkers ?? true,
    reconcileOnStart: opts.reconcileOnStart ?? true,
    reconcileIntervalMs: opts.reconcileIntervalMs ?? DEFAULT_RECONCILE_INTERVAL_MS,
    outboxPollMs: opts.outboxPollMs ?? 3_000,
    notificationPollMs: opts.notificationPollMs ?? 5_000,
    notificationRetryMs: opts.notificationRetryMs ?? 60_000,
  };
}
