import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mandatory training (issue 4): a published course assigned to a unit (with or without its
 * sub-units), a position or listed users, with a due date. Exactly one target per row,
 * enforced by the database; learners are resolved at read time, never copied.
 */
export class CourseAssignments1764385200000 implements MigrationInterface {
  name = 'CourseAssignments1764385200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE course_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE RESTRICT,
        target_kind varchar(20) NOT NULL CHECK (target_kind IN ('org_unit','position','users')),
        org_unit_id uuid REFERENCES org_units(id) ON DELETE RESTRICT,
        include_sub_units boolean NOT NULL DEFAULT false,
        position_id uuid REFERENCES positions(id) ON DELETE RESTRICT,
        user_ids uuid[],
        due_at date NOT NULL,
        note varchar(1000),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz,
        CONSTRAINT course_assignments_target_check CHECK (
          (target_kind = 'org_unit' AND org_unit_id IS NOT NULL AND position_id IS NULL AND user_ids IS NULL) OR
          (target_kind = 'position' AND position_id IS NOT NULL AND org_unit_id IS NULL AND user_ids IS NULL) OR
          (target_kind = 'users' AND user_ids IS NOT NULL AND cardinality(user_ids) > 0 AND org_unit_id IS NULL AND position_id IS NULL)
        )
      )`);
    await q.query(`CREATE INDEX course_assignments_active_idx ON course_assignments (due_at) WHERE cancelled_at IS NULL`);
    await q.query(`CREATE INDEX course_assignments_created_idx ON course_assignments (created_at DESC)`);
    await q.query(`CREATE INDEX course_assignments_user_ids_idx ON course_assignments USING gin (user_ids)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE course_assignments`);
  }
}
