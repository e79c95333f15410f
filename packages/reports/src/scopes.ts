import type { ReportKind } from '@cakap/contracts';
import { parsePeriod, type Period } from '@cakap/evaluation';

/**
 * What a report covers, and its key in `report_snapshots.scope` (unique with the kind):
 * course → the course id; org units → `year=2026;unit=all|<unit id>`; programme →
 * `period=2026-Q4`. The key is built and read only here.
 */
export type ReportScope =
  | { kind: 'course'; courseId: string }
  | { kind: 'org-units'; year: number; unitId: string | null }
  | { kind: 'programme'; period: Period };

export function scopeKey(s: ReportScope): string {
  switch (s.kind) {
    case 'course':
      return s.courseId;
    case 'org-units':
      return `year=${s.year};unit=${s.unitId ?? 'all'}`;
    case 'programme':
      return `period=${s.period.key}`;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ORG_UNITS = /^year=(\d{4});unit=(all|[0-9a-f-]{36})$/i;
const PROGRAMME = /^period=(.+)$/;

/** The scope a stored key stands for; throws on a key no request could have made. */
export function parseScope(kind: ReportKind, key: string): ReportScope {
  if (kind === 'course' && UUID.test(key)) return { kind, courseId: key };
  const units = kind === 'org-units' ? ORG_UNITS.exec(key) : null;
  if (units && (units[2] === 'all' || UUID.test(units[2]))) return { kind: 'org-units', year: Number(units[1]), unitId: units[2] === 'all' ? null : units[2] };
  const period = kind === 'programme' ? parsePeriod(PROGRAMME.exec(key)?.[1] ?? '') : null;
  if (period) return { kind: 'programme', period };
  throw new Error(`not a ${kind} report scope: ${key}`);
}

/** The portal screen that shows the report (the link of the "report ready" notification). */
export function reportLink(s: ReportScope): string {
  switch (s.kind) {
    case 'course':
      return `/admin/laporan/kursus/${s.courseId}`;
    case 'org-units':
      return `/admin/laporan/unit?year=${s.year}${s.unitId ? `&unitId=${s.unitId}` : ''}`;
    case 'programme':
      return `/admin/laporan/program?period=${s.period.key}`;
  }
}
