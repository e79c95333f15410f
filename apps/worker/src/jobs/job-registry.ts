import { JOBS, type JobKey } from '@cakap/contracts';
import type { JobHandler } from './job-handler';

export class JobRegistryError extends Error {
  constructor(public readonly problems: string[]) {
    super(`The worker cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'JobRegistryError';
  }
}

type JobDefinitions = Record<string, { queue: string; name: string }>;

/**
 * Job key -> its one handler, checked when the worker boots: every job of contracts' JOBS must
 * have exactly one handler, and no handler may claim a job that JOBS does not define. A job
 * nobody handles would wait in Redis for ever; two handlers would race for it.
 */
export class JobRegistry {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly byQueueAndName = new Map<string, { key: JobKey; handler: JobHandler }>();

  constructor(
    handlers: readonly JobHandler[],
    private readonly jobs: JobDefinitions = JOBS,
  ) {
    const problems: string[] = [];
    for (const [key, def] of Object.entries(jobs)) {
      const mine = handlers.filter((h) => h.job === key);
      if (mine.length === 0) {
        problems.push(`job "${key}" (queue ${def.queue}, name ${def.name}) has no handler`);
      } else if (mine.length > 1) {
        problems.push(`job "${key}" has ${mine.length} handlers: ${mine.map(describe).join(', ')}`);
      } else {
        this.handlers.set(key, mine[0]);
        this.byQueueAndName.set(`${def.queue}\u0000${def.name}`, { key: key as JobKey, handler: mine[0] });
      }
    }
    for (const h of handlers) {
      if (!(h.job in jobs)) problems.push(`${describe(h)} handles "${String(h.job)}", which is not a job of contracts' JOBS`);
    }
    if (problems.length) throw new JobRegistryError(problems);
  }

  /** The queues the worker consumes, each once. */
  queues(): string[] {
    return [...new Set(Object.values(this.jobs).map((j) => j.queue))];
  }

  handler(key: JobKey): JobHandler {
    const h = this.handlers.get(key);
    if (!h) throw new Error(`no handler for job "${key}"`);
    return h;
  }

  /** The handler of a job as BullMQ hands it over (queue + job name). */
  resolve(queue: string, name: string): { key: JobKey; handler: JobHandler } | undefined {
    return this.byQueueAndName.get(`${queue}\u0000${name}`);
  }

  entries(): Array<[JobKey, JobHandler]> {
    return [...this.handlers.entries()] as Array<[JobKey, JobHandler]>;
  }

  definition(key: JobKey): { queue: string; name: string } {
    return this.jobs[key];
  }
}

function describe(h: JobHandler): string {
  return h.constructor?.name && h.constructor.name !== 'Object' ? h.constructor.name : 'a handler';
}
