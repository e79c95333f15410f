import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programme evaluation, level 1 (issue 8): a course's post-course survey (absent = the default
 * questionnaire) and the responses, one per enrolment. A response keeps the questions it
 * answered, so adapting the survey later never changes what an earlier answer meant. Reports
 * read responses without the enrolment: anonymous.
 */
export class Evaluation1764414000000 implements MigrationInterface {
  name = 'Evaluation1764414000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE course_surveys (
        course_id uuid PRIMARY KEY REFERENCES courses(id) ON DELETE CASCADE,
        questions jsonb NOT NULL CHECK (jsonb_typeof(questions) = 'array'),
        required_for_certificate boolean NOT NULL DEFAULT false,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE survey_responses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrollment_id uuid NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        questions jsonb NOT NULL,
        answers jsonb NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        -- One response per enrolment (a second is refused by the database, not only the api).
        CONSTRAINT survey_responses_enrollment_key UNIQUE (enrollment_id)
      )`);
    await q.query(`CREATE INDEX survey_responses_course_idx ON survey_responses (course_id, submitted_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE survey_responses`);
    await q.query(`DROP TABLE course_surveys`);
  }
}
