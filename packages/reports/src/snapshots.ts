import type { CourseReport, OrgUnitReport, ProgrammeReport, ReportKind } from '@cakap/contracts';
import { notify, rowsOf, type Queryable } from '@cakap/db';
import type { DataSource } from 'typeorm';
import { computeCourseReport } from './course-report';
import { computeOrgUnitReport } from './org-unit-report';
import { computeProgrammeReport } from './programme-report';
import { parseScope, reportLink, scopeKey, type ReportScope } from './scopes';
import { sourceStamp } from './stamp';

/**
 * The snapshot protocol on `report_snapshots` (one row per kind and scope). The api asks with
 * `requestSnapshot` and serves a fresh snapshot at once; otherwise the row is `queued` (keeping
 * its previous data, which can still be served as stale) and the worker's job runs
 * `runSnapshot`. Postgres holds the whole state, so the reconciler can re-add a lost job.
 *
 * Scale (tried on 2 cores: 20 000 ASN in 250 units, 100 000 enrolments, 60 000 survey
 * responses): a stamp takes 20–100 ms (every GET pays it), computing a course report 0.25 s,
 * the org units 0.7 s, a programme period with its trend 2.3 s — in the worker, never the api.
 */

export type AnyReport = CourseReport | OrgUnitReport | ProgrammeReport;
export type SnapshotStatus = 'queued' | 'running' | 'ready' | 'failed';

export interface Snapshot {
  id: string;
  kind: ReportKind;
  scope: string;
  status: SnapshotStatus;
  data: AnyReport | null;
  error: string | null;
  requestedAt: Date;
  computedAt: Date | null;
}

const COLUMNS = `id, kind, scope, status, data, error, requested_at AS "requestedAt", computed_at AS "computedAt"`;

export async function readSnapshot(db: Queryable, id: string): Promise<Snapshot | null> {
  const [row] = await db.query(`SELECT ${COLUMNS} FROM report_snapshots WHERE id = $1`, [id]);
  return row ?? null;
}

/**
 * Asks for a report. Fresh (ready, and its stamp is the sources' current stamp): nothing to do.
 * Ready but stale, or failed: back to `queued` by this user (the data stays). Queued or running:
 * left as it is, a computation is on its way. `fresh` tells the api whether to add the job.
 */
export async function requestSnapshot(db: Queryable, scope: ReportScope, userId: string | null, now = new Date()): Promise<{ snapshot: Snapshot; fresh: boolean }> {
  const stamp = await sourceStamp(db, scope, now);
  let [row] = await db.query(
    `WITH upsert AS (
       INSERT INTO report_snapshots AS s (kind, scope, status, requested_by) VALUES ($1, $2, 'queued', $3)
       ON CONFLICT (kind, scope) DO UPDATE SET status = 'queued', requested_by = EXCLUDED.requested_by, requested_at = now(), started_at = NULL, error = NULL
        WHERE s.status = 'failed' OR (s.status = 'ready' AND s.source_stamp IS DISTINCT FROM $4)
       RETURNING s.*
     )
     SELECT * FROM upsert
     UNION ALL
     SELECT * FROM report_snapshots WHERE kind = $1 AND scope = $2 AND NOT EXISTS (SELECT 1 FROM upsert)`,
    [scope.kind, scopeKey(scope), userId, stamp],
  );
  // A first request racing ours inserted the row after this statement's snapshot was taken: the
  // upsert waited for it and left it alone, and the plain SELECT could not see it yet.
  row ??= (await db.query(`SELECT * FROM report_snapshots WHERE kind = $1 AND scope = $2`, [scope.kind, scopeKey(scope)]))[0];
  const snapshot: Snapshot = {
    id: row.id,
    kind: row.kind,
    scope: row.scope,
    status: row.status,
    data: row.data,
    error: row.error,
    requestedAt: row.requested_at,
    computedAt: row.computed_at,
  };
  return { snapshot, fresh: row.status === 'ready' && row.source_stamp === stamp };
}

