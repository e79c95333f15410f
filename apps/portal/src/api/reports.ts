import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CourseLearnerPage, CourseLearnerQuery, CourseReport, OrgUnitReport, ProgrammeReport, ReportStatus } from '@cakap/contracts';
import type { Query } from './client';
import { saveBlob } from './download';
import { api } from './index';

/**
 * The evaluation reports (issue 8). The worker computes them; a GET answers 200 with the report
 * (`stale: true` while a newer one is computed) or, when none exists yet, 202 with the
 * computation's status and the seconds to wait. The screens poll until the report is current.
 */
export type ReportFormat = 'csv' | 'xlsx';

/** What a report GET answered: the report, or (202) how its computation stands. */
export type ReportAnswer<T> = { ready: true; report: T } | { ready: false; status: ReportStatus };

export const reportKeys = {
  all: ['reports'] as const,
  course: (courseId: string) => ['reports', 'course', courseId] as const,
  courseLearners: (courseId: string, params: CourseLearnerParams) => ['reports', 'course', courseId, 'learners', params] as const,
  orgUnits: (year: number, unitId: string | undefined) => ['reports', 'org-units', year, unitId ?? 'all'] as const,
  programme: (period: string) => ['reports', 'programme', period] as const,
};

export const reportPaths = {
  course: (courseId: string) => `/reports/courses/${courseId}`,
  courseLearners: (courseId: string) => `/reports/courses/${courseId}/learners`,
  orgUnits: '/reports/org-units',
  programme: '/reports/programme',
};

/** Polling bounds: never hammer the api, never leave the user waiting long after the worker finished. */
const MIN_POLL_MS = 1_000;
const MAX_POLL_MS = 60_000;
/** A stale report: the api already waited for the worker, so look again a little later. */
export const STALE_RECHECK_MS = 15_000;

/**
 * The client returns the body of any 2xx; a 202's body is a report status, which (unlike every
 * report) has `retryAfter` and no `computedAt`.
 */
export function isReportStatus(body: unknown): body is ReportStatus {
  return typeof body === 'object' && body !== null && 'retryAfter' in body && 'status' in body && !('computedAt' in body);
}

export async function fetchReport<T>(path: string, query: Query | undefined, signal?: AbortSignal): Promise<ReportAnswer<T>> {
  const body = await api.get<T | ReportStatus>(path, query, { signal });
  return isReportStatus(body) ? { ready: false, status: body } : { ready: true, report: body as T };
}

/** When to ask again: after the server's Retry-After while computing, a while later when stale, else never. */
export function nextPoll(answer: ReportAnswer<{ stale: boolean }> | undefined): number | false {
  if (!answer) return false;
  if (!answer.ready) return Math.min(MAX_POLL_MS, Math.max(MIN_POLL_MS, answer.status.retryAfter * 1000));
  return answer.report.stale ? STALE_RECHECK_MS : false;
}

function useReport<T extends { stale: boolean }>(queryKey: readonly unknown[], path: string, query: Query | undefined, enabled: boolean) {
  return useQuery({
    queryKey,
    queryFn: ({ signal }) => fetchReport<T>(path, query, signal),
    enabled,
    refetchInterval: (q) => nextPoll(q.state.data),
  });
}

export function useCourseReport(courseId: string | undefined) {
  return useReport<CourseReport>(reportKeys.course(courseId ?? ''), reportPaths.course(courseId ?? ''), undefined, !!courseId);
}

/** The list's query as the screen sets it (the api fills in its defaults). */
export type CourseLearnerParams = Partial<CourseLearnerQuery>;

/**
 * Level 2 per learner: one page of the course's learners with their pre-test and post-test.
 * Computed on request (no snapshot), so a plain paged list; the previous page stays on screen
 * while the next one loads.
 */
export function useCourseLearners(courseId: string, params: CourseLearnerParams) {
  return useQuery({
    queryKey: reportKeys.courseLearners(courseId, params),
    queryFn: ({ signal }) => api.get<CourseLearnerPage>(reportPaths.courseLearners(courseId), { ...params }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOrgUnitReport(year: number | undefined, unitId: string | undefined) {
  return useReport<OrgUnitReport>(reportKeys.orgUnits(year ?? 0, unitId), reportPaths.orgUnits, { year, unitId }, !!year);
}

export function useProgrammeReport(period: string | undefined) {
  return useReport<ProgrammeReport>(reportKeys.programme(period ?? ''), reportPaths.programme, { period }, !!period);
}

/** The report's file is not ready yet (the download answered 202): try again shortly. */
export class ReportPendingError extends Error {
  constructor() {
    super('report pending');
    this.name = 'ReportPendingError';
  }
}

/** The report as CSV or XLSX, with the screen's query. A 202 carries the JSON status, not the file. */
export async function downloadReport(path: string, query: Query | undefined, format: ReportFormat, fallbackName: string): Promise<void> {
  const { blob, fileName } = await api.download(path, { ...query, format });
  if (blob.type.includes('json')) throw new ReportPendingError();
  saveBlob(blob, fileName ?? `${fallbackName}.${format}`);
}
