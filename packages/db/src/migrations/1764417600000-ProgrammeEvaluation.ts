import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programme evaluation beyond level 1 (issue 8):
 * - level 3, the follow-up: each user's direct superior, a course's follow-up settings (absent =
 *   the defaults), one request per enrolment and respondent role, scheduled by the worker, and
 *   one response per request;
 * - per-consumer receipts of outbox events (the follow-up scheduler reads `enrollment.completed`,
 *   which the certificate consumer already marks with `processed_at`);
 * - report snapshots computed by the worker, one current row per report and scope;
 * - learning needs (AKPK): proposals, one vote per ASN (the count kept by a trigger, so sorting
 *   by votes needs no join), comments, and the admins' triage.
 */
export class ProgrammeEvaluation1764417600000 implements MigrationInterface {
  name = 'ProgrammeEvaluation1764417600000';

  async up(q: QueryRunner): Promise<void> {
    // ------------------------------------------------------------------ direct superior
    await q.query(`ALTER TABLE users ADD COLUMN supervisor_id uuid REFERENCES users(id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_supervisor_not_self CHECK (supervisor_id <> id)`);
    await q.query(`CREATE INDEX users_supervisor_idx ON users (supervisor_id) WHERE supervisor_id IS NOT NULL`);

    // ------------------------------------------------------------------ outbox receipts
    await q.query(`
      CREATE TABLE domain_event_receipts (
        consumer varchar(60) NOT NULL,
        event_id uuid NOT NULL REFERENCES domain_events(id) ON DELETE CASCADE,
        processed_at timestamptz NOT NULL DEFAULT now(),
        -- A consumer handles an event at most once.
        PRIMARY KEY (consumer, event_id)
      )`);
    await q.query(`CREATE INDEX domain_events_kind_idx ON domain_events (kind, created_at)`);

    // ------------------------------------------------------------------ level 3: follow-up
    await q.query(`
      CREATE TABLE course_follow_ups (
        course_id uuid PRIMARY KEY REFERENCES courses(id) ON DELETE CASCADE,
        enabled boolean NOT NULL DEFAULT true,
        weeks_after int NOT NULL DEFAULT 8 CHECK (weeks_after BETWEEN 1 AND 52),
        include_superior boolean NOT NULL DEFAULT true,
        reminder_days int NOT NULL DEFAULT 7 CHECK (reminder_days BETWEEN 1 AND 30),
        max_reminders int NOT NULL DEFAULT 2 CHECK (max_reminders BETWEEN 0 AND 5),
        -- null = the default questionnaire of @cakap/evaluation
        learner_questions jsonb CHECK (learner_questions IS NULL OR jsonb_typeof(learner_questions) = 'array'),
        superior_questions jsonb CHECK (superior_questions IS NULL OR jsonb_typeof(superior_questions) = 'array'),
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE follow_up_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrollment_id uuid NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        -- the learner the follow-up is about
        subject_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        -- who answers: the learner, or their direct superior at scheduling time
        respondent_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        respondent_role varchar(20) NOT NULL CHECK (respondent_role IN ('learner','superior')),
        due_at timestamptz NOT NULL,
        status varchar(20) NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','sent','answered','expired','cancelled')),
        sent_at timestamptz,
        reminders_sent int NOT NULL DEFAULT 0 CHECK (reminders_sent >= 0),
        last_reminded_at timestamptz,
        answered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- One follow-up per enrolment and respondent role, however often the scheduler runs.
        CONSTRAINT follow_up_requests_enrollment_role_key UNIQUE (enrollment_id, respondent_role),
        CONSTRAINT follow_up_requests_learner_is_subject CHECK ((respondent_role = 'learner') = (respondent_id = subject_id)),
        CONSTRAINT follow_up_requests_answered_check CHECK ((status = 'answered') = (answered_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX follow_up_requests_due_idx ON follow_up_requests (due_at) WHERE status IN ('scheduled','sent')`);
    await q.query(`CREATE INDEX follow_up_requests_respondent_idx ON follow_up_requests (respondent_id, status)`);
    await q.query(`CREATE INDEX follow_up_requests_course_idx ON follow_up_requests (course_id, respondent_role)`);
    await q.query(`
      CREATE TABLE follow_up_responses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES follow_up_requests(id) ON DELETE CASCADE,
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        respondent_role varchar(20) NOT NULL CHECK (respondent_role IN ('learner','superior')),
        questions jsonb NOT NULL,
        answers jsonb NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        -- One response per request (a second is refused by the database, not only the api).
        CONSTRAINT follow_up_responses_request_key UNIQUE (request_id)
      )`);
    await q.query(`CREATE INDEX follow_up_responses_course_idx ON follow_up_responses (course_id, respondent_role, submitted_at)`);

    // ------------------------------------------------------------------ reports
    await q.query(`
      CREATE TABLE report_snapshots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(30) NOT NULL CHECK (kind IN ('course','org-units','programme')),
        -- what the report covers, e.g. the course id, 'year=2026;unit=<id>|all', 'period=2026-Q4'
        scope varchar(200) NOT NULL,
        status varchar(20) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','ready','failed')),
        -- a cheap fingerprint of the source rows when the data was computed: unchanged = fresh
        source_stamp text,
        data jsonb,
        error text,
        requested_by uuid REFERENCES users(id) ON DELETE SET NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        computed_at timestamptz,
        -- One current snapshot per report and scope; recomputing replaces it.
        CONSTRAINT report_snapshots_kind_scope_key UNIQUE (kind, scope),
        CONSTRAINT report_snapshots_ready_check CHECK (status <> 'ready' OR (data IS NOT NULL AND computed_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX report_snapshots_unfinished_idx ON report_snapshots (requested_at) WHERE status IN ('queued','running')`);
    // The programme and unit reports select by period and year across every course.
    await q.query(`CREATE INDEX enrollments_enrolled_at_idx ON enrollments (enrolled_at)`);
    await q.query(`CREATE INDEX survey_responses_submitted_idx ON survey_responses (submitted_at)`);
    await q.query(`CREATE INDEX learning_hours_year_idx ON learning_hours (year)`);

    // ------------------------------------------------------------------ learning needs (AKPK)
    await q.query(`
      CREATE TABLE learning_needs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar(200) NOT NULL CHECK (length(btrim(title)) >= 5),
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 10 AND 4000),
        competency_id uuid REFERENCES competencies(id) ON DELETE SET NULL,
        preferred_form varchar(20) NOT NULL DEFAULT 'elearning'
          CHECK (preferred_form IN ('elearning','classical','blended','coaching','mentoring','workshop','internship','other')),
        proposer_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        -- the proposer's unit when proposed: the board filters and the plan groups by it
        org_unit_id uuid REFERENCES org_units(id) ON DELETE SET NULL,
        status varchar(20) NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed','accepted','planned','declined')),
        -- required for declined (the proposer sees it); an optional note otherwise
        decision_reason text CHECK (decision_reason IS NULL OR length(decision_reason) <= 2000),
        plan_kind varchar(20) CHECK (plan_kind IN ('course','classical')),
        planned_course_id uuid REFERENCES courses(id) ON DELETE SET NULL,
        planned_activity varchar(300),
        plan_year int CHECK (plan_year BETWEEN 2000 AND 2100),
        triaged_by uuid REFERENCES users(id) ON DELETE SET NULL,
        triaged_at timestamptz,
        votes int NOT NULL DEFAULT 0 CHECK (votes >= 0),
        comments int NOT NULL DEFAULT 0 CHECK (comments >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT learning_needs_declined_reason CHECK (status <> 'declined' OR length(btrim(coalesce(decision_reason, ''))) > 0),
        CONSTRAINT learning_needs_planned_check CHECK (
          status <> 'planned' OR (plan_year IS NOT NULL AND (
            (plan_kind = 'course' AND planned_course_id IS NOT NULL) OR
            (plan_kind = 'classical' AND length(btrim(coalesce(planned_activity, ''))) > 0))))
      )`);
    await q.query(`CREATE INDEX learning_needs_status_votes_idx ON learning_needs (status, votes DESC, created_at DESC)`);
    await q.query(`CREATE INDEX learning_needs_proposer_idx ON learning_needs (proposer_id)`);
    await q.query(`CREATE INDEX learning_needs_competency_idx ON learning_needs (competency_id) WHERE competency_id IS NOT NULL`);
    await q.query(`CREATE INDEX learning_needs_title_trgm_idx ON learning_needs USING gin (lower(title) gin_trgm_ops)`);
    await q.query(`
      CREATE TABLE learning_need_votes (
        need_id uuid NOT NULL REFERENCES learning_needs(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- One vote per ASN and need.
        PRIMARY KEY (need_id, user_id)
      )`);
    await q.query(`CREATE INDEX learning_need_votes_user_idx ON learning_need_votes (user_id)`);
    await q.query(`
      CREATE TABLE learning_need_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        need_id uuid NOT NULL REFERENCES learning_needs(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        body text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 2000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX learning_need_comments_need_idx ON learning_need_comments (need_id, created_at)`);
    // The counters follow the rows in the same transaction, whoever writes them.
    await q.query(`
      CREATE FUNCTION learning_need_counters() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        col text := CASE TG_TABLE_NAME WHEN 'learning_need_votes' THEN 'votes' ELSE 'comments' END;
        delta int := CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END;
        target uuid := CASE TG_OP WHEN 'INSERT' THEN NEW.need_id ELSE OLD.need_id END;
      BEGIN
        EXECUTE format('UPDATE learning_needs SET %I = %I + $1 WHERE id = $2', col, col) USING delta, target;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER learning_need_votes_count AFTER INSERT OR DELETE ON learning_need_votes FOR EACH ROW EXECUTE FUNCTION learning_need_counters()`);
    await q.query(`CREATE TRIGGER learning_need_comments_count AFTER INSERT OR DELETE ON learning_need_comments FOR EACH ROW EXECUTE FUNCTION learning_need_counters()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE learning_need_comments`);
    await q.query(`DROP TABLE learning_need_votes`);
    await q.query(`DROP FUNCTION learning_need_counters()`);
    await q.query(`DROP TABLE learning_needs`);
    await q.query(`DROP INDEX learning_hours_year_idx`);
    await q.query(`DROP INDEX survey_responses_submitted_idx`);
    await q.query(`DROP INDEX enrollments_enrolled_at_idx`);
    await q.query(`DROP TABLE report_snapshots`);
    await q.query(`DROP TABLE follow_up_responses`);
    await q.query(`DROP TABLE follow_up_requests`);
    await q.query(`DROP TABLE course_follow_ups`);
    await q.query(`DROP INDEX domain_events_kind_idx`);
    await q.query(`DROP TABLE domain_event_receipts`);
    await q.query(`DROP INDEX users_supervisor_idx`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_supervisor_not_self`);
    await q.query(`ALTER TABLE users DROP COLUMN supervisor_id`);
  }
}
