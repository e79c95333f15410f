import { Injectable } from '@nestjs/common';
import type { Assignment, AssignmentTargetKind, MyAssignment } from '@cakap/contracts';
import { DataSource } from 'typeorm';
import { rowsOf } from '../common/sql';

type Counts = Assignment['counts'];

/** The published title and JP of a course: its live version's metadata. */
const COURSE_TITLE = `coalesce(cv.snapshot->'meta'->>'title', c.title)`;
const COURSE_JOIN = `JOIN courses c ON c.id = ca.course_id
  LEFT JOIN course_versions cv ON cv.course_id = c.id AND cv.version = c.published_version`;

const COLUMNS = `ca.id, ca.course_id AS "courseId", ${COURSE_TITLE} AS "courseTitle", ca.target_kind AS "targetKind",
  ca.org_unit_id AS "orgUnitId", ca.include_sub_units AS "includeSubUnits", ca.position_id AS "positionId",
  ca.user_ids AS "userIds", coalesce(ou.name, p.name) AS "targetLabel", to_char(ca.due_at, 'YYYY-MM-DD') AS "dueAt",
  ca.note, ca.created_at AS "createdAt", ca.cancelled_at AS "cancelledAt"`;

/**
 * Every (assignment, learner) pair of the given assignments, resolved from the learners'
 * current unit, position and id: a unit's subtree through a recursive CTE. Active users only.
 */
const TARGETS = `
  sub(assignment_id, unit_id) AS (
      SELECT id, org_unit_id FROM course_assignments WHERE id = ANY($1::uuid[]) AND target_kind = 'org_unit'
    UNION
      SELECT s.assignment_id, o.id
        FROM sub s
        JOIN course_assignments a ON a.id = s.assignment_id AND a.include_sub_units
        JOIN org_units o ON o.parent_id = s.unit_id
  ),
  targets(assignment_id, user_id) AS (
      SELECT s.assignment_id, u.id FROM sub s JOIN users u ON u.org_unit_id = s.unit_id AND u.active
    UNION
      SELECT a.id, u.id FROM course_assignments a JOIN users u ON u.position_id = a.position_id AND u.active
       WHERE a.id = ANY($1::uuid[]) AND a.target_kind = 'position'
    UNION
      SELECT a.id, u.id FROM course_assignments a JOIN users u ON u.id = ANY(a.user_ids) AND u.active
       WHERE a.id = ANY($1::uuid[]) AND a.target_kind = 'users'
  )`;

export interface NewAssignment {
  courseId: string;
  targetKind: AssignmentTargetKind;
  orgUnitId: string | null;
  includeSubUnits: boolean;
  positionId: string | null;
  userIds: string[] | null;
  dueAt: string;
  note: string | null;
}

export type AssignmentRow = Omit<Assignment, 'counts' | 'createdAt' | 'cancelledAt'> & { createdAt: Date; cancelledAt: Date | null };

/** Data access for course assignments. No rules here. */
@Injectable()
export class AssignmentsRepository {
  constructor(private readonly ds: DataSource) {}

  /** The course if it can be assigned: a live published version, not archived. */
  async assignableCourse(id: string): Promise<boolean> {
    const rows = await this.ds.query(`SELECT 1 FROM courses WHERE id = $1 AND published_version IS NOT NULL AND status <> 'archived'`, [id]);
    return rows.length > 0;
  }

  async orgUnitExists(id: string): Promise<boolean> {
    return (await this.ds.query(`SELECT 1 FROM org_units WHERE id = $1`, [id])).length > 0;
  }

  async positionExists(id: string): Promise<boolean> {
    return (await this.ds.query(`SELECT 1 FROM positions WHERE id = $1`, [id])).length > 0;
  }

  async countUsers(ids: string[]): Promise<number> {
    const [row] = await this.ds.query(`SELECT count(*)::int AS n FROM users WHERE id = ANY($1::uuid[])`, [ids]);
    return row.n;
  }

