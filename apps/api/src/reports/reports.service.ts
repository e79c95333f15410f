import { Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';
import { ErrorCode, type CourseReport, type OrgUnitReport, type ProgrammeReport, type ReportStatus } from '@cakap/contracts';
import { parsePeriod } from '@cakap/evaluation';
import type { AnyReport, ReportScope, Snapshot } from '@cakap/reports';
import { AppError } from '../common/app-error';
import type { Principal } from '../common/request';
import { InjectConfig } from '../config/config.module';
import { JobQueue } from '../queue/job-queue.service';
import { ReportsRepository } from './reports.repository';

/** How often a waiting request looks at the snapshot row (a primary-key read). */
const POLL_MS = 200;
/** What a 202 tells the client to wait before asking again; each GET itself waits up to REPORT_WAIT_MS. */
export const RETRY_AFTER_SEC = 3;

/** A report to show (possibly a stale copy while a newer one is computed), or the status to poll. */
export type Served<T extends AnyReport> = { ready: true; report: T } | { ready: false; status: ReportStatus };

const isAdmin = (me: Principal) => me.roles.includes('admin');

/**
 * The reports endpoints. The api never computes a report: it serves the snapshot when its
 * source stamp is still current, and otherwise asks the worker (snapshot queued, job added) and
 * waits a little, polling Postgres. Too slow: the old copy marked stale, or 202 to poll.
 */
@Injectable()
export class ReportsService {
  private readonly log = new Logger(ReportsService.name);

  constructor(
    private readonly repo: ReportsRepository,
    private readonly queue: JobQueue,
    @InjectConfig() private readonly cfg: AppConfig,
  ) {}

  async course(courseId: string, me: Principal): Promise<Served<CourseReport>> {
    await this.readableCourse(courseId, me);
    return this.serve({ kind: 'course', courseId }, me);
  }

  /**
   * Who may read a course's reports (the report and its learner list): admins and the course's
   * authors (who may edit it, as for its survey); other authors 403, an unknown course 404.
   */
  async readableCourse(courseId: string, me: Principal): Promise<{ title: string }> {
    const access = await this.repo.courseAccess(courseId, me.userId);
    if (!access) throw AppError.notFound();
    if (!isAdmin(me) && !access.isAuthor) throw AppError.forbidden();
    return { title: access.title };
  }

  async orgUnits(year: number, unitId: string | undefined, me: Principal): Promise<Served<OrgUnitReport>> {
    if (unitId && !(await this.repo.unitExists(unitId))) throw AppError.notFound();
    return this.serve({ kind: 'org-units', year, unitId: unitId ?? null }, me);
  }

  /** `period` has passed the contracts' pattern, so it parses. */
  async programme(period: string, me: Principal): Promise<Served<ProgrammeReport>> {
    const parsed = parsePeriod(period);
    if (!parsed) throw AppError.invalidField('period', 'report.period');
    return this.serve({ kind: 'programme', period: parsed }, me);
  }

  private async serve<T extends AnyReport>(scope: ReportScope, me: Principal): Promise<Served<T>> {
    const { snapshot, fresh } = await this.repo.request(scope, me.userId);
    if (fresh) return { ready: true, report: { ...(snapshot.data as T), stale: false } };
    try {
      await this.queue.enqueue('reportCompute', { v: 1, snapshotId: snapshot.id }, { jobId: snapshot.id });
    } catch (err) {
      // Redis unavailable: the snapshot stays queued in Postgres and the worker's reconciler adds
      // the job within a minute; meanwhile the old copy (if any) can still be served.
      this.log.warn({ err, snapshotId: snapshot.id }, 'could not add the report job; the reconciler will');
    }
    let current: Snapshot = snapshot;
    const until = Date.now() + this.cfg.REPORT_WAIT_MS;
    while (Date.now() < until) {
      await new Promise((r) => setTimeout(r, Math.min(POLL_MS, Math.max(0, until - Date.now()))));
      current = (await this.repo.read(snapshot.id)) ?? current;
      if (current.status === 'ready' || current.status === 'failed') break;
    }
    if (current.status === 'failed') throw new AppError(ErrorCode.Internal, {}, [{ field: '_', code: 'report.failed' }]);
    if (current.status === 'ready') return { ready: true, report: { ...(current.data as T), stale: false } };
    if (current.data) return { ready: true, report: { ...(current.data as T), stale: true } };
    return {
      ready: false,
      status: {
        kind: scope.kind,
        scope: current.scope,
        status: current.status,
        requestedAt: new Date(current.requestedAt).toISOString(),
        retryAfter: RETRY_AFTER_SEC,
      },
    };
  }
}
