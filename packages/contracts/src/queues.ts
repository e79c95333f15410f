import { z } from 'zod';

/**
 * Queue names and job payloads: a persisted contract between api and worker. A payload
 * carries ids, never documents (the worker reloads from Postgres), and a version `v` so a
 * shape can change while old jobs are still in flight. Names carry a Redis Cluster hash tag.
 */
export const QUEUES = {
  userImport: '{user-import}',
  quizDeadline: '{quiz-deadline}',
  certificates: '{certificates}',
  followUps: '{follow-ups}',
  reports: '{reports}',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/**
 * How every job is added, by the api and by the worker's reconciler alike: retried with
 * backoff, removed once done so the same jobId (the row id) can be added again later.
 */
export const JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: true,
  removeOnFail: 1000,
} as const;

export const JOBS = {
  userImport: {
    queue: QUEUES.userImport,
    name: 'user-import.run',
    payload: z.object({ v: z.literal(1), importId: z.uuid() }),
  },
  /**
   * Grades an open attempt whose deadline has passed, with what was saved. Added as a delayed
   * job (jobId = attempt id) when a timed attempt starts; the reconciler sweeps Postgres for any
   * it missed (Redis flushed). Grading an attempt already submitted changes nothing.
   */
  quizDeadline: {
    queue: QUEUES.quizDeadline,
    name: 'quiz-deadline.grade',
    payload: z.object({ v: z.literal(1), attemptId: z.uuid() }),
  },
  /**
   * Issues the pending items of a certificate batch, chunk by chunk (jobId = batch id). The
   * batch and its items are in Postgres first; the reconciler re-adds unfinished batches.
   */
  certificateBatch: {
    queue: QUEUES.certificates,
    name: 'certificate-batch.run',
    payload: z.object({ v: z.literal(1), batchId: z.uuid() }),
  },
  /**
   * Renders and stores the PDF of one certificate already recorded in Postgres (a reissue, or
   * one whose file was lost); jobId = certificate id. Rendering a stored one changes nothing.
   */
  certificateRender: {
    queue: QUEUES.certificates,
    name: 'certificate.render',
    payload: z.object({ v: z.literal(1), certificateId: z.uuid() }),
  },
  /**
   * Sends a level-3 follow-up request when it falls due (a delayed job, jobId = request id, added
   * when the request is created from the course completion). Postgres decides: only a request
   * still `scheduled` and due is sent; the reconciler re-adds due ones whose job was lost.
   */
  followUpSend: {
    queue: QUEUES.followUps,
    name: 'follow-up.send',
    payload: z.object({ v: z.literal(1), requestId: z.uuid() }),
  },
  /**
   * The next step of a sent follow-up (jobId = `<request id>-remind-<n>`): reminder n while n is
   * within the course's maximum, then closing the request as expired.
   */
  followUpRemind: {
    queue: QUEUES.followUps,
    name: 'follow-up.remind',
    payload: z.object({ v: z.literal(1), requestId: z.uuid(), reminder: z.number().int().min(1) }),
  },
  /**
   * Computes a report snapshot (the `report_snapshots` row the api marked queued; jobId = its
   * id). The reconciler re-adds snapshots left queued or running.
   */
  reportCompute: {
    queue: QUEUES.reports,
    name: 'report.compute',
    payload: z.object({ v: z.literal(1), snapshotId: z.uuid() }),
  },
} as const;

export type JobKey = keyof typeof JOBS;
export type JobPayload<K extends JobKey> = z.infer<(typeof JOBS)[K]['payload']>;
