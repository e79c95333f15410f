import type { ContentTypes } from '@cakap/courses';
import type { PluginRegistry } from '@cakap/plugin-sdk/host';
import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password';
import { seedCertificates } from './certificates';
import { seedCompetencies } from './competencies';
import { seedLearningNeeds } from './learning-needs';
import { DEMO_ACCOUNTS, EXTRA_LEARNERS, ORG_UNITS, POSITIONS, type DemoAccount, type SeedUser } from './data';
import { DEMO_BANK, seedQuestionBank } from './question-bank';
import { QUIZ_COURSE, QUIZ_COURSE_TARGETS, quizCourseContent, SAMPLE_COURSE, seedCourse, seedSampleCourse } from './sample-course';

export { DEMO_ACCOUNTS, EXTRA_LEARNERS, ORG_UNITS, POSITIONS } from './data';
export type { DemoAccount, SeedOrgUnit, SeedPosition, SeedUser } from './data';

export type SeedLog = (line: string) => void;

export interface SeedCount {
  created: number;
  existing: number;
}

export interface SeedSummary {
  orgUnits: SeedCount;
  positions: SeedCount;
  users: SeedCount;
  /** Each demo account and whether this run created it (and so set its password). */
  demoAccounts: Array<Omit<DemoAccount, 'password'> & { password: string; created: boolean }>;
  /** Whether this run created the published sample course (only when content types are given). */
  sampleCourse: boolean;
  /** What this run did with the demo question bank (only when question types are given). */
  questionBank: 'created' | 'existing' | 'skipped' | null;
  /** The demo course with a pre-test and a post-test (needs the demo bank). */
  quizCourse: boolean;
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * Inserts a row unless its unique key exists, in one statement, and returns the row's id
 * either way. The CTE's insert is invisible to the outer SELECT (same snapshot), so exactly
 * one branch answers.
 */
async function upsertReturningId(
  m: EntityManager,
  insertSql: string,
  selectSql: string,
  params: unknown[],
): Promise<{ id: string; created: boolean }> {
  const rows: Array<{ id: string; created: boolean }> = await m.query(
    `WITH ins AS (${insertSql} RETURNING id)
     SELECT id, true AS created FROM ins
     UNION ALL
     SELECT id, false AS created FROM (${selectSql}) existing
     LIMIT 1`,
    params,
  );
  if (!rows.length) throw new Error(`Seed: no row for ${JSON.stringify(params)}`);
  return rows[0];
}

async function seedOrgUnits(m: EntityManager, count: SeedCount): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const unit of ORG_UNITS) {
    const parentId = unit.parent ? ids.get(unit.parent.toLowerCase()) : null;
    if (parentId === undefined) throw new Error(`Seed: parent ${unit.parent} of ${unit.code} must come first`);
    const row = await upsertReturningId(
      m,
      `INSERT INTO org_units (code, name, parent_id) VALUES ($1, $2, $3)
       ON CONFLICT ((lower(code))) DO NOTHING`,
      `SELECT id FROM org_units WHERE lower(code) = lower($1)`,
      [unit.code, unit.name, parentId],
    );
    ids.set(unit.code.toLowerCase(), row.id);
    count[row.created ? 'created' : 'existing']++;
  }
  return ids;
}

async function seedPositions(
  m: EntityManager,
  units: Map<string, string>,
  count: SeedCount,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const position of POSITIONS) {
    const orgUnitId = position.unit ? units.get(position.unit.toLowerCase()) : null;
    if (orgUnitId === undefined) throw new Error(`Seed: unknown unit ${position.unit} for ${position.name}`);
    const row = await upsertReturningId(
      m,
      `INSERT INTO positions (name, kind, org_unit_id) VALUES ($1, $2, $3::uuid)
       ON CONFLICT ((lower(name)), (coalesce(org_unit_id, '${NIL_UUID}'::uuid))) DO NOTHING`,
      `SELECT id FROM positions
        WHERE lower(name) = lower($1) AND coalesce(org_unit_id, '${NIL_UUID}'::uuid) = coalesce($3::uuid, '${NIL_UUID}'::uuid)`,
      [position.name, position.kind, orgUnitId],
    );
    ids.set(position.name.toLowerCase(), row.id);
    count[row.created ? 'created' : 'existing']++;
  }
  return ids;
}

/** Creates the user unless the NIP exists; an existing account is left exactly as it is. */
async function seedUser(
  m: EntityManager,
  user: SeedUser,
  password: string | undefined,
  units: Map<string, string>,
  positions: Map<string, string>,
): Promise<boolean> {
  const existing: unknown[] = await m.query(`SELECT 1 FROM users WHERE nip = $1`, [user.nip]);
  if (existing.length) return false;
  const orgUnitId = units.get(user.unit.toLowerCase());
  const positionId = positions.get(user.position.toLowerCase());
  if (!orgUnitId || !positionId) throw new Error(`Seed: unknown unit or position for ${user.nip}`);
  const hash = password ? await hashPassword(password) : null;
  const rows: unknown[] = await m.query(
    `INSERT INTO users (nip, name, email, golongan, asn_type, org_unit_id, position_id, roles, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9)
     ON CONFLICT (nip) DO NOTHING
     RETURNING id`,
    [user.nip, user.name, user.email ?? null, user.golongan, user.asnType, orgUnitId, positionId, user.roles, hash],
  );
  return rows.length > 0;
}

