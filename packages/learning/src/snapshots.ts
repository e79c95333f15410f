import type { VersionSnapshot } from '@cakap/contracts';
import { PromiseLru } from './lru';
import type { Queryable } from '@cakap/db';

/** How many published versions a process keeps parsed in memory. */
export const SNAPSHOT_CACHE_SIZE = 500;

/**
 * Published course versions never change (invariant 1, enforced by a trigger), so their parsed
 * snapshots can be kept without ever going stale: a learner's requests then read only their own
 * small rows. Bounded, least recently used first out.
 */
export class SnapshotCache {
  private readonly entries: PromiseLru<VersionSnapshot>;

  constructor(
    private readonly db: Queryable,
    size = SNAPSHOT_CACHE_SIZE,
  ) {
    this.entries = new PromiseLru(size);
  }

  /** `db` reads a miss (the caller's transaction, so a busy pool cannot starve it). */
  get(courseId: string, version: number, db: Queryable = this.db): Promise<VersionSnapshot> {
    const key = `${courseId}:${version}`;
    return (
      this.entries.get(key) ??
      this.entries.set(
        key,
        db
          .query(`SELECT snapshot FROM course_versions WHERE course_id = $1 AND version = $2`, [courseId, version])
          .then((rows: { snapshot: VersionSnapshot }[]) => {
            if (!rows.length) throw new Error(`course version ${key} not found`);
            return rows[0].snapshot;
          }),
      )
    );
  }
}