/** Computes a report's body as of `now` (the `stale` flag and `computedAt` are the snapshot's). */
export async function computeReport(db: Queryable, scope: ReportScope, now: Date): Promise<Omit<AnyReport, 'computedAt' | 'stale'> | null> {
  switch (scope.kind) {
    case 'course':
      return computeCourseReport(db, scope.courseId, now);
    case 'org-units':
      return computeOrgUnitReport(db, scope.year, scope.unitId);
    case 'programme':
      return computeProgrammeReport(db, scope.period);
  }
}

/** What the "report ready" notification names (in any language): the course's title, the year (and unit), the period. */
function reportName(scope: ReportScope, data: Omit<AnyReport, 'computedAt' | 'stale'>): string {
  if (scope.kind === 'course') return (data as CourseReport).courseTitle;
  if (scope.kind === 'programme') return scope.period.key;
  const root = scope.unitId ? (data as OrgUnitReport).units[0] : undefined;
  return root ? `${scope.year}, ${root.name}` : String(scope.year);
}

export interface RunOptions {
  /** How long the api waits for a computation; a requester who waited longer is notified when it is ready. */
  notifyAfterMs: number;
}

export type RunOutcome = 'ready' | 'failed' | 'skipped';

/**
 * The worker's job. Claims the snapshot (`running`; a snapshot already ready or failed is a
 * duplicate job: skipped), then stamps and computes inside one REPEATABLE READ, read-only
 * transaction, so the stamp describes exactly the rows the figures came from: a write that
 * lands during the computation makes the next request see a different stamp and recompute.
 * Stores `ready` + data + stamp; an error is stored as `failed` (the next request retries) and
 * not thrown: the job itself succeeded in recording the outcome.
 */
export async function runSnapshot(ds: DataSource, id: string, opts: RunOptions): Promise<RunOutcome> {
  const [claimed] = rowsOf<{ kind: ReportKind; scope: string }>(
    await ds.query(`UPDATE report_snapshots SET status = 'running', started_at = now() WHERE id = $1 AND status IN ('queued', 'running') RETURNING kind, scope`, [id]),
  );
  if (!claimed) return 'skipped';
  try {
    const scope = parseScope(claimed.kind, claimed.scope);
    const now = new Date();
    const { stamp, body } = await ds.transaction('REPEATABLE READ', async (tx) => {
      await tx.query('SET TRANSACTION READ ONLY');
      // The planner badly misjudges the recursive unit tree and the jsonb pooling, and JIT
      // compiling the plans it believes huge costs more than running them (bench/reports: the
      // org-unit report 1.2 s with JIT, 0.7 s without, at 20,000 ASN).
      await tx.query('SET LOCAL jit = off');
      return { stamp: await sourceStamp(tx, scope, now), body: await computeReport(tx, scope, now) };
    });
    if (!body) throw new Error(`the ${claimed.kind} report's subject ${claimed.scope} does not exist`);
    const data = { ...body, computedAt: now.toISOString(), stale: false };
    const [stored] = rowsOf<{ requested_by: string | null; requested_at: Date; computed_at: Date }>(
      await ds.query(
        `UPDATE report_snapshots SET status = 'ready', data = $2, source_stamp = $3, computed_at = now(), error = NULL
          WHERE id = $1 RETURNING requested_by, requested_at, computed_at`,
        [id, JSON.stringify(data), stamp],
      ),
    );
    if (stored?.requested_by && stored.computed_at.getTime() - stored.requested_at.getTime() > opts.notifyAfterMs) {
      // The api stopped waiting: tell the requester it is there now (in-app, and by e-mail).
      await notify(ds, {
        userId: stored.requested_by,
        kind: 'report.ready',
        params: { report: reportName(scope, body) },
        link: reportLink(scope),
        dedupeKey: `report.ready:${id}:${stored.requested_at.toISOString()}`,
      });
    }
    return 'ready';
  } catch (err) {
    await ds.query(`UPDATE report_snapshots SET status = 'failed', error = $2 WHERE id = $1`, [id, err instanceof Error ? err.message : String(err)]);
    return 'failed';
  }
}
