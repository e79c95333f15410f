import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Identity, people and organisation (issue: foundation). */
export class Foundation1764363600000 implements MigrationInterface {
  name = 'Foundation1764363600000';

  async up(q: QueryRunner): Promise<void> {
    // Substring search on names ("budi" finds "Ahmad Budiman") must not scan millions of rows.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE org_units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(50) NOT NULL,
        name varchar(200) NOT NULL,
        parent_id uuid REFERENCES org_units(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT org_units_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
      )`);
    await q.query(`CREATE UNIQUE INDEX org_units_code_key ON org_units (lower(code))`);
    await q.query(`CREATE INDEX org_units_parent_idx ON org_units (parent_id)`);
    await q.query(`CREATE INDEX org_units_name_trgm_idx ON org_units USING gin (lower(name) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE positions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        kind varchar(20) NOT NULL CHECK (kind IN ('jpt','administrator','pengawas','fungsional','pelaksana')),
        org_unit_id uuid REFERENCES org_units(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One name per unit; unit-less positions share the nil uuid so they are unique among themselves too.
    await q.query(`
      CREATE UNIQUE INDEX positions_name_unit_key
        ON positions (lower(name), coalesce(org_unit_id, '00000000-0000-0000-0000-000000000000'::uuid))`);
    await q.query(`CREATE INDEX positions_org_unit_idx ON positions (org_unit_id)`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nip varchar(18) NOT NULL CHECK (nip ~ '^[0-9]{18}$'),
        name varchar(200) NOT NULL,
        email varchar(200),
        phone varchar(30),
        golongan varchar(10),
        asn_type varchar(4) NOT NULL DEFAULT 'pns' CHECK (asn_type IN ('pns','pppk')),
        org_unit_id uuid NOT NULL REFERENCES org_units(id) ON DELETE RESTRICT,
        position_id uuid REFERENCES positions(id) ON DELETE RESTRICT,
        roles text[] NOT NULL DEFAULT '{learner}'
          CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['learner','author','admin']::text[]),
        active boolean NOT NULL DEFAULT true,
        password_hash text,
        has_password boolean GENERATED ALWAYS AS (password_hash IS NOT NULL) STORED,
        must_change_password boolean NOT NULL DEFAULT false,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_nip_key UNIQUE (nip)
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email)) WHERE email IS NOT NULL`);
    await q.query(`CREATE INDEX users_org_unit_idx ON users (org_unit_id)`);
    await q.query(`CREATE INDEX users_position_idx ON users (position_id)`);
    await q.query(`CREATE INDEX users_name_trgm_idx ON users USING gin (lower(name) gin_trgm_ops)`);
    await q.query(`CREATE INDEX users_nip_prefix_idx ON users (nip varchar_pattern_ops)`);
    await q.query(`CREATE INDEX users_email_trgm_idx ON users USING gin (lower(email) gin_trgm_ops)`);
    await q.query(`CREATE INDEX users_roles_idx ON users USING gin (roles)`);

    await q.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        user_agent varchar(300),
        ip varchar(64),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoke_reason varchar(30)
      )`);
    await q.query(`CREATE INDEX auth_sessions_user_idx ON auth_sessions (user_id)`);
    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES auth_sessions(id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT refresh_tokens_hash_key UNIQUE (token_hash)
      )`);
    await q.query(`CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id)`);

    await q.query(`
      CREATE TABLE user_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status varchar(20) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','completed','failed')),
        file_name varchar(255),
        content text NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        total int NOT NULL DEFAULT 0,
        processed int NOT NULL DEFAULT 0,
        created int NOT NULL DEFAULT 0,
        updated int NOT NULL DEFAULT 0,
        failed int NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX user_imports_unfinished_idx ON user_imports (created_at) WHERE status IN ('queued','running')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_imports`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE auth_sessions`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE positions`);
    await q.query(`DROP TABLE org_units`);
    // pg_trgm stays: other database objects may use it, and it is harmless.
  }
}
