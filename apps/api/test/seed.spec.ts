import { SKJ_FRAMEWORK_IDENTIFIER } from '@cakap/competencies';
import { checkNip, formatNip } from '@cakap/contracts';
import { createDataSource, createTestDatabase, type TestDatabase } from '@cakap/db';
import type { DataSource } from 'typeorm';
import { verifyPassword } from '../src/auth/password';
import { buildPluginRegistry } from '../src/plugins/plugins.module';
import { SAMPLE_COURSE } from '../src/seed/sample-course';
import { DEMO_NEEDS } from '../src/seed/learning-needs';
import { seededCompetencyId, TEKNIS_FRAMEWORK_IDENTIFIER } from '../src/seed/competencies';
import { DEMO_ACCOUNTS, EXTRA_LEARNERS, ORG_UNITS, POSITIONS, seed } from '../src/seed/seed';

/** The seed gets a database of its own: it counts rows, so nothing else may write there. */
let db: TestDatabase;
let ds: DataSource;

beforeAll(async () => {
  db = await createTestDatabase(process.env.DATABASE_URL, 'cakap_seed_test');
  ds = createDataSource({ url: db.url, applicationName: 'cakap-seed-test', poolSize: 2 });
  await ds.initialize();
});

afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

async function counts() {
  const [row] = await ds.query(
    `SELECT (SELECT count(*)::int FROM org_units) AS units,
            (SELECT count(*)::int FROM positions) AS positions,
            (SELECT count(*)::int FROM users) AS users,
            (SELECT count(*)::int FROM users WHERE has_password) AS with_password`,
  );
  return row as { units: number; positions: number; users: number; with_password: number };
}

