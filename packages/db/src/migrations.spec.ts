import { Client } from 'pg';
import { createDataSource } from './data-source';
import { createTestDatabase, type TestDatabase } from './test-database';

/** The schema itself enforces what must never happen twice or never happen at all. */
describe('foundation migration', () => {
  let db: TestDatabase;
  let pg: Client;
  let unitId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    const { rows } = await pg.query(`INSERT INTO org_units (code, name) VALUES ('BKPSDMD', 'BKPSDMD') RETURNING id`);
    unitId = rows[0].id;
  });
  afterAll(async () => {
    await pg.end();
    await db.drop();
  });

  const insertUser = (nip: string, email: string | null = null) =>
    pg.query(`INSERT INTO users (nip, name, email, org_unit_id) VALUES ($1, 'X', $2, $3)`, [nip, email, unitId]);

  it('refuses a second user with the same NIP', async () => {
    await insertUser('198609262015051001');
    await expect(insertUser('198609262015051001')).rejects.toMatchObject({ code: '23505', constraint: 'users_nip_key' });
  });

  it('refuses a NIP that is not 18 digits and a role outside the three', async () => {
    await expect(insertUser('12345')).rejects.toMatchObject({ code: '23514' });
    await expect(
      pg.query(`INSERT INTO users (nip, name, org_unit_id, roles) VALUES ('198609262015051002', 'X', $1, '{root}')`, [unitId]),
    ).rejects.toMatchObject({ code: '23514' });
  });

  it('treats org-unit codes and e-mails case-insensitively unique', async () => {
    await expect(pg.query(`INSERT INTO org_units (code, name) VALUES ('bkpsdmd', 'again')`)).rejects.toMatchObject({
      code: '23505',
    });
    await insertUser('198609262015051003', 'Siti@Example.go.id');
    await expect(insertUser('198609262015051004', 'siti@example.go.id')).rejects.toMatchObject({ code: '23505' });
  });

  it('keeps has_password in step with the hash', async () => {
    await insertUser('198609262015051005');
    const before = await pg.query(`SELECT has_password FROM users WHERE nip = '198609262015051005'`);
    expect(before.rows[0].has_password).toBe(false);
    await pg.query(`UPDATE users SET password_hash = 'x' WHERE nip = '198609262015051005'`);
    const after = await pg.query(`SELECT has_password FROM users WHERE nip = '198609262015051005'`);
    expect(after.rows[0].has_password).toBe(true);
  });

  it('refuses to change or remove a published course version (invariant 1)', async () => {
    const { rows: u } = await pg.query(`INSERT INTO users (nip, name, org_unit_id) VALUES ('198609262015051009', 'Penulis', $1) RETURNING id`, [unitId]);
    const { rows: c } = await pg.query(`INSERT INTO courses (owner_id, title) VALUES ($1, 'Kursus') RETURNING id`, [u[0].id]);
    await pg.query(
      `INSERT INTO course_versions (course_id, version, snapshot, hash, published_by, published_at, title, language, jp, module_count, lesson_count, search_text)
       VALUES ($1, 1, '{"a":1}', repeat('0', 64), $2, now(), 'Kursus', 'id', 2, 0, 0, 'kursus')`,
      [c[0].id, u[0].id],
    );
    await expect(pg.query(`UPDATE course_versions SET comment = 'x'`)).rejects.toThrow(/immutable/);
    await expect(pg.query(`DELETE FROM course_versions`)).rejects.toThrow(/immutable/);
    await expect(
      pg.query(
        `INSERT INTO course_versions (course_id, version, snapshot, hash, published_by, published_at, title, language, jp, module_count, lesson_count, search_text)
         VALUES ($1, 1, '{}', repeat('1', 64), $2, now(), 'Lagi', 'id', 2, 0, 0, 'x')`,
        [c[0].id, u[0].id],
      ),
    ).rejects.toMatchObject({ code: '23505', constraint: 'course_versions_course_version_key' });
    await expect(pg.query(`UPDATE courses SET status = 'live'`)).rejects.toMatchObject({ code: '23514' });
  });

  it('pins enrolments to a real version and records a course\'s JP at most once (invariant 8)', async () => {
    const { rows: u } = await pg.query(`INSERT INTO users (nip, name, org_unit_id) VALUES ('198609262015051010', 'Peserta', $1) RETURNING id`, [unitId]);
    const { rows: c } = await pg.query(`SELECT course_id AS id FROM course_versions LIMIT 1`);
    await expect(
      pg.query(`INSERT INTO enrollments (user_id, course_id, version) VALUES ($1, $2, 99)`, [u[0].id, c[0].id]),
    ).rejects.toMatchObject({ code: '23503', constraint: 'enrollments_version_fk' });
    const { rows: e } = await pg.query(`INSERT INTO enrollments (user_id, course_id, version) VALUES ($1, $2, 1) RETURNING id`, [u[0].id, c[0].id]);
    await expect(
      pg.query(`INSERT INTO enrollments (user_id, course_id, version) VALUES ($1, $2, 1)`, [u[0].id, c[0].id]),
    ).rejects.toMatchObject({ code: '23505', constraint: 'enrollments_user_course_key' });
    await expect(pg.query(`UPDATE enrollments SET status = 'completed' WHERE id = $1`, [e[0].id])).rejects.toMatchObject({ code: '23514' });
    const ledger = () =>
      pg.query(
        `INSERT INTO learning_hours (user_id, year, source, enrollment_id, course_id, title, jp, development_form, organiser, start_date, end_date)
         VALUES ($1, 2026, 'course', $2, $3, 'Kursus', 2, 'NKL03', 'BKPSDMD', '2026-01-05', '2026-01-09')`,
        [u[0].id, e[0].id, c[0].id],
      );
    await ledger();
    await expect(ledger()).rejects.toMatchObject({ code: '23505', constraint: 'learning_hours_enrollment_key' });
    await expect(
      pg.query(
        `INSERT INTO learning_hours (user_id, year, source, title, jp, development_form, organiser, start_date, end_date)
         VALUES ($1, 2026, 'classical', 'Bimtek', -1, 'KL06', 'BKN', '2026-01-05', '2026-01-04')`,
        [u[0].id],
      ),
    ).rejects.toMatchObject({ code: '23514' });
    await pg.query(`DELETE FROM learning_hours`);
    await pg.query(`DELETE FROM enrollments`);
  });

  it('gives a course assignment exactly one target', async () => {
    const { rows: c } = await pg.query(`SELECT id FROM courses LIMIT 1`);
    const assign = (kind: string, unit: string | null, users: string[] | null) =>
      pg.query(`INSERT INTO course_assignments (course_id, target_kind, org_unit_id, user_ids, due_at) VALUES ($1, $2, $3, $4, '2030-01-01')`, [
        c[0].id,
        kind,
        unit,
        users,
      ]);
    await assign('org_unit', unitId, null);
    await expect(assign('org_unit', unitId, [unitId])).rejects.toMatchObject({ code: '23514', constraint: 'course_assignments_target_check' });
    await expect(assign('users', null, [])).rejects.toMatchObject({ code: '23514' });
    await expect(assign('position', null, null)).rejects.toMatchObject({ code: '23514' });
    await pg.query(`DELETE FROM course_assignments`);
  });

  it('keeps question versions immutable and one open attempt per learner and quiz (issue 5)', async () => {
    const { rows: u } = await pg.query(`INSERT INTO users (nip, name, org_unit_id) VALUES ('198609262015051011', 'Penguji', $1) RETURNING id`, [unitId]);
    const { rows: b } = await pg.query(`INSERT INTO question_banks (title, owner_id) VALUES ('Bank', $1) RETURNING id`, [u[0].id]);
    const { rows: qs } = await pg.query(`INSERT INTO questions (bank_id, type) VALUES ($1, 'true_false') RETURNING id`, [b[0].id]);
    await pg.query(`INSERT INTO question_versions (question_id, version, type, points, data) VALUES ($1, 1, 'true_false', 1, '{}')`, [qs[0].id]);
    await expect(pg.query(`UPDATE question_versions SET data = '{"x":1}'`)).rejects.toThrow(/immutable/);
    await expect(pg.query(`INSERT INTO question_versions (question_id, version, type, points, data) VALUES ($1, 1, 'true_false', 1, '{}')`, [qs[0].id])).rejects.toMatchObject({
      code: '23505',
      constraint: 'question_versions_question_version_key',
    });
    await expect(pg.query(`INSERT INTO question_categories (bank_id, name) VALUES ($1, 'Umum'), ($1, 'UMUM')`, [b[0].id])).rejects.toMatchObject({ code: '23505' });

    const { rows: c } = await pg.query(`SELECT course_id AS id, version FROM course_versions LIMIT 1`);
    const { rows: e } = await pg.query(`INSERT INTO enrollments (user_id, course_id, version) VALUES ($1, $2, $3) RETURNING id`, [u[0].id, c[0].id, c[0].version]);
    const start = (no: number) =>
      pg.query(
        `INSERT INTO quiz_attempts (enrollment_id, user_id, course_id, block_key, attempt_no, role, seed, items, pass_percent, review_policy)
         VALUES ($1, $2, $3, 'kuis', $4, 'graded', 7, '[]', 70, 'after_submit')`,
        [e[0].id, u[0].id, c[0].id, no],
      );
    await start(1);
    await expect(start(2)).rejects.toMatchObject({ code: '23505', constraint: 'quiz_attempts_one_open_key' });
    await pg.query(`UPDATE quiz_attempts SET status = 'graded', submitted_at = now()`);
    await expect(start(1)).rejects.toMatchObject({ code: '23505', constraint: 'quiz_attempts_number_key' });
    await start(2);
    await expect(pg.query(`UPDATE quiz_attempts SET status = 'graded' WHERE attempt_no = 2`)).rejects.toMatchObject({
      code: '23514',
      constraint: 'quiz_attempts_submitted_check',
    });
    await pg.query(`DELETE FROM quiz_attempts`);
    await pg.query(`DELETE FROM enrollments`);
  });

  it('keeps competency evidence append-only, trees inside one framework and one evidence per enrolment and competency (issue 6)', async () => {
    const { rows: u } = await pg.query(`INSERT INTO users (nip, name, org_unit_id) VALUES ('199001012015011001', 'Peserta', $1) RETURNING id`, [unitId]);
    const framework = async (name: string) =>
      (await pg.query(`INSERT INTO competency_frameworks (identifier, name, status) VALUES (gen_random_uuid(), $1, 'published') RETURNING id`, [name])).rows[0].id as string;
    const f1 = await framework('SKJ');
    const f2 = await framework('Teknis');
    const levels = JSON.stringify([{ level: 1, description: 'a', indicators: [] }, { level: 2, description: 'b', indicators: [] }]);
    const competency = async (fw: string, code: string, parentId: string | null = null) =>
      (await pg.query(`INSERT INTO competencies (framework_id, identifier, code, name, kind, levels, parent_id) VALUES ($1, gen_random_uuid(), $2, $2, 'teknis', $3, $4) RETURNING id, max_level`, [fw, code, levels, parentId])).rows[0];
    const m1 = await competency(f1, 'M.1');
    expect(m1.max_level).toBe(2);
    await expect(competency(f1, 'm.1')).rejects.toMatchObject({ code: '23505', constraint: 'competencies_framework_code_key' });
    await expect(competency(f2, 'T.1', m1.id)).rejects.toMatchObject({ code: '23503', constraint: 'competencies_parent_fk' });
    await expect(pg.query(`INSERT INTO competency_frameworks (identifier, name) VALUES (gen_random_uuid(), 'skj')`)).rejects.toMatchObject({ code: '23505' });

    const evidence = (level: number) =>
      pg.query(`INSERT INTO competency_evidence (user_id, competency_id, level, source, title, occurred_on) VALUES ($1, $2, $3, 'assessment', 'Asesmen', '2026-01-05') RETURNING id`, [u[0].id, m1.id, level]);
    await evidence(2);
    await expect(pg.query(`UPDATE competency_evidence SET level = 1`)).rejects.toThrow(/append-only/);
    await expect(pg.query(`DELETE FROM competency_evidence`)).rejects.toThrow(/append-only/);
    await expect(pg.query(`INSERT INTO competency_evidence (user_id, competency_id, level, source, title, occurred_on) VALUES ($1, $2, 1, 'course', 'Kursus', '2026-01-05')`, [u[0].id, m1.id])).rejects.toMatchObject({
      code: '23514',
      constraint: 'competency_evidence_course_check',
    });

    const { rows: c } = await pg.query(`SELECT course_id AS id, version FROM course_versions LIMIT 1`);
    const { rows: e } = await pg.query(`INSERT INTO enrollments (user_id, course_id, version) VALUES ($1, $2, $3) RETURNING id`, [u[0].id, c[0].id, c[0].version]);
    const courseEvidence = () =>
      pg.query(`INSERT INTO competency_evidence (user_id, competency_id, level, source, title, occurred_on, enrollment_id, course_id) VALUES ($1, $2, 2, 'course', 'Kursus', '2026-02-01', $3, $4)`, [u[0].id, m1.id, e[0].id, c[0].id]);
    await courseEvidence();
    await expect(courseEvidence()).rejects.toMatchObject({ code: '23505', constraint: 'competency_evidence_enrollment_key' });

    // The effective standard: a position's own level wins over its class default; 0 means not required.
    const { rows: p } = await pg.query(`INSERT INTO positions (name, kind) VALUES ('Pengadministrasi Umum', 'pelaksana') RETURNING id`);
    const m2 = await competency(f1, 'M.2');
    await pg.query(`INSERT INTO competency_class_defaults (position_kind, competency_id, level) VALUES ('pelaksana', $1, 1), ('pelaksana', $2, 1)`, [m1.id, m2.id]);
    await pg.query(`INSERT INTO position_competency_requirements (position_id, competency_id, level) VALUES ($1, $2, 2), ($1, $3, 0)`, [p[0].id, m1.id, m2.id]);
    const { rows: eff } = await pg.query(`SELECT competency_id, level, source FROM effective_position_requirements WHERE position_id = $1`, [p[0].id]);
    expect(eff).toEqual([{ competency_id: m1.id, level: 2, source: 'position' }]);
    await pg.query(`DELETE FROM position_competency_requirements`);
    const { rows: eff2 } = await pg.query(`SELECT level, source FROM effective_position_requirements WHERE position_id = $1 ORDER BY competency_id`, [p[0].id]);
    expect(eff2).toEqual([{ level: 1, source: 'class' }, { level: 1, source: 'class' }]);
    await pg.query(`UPDATE competency_frameworks SET status = 'retired' WHERE id = $1`, [f1]);
    expect((await pg.query(`SELECT 1 FROM effective_position_requirements WHERE position_id = $1`, [p[0].id])).rows).toEqual([]);
    // Clean up for the revert test (TRUNCATE is not a row change, so the append-only trigger allows it).
    await pg.query(`TRUNCATE competency_evidence, competency_class_defaults`);
    await pg.query(`DELETE FROM positions WHERE id = $1`, [p[0].id]);
    await pg.query(`DELETE FROM enrollments`);
  });

  it('keeps one current certificate per learner and course, gap-free numbers unique, one signing key (issue 7)', async () => {
    const { rows: u } = await pg.query(`INSERT INTO users (nip, name, org_unit_id) VALUES ('199202022018012002', 'Penerima', $1) RETURNING id`, [unitId]);
    const { rows: c } = await pg.query(`SELECT course_id AS id FROM course_versions LIMIT 1`);
    await pg.query(`INSERT INTO signing_keys (id, public_key, private_key_enc) VALUES ('k1', 'pub', 'enc')`);
    await expect(pg.query(`INSERT INTO signing_keys (id, public_key, private_key_enc) VALUES ('k2', 'pub', 'enc')`)).rejects.toMatchObject({ code: '23505', constraint: 'signing_keys_one_active' });
    const { rows: t } = await pg.query(`INSERT INTO certificate_templates (name, template_key, number_pattern, is_default) VALUES ('STTP', 'sttp', '{seq}/BKPSDMD/{year}', true) RETURNING id`);
    await expect(pg.query(`INSERT INTO certificate_templates (name, template_key, number_pattern) VALUES ('Lain', 'sttp', '{seq}/BKPSDMD/{year}')`)).rejects.toMatchObject({ code: '23505', constraint: 'certificate_templates_pattern_key' });
    await expect(pg.query(`INSERT INTO certificate_templates (name, template_key, number_pattern, is_default) VALUES ('Lain', 'sttp', '{seq}/X/{year}', true)`)).rejects.toMatchObject({ code: '23505', constraint: 'certificate_templates_one_default' });
    const issue = (seq: number, code: string) =>
      pg.query(
        `INSERT INTO certificates (user_id, course_id, template_id, number, year, seq, code, recipient, course_title, jp, development_form, organiser, start_date, end_date, payload, signature, key_id)
         VALUES ($1, $2, $3, $4, 2026, $5, $6, '{}', 'Kursus', 2, 'NKL03', 'Cakap', '2026-11-01', '2026-11-02', '{}', 'sig', 'k1') RETURNING id`,
        [u[0].id, c[0].id, t[0].id, `${seq}/BKPSDMD/2026`, seq, code],
      );
    const { rows: first } = await issue(1, 'AAAA1111');
    // Invariant 3: a second current certificate of the same course is refused by the database.
    await expect(issue(2, 'BBBB2222')).rejects.toMatchObject({ code: '23505', constraint: 'certificates_one_per_learner_course' });
    // A reissue: the old one becomes replaced (pointing at the new one) in the same transaction.
    await pg.query('BEGIN');
    const { rows: next } = await pg.query(`SELECT gen_random_uuid() AS id`);
    await pg.query(`UPDATE certificates SET status = 'replaced', revoked_at = now(), replaced_by = $2 WHERE id = $1`, [first[0].id, next[0].id]);
    await pg.query(
      `INSERT INTO certificates (id, user_id, course_id, template_id, number, year, seq, code, recipient, course_title, jp, development_form, organiser, start_date, end_date, payload, signature, key_id, replaces)
       VALUES ($4, $1, $2, $3, '2/BKPSDMD/2026', 2026, 2, 'BBBB2222', '{}', 'Kursus', 2, 'NKL03', 'Cakap', '2026-11-01', '2026-11-02', '{}', 'sig', 'k1', $5)`,
      [u[0].id, c[0].id, t[0].id, next[0].id, first[0].id],
    );
    await pg.query('COMMIT');
    await expect(issue(2, 'CCCC3333')).rejects.toMatchObject({ code: '23505' });
    await expect(pg.query(`UPDATE certificates SET status = 'revoked' WHERE id = $1`, [next[0].id])).rejects.toMatchObject({ code: '23514', constraint: 'certificates_revoked_check' });
    await pg.query(`DELETE FROM certificates`);
    await pg.query(`DELETE FROM certificate_templates`);
    await pg.query(`DELETE FROM signing_keys`);
  });

  it('keeps one delivery per notification and channel, gone with its notification (issue 8)', async () => {
    const { rows: u } = await pg.query(`INSERT INTO users (nip, name, org_unit_id) VALUES ('199303032019031003', 'Penerima', $1) RETURNING id`, [unitId]);
    const { rows: n } = await pg.query(`INSERT INTO notifications (user_id, kind) VALUES ($1, 'certificate.issued') RETURNING id`, [u[0].id]);
    const claim = () =>
      pg.query(`INSERT INTO notification_deliveries (notification_id, channel) VALUES ($1, 'email') ON CONFLICT DO NOTHING RETURNING notification_id`, [n[0].id]);
    expect((await claim()).rows).toHaveLength(1);
    expect((await claim()).rows).toHaveLength(0);
    await expect(pg.query(`UPDATE notification_deliveries SET status = 'bounced'`)).rejects.toMatchObject({ code: '23514' });
    await expect(pg.query(`UPDATE notification_deliveries SET status = 'sent'`)).rejects.toMatchObject({
      code: '23514',
      constraint: 'notification_deliveries_sent_check',
    });
    await pg.query(`DELETE FROM notifications WHERE id = $1`, [n[0].id]);
    expect((await pg.query(`SELECT 1 FROM notification_deliveries`)).rows).toEqual([]);
    await pg.query(`DELETE FROM users WHERE id = $1`, [u[0].id]);
  });

  it('keeps one survey response per enrolment (issue 8)', async () => {
    const { rows: u } = await pg.query(`INSERT INTO users (nip, name, org_unit_id) VALUES ('199404042019032004', 'Responden', $1) RETURNING id`, [unitId]);
    const { rows: c } = await pg.query(`SELECT course_id AS id, version FROM course_versions LIMIT 1`);
    const { rows: e } = await pg.query(`INSERT INTO enrollments (user_id, course_id, version) VALUES ($1, $2, $3) RETURNING id`, [u[0].id, c[0].id, c[0].version]);
    const respond = () => pg.query(`INSERT INTO survey_responses (enrollment_id, course_id, questions, answers) VALUES ($1, $2, '[]', '{}')`, [e[0].id, c[0].id]);
    await respond();
    await expect(respond()).rejects.toMatchObject({ code: '23505', constraint: 'survey_responses_enrollment_key' });
    await expect(pg.query(`INSERT INTO course_surveys (course_id, questions) VALUES ($1, '{}')`, [c[0].id])).rejects.toMatchObject({ code: '23514' });
    await pg.query(`DELETE FROM enrollments WHERE id = $1`, [e[0].id]);
    expect((await pg.query(`SELECT 1 FROM survey_responses`)).rows).toEqual([]);
    await pg.query(`DELETE FROM users WHERE id = $1`, [u[0].id]);
  });

  it('keeps one follow-up per enrolment and role, one vote per ASN and need, counters in step (issue 8)', async () => {
    const { rows: u } = await pg.query(
      `INSERT INTO users (nip, name, org_unit_id) VALUES ('199505052020032005', 'Peserta', $1), ('199505052020032006', 'Atasan', $1) RETURNING id`,
      [unitId],
    );
    const [learner, boss] = [u[0].id, u[1].id];
    await expect(pg.query(`UPDATE users SET supervisor_id = id WHERE id = $1`, [learner])).rejects.toMatchObject({ code: '23514' });
    await pg.query(`UPDATE users SET supervisor_id = $2 WHERE id = $1`, [learner, boss]);
    const { rows: c } = await pg.query(`SELECT course_id AS id, version FROM course_versions LIMIT 1`);
    const { rows: e } = await pg.query(`INSERT INTO enrollments (user_id, course_id, version) VALUES ($1, $2, $3) RETURNING id`, [learner, c[0].id, c[0].version]);
    const request = (respondent: string, role: string) =>
      pg.query(
        `INSERT INTO follow_up_requests (enrollment_id, course_id, subject_id, respondent_id, respondent_role, due_at) VALUES ($1, $2, $3, $4, $5, now()) RETURNING id`,
        [e[0].id, c[0].id, learner, respondent, role],
      );
    const { rows: r } = await request(learner, 'learner');
    await expect(request(learner, 'learner')).rejects.toMatchObject({ code: '23505', constraint: 'follow_up_requests_enrollment_role_key' });
    // the learner's own request must be answered by the learner, the superior's by someone else
    await expect(request(learner, 'superior')).rejects.toMatchObject({ code: '23514' });
    await request(boss, 'superior');
    const respond = () => pg.query(`INSERT INTO follow_up_responses (request_id, course_id, respondent_role, questions, answers) VALUES ($1, $2, 'learner', '[]', '{}')`, [r[0].id, c[0].id]);
    await respond();
    await expect(respond()).rejects.toMatchObject({ code: '23505', constraint: 'follow_up_responses_request_key' });

    const { rows: n } = await pg.query(`INSERT INTO learning_needs (title, reason, proposer_id) VALUES ('Pelatihan SIASN', 'Banyak ASN belum paham SIASN', $1) RETURNING id`, [learner]);
    await pg.query(`INSERT INTO learning_need_votes (need_id, user_id) VALUES ($1, $2), ($1, $3)`, [n[0].id, learner, boss]);
    await expect(pg.query(`INSERT INTO learning_need_votes (need_id, user_id) VALUES ($1, $2)`, [n[0].id, boss])).rejects.toMatchObject({ code: '23505' });
    await pg.query(`DELETE FROM learning_need_votes WHERE need_id = $1 AND user_id = $2`, [n[0].id, learner]);
    await pg.query(`INSERT INTO learning_need_comments (need_id, author_id, body) VALUES ($1, $2, 'Setuju')`, [n[0].id, boss]);
    expect((await pg.query(`SELECT votes, comments FROM learning_needs WHERE id = $1`, [n[0].id])).rows[0]).toEqual({ votes: 1, comments: 1 });
    // declining needs a reason the proposer can read; planning needs what and when
    await expect(pg.query(`UPDATE learning_needs SET status = 'declined' WHERE id = $1`, [n[0].id])).rejects.toMatchObject({ code: '23514' });
    await expect(pg.query(`UPDATE learning_needs SET status = 'planned', plan_kind = 'classical' WHERE id = $1`, [n[0].id])).rejects.toMatchObject({ code: '23514' });
    await pg.query(`UPDATE learning_needs SET status = 'planned', plan_kind = 'classical', planned_activity = 'Bimtek SIASN', plan_year = 2027 WHERE id = $1`, [n[0].id]);

    await pg.query(`INSERT INTO report_snapshots (kind, scope) VALUES ('course', $1)`, [c[0].id]);
    await expect(pg.query(`INSERT INTO report_snapshots (kind, scope) VALUES ('course', $1)`, [c[0].id])).rejects.toMatchObject({ code: '23505' });
    await expect(pg.query(`UPDATE report_snapshots SET status = 'ready' WHERE scope = $1`, [c[0].id])).rejects.toMatchObject({ code: '23514' });

    await pg.query(`DELETE FROM learning_needs`);
    await pg.query(`DELETE FROM report_snapshots`);
    await pg.query(`DELETE FROM enrollments WHERE id = $1`, [e[0].id]);
    expect((await pg.query(`SELECT 1 FROM follow_up_requests`)).rows).toEqual([]);
    await pg.query(`DELETE FROM users WHERE id = ANY($1::uuid[])`, [[learner, boss]]);
  });

  it('reverts cleanly', async () => {
    const ds = createDataSource({ url: db.url });
    await ds.initialize();
    await ds.undoLastMigration();
    expect((await pg.query(`SELECT to_regclass('learning_needs') AS t`)).rows[0].t).toBeNull();
    expect((await pg.query(`SELECT to_regclass('follow_up_requests') AS t`)).rows[0].t).toBeNull();
    expect((await pg.query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'supervisor_id'`)).rows[0].n).toBe(0);
    expect((await pg.query(`SELECT to_regclass('survey_responses') AS t`)).rows[0].t).not.toBeNull();
    await ds.undoLastMigration();
    expect((await pg.query(`SELECT to_regclass('survey_responses') AS t`)).rows[0].t).toBeNull();
    expect((await pg.query(`SELECT to_regclass('notification_deliveries') AS t`)).rows[0].t).not.toBeNull();
    await ds.undoLastMigration();
    expect((await pg.query(`SELECT to_regclass('notification_deliveries') AS t`)).rows[0].t).toBeNull();
    expect((await pg.query(`SELECT to_regclass('notifications_created_idx') AS t`)).rows[0].t).toBeNull();
    expect((await pg.query(`SELECT to_regclass('notifications') AS t`)).rows[0].t).not.toBeNull();
    await ds.undoLastMigration();
    expect((await pg.query(`SELECT to_regclass('certificates') AS t`)).rows[0].t).toBeNull();
    expect((await pg.query(`SELECT to_regclass('competency_evidence') AS t`)).rows[0].t).not.toBeNull();
    await ds.undoLastMigration();
    expect((await pg.query(`SELECT to_regclass('competency_evidence') AS t`)).rows[0].t).toBeNull();
    expect((await pg.query(`SELECT to_regclass('competency_frameworks') AS t`)).rows[0].t).toBeNull();
    expect((await pg.query(`SELECT to_regclass('quiz_attempts') AS t`)).rows[0].t).not.toBeNull();
    await ds.undoLastMigration();
    expect((await pg.query(`SELECT to_regclass('quiz_attempts') AS t`)).rows[0].t).toBeNull();
    expect((await pg.query(`SELECT to_regclass('question_banks') AS t`)).rows[0].t).toBeNull();
    // The learning tables go first, then the course tables (dropping a table is not a row
    // change, so the immutability trigger allows it). Course assignments go before them.
    await ds.undoLastMigration();
    expect((await pg.query(`SELECT to_regclass('course_assignments') AS t`)).rows[0].t).toBeNull();
    expect((await pg.query(`SELECT to_regclass('enrollments') AS t`)).rows[0].t).not.toBeNull();
    await ds.undoLastMigration();
    expect((await pg.query(`SELECT to_regclass('enrollments') AS t`)).rows[0].t).toBeNull();
    expect((await pg.query(`SELECT to_regclass('learning_hours') AS t`)).rows[0].t).toBeNull();
    expect((await pg.query(`SELECT to_regclass('course_versions') AS t`)).rows[0].t).not.toBeNull();
    await ds.undoLastMigration();
    expect((await pg.query(`SELECT to_regclass('course_versions') AS t`)).rows[0].t).toBeNull();
    await pg.query(`DELETE FROM users`);
    await pg.query(`DELETE FROM org_units`);
    await ds.undoLastMigration();
    const { rows } = await pg.query(`SELECT to_regclass('users') AS t`);
    expect(rows[0].t).toBeNull();
    await ds.runMigrations();
    await ds.destroy();
  });
});
