import type { Queryable } from '@cakap/db';
import { jakartaDate } from '@cakap/courses';
import type { ReportScope } from './scopes';

/**
 * A cheap fingerprint of the rows a report reads: counts, sums and latest timestamps, one
 * statement. A snapshot whose stamp equals the current one is fresh; any write the report
 * would see (a new enrolment, a completion, a graded attempt — an essay graded later changes the
 * graded count —, a survey or follow-up answer, a JP line, an achievement, a standard, a moved
 * or deactivated ASN) changes it. Users are fingerprinted by what the reports use (unit,
 * position, active), not `updated_at`, which every login touches; courses by their titles, not
 * `updated_at`, which every autosave of a draft touches.
 */
const COURSE = `
  SELECT concat_ws('|',
    (SELECT concat_ws(',', count(*), count(*) FILTER (WHERE status = 'completed'), max(enrolled_at), max(completed_at)) FROM enrollments WHERE course_id = $1),
    (SELECT concat_ws(',', count(*), max(submitted_at), sum(percent)) FROM quiz_attempts WHERE course_id = $1 AND status = 'graded'),
    (SELECT concat_ws(',', count(*), max(submitted_at)) FROM survey_responses WHERE course_id = $1),
    (SELECT concat_ws(',', updated_at) FROM course_surveys WHERE course_id = $1),
    (SELECT concat_ws(',', title) FROM courses WHERE id = $1),
    (SELECT concat_ws(',', count(*), count(*) FILTER (WHERE status IN ('sent','answered','expired')), count(*) FILTER (WHERE status = 'answered'))
       FROM follow_up_requests WHERE course_id = $1),
    (SELECT concat_ws(',', count(*), max(submitted_at)) FROM follow_up_responses WHERE course_id = $1),
    $2::text) AS stamp`;

const PEOPLE = `
    (SELECT concat_ws(',', count(*), sum(hashtext(concat_ws(',', id, org_unit_id, position_id, active)))) FROM users),
    (SELECT concat_ws(',', count(*), sum(hashtext(concat_ws(',', id, parent_id, code, name)))) FROM org_units)`;

const ORG_UNITS = `
  SELECT concat_ws('|', ${PEOPLE},
    (SELECT concat_ws(',', count(*), sum(jp), max(created_at)) FROM learning_hours WHERE year = $1),
    (SELECT concat_ws(',', count(*), sum(level), max(updated_at)) FROM competency_achievements),
    (SELECT concat_ws(',', count(*), sum(level), max(updated_at)) FROM position_competency_requirements),
    (SELECT concat_ws(',', count(*), sum(level), max(updated_at)) FROM competency_class_defaults),
    (SELECT concat_ws(',', count(*), max(updated_at)) FROM competency_frameworks),
    $2::text) AS stamp`;

const PROGRAMME = `
  SELECT concat_ws('|', ${PEOPLE},
    (SELECT concat_ws(',', count(*), count(*) FILTER (WHERE status = 'completed'), max(enrolled_at), max(completed_at)) FROM enrollments),
    (SELECT concat_ws(',', count(*), max(submitted_at), sum(percent)) FROM quiz_attempts WHERE status = 'graded'),
    (SELECT concat_ws(',', count(*), max(submitted_at)) FROM survey_responses),
    (SELECT concat_ws(',', count(*), count(*) FILTER (WHERE status IN ('sent','answered','expired')), count(*) FILTER (WHERE status = 'answered')) FROM follow_up_requests),
    (SELECT concat_ws(',', count(*), max(submitted_at)) FROM follow_up_responses),
    (SELECT concat_ws(',', count(*), sum(jp), max(created_at)) FROM learning_hours),
    (SELECT concat_ws(',', count(*), sum(hashtext(concat_ws(',', id, title)))) FROM courses),
    $1::text) AS stamp`;

/**
 * The stamp of a report's sources at `now`. Some figures depend on the date, not only on rows
 * ("active" = activity in the last 30 days; a running period's learning activity): those
 * stamps include the WIB date, so such a report is fresh for the rest of that day at most.
 */
export async function sourceStamp(db: Queryable, scope: ReportScope, now: Date): Promise<string> {
  const today = jakartaDate(now);
  let rows: { stamp: string }[];
  switch (scope.kind) {
    case 'course':
      rows = await db.query(COURSE, [scope.courseId, today]);
      break;
    case 'org-units':
      rows = await db.query(ORG_UNITS, [scope.year, scope.unitId ?? 'all']);
      break;
    case 'programme':
      rows = await db.query(PROGRAMME, [now < scope.period.end ? `${scope.period.key}@${today}` : scope.period.key]);
      break;
  }
  return rows[0].stamp;
}
