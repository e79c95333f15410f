import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The quiz engine (issue 5): banks → categories → questions, each edit a new immutable
 * question version; attempts pin the versions they drew, so editing a question never changes
 * an attempt already taken. The database enforces: one open attempt per learner and quiz
 * block, attempt numbers unique per block, one answer row per question of an attempt.
 */
export class Quiz1764392400000 implements MigrationInterface {
  name = 'Quiz1764392400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE question_banks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar(200) NOT NULL,
        description varchar(2000) NOT NULL DEFAULT '',
        owner_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await q.query(`CREATE INDEX question_banks_owner_idx ON question_banks (owner_id) WHERE deleted_at IS NULL`);

    await q.query(`
      CREATE TABLE question_categories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bank_id uuid NOT NULL REFERENCES question_banks(id) ON DELETE CASCADE,
        parent_id uuid REFERENCES question_categories(id) ON DELETE CASCADE,
        name varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One name per parent (case-insensitive); a root category has no parent, hence the COALESCE.
    await q.query(`
      CREATE UNIQUE INDEX question_categories_name_key ON question_categories
        (bank_id, COALESCE(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name))`);

    await q.query(`
      CREATE TABLE questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bank_id uuid NOT NULL REFERENCES question_banks(id) ON DELETE CASCADE,
        category_id uuid REFERENCES question_categories(id) ON DELETE SET NULL,
        type varchar(64) NOT NULL,
        current_version int NOT NULL DEFAULT 1 CHECK (current_version >= 1),
        points numeric(6,2) NOT NULL DEFAULT 1 CHECK (points > 0),
        tags text[] NOT NULL DEFAULT '{}',
        competency_tags text[] NOT NULL DEFAULT '{}',
        summary text NOT NULL DEFAULT '',
        search_text text NOT NULL DEFAULT '',
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await q.query(`CREATE INDEX questions_bank_idx ON questions (bank_id, category_id) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX questions_tags_idx ON questions USING gin (tags)`);

    await q.query(`
      CREATE TABLE question_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question_id uuid NOT NULL REFERENCES questions(id) ON DELETE RESTRICT,
        version int NOT NULL CHECK (version >= 1),
        type varchar(64) NOT NULL,
        points numeric(6,2) NOT NULL CHECK (points > 0),
        data jsonb NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT question_versions_question_version_key UNIQUE (question_id, version)
      )`);
    // A version an attempt may have drawn never changes (the same guard as course versions).
    await q.query(`
      CREATE FUNCTION question_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'question_versions rows are immutable (question %, version %)', OLD.question_id, OLD.version;
      END $$`);
    await q.query(`
      CREATE TRIGGER question_versions_immutable BEFORE UPDATE OR DELETE ON question_versions
        FOR EACH ROW EXECUTE FUNCTION question_versions_immutable()`);

    await q.query(`
      CREATE TABLE quiz_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrollment_id uuid NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        block_key varchar(64) NOT NULL,
        attempt_no int NOT NULL CHECK (attempt_no >= 1),
        role varchar(20) NOT NULL CHECK (role IN ('pretest','posttest','graded')),
        status varchar(20) NOT NULL DEFAULT 'open' CHECK (status IN ('open','needs_grading','graded')),
        seed int NOT NULL,
        -- [{ slot, questionId, versionId, points }] in the attempt's order: fixed at start.
        items jsonb NOT NULL,
        pass_percent int NOT NULL CHECK (pass_percent BETWEEN 0 AND 100),
        review_policy varchar(20) NOT NULL CHECK (review_policy IN ('after_submit','after_pass','never')),
        started_at timestamptz NOT NULL DEFAULT now(),
        deadline_at timestamptz,
        submitted_at timestamptz,
        submitted_by varchar(20) CHECK (submitted_by IN ('learner','deadline')),
        score numeric(8,2),
        max_score numeric(8,2),
        percent numeric(5,2),
        passed boolean,
        CONSTRAINT quiz_attempts_number_key UNIQUE (enrollment_id, block_key, attempt_no),
        CONSTRAINT quiz_attempts_submitted_check CHECK ((status = 'open') = (submitted_at IS NULL))
      )`);
    // Invariant of the engine: one open attempt per learner and quiz, whatever two tabs do.
    await q.query(`CREATE UNIQUE INDEX quiz_attempts_one_open_key ON quiz_attempts (enrollment_id, block_key) WHERE status = 'open'`);
    await q.query(`CREATE INDEX quiz_attempts_deadline_idx ON quiz_attempts (deadline_at) WHERE status = 'open' AND deadline_at IS NOT NULL`);
    await q.query(`CREATE INDEX quiz_attempts_course_idx ON quiz_attempts (course_id, block_key, status)`);
    await q.query(`CREATE INDEX quiz_attempts_user_idx ON quiz_attempts (user_id)`);

    await q.query(`
      CREATE TABLE attempt_answers (
        attempt_id uuid NOT NULL REFERENCES quiz_attempts(id) ON DELETE CASCADE,
        slot int NOT NULL CHECK (slot >= 0),
        answer jsonb,
        flagged boolean NOT NULL DEFAULT false,
        saved_at timestamptz NOT NULL DEFAULT now(),
        score numeric(8,2),
        max_score numeric(8,2),
        needs_grading boolean NOT NULL DEFAULT false,
        feedback text,
        comment text,
        graded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        graded_at timestamptz,
        PRIMARY KEY (attempt_id, slot)
      )`);
    await q.query(`CREATE INDEX attempt_answers_pending_idx ON attempt_answers (attempt_id) WHERE needs_grading`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attempt_answers`);
    await q.query(`DROP TABLE quiz_attempts`);
    await q.query(`DROP TRIGGER question_versions_immutable ON question_versions`);
    await q.query(`DROP TABLE question_versions`);
    await q.query(`DROP FUNCTION question_versions_immutable()`);
    await q.query(`DROP TABLE questions`);
    await q.query(`DROP TABLE question_categories`);
    await q.query(`DROP TABLE question_banks`);
  }
}