describe('demo seed', () => {
  it('creates the units, positions and accounts once; a second run changes nothing', async () => {
    const lines: string[] = [];
    const first = await seed(ds, (l) => lines.push(l));
    const afterFirst = await counts();
    expect(afterFirst).toEqual({
      units: ORG_UNITS.length,
      positions: POSITIONS.length,
      users: DEMO_ACCOUNTS.length + EXTRA_LEARNERS.length,
      with_password: DEMO_ACCOUNTS.length,
    });
    expect(first.orgUnits).toEqual({ created: ORG_UNITS.length, existing: 0 });
    expect(first.users.created).toBe(afterFirst.users);
    expect(first.demoAccounts.every((a) => a.created)).toBe(true);
    expect(lines.length).toBeGreaterThan(0);
    expect(afterFirst.users).toBeGreaterThanOrEqual(20);

    const second = await seed(ds);
    expect(await counts()).toEqual(afterFirst);
    expect(second.orgUnits).toEqual({ created: 0, existing: ORG_UNITS.length });
    expect(second.positions).toEqual({ created: 0, existing: POSITIONS.length });
    expect(second.users).toEqual({ created: 0, existing: afterFirst.users });
    expect(second.demoAccounts.some((a) => a.created)).toBe(false);
  });

  it('has the Batanghari OPD, the 8 kecamatan by BPS code and sub-units under BKPSDMD and DISKOMINFO', async () => {
    const units: Array<{ code: string; name: string; parent: string | null }> = await ds.query(
      `SELECT u.code, u.name, p.code AS parent FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id`,
    );
    const byCode = new Map(units.map((u) => [u.code, u]));
    expect(byCode.get('BKPSDMD')).toEqual({
      code: 'BKPSDMD',
      name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah',
      parent: null,
    });
    expect(byCode.get('DISKOMINFO')?.name).toBe('Dinas Komunikasi dan Informatika');
    expect(byCode.get('KEC-1504040')?.name).toBe('Kecamatan Muara Bulian');
    expect(units.filter((u) => u.code.startsWith('KEC-15040'))).toHaveLength(8);
    expect(byCode.get('BKPSDMD.PKA')).toMatchObject({ name: 'Bidang Pengembangan Kompetensi Aparatur', parent: 'BKPSDMD' });
    expect(byCode.get('BKPSDMD.SEKRE')?.parent).toBe('BKPSDMD');
    expect(units.some((u) => u.parent === 'DISKOMINFO')).toBe(true);
  });

  it('gives each demo account its password (argon2id), roles, unit and position', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const [row] = await ds.query(
        `SELECT u.password_hash, u.roles, u.active, u.must_change_password, o.code AS unit, p.name AS position
           FROM users u JOIN org_units o ON o.id = u.org_unit_id LEFT JOIN positions p ON p.id = u.position_id
          WHERE u.nip = $1`,
        [account.nip],
      );
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      await expect(verifyPassword(row.password_hash, account.password)).resolves.toBe(true);
      await expect(verifyPassword(row.password_hash, account.password + 'x')).resolves.toBe(false);
      expect([...row.roles].sort()).toEqual([...account.roles].sort());
      expect(row).toMatchObject({ active: true, must_change_password: false, unit: account.unit, position: account.position });
    }
    const labels = DEMO_ACCOUNTS.map((a) => a.label);
    expect(labels).toEqual(['admin', 'author', 'learner']);
  });

  it("makes the demo admin the demo learner's direct superior (the demo shows the superior's follow-up)", async () => {
    const nipOf = (label: string) => DEMO_ACCOUNTS.find((a) => a.label === label)!.nip;
    const [row] = await ds.query(`SELECT s.nip FROM users u JOIN users s ON s.id = u.supervisor_id WHERE u.nip = $1`, [nipOf('learner')]);
    expect(row?.nip).toBe(nipOf('admin'));
  });

  it('seeds only NIPs that pass checkNip for their ASN type', async () => {
    const users: Array<{ nip: string; asn_type: 'pns' | 'pppk' }> = await ds.query(`SELECT nip, asn_type FROM users`);
    expect(users.length).toBe(DEMO_ACCOUNTS.length + EXTRA_LEARNERS.length);
    for (const u of users) {
      const check = checkNip(u.nip, u.asn_type);
      if (!check.ok) throw new Error(`${formatNip(u.nip)} (${u.asn_type}): ${check.error}`);
    }
    expect(users.some((u) => u.asn_type === 'pppk')).toBe(true);
  });

  it('never overwrites a password (or anything else) changed after the first run', async () => {
    const admin = DEMO_ACCOUNTS[0];
    await ds.query(`UPDATE users SET password_hash = 'changed', name = 'Renamed', roles = '{learner}' WHERE nip = $1`, [admin.nip]);
    await ds.query(`UPDATE org_units SET name = 'Renamed unit' WHERE code = 'SETDA'`);
    await seed(ds);
    const [user] = await ds.query(`SELECT password_hash, name, roles FROM users WHERE nip = $1`, [admin.nip]);
    expect(user).toEqual({ password_hash: 'changed', name: 'Renamed', roles: ['learner'] });
    const [unit] = await ds.query(`SELECT name FROM org_units WHERE code = 'SETDA'`);
    expect(unit.name).toBe('Renamed unit');
  });

  it('matches existing units case-insensitively and creates none twice', async () => {
    await ds.query(`UPDATE org_units SET code = 'dinkes' WHERE code = 'DINKES'`);
    const before = await counts();
    const summary = await seed(ds);
    expect(summary.orgUnits.created).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it('puts a few learning needs on the board once, with their support', async () => {
    const board = () => ds.query(`SELECT title, votes, status FROM learning_needs ORDER BY votes DESC, title`);
    const first = await board();
    expect(first).toEqual(DEMO_NEEDS.map((n) => ({ title: n.title, votes: n.voterNips.length, status: n.acceptedForNextYear ? 'accepted' : 'proposed' })));
    await seed(ds);
    expect(await board()).toEqual(first);
  });
});

