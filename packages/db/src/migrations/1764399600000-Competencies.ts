import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Competencies (issue 6): frameworks (SKJ manajerial/sosial kultural, teknis) as trees of
 * competencies with proficiency levels; position standards (own levels over class defaults);
 * course targets (draft, and frozen per published version); append-only evidence and the
 * achieved level derived from it.
 */
export class Competencies1764399600000 implements MigrationInterface {
  name = 'Competencies1764399600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE competency_frameworks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- The CASE CFDocument identifier, kept through export and import: one framework per document.
        identifier uuid NOT NULL,
        name varchar(200) NOT NULL,
        description text NOT NULL DEFAULT '',
        publisher varchar(200) NOT NULL DEFAULT '',
        version varchar(20) NOT NULL DEFAULT '1',
        status varchar(20) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published','retired')),
        scale_max int NOT NULL DEFAULT 5 CHECK (scale_max BETWEEN 1 AND 10),
        language varchar(2) NOT NULL DEFAULT 'id' CHECK (language IN ('id','en')),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        retired_at timestamptz,
        CONSTRAINT competency_frameworks_identifier_key UNIQUE (identifier)
      )`);
    await q.query(`CREATE UNIQUE INDEX competency_frameworks_name_version_key ON competency_frameworks (lower(name), lower(version))`);

    await q.query(`
      CREATE TABLE competencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        framework_id uuid NOT NULL REFERENCES competency_frameworks(id) ON DELETE CASCADE,
        -- The CASE CFItem identifier, kept through export and import.
        identifier uuid NOT NULL,
        parent_id uuid,
        code varchar(30) NOT NULL,
        name varchar(200) NOT NULL,
        kind varchar(20) NOT NULL CHECK (kind IN ('manajerial','sosial_kultural','teknis')),
        definition text NOT NULL DEFAULT '',
        -- [{level, description, indicators[]}], numbered 1..n (validated by the contracts).
        levels jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(levels) = 'array'),
        max_level int GENERATED ALWAYS AS (jsonb_array_length(levels)) STORED,
        position int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT competencies_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id),
        CONSTRAINT competencies_framework_id_key UNIQUE (framework_id, id),
        CONSTRAINT competencies_framework_identifier_key UNIQUE (framework_id, identifier),
        -- A parent is always in the same framework: the database refuses a cross-framework tree.
        CONSTRAINT competencies_parent_fk FOREIGN KEY (framework_id, parent_id) REFERENCES competencies (framework_id, id) ON DELETE RESTRICT
      )`);
    await q.query(`CREATE UNIQUE INDEX competencies_framework_code_key ON competencies (framework_id, lower(code))`);
    await q.query(`CREATE INDEX competencies_parent_idx ON competencies (parent_id)`);
    await q.query(`CREATE INDEX competencies_search_trgm_idx ON competencies USING gin (lower(code || ' ' || name) gin_trgm_ops)`);

    // A position's own levels; level 0 says "not required here" over its class default.
    await q.query(`
      CREATE TABLE position_competency_requirements (
        position_id uuid NOT NULL REFERENCES positions(id) ON DELETE CASCADE,
        competency_id uuid NOT NULL REFERENCES competencies(id) ON DELETE RESTRICT,
        level int NOT NULL CHECK (level BETWEEN 0 AND 10),
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (position_id, competency_id)
      )`);
    await q.query(`CREATE INDEX position_competency_requirements_competency_idx ON position_competency_requirements (competency_id)`);

    // Default levels by position class (DOMAIN.md: Pelaksana 1, Pengawas 2, Administrator 3, JPT 4).
    await q.query(`
      CREATE TABLE competency_class_defaults (
        position_kind varchar(20) NOT NULL CHECK (position_kind IN ('jpt','administrator','pengawas','fungsional','pelaksana')),
        competency_id uuid NOT NULL REFERENCES competencies(id) ON DELETE RESTRICT,
        level int NOT NULL CHECK (level BETWEEN 0 AND 10),
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (position_kind, competency_id)
      )`);

    // What every position requires, with where the level comes from. Only published frameworks count.
    await q.query(`
      CREATE VIEW effective_position_requirements AS
      SELECT r.position_id, r.competency_id, r.level, r.source
        FROM (
          SELECT o.position_id, o.competency_id, o.level, 'position'::text AS source
            FROM position_competency_requirements o
          UNION ALL
          SELECT p.id, d.competency_id, d.level, 'class'::text
            FROM positions p
            JOIN competency_class_defaults d ON d.position_kind = p.kind
           WHERE NOT EXISTS (SELECT 1 FROM position_competency_requirements o
                              WHERE o.position_id = p.id AND o.competency_id = d.competency_id)
        ) r
        JOIN competencies c ON c.id = r.competency_id
        JOIN competency_frameworks f ON f.id = c.framework_id AND f.status = 'published'
       WHERE r.level > 0`);

    // The draft's targets; publishing copies them into course_version_competencies.
    await q.query(`
      CREATE TABLE course_competency_targets (
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        competency_id uuid NOT NULL REFERENCES competencies(id) ON DELETE RESTRICT,
        level int NOT NULL CHECK (level BETWEEN 1 AND 10),
        PRIMARY KEY (course_id, competency_id)
      )`);
    await q.query(`
      CREATE TABLE course_version_competencies (
        course_id uuid NOT NULL,
        version int NOT NULL,
        competency_id uuid NOT NULL REFERENCES competencies(id) ON DELETE RESTRICT,
        level int NOT NULL CHECK (level BETWEEN 1 AND 10),
        PRIMARY KEY (course_id, version, competency_id),
        CONSTRAINT course_version_competencies_version_fk FOREIGN KEY (course_id, version)
          REFERENCES course_versions (course_id, version) ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX course_version_competencies_competency_idx ON course_version_competencies (competency_id, level)`);

    // Evidence is kept, never overwritten: the profile is derived from it.
    await q.query(`
      CREATE TABLE competency_evidence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        competency_id uuid NOT NULL REFERENCES competencies(id) ON DELETE RESTRICT,
        level int NOT NULL CHECK (level BETWEEN 1 AND 10),
        source varchar(20) NOT NULL CHECK (source IN ('course','assessment','training','other')),
        title varchar(300) NOT NULL,
        note text NOT NULL DEFAULT '',
        occurred_on date NOT NULL,
        enrollment_id uuid REFERENCES enrollments(id) ON DELETE RESTRICT,
        course_id uuid REFERENCES courses(id) ON DELETE RESTRICT,
        course_version int,
        file_id uuid REFERENCES files(id) ON DELETE RESTRICT,
        recorded_by uuid REFERENCES users(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT competency_evidence_course_check CHECK ((source = 'course') = (enrollment_id IS NOT NULL)),
        -- A completed enrolment is evidence for each of its targets exactly once.
        CONSTRAINT competency_evidence_enrollment_key UNIQUE (enrollment_id, competency_id)
      )`);
    await q.query(`CREATE INDEX competency_evidence_user_idx ON competency_evidence (user_id, competency_id, occurred_on)`);
    await q.query(`
      CREATE FUNCTION competency_evidence_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'competency_evidence is append-only: evidence % cannot be changed or removed', OLD.id
          USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await q.query(`
      CREATE TRIGGER competency_evidence_append_only BEFORE UPDATE OR DELETE ON competency_evidence
        FOR EACH ROW EXECUTE FUNCTION competency_evidence_append_only()`);

    // The achieved level per learner and competency, derived from the evidence by
    // @cakap/competencies (achievedLevel) whenever evidence is added: a cache that reports can join.
    await q.query(`
      CREATE TABLE competency_achievements (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        competency_id uuid NOT NULL REFERENCES competencies(id) ON DELETE CASCADE,
        level int NOT NULL CHECK (level BETWEEN 0 AND 10),
        evidence_count int NOT NULL CHECK (evidence_count >= 1),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, competency_id)
      )`);
    await q.query(`CREATE INDEX competency_achievements_competency_idx ON competency_achievements (competency_id, level)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE competency_achievements`);
    await q.query(`DROP TABLE competency_evidence`);
    await q.query(`DROP FUNCTION competency_evidence_append_only`);
    await q.query(`DROP TABLE course_version_competencies`);
    await q.query(`DROP TABLE course_competency_targets`);
    await q.query(`DROP VIEW effective_position_requirements`);
    await q.query(`DROP TABLE competency_class_defaults`);
    await q.query(`DROP TABLE position_competency_requirements`);
    await q.query(`DROP TABLE competencies`);
    await q.query(`DROP TABLE competency_frameworks`);
  }
}
