import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certificates (issue 7): the instance's Ed25519 signing keys, templates with their per-year
 * number sequences, certificates (invariant 3: one per learner and course, enforced here),
 * batches with their items (the worker's to-do list, so a flushed Redis loses nothing), and
 * in-app notifications.
 */
export class Certificates1764406800000 implements MigrationInterface {
  name = 'Certificates1764406800000';

  async up(q: QueryRunner): Promise<void> {
    // Private keys are encrypted at rest (AES-256-GCM under CAKAP_KEY_SECRET); the public part
    // is published at /.well-known/cakap-keys.json. A retired key no longer signs but still verifies.
    await q.query(`
      CREATE TABLE signing_keys (
        id varchar(40) PRIMARY KEY,
        algorithm varchar(10) NOT NULL DEFAULT 'Ed25519' CHECK (algorithm = 'Ed25519'),
        public_key text NOT NULL,
        private_key_enc text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz
      )`);
    // One signing key at a time.
    await q.query(`CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys ((true)) WHERE retired_at IS NULL`);

    await q.query(`
      CREATE TABLE certificate_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        template_key varchar(64) NOT NULL,
        config jsonb NOT NULL DEFAULT '{}',
        number_pattern varchar(120) NOT NULL,
        logo_file_id uuid REFERENCES files(id) ON DELETE RESTRICT,
        is_default boolean NOT NULL DEFAULT false,
        archived_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT certificate_templates_default_not_archived CHECK (NOT (is_default AND archived_at IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX certificate_templates_name_key ON certificate_templates (lower(name))`);
    // Two templates with one pattern would print the same numbers.
    await q.query(`CREATE UNIQUE INDEX certificate_templates_pattern_key ON certificate_templates (number_pattern)`);
    await q.query(`CREATE UNIQUE INDEX certificate_templates_one_default ON certificate_templates ((true)) WHERE is_default`);

    // The gap-free per-year sequence: the row is locked by the issuing transaction, so a number
    // is used only if that transaction commits (a rollback gives it back).
    await q.query(`
      CREATE TABLE certificate_number_sequences (
        template_id uuid NOT NULL REFERENCES certificate_templates(id) ON DELETE CASCADE,
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        last_value int NOT NULL DEFAULT 0 CHECK (last_value >= 0),
        PRIMARY KEY (template_id, year)
      )`);

    // Automatic issuance on completion, per course.
    await q.query(`ALTER TABLE courses ADD COLUMN certificate_auto boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE courses ADD COLUMN certificate_template_id uuid REFERENCES certificate_templates(id) ON DELETE SET NULL`);

    await q.query(`
      CREATE TABLE certificate_batches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(10) NOT NULL DEFAULT 'manual' CHECK (kind IN ('manual','auto')),
        status varchar(20) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','completed','failed')),
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE RESTRICT,
        template_id uuid NOT NULL REFERENCES certificate_templates(id) ON DELETE RESTRICT,
        -- {orgUnitId, completedFrom, completedTo, listed}: what the admin asked for, shown back.
        criteria jsonb NOT NULL DEFAULT '{}',
        total int NOT NULL DEFAULT 0 CHECK (total >= 0),
        issued int NOT NULL DEFAULT 0 CHECK (issued >= 0),
        skipped int NOT NULL DEFAULT 0 CHECK (skipped >= 0),
        failed int NOT NULL DEFAULT 0 CHECK (failed >= 0),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX certificate_batches_unfinished_idx ON certificate_batches (created_at) WHERE status IN ('queued','running')`);
    await q.query(`CREATE INDEX certificate_batches_course_idx ON certificate_batches (course_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE certificates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE RESTRICT,
        enrollment_id uuid REFERENCES enrollments(id) ON DELETE RESTRICT,
        template_id uuid NOT NULL REFERENCES certificate_templates(id) ON DELETE RESTRICT,
        batch_id uuid REFERENCES certificate_batches(id) ON DELETE SET NULL,
        number varchar(120) NOT NULL,
        year int NOT NULL,
        seq int NOT NULL CHECK (seq >= 1),
        code varchar(20) NOT NULL,
        status varchar(20) NOT NULL DEFAULT 'valid' CHECK (status IN ('valid','revoked','replaced')),
        issued_at timestamptz NOT NULL DEFAULT now(),
        -- What was printed and what SIASN's course history needs (DOMAIN.md), frozen at issue.
        recipient jsonb NOT NULL,
        course_title varchar(300) NOT NULL,
        jp int NOT NULL CHECK (jp >= 0),
        development_form varchar(10) NOT NULL,
        organiser varchar(300) NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        -- The canonical signed payload, its Ed25519 signature (base64url) and the key that made it.
        payload text NOT NULL,
        signature text NOT NULL,
        key_id varchar(40) NOT NULL REFERENCES signing_keys(id) ON DELETE RESTRICT,
        -- Set once the worker has stored the PDF.
        storage_key varchar(512),
        pdf_sha256 char(64),
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users(id) ON DELETE SET NULL,
        revoke_reason text,
        replaced_by uuid,
        replaces uuid,
        CONSTRAINT certificates_number_key UNIQUE (number),
        CONSTRAINT certificates_code_key UNIQUE (code),
        CONSTRAINT certificates_sequence_key UNIQUE (template_id, year, seq),
        CONSTRAINT certificates_revoked_check CHECK ((revoked_at IS NOT NULL) = (status <> 'valid')),
        CONSTRAINT certificates_replaced_check CHECK ((status = 'replaced') = (replaced_by IS NOT NULL)),
        -- A reissue points both ways; deferred, because the two rows are written in one transaction.
        CONSTRAINT certificates_replaced_by_fk FOREIGN KEY (replaced_by) REFERENCES certificates(id) DEFERRABLE INITIALLY DEFERRED,
        CONSTRAINT certificates_replaces_fk FOREIGN KEY (replaces) REFERENCES certificates(id) DEFERRABLE INITIALLY DEFERRED
      )`);
    // Invariant 3: one certificate per learner and course. A reissued one stays on record as
    // replaced; the database refuses a second current one whatever the code does.
    await q.query(`CREATE UNIQUE INDEX certificates_one_per_learner_course ON certificates (user_id, course_id) WHERE status <> 'replaced'`);
    await q.query(`CREATE INDEX certificates_user_idx ON certificates (user_id, issued_at DESC)`);
    await q.query(`CREATE INDEX certificates_course_idx ON certificates (course_id, issued_at DESC)`);
    await q.query(`CREATE INDEX certificates_batch_idx ON certificates (batch_id)`);
    await q.query(`CREATE INDEX certificates_unstored_idx ON certificates (issued_at) WHERE storage_key IS NULL`);

    await q.query(`
      CREATE TABLE certificate_batch_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        batch_id uuid NOT NULL REFERENCES certificate_batches(id) ON DELETE CASCADE,
        nip varchar(18) NOT NULL,
        user_id uuid REFERENCES users(id) ON DELETE RESTRICT,
        enrollment_id uuid REFERENCES enrollments(id) ON DELETE RESTRICT,
        status varchar(20) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','issued','skipped','failed')),
        certificate_id uuid REFERENCES certificates(id) ON DELETE RESTRICT,
        -- Why it failed or was skipped: a message key and its parameters, translated when read.
        reason_code varchar(100),
        reason_params jsonb,
        attempts int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT certificate_batch_items_nip_key UNIQUE (batch_id, nip),
        -- An issued or skipped item names the learner's certificate (the new one, or the one they had).
        CONSTRAINT certificate_batch_items_certificate_check CHECK (status NOT IN ('issued','skipped') OR certificate_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX certificate_batch_items_pending_idx ON certificate_batch_items (batch_id, nip) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX certificate_batch_items_status_idx ON certificate_batch_items (batch_id, status)`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind varchar(60) NOT NULL,
        -- Message keys and parameters: rendered in the reader's language when read.
        params jsonb NOT NULL DEFAULT '{}',
        link varchar(300),
        -- Set for notifications that must exist at most once (e.g. 'certificate.issued:<id>').
        dedupe_key varchar(200),
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT notifications_dedupe_key UNIQUE (dedupe_key)
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE certificate_batch_items`);
    await q.query(`DROP TABLE certificates`);
    await q.query(`DROP TABLE certificate_batches`);
    await q.query(`ALTER TABLE courses DROP COLUMN certificate_template_id`);
    await q.query(`ALTER TABLE courses DROP COLUMN certificate_auto`);
    await q.query(`DROP TABLE certificate_number_sequences`);
    await q.query(`DROP TABLE certificate_templates`);
    await q.query(`DROP TABLE signing_keys`);
  }
}