describe('demo seed: competencies', () => {
  const competencyCounts = async () =>
    (
      await ds.query(
        `SELECT (SELECT count(*)::int FROM competency_frameworks) AS frameworks,
                (SELECT count(*)::int FROM competencies) AS competencies,
                (SELECT count(*)::int FROM competency_class_defaults) AS defaults`,
      )
    )[0];

  it('publishes the SKJ dictionary and the teknis example once, with the class defaults of the dictionary', async () => {
    await seed(ds);
    const after = await competencyCounts();
    // 9 dictionary competencies; the teknis example is an area with 3 competencies.
    expect(after).toEqual({ frameworks: 2, competencies: 13, defaults: 45 });
    await seed(ds);
    expect(await competencyCounts()).toEqual(after);

    const [skj] = await ds.query(
      `SELECT f.status, f.publisher, f.version, f.scale_max, count(c.*)::int AS n, min(c.max_level) AS min_level
         FROM competency_frameworks f JOIN competencies c ON c.framework_id = f.id
        WHERE f.identifier = $1 GROUP BY f.id`,
      [SKJ_FRAMEWORK_IDENTIFIER],
    );
    expect(skj).toEqual({ status: 'published', publisher: 'Kementerian PANRB', version: '2017', scale_max: 5, n: 9, min_level: 5 });
    // DOMAIN.md: Pelaksana 1, Pengawas 2, Administrator 3, JPT 4.
    const defaults = await ds.query(
      `SELECT d.position_kind, min(d.level) AS min, max(d.level) AS max, count(*)::int AS n FROM competency_class_defaults d GROUP BY 1 ORDER BY 1`,
    );
    expect(defaults).toEqual([
      { position_kind: 'administrator', min: 3, max: 3, n: 9 },
      { position_kind: 'fungsional', min: 2, max: 2, n: 9 },
      { position_kind: 'jpt', min: 4, max: 4, n: 9 },
      { position_kind: 'pelaksana', min: 1, max: 1, n: 9 },
      { position_kind: 'pengawas', min: 2, max: 2, n: 9 },
    ]);
    await expect(seededCompetencyId(ds, 'm.5')).resolves.toEqual(expect.any(String));
    await expect(seededCompetencyId(ds, 'TPP.2', TEKNIS_FRAMEWORK_IDENTIFIER)).resolves.toEqual(expect.any(String));
  });

  it('keeps class defaults an admin has changed', async () => {
    await ds.query(`UPDATE competency_class_defaults SET level = 5 WHERE position_kind = 'jpt'`);
    await seed(ds);
    const [{ levels }] = await ds.query(`SELECT array_agg(DISTINCT level) AS levels FROM competency_class_defaults WHERE position_kind = 'jpt'`);
    expect(levels).toEqual([5]);
  });
});

describe('demo seed: the sample course', () => {
  it('publishes the sample course "Pelayanan Publik Prima" once, as version 1 by the demo admin', async () => {
    const plugins = buildPluginRegistry(['@cakap/plugin-content']);
    const first = await seed(ds, undefined, plugins);
    expect(first.sampleCourse).toBe(true);
    const again = await seed(ds, undefined, plugins);
    expect(again.sampleCourse).toBe(false);
    const rows = await ds.query(
      `SELECT c.status, c.published_version, c.jp, v.version, v.snapshot->'meta'->>'title' AS title, u.nip AS publisher, o.nip AS owner
         FROM courses c JOIN course_versions v ON v.course_id = c.id
         JOIN users u ON u.id = v.published_by JOIN users o ON o.id = c.owner_id
        WHERE c.title = $1`,
      [SAMPLE_COURSE.title],
    );
    expect(rows).toEqual([
      {
        status: 'published',
        published_version: 1,
        jp: SAMPLE_COURSE.jp,
        version: 1,
        title: 'Pelayanan Publik Prima',
        publisher: DEMO_ACCOUNTS.find((a) => a.label === 'admin')!.nip,
        owner: DEMO_ACCOUNTS.find((a) => a.label === 'author')!.nip,
      },
    ]);
    // Rich text went through the plugin's sanitiser like any author's.
    const [{ snapshot }] = await ds.query(`SELECT snapshot::text AS snapshot FROM course_versions`);
    expect(snapshot).toContain('BerAKHLAK');
    expect(snapshot).not.toMatch(/<script|onerror/i);
    // Its competency targets were frozen with version 1: completing it closes a pelaksana's M.5 and M.3 gaps.
    const targets = await ds.query(
      `SELECT c.code, t.level FROM course_version_competencies t JOIN competencies c ON c.id = t.competency_id
         JOIN courses co ON co.id = t.course_id WHERE co.title = $1 AND t.version = 1 ORDER BY c.code`,
      [SAMPLE_COURSE.title],
    );
    expect(targets).toEqual([
      { code: 'M.3', level: 2 },
      { code: 'M.5', level: 2 },
    ]);
  });
});
