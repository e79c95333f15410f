import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Course authoring (issue 3): uploaded files, courses with their draft content, authors,
 * the immutable published versions (invariant 1, enforced here by a trigger) and the
 * workflow's event log.
 */
export class Courses1764370800000 implements MigrationInterface {
  name = 'Courses1764370800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE courses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        title varchar(200) NOT NULL,
        summary text NOT NULL DEFAULT '',
        jp int NOT NULL DEFAULT 0 CHECK (jp >= 0),
        category varchar(100),
        cover_file_id uuid,
        duration_minutes int CHECK (duration_minutes IS NULL OR duration_minutes >= 0),
        language varchar(2) NOT NULL DEFAULT 'id' CHECK (language IN ('id','en')),
        development_form varchar(10) NOT NULL DEFAULT 'NKL03',
        tags text[] NOT NULL DEFAULT '{}',
        status varchar(20) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','in_review','published','archived')),
        content jsonb NOT NULL DEFAULT '{"modules":[]}',
        revision int NOT NULL DEFAULT 0 CHECK (revision >= 0),
        review_comment text,
        published_version int,
        published_revision int,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX courses_owner_idx ON courses (owner_id)`);
    await q.query(`CREATE INDEX courses_status_idx ON courses (status, updated_at DESC)`);
    await q.query(`CREATE INDEX courses_title_trgm_idx ON courses USING gin (lower(title) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        course_id uuid REFERENCES courses(id) ON DELETE SET NULL,
        kind varchar(10) NOT NULL CHECK (kind IN ('image','video','document')),
        file_name varchar(255) NOT NULL,
        mime_type varchar(100) NOT NULL,
        size bigint NOT NULL CHECK (size >= 0),
        sha256 char(64) NOT NULL,
        storage_key varchar(512) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT files_storage_key_key UNIQUE (storage_key)
      )`);
    await q.query(`CREATE INDEX files_owner_idx ON files (owner_id)`);
    await q.query(`CREATE INDEX files_course_idx ON files (course_id)`);
    await q.query(`ALTER TABLE courses ADD CONSTRAINT courses_cover_file_fk FOREIGN KEY (cover_file_id) REFERENCES files(id) ON DELETE SET NULL`);

    await q.query(`
      CREATE TABLE course_authors (
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role varchar(10) NOT NULL CHECK (role IN ('owner','coauthor')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (course_id, user_id)
      )`);
    await q.query(`CREATE INDEX course_authors_user_idx ON course_authors (user_id)`);
    // One owner per course.
    await q.query(`CREATE UNIQUE INDEX course_authors_one_owner ON course_authors (course_id) WHERE role = 'owner'`);

    await q.query(`
      CREATE TABLE course_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE RESTRICT,
        version int NOT NULL CHECK (version >= 1),
        snapshot jsonb NOT NULL,
        hash char(64) NOT NULL,
        published_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        published_at timestamptz NOT NULL,
        comment text,
        title varchar(200) NOT NULL,
        category varchar(100),
        language varchar(2) NOT NULL,
        jp int NOT NULL,
        module_count int NOT NULL,
        lesson_count int NOT NULL,
        search_text text NOT NULL,
        CONSTRAINT course_versions_course_version_key UNIQUE (course_id, version)
      )`);
    await q.query(`CREATE INDEX course_versions_search_trgm_idx ON course_versions USING gin (search_text gin_trgm_ops)`);
    // Invariant 1: a published version never changes. Not only the code: the database refuses.
    await q.query(`
      CREATE FUNCTION course_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'course_versions are immutable: version % of course % cannot be changed or removed (invariant 1)',
          OLD.version, OLD.course_id USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await q.query(`
      CREATE TRIGGER course_versions_no_update_delete BEFORE UPDATE OR DELETE ON course_versions
        FOR EACH ROW EXECUTE FUNCTION course_versions_immutable()`);
    // TRUNCATE stays possible on purpose: it is an operator's act on a whole table (test
    // resets truncate users CASCADE), not a change to a version, and needs table ownership.
    // The catalog: published (a live version), not archived, newest first.
    await q.query(`
      CREATE INDEX courses_catalog_idx ON courses (updated_at DESC)
        WHERE published_version IS NOT NULL AND status <> 'archived'`);

    await q.query(`
      CREATE TABLE course_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        actor_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        kind varchar(30) NOT NULL
          CHECK (kind IN ('created','submitted','withdrawn','approved','rejected','archived','restored','coauthor_added','coauthor_removed')),
        comment text,
        version int,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX course_events_course_idx ON course_events (course_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE course_events`);
    await q.query(`DROP TABLE course_versions`);
    await q.query(`DROP FUNCTION course_versions_immutable()`);
    await q.query(`DROP TABLE course_authors`);
    await q.query(`ALTER TABLE courses DROP CONSTRAINT courses_cover_file_fk`);
    await q.query(`DROP TABLE files`);
    await q.query(`DROP TABLE courses`);
  }
}
