import { z } from 'zod';

/**
 * Queue names and job payloads: a persisted contract between api and worker. A payload
 * carries ids, never documents (the worker reloads from Postgres), and a version `v` so a
 * shape can change while old jobs are still in flight. Names carry a Redis Cluster hash tag.
 */
export const QUEUES = {
  userImport: '{user-import}',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  userImport: {
    queue: QUEUES.userImport,
    name: 'user-import.run',
    payload: z.object({ v: z.literal(1), importId: z.uuid() }),
  },
} as const;

export type JobKey = keyof typeof JOBS;
export type JobPayload<K extends JobKey> = z.infer<(typeof JOBS)[K]['payload']>;
