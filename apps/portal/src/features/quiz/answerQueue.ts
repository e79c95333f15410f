import type { SaveAnswers } from '@cakap/contracts';
import { PersistentQueue, type QueueStatus, type QueueStorage } from '../../lib/persistentQueue';

/**
 * The quiz player's outbox: answers and flags not yet acknowledged by the api, one per attempt,
 * stored under `cakap.quiz.<attemptId>` (see {@link PersistentQueue} for storing, debouncing
 * and retrying). Changes merge per question (the newest answer wins; a flag change keeps the
 * answer waiting beside it). When the api refuses for good (the deadline passed, the attempt is
 * closed) the queue stops and says so.
 */
export interface PendingAnswer {
  slot: number;
  /** null: not answered (clears a saved answer). */
  answer: unknown;
  flagged: boolean;
}

/** 'saved': nothing waiting; 'saving': a send is due or in flight; 'offline': a send failed, retrying; 'closed': the api refuses answers now. */
export type AnswerSyncStatus = 'saved' | 'saving' | 'offline' | 'closed';

export interface AnswerQueueOptions {
  attemptId: string;
  storage: QueueStorage | null;
  send: (body: SaveAnswers) => Promise<unknown>;
  onStatus?: (status: AnswerSyncStatus) => void;
  /** The api will not take answers for this attempt any more (409 deadline passed / attempt closed). */
  isClosed?: (error: unknown) => boolean;
  /** The api will never take these answers (400): dropped instead of resent forever. */
  isPermanent?: (error: unknown) => boolean;
  debounceMs?: number;
  backoffMs?: number[];
}

export const answerStorageKey = (attemptId: string) => `cakap.quiz.${attemptId}`;

const answerStatus = (s: QueueStatus): AnswerSyncStatus => (s === 'pending' ? 'saving' : s);

export class AnswerQueue {
  private readonly queue: PersistentQueue<number, PendingAnswer>;

  constructor({ attemptId, send, onStatus, debounceMs = 800, backoffMs = [1000, 2000, 5000, 10000, 30000], ...rest }: AnswerQueueOptions) {
    this.queue = new PersistentQueue({
      ...rest,
      storageKey: answerStorageKey(attemptId),
      keyOf: (e) => e.slot,
      send: (answers) => send({ answers }),
      onStatus: onStatus && ((s) => onStatus(answerStatus(s))),
      debounceMs,
      backoffMs,
      decode: (stored) => (Array.isArray(stored) ? (stored as PendingAnswer[]).filter((e) => e && Number.isInteger(e.slot)) : []),
    });
  }

  get status(): AnswerSyncStatus {
    return answerStatus(this.queue.status);
  }

  /** What is waiting, by slot (a reload shows these over the answers the api sent). */
  pending(): PendingAnswer[] {
    return this.queue.pending();
  }

  /**
   * Records a question's answer and flag (stored at once) and schedules a send. Both go
   * together, so the api never has to guess whether a missing answer means "unchanged".
   */
  set(slot: number, answer: unknown, flagged: boolean): void {
    this.queue.put({ slot, answer: answer === undefined ? null : answer, flagged });
  }

  /** Sends everything now. Resolves true when nothing is left waiting. */
  flush(): Promise<boolean> {
    return this.queue.flush();
  }

  online(): void {
    this.queue.online();
  }

  /** Forgets everything stored for this attempt (it has been submitted). */
  clear(): void {
    this.queue.clear();
  }

  start(): void {
    this.queue.start();
  }

  dispose(): void {
    this.queue.dispose();
  }
}