/**
 * The idempotent demo data (DESIGN.md "Running it"): Batanghari's OPD, kecamatan and a few
 * sub-units, common positions, one account per role and some learners. Running it again
 * creates nothing new and changes nothing that exists (names, passwords, roles).
 */
export async function seed(
  ds: DataSource,
  log: SeedLog = () => undefined,
  types?: ContentTypes & Partial<Pick<PluginRegistry, 'questionType' | 'plugins'>>,
): Promise<SeedSummary> {
  const summary = await seedPeople(ds, log);
  // Before the courses: the demo courses target competencies of the dictionary.
  const competencies = await seedCompetencies(ds);
  log(
    `Kerangka kompetensi / competency frameworks: ${competencies.created} dibuat/created, ${competencies.existing} sudah ada/existing; ` +
      `standar kelas jabatan / class defaults: ${competencies.classDefaults} dibuat/created`,
  );
  const needs = await seedLearningNeeds(ds);
  log(`Usulan kebutuhan belajar / learning needs: ${needs.created} dibuat/created, ${needs.existing} sudah ada/existing`);
  if (types) {
    const nipOf = (label: string) => DEMO_ACCOUNTS.find((a) => a.label === label)!.nip;
    const [author] = await ds.query(`SELECT id FROM users WHERE nip = $1`, [nipOf('author')]);
    const [admin] = await ds.query(`SELECT id FROM users WHERE nip = $1`, [nipOf('admin')]);
    summary.sampleCourse = await seedSampleCourse(ds, types, author.id, admin.id);
    log(`Kursus contoh / sample course "${SAMPLE_COURSE.title}": ${summary.sampleCourse ? 'diterbitkan/published v1' : 'sudah ada/existing'}`);
    if (types.questionType) {
      summary.questionBank = await seedQuestionBank(ds, { questionType: types.questionType }, author.id);
      const said = { created: 'dibuat/created', existing: 'sudah ada/existing', skipped: 'dilewati, jenis soal tidak aktif/skipped, question types not enabled' };
      log(`Bank soal / question bank "${DEMO_BANK.title}": ${said[summary.questionBank]}`);
      const questions: { id: string }[] = await ds.query(
        `SELECT q.id FROM questions q JOIN question_banks b ON b.id = q.bank_id
          WHERE b.owner_id = $1 AND b.title = $2 AND b.deleted_at IS NULL AND q.deleted_at IS NULL AND q.type <> 'essay'
          ORDER BY q.created_at, q.id`,
        [author.id, DEMO_BANK.title],
      );
      if (questions.length) {
        const content = quizCourseContent(questions.map((q) => q.id));
        summary.quizCourse = await seedCourse(ds, types, author.id, admin.id, QUIZ_COURSE, content, QUIZ_COURSE_TARGETS);
        log(`Kursus berkuis / quiz course "${QUIZ_COURSE.title}": ${summary.quizCourse ? 'diterbitkan/published v1' : 'sudah ada/existing'}`);
      }
    }
    if (types.plugins) {
      // After the sample course: it issues certificates automatically in the demo.
      const certs = await seedCertificates(ds, types.plugins, admin.id);
      const said = { created: 'dibuat/created', existing: 'sudah ada/existing', skipped: 'dilewati, jenis templat tidak aktif/skipped, template type not enabled' };
      log(`Templat sertifikat / certificate template: ${said[certs.template]}; sertifikat otomatis / auto certificates "${SAMPLE_COURSE.title}": ${certs.autoCourse ? 'dinyalakan/turned on' : 'tidak berubah/unchanged'}`);
    }
  }
  return summary;
}

async function seedPeople(ds: DataSource, log: SeedLog): Promise<SeedSummary> {
  return ds.transaction(async (m) => {
    const summary: SeedSummary = {
      orgUnits: { created: 0, existing: 0 },
      positions: { created: 0, existing: 0 },
      users: { created: 0, existing: 0 },
      demoAccounts: [],
      sampleCourse: false,
      questionBank: null,
      quizCourse: false,
    };

    const units = await seedOrgUnits(m, summary.orgUnits);
    log(`Unit kerja / org units: ${summary.orgUnits.created} dibuat/created, ${summary.orgUnits.existing} sudah ada/existing`);

    const positions = await seedPositions(m, units, summary.positions);
    log(`Jabatan / positions: ${summary.positions.created} dibuat/created, ${summary.positions.existing} sudah ada/existing`);

    for (const account of DEMO_ACCOUNTS) {
      const created = await seedUser(m, account, account.password, units, positions);
      summary.users[created ? 'created' : 'existing']++;
      summary.demoAccounts.push({ ...account, created });
    }
    // The demo admin is the demo learner's direct superior, so the demo shows the superior's
    // level-3 follow-up; only on a learner account this run created (existing ones stay as they are).
    if (summary.demoAccounts.find((a) => a.label === 'learner')?.created) {
      const nipOf = (label: string) => DEMO_ACCOUNTS.find((a) => a.label === label)!.nip;
      await m.query(`UPDATE users SET supervisor_id = (SELECT id FROM users WHERE nip = $2) WHERE nip = $1`, [nipOf('learner'), nipOf('admin')]);
    }
    for (const user of EXTRA_LEARNERS) {
      const created = await seedUser(m, user, undefined, units, positions);
      summary.users[created ? 'created' : 'existing']++;
    }
    log(`Pegawai / users: ${summary.users.created} dibuat/created, ${summary.users.existing} sudah ada/existing`);
    return summary;
  });
}
