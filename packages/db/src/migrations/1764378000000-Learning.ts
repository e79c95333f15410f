import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Self-paced learning (issue 4): enrolments pinned to a published version (invariant 1),
 * per-block progress, the yearly JP ledger (invariant 8) and an outbox of domain events.
 * The database enforces what must happen at most once: one enrolment per learner and course,
 * one ledger line per enrolment (a course's JP is recorded once), one progress row per block.
 */
export class Learning1764378000000 implements MigrationInterface {
  name = 'Learning1764378000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE enrollments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        course_id uuid NOT NULL,
        version int NOT NULL,
        status varchar(20) NOT NULL DEFAULT 'active' CHECK (status IN ('active','completed')),
        enrolled_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        last_lesson_key varchar(64),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT enrollments_user_course_key UNIQUE (user_id, course_id),
        CONSTRAINT enrollments_version_fk FOREIGN KEY (course_id, version)
          REFERENCES course_versions (course_id, version) ON DELETE RESTRICT,
        CONSTRAINT enrollments_completed_at_check CHECK ((status = 'completed') = (completed_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX enrollments_user_idx ON enrollments (user_id, enrolled_at DESC)`);
    await q.query(`CREATE INDEX enrollments_course_idx ON enrollments (course_id, status)`);

    await q.query(`
      CREATE TABLE block_progress (
        enrollment_id uuid NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
        block_key varchar(64) NOT NULL,
        viewed_at timestamptz,
        max_fraction numeric(5,4) NOT NULL DEFAULT 0 CHECK (max_fraction >= 0 AND max_fraction <= 1),
        completed_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (enrollment_id, block_key)
      )`);

    await q.query(`
      CREATE TABLE learning_hours (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        source varchar(20) NOT NULL CHECK (source IN ('course','classical')),
        enrollment_id uuid REFERENCES enrollments(id) ON DELETE RESTRICT,
        course_id uuid REFERENCES courses(id) ON DELETE RESTRICT,
        title varchar(300) NOT NULL,
        jp int NOT NULL CHECK (jp >= 0),
        development_form varchar(10) NOT NULL,
        organiser varchar(300) NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        certificate_number varchar(100),
        evidence_file_id uuid REFERENCES files(id) ON DELETE SET NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- Invariant 8, exactly once: a course's JP is recorded at most once per enrolment.
        CONSTRAINT learning_hours_enrollment_key UNIQUE (enrollment_id),
        CONSTRAINT learning_hours_course_has_enrollment CHECK ((source = 'course') = (enrollment_id IS NOT NULL)),
        CONSTRAINT learning_hours_dates_check CHECK (end_date >= start_date)
      )`);
    await q.query(`CREATE INDEX learning_hours_user_year_idx ON learning_hours (user_id, year)`);

    // The outbox: written in the transaction of what happened, read by later issues
    // (certificates, the evaluation survey, competency evidence). Postgres is the source of truth.
    await q.query(`
      CREATE TABLE domain_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(60) NOT NULL,
        aggregate_id uuid NOT NULL,
        payload jsonb NOT NULL,
        -- Set for events that must exist at most once (e.g. 'enrollment.completed:<id>').
        dedupe_key varchar(200),
        created_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        CONSTRAINT domain_events_dedupe_key UNIQUE (dedupe_key)
      )`);
    await q.query(`CREATE INDEX domain_events_unprocessed_idx ON domain_events (created_at) WHERE processed_at IS NULL`);
    await q.query(`CREATE INDEX domain_events_aggregate_idx ON domain_events (aggregate_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE domain_events`);
    await q.query(`DROP TABLE learning_hours`);
    await q.query(`DROP TABLE block_progress`);
    await q.query(`DROP TABLE enrollments`);
  }
}
