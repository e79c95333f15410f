import { Injectable } from '@nestjs/common';
import type { EnrollmentListQuery, VersionSnapshot } from '@cakap/contracts';
import type { BlockState } from '@cakap/courses';
import { completeEnrollment, SnapshotCache, type EnrollmentRef } from '@cakap/learning';
import { DataSource } from 'typeorm';
import { rowsOf } from '../common/sql';

export interface EnrollmentRow extends EnrollmentRef {
  completedAt: Date | null;
  lastLessonKey: string | null;
  /** The pinned version's frozen snapshot (invariant 1). */
  snapshot: VersionSnapshot;
}

export interface BlockStateChange {
  key: string;
  state: BlockState;
}

const SELECT = `
  SELECT e.id, e.user_id AS "userId", e.course_id AS "courseId", e.version, e.status, e.enrolled_at AS "enrolledAt",
         e.completed_at AS "completedAt", e.last_lesson_key AS "lastLessonKey"
    FROM enrollments e`;

/** Data access for enrolments, block progress and completion. No rules here. */
@Injectable()
export class EnrollmentsRepository {
  constructor(
    private readonly ds: DataSource,
    private readonly snapshots: SnapshotCache,
  ) {}

  private async withSnapshots(rows: Omit<EnrollmentRow, 'snapshot'>[]): Promise<EnrollmentRow[]> {
    return Promise.all(rows.map(async (r) => ({ ...r, snapshot: await this.snapshots.get(r.courseId, r.version) })));
  }

  /**
   * Enrols in the course's current latest version when it is published and not archived.
   * Idempotent under races (the unique (user, course) key): answers the enrolment and whether
   * this call created it, or null when the course cannot be enrolled in.
   */
  async enroll(userId: string, courseId: string): Promise<{ id: string; created: boolean } | null> {
    const inserted = await this.ds.query(
      `INSERT INTO enrollments (user_id, course_id, version)
       SELECT $1, c.id, c.published_version FROM courses c
        WHERE c.id = $2 AND c.published_version IS NOT NULL AND c.status <> 'archived'
       ON CONFLICT (user_id, course_id) DO NOTHING
       RETURNING id`,
      [userId, courseId],
    );
    if (inserted.length) return { id: inserted[0].id, created: true };
    const existing = await this.ds.query(`SELECT id FROM enrollments WHERE user_id = $1 AND course_id = $2`, [userId, courseId]);
    return existing.length ? { id: existing[0].id, created: false } : null;
  }

  /** One enrolment of this learner; someone else's is not found (invariant 5). */
  async find(userId: string, id: string): Promise<EnrollmentRow | null> {
    const rows = await this.ds.query(`${SELECT} WHERE e.id = $1 AND e.user_id = $2`, [id, userId]);
    return rows.length ? (await this.withSnapshots(rows))[0] : null;
  }

  async list(userId: string, q: EnrollmentListQuery): Promise<{ rows: EnrollmentRow[]; total: number }> {
    const params: unknown[] = [userId];
    let where = `e.user_id = $1`;
    if (q.status) {
      params.push(q.status);
      where += ` AND e.status = $2`;
    }
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM enrollments e WHERE ${where}`, params);
    params.push(q.pageSize, (q.page - 1) * q.pageSize);
    const rows = await this.ds.query(
      `${SELECT} WHERE ${where}
        ORDER BY (e.status = 'active') DESC, e.updated_at DESC, e.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { rows: await this.withSnapshots(rows), total: n };
  }

  /** Block progress of several enrolments, by enrolment id then block key. */
  async states(enrollmentIds: string[]): Promise<Map<string, Map<string, BlockState>>> {
    const out = new Map<string, Map<string, BlockState>>(enrollmentIds.map((id) => [id, new Map()]));
    if (!enrollmentIds.length) return out;
    const rows: { enrollmentId: string; key: string; viewedAt: Date | null; maxFraction: string; completedAt: Date | null }[] = await this.ds.query(
      `SELECT enrollment_id AS "enrollmentId", block_key AS key, viewed_at AS "viewedAt", max_fraction AS "maxFraction", completed_at AS "completedAt"
         FROM block_progress WHERE enrollment_id = ANY($1::uuid[])`,
      [enrollmentIds],
    );
    for (const r of rows) {
      out.get(r.enrollmentId)!.set(r.key, { viewedAt: r.viewedAt, maxFraction: Number(r.maxFraction), completedAt: r.completedAt });
    }
    return out;
  }

  /**
   * Records block progress and the lesson on screen, in one statement. The merge is monotonic
   * in SQL too (earliest view, furthest fraction, first completion), so concurrent or replayed
   * batches never lose anything. Answers the enrolment's fields as they are now.
   */
  async saveProgress(
    enrollmentId: string,
    changes: BlockStateChange[],
    lastLessonKey?: string,
  ): Promise<Pick<EnrollmentRow, 'status' | 'completedAt' | 'lastLessonKey'>> {
    const json = JSON.stringify(
      changes.map((c) => ({
        key: c.key,
        viewed_at: c.state.viewedAt ? new Date(c.state.viewedAt).toISOString() : null,
        max_fraction: c.state.maxFraction,
        completed_at: c.state.completedAt ? new Date(c.state.completedAt).toISOString() : null,
      })),
    );
    // A data-modifying WITH runs exactly once, whether or not the outer statement reads it.
    const rows = rowsOf<Pick<EnrollmentRow, 'status' | 'completedAt' | 'lastLessonKey'>>(
      await this.ds.query(
        `WITH saved AS (
           INSERT INTO block_progress (enrollment_id, block_key, viewed_at, max_fraction, completed_at)
           SELECT $1, x.key, x.viewed_at, x.max_fraction, x.completed_at
             FROM jsonb_to_recordset($2::jsonb) AS x(key text, viewed_at timestamptz, max_fraction numeric, completed_at timestamptz)
           ON CONFLICT (enrollment_id, block_key) DO UPDATE SET
             viewed_at = LEAST(block_progress.viewed_at, EXCLUDED.viewed_at),
             max_fraction = GREATEST(block_progress.max_fraction, EXCLUDED.max_fraction),
             completed_at = COALESCE(block_progress.completed_at, EXCLUDED.completed_at),
             updated_at = now()
           RETURNING 1
         )
         UPDATE enrollments SET last_lesson_key = COALESCE($3, last_lesson_key), updated_at = now()
          WHERE id = $1
          RETURNING status, completed_at AS "completedAt", last_lesson_key AS "lastLessonKey"`,
        [enrollmentId, json, lastLessonKey ?? null],
      ),
    );
    return rows[0];
  }

  /** Completes the enrolment exactly once (JP ledger line and outbox event): see @cakap/learning. */
  complete(e: EnrollmentRow, at: Date): Promise<boolean> {
    return completeEnrollment(this.ds, e, e.snapshot.meta, at);
  }
}
