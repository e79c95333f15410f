import type { AppConfig } from '@cakap/config';
import { Redis } from 'ioredis';
import { revokedSessionKey } from '../../auth/session-revocation';

/** Marks sessions revoked in Redis. Throws when Redis cannot be reached (the caller warns). */
export async function markSessionsRevoked(cfg: AppConfig, sessionIds: readonly string[]): Promise<void> {
  if (!sessionIds.length) return;
  const redis = new Redis(cfg.REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  let lastError: Error | undefined;
  redis.on('error', (e: Error) => {
    lastError = e; // reported by the rejected command below, not as an unhandled event
  });
  try {
    await redis.connect();
    const pipe = redis.multi();
    for (const id of sessionIds) pipe.set(revokedSessionKey(cfg.QUEUE_PREFIX, id), '1', 'EX', cfg.ACCESS_TOKEN_TTL_SEC + 5);
    await pipe.exec();
  } catch (e) {
    throw lastError ?? e;
  } finally {
    redis.disconnect();
  }
}
