import { createTestDatabase } from '@cakap/db';
import { randomBytes } from 'node:crypto';

/** One fresh, migrated database and one queue/Redis prefix per test run (STACK.md trap 5). */
export default async function globalSetup() {
  const db = await createTestDatabase(undefined, 'cakap_api_test');
  process.env.DATABASE_URL = db.url;
  process.env.CAKAP_TEST_DB_NAME = db.name;
  process.env.QUEUE_PREFIX = `cakap-test-${randomBytes(4).toString('hex')}`;
  (globalThis as Record<string, unknown>).__CAKAP_TEST_DB__ = db;
}