  async insert(a: NewAssignment, createdBy: string): Promise<string> {
    const [row] = await this.ds.query(
      `INSERT INTO course_assignments (course_id, target_kind, org_unit_id, include_sub_units, position_id, user_ids, due_at, note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [a.courseId, a.targetKind, a.orgUnitId, a.includeSubUnits, a.positionId, a.userIds, a.dueAt, a.note, createdBy],
    );
    return row.id;
  }

  /** Sets cancelled_at once; answers whether the assignment exists. */
  async cancel(id: string): Promise<boolean> {
    const rows = rowsOf<{ id: string }>(
      await this.ds.query(`UPDATE course_assignments SET cancelled_at = coalesce(cancelled_at, now()) WHERE id = $1 RETURNING id`, [id]),
    );
    return rows.length > 0;
  }

  async list(includeCancelled: boolean, page: number, pageSize: number): Promise<{ rows: AssignmentRow[]; total: number }> {
    const where = includeCancelled ? '' : 'WHERE ca.cancelled_at IS NULL';
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM course_assignments ca ${where}`);
    const rows: AssignmentRow[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM course_assignments ca ${COURSE_JOIN}
         LEFT JOIN org_units ou ON ou.id = ca.org_unit_id
         LEFT JOIN positions p ON p.id = ca.position_id
       ${where}
       ORDER BY ca.cancelled_at IS NOT NULL, ca.created_at DESC, ca.id
       LIMIT $1 OFFSET $2`,
      [pageSize, (page - 1) * pageSize],
    );
    return { rows, total: n };
  }

  async get(id: string): Promise<AssignmentRow | null> {
    const [row] = await this.ds.query(
      `SELECT ${COLUMNS} FROM course_assignments ca ${COURSE_JOIN}
         LEFT JOIN org_units ou ON ou.id = ca.org_unit_id
         LEFT JOIN positions p ON p.id = ca.position_id
       WHERE ca.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** Assigned / enrolled / completed / overdue learners of each assignment, `today` being a date in WIB. */
  async counts(ids: string[], today: string): Promise<Map<string, Counts>> {
    if (!ids.length) return new Map();
    const rows: ({ id: string } & Counts)[] = await this.ds.query(
      `WITH RECURSIVE ${TARGETS}
       SELECT t.assignment_id AS id,
              count(*)::int AS assigned,
              count(e.id)::int AS enrolled,
              count(*) FILTER (WHERE e.status = 'completed')::int AS completed,
              count(*) FILTER (WHERE e.status IS DISTINCT FROM 'completed' AND ca.due_at < $2::date)::int AS overdue
         FROM targets t
         JOIN course_assignments ca ON ca.id = t.assignment_id
         LEFT JOIN enrollments e ON e.user_id = t.user_id AND e.course_id = ca.course_id
        GROUP BY t.assignment_id`,
      [ids, today],
    );
    return new Map(rows.map(({ id, ...c }) => [id, c]));
  }

  /** The ids of the learners an assignment reaches now (tests and diagnostics). */
  async learnerIds(id: string): Promise<string[]> {
    const rows: { user_id: string }[] = await this.ds.query(`WITH RECURSIVE ${TARGETS} SELECT user_id FROM targets ORDER BY user_id`, [[id]]);
    return rows.map((r) => r.user_id);
  }

  /**
   * The active assignments that reach a learner through their current unit (or an ancestor
   * assigned with its sub-units), position or id: one per course (the earliest due date wins),
   * with the learner's enrolment, sorted by due date.
   */
  async forLearner(userId: string, today: string): Promise<MyAssignment[]> {
    return this.ds.query(
      `WITH RECURSIVE me AS (SELECT id, org_unit_id, position_id FROM users WHERE id = $1),
       up(unit_id, depth) AS (
           SELECT org_unit_id, 0 FROM me
         UNION ALL
           SELECT o.parent_id, up.depth + 1 FROM up JOIN org_units o ON o.id = up.unit_id
            WHERE o.parent_id IS NOT NULL AND up.depth < 50
       ),
       mine AS (
         SELECT DISTINCT ON (ca.course_id) ca.id, ca.course_id, ca.due_at, ca.note
           FROM course_assignments ca, me
          WHERE ca.cancelled_at IS NULL
            AND ((ca.target_kind = 'org_unit' AND (ca.org_unit_id = me.org_unit_id
                   OR (ca.include_sub_units AND ca.org_unit_id IN (SELECT unit_id FROM up))))
              OR (ca.target_kind = 'position' AND ca.position_id = me.position_id)
              OR (ca.target_kind = 'users' AND me.id = ANY(ca.user_ids)))
          ORDER BY ca.course_id, ca.due_at, ca.created_at
       )
       SELECT m.id AS "assignmentId", m.course_id AS "courseId", ${COURSE_TITLE} AS title,
              coalesce((cv.snapshot->'meta'->>'jp')::int, c.jp) AS jp, to_char(m.due_at, 'YYYY-MM-DD') AS "dueAt",
              (m.due_at < $2::date AND e.status IS DISTINCT FROM 'completed') AS overdue, m.note,
              CASE WHEN e.id IS NULL THEN NULL ELSE json_build_object('id', e.id, 'status', e.status, 'percent',
                CASE WHEN e.status = 'completed' THEN 100 ELSE coalesce((
                  SELECT floor(100.0 * count(*) FILTER (WHERE bp.completed_at IS NOT NULL) / nullif(tb.total, 0))::int
                    FROM block_progress bp WHERE bp.enrollment_id = e.id), 0) END) END AS enrollment
         FROM mine m
         JOIN courses c ON c.id = m.course_id
         LEFT JOIN course_versions cv ON cv.course_id = c.id AND cv.version = c.published_version
         LEFT JOIN enrollments e ON e.user_id = $1 AND e.course_id = m.course_id
         LEFT JOIN course_versions ev ON ev.course_id = e.course_id AND ev.version = e.version
         LEFT JOIN LATERAL (
           SELECT count(*)::int AS total
             FROM jsonb_array_elements(coalesce(ev.snapshot->'content'->'modules', '[]'::jsonb)) mo,
                  jsonb_array_elements(mo->'lessons') le,
                  jsonb_array_elements(le->'blocks') b
         ) tb ON true
        WHERE c.status <> 'archived'
        ORDER BY m.due_at, title`,
      [userId, today],
    );
  }
}
