import { randomBytes } from 'node:crypto';
import { createTestDatabase } from '@cakap/db';

/**
 * One fresh, migrated database and one BullMQ key prefix per test run (STACK.md trap 5): the
 * api's tests and a second run of these may share the Postgres and Redis servers.
 */
export default async function globalSetup(): Promise<void> {
  const db = await createTestDatabase(
    process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    'cakap_worker_test',
  );
  process.env.DATABASE_URL = db.url;
  process.env.QUEUE_PREFIX = `cakap-test-worker-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  process.env.NODE_ENV = 'test';
  (globalThis as Record<string, unknown>).__cakapWorkerTestDb = db;
}
