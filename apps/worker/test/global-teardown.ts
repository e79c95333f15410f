import type { TestDatabase } from '@cakap/db';
import { Redis } from 'ioredis';

export default async function globalTeardown(): Promise<void> {
  const db = (globalThis as Record<string, unknown>).__cakapWorkerTestDb as TestDatabase | undefined;
  await db?.drop();
  const prefix = process.env.QUEUE_PREFIX;
  if (!prefix?.startsWith('cakap-test-worker-')) return;
  const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
