import { orgUnitReportSchema } from '@cakap/contracts';
import { randomUUID } from 'node:crypto';
import { computeOrgUnitReport } from './org-unit-report';
import { requestSnapshot, runSnapshot } from './snapshots';
import { course, enrol, hours, testDb, unit, user, type Db } from './test-fixtures';

/**
 * The yearly org-unit report over a small tree, worked out by hand:
 *
 *   Badan Kepegawaian (BKD)          u4: 25 JP (classical), no position
 *     Bidang A (A)                   u2: 19 JP (a course), position P, competency level 1 of 2
 *       Subbidang A1 (A1)            u1: 12 JP (a course) + 8 JP (classical) = 20, P, level 3 of 2
 *     Bidang B (B)                   u3: 0 JP, P, no achievement; u5 inactive with 40 JP
 *   Dinas Lain (DL)                  u6: 10 JP (a course), no position
 *
 * Position P requires competency K at level 2. Lines of 2025 do not count for 2026.
 */
describe('org-unit report', () => {
  let db: Db;
  const units: Record<string, string> = {};

  beforeAll(async () => {
    db = await testDb('units');
    const { ds } = db;
    units.BKD = await unit(ds, 'BKD', 'Badan Kepegawaian');
    units.A = await unit(ds, 'A', 'Bidang A', units.BKD);
    units.A1 = await unit(ds, 'A1', 'Subbidang A1', units.A);
    units.B = await unit(ds, 'B', 'Bidang B', units.BKD);
    units.DL = await unit(ds, 'DL', 'Dinas Lain');
    const [fw] = await ds.query(`INSERT INTO competency_frameworks (identifier, name, status) VALUES (gen_random_uuid(), 'SKJ', 'published') RETURNING id`);
    const [k] = await ds.query(
      `INSERT INTO competencies (framework_id, identifier, code, name, kind, levels) VALUES ($1, gen_random_uuid(), 'T.1', 'Kepegawaian', 'teknis', '[{"level":1},{"level":2},{"level":3}]') RETURNING id`,
      [fw.id],
    );
    const [p] = await ds.query(`INSERT INTO positions (name, kind) VALUES ('Analis SDM', 'pelaksana') RETURNING id`);
    await ds.query(`INSERT INTO position_competency_requirements (position_id, competency_id, level) VALUES ($1, $2, 2)`, [p.id, k.id]);
    const achieve = (userId: string, level: number) =>
      ds.query(`INSERT INTO competency_achievements (user_id, competency_id, level, evidence_count) VALUES ($1, $2, $3, 1)`, [userId, k.id, level]);

    const u1 = await user(ds, 'Satu', units.A1, { positionId: p.id });
    const u2 = await user(ds, 'Dua', units.A, { positionId: p.id });
    await user(ds, 'Tiga', units.B, { positionId: p.id });
    const u4 = await user(ds, 'Empat', units.BKD);
    const u5 = await user(ds, 'Lima', units.B, { active: false });
    const u6 = await user(ds, 'Enam', units.DL);
    await achieve(u1, 3);
    await achieve(u2, 1);
    const c12 = await course(ds, u4, 'Kursus 12 JP', 12);
    const c19 = await course(ds, u4, 'Kursus 19 JP', 19);
    const c10 = await course(ds, u4, 'Kursus 10 JP', 10);
    await hours(ds, u1, 2026, 12, '2026-03-01', await enrol(ds, u1, c12, '2026-02-01T02:00:00Z', '2026-03-01T02:00:00Z'));
    await hours(ds, u1, 2026, 8, '2026-04-01');
    await hours(ds, u2, 2026, 19, '2026-05-01', await enrol(ds, u2, c19, '2026-04-01T02:00:00Z', '2026-05-01T02:00:00Z'));
    await hours(ds, u2, 2025, 30, '2025-11-01');
    await hours(ds, u4, 2026, 25, '2026-06-01');
    await hours(ds, u5, 2026, 40, '2026-06-01');
    await hours(ds, u6, 2026, 10, '2026-07-01', await enrol(ds, u6, c10, '2026-06-01T02:00:00Z', '2026-07-01T02:00:00Z'));
  });
  afterAll(async () => {
    await db?.close();
  });

  it('counts each unit over its subtree, in tree order, and each ASN once in the total', async () => {
    const report = await computeOrgUnitReport(db.ds, 2026, null);
    const row = (code: string, parent: string | null, depth: number, figures: object) => ({
      unitId: units[code],
      code,
      name: expect.any(String),
      parentId: parent ? units[parent] : null,
      depth,
      ...figures,
    });
    expect(report).toEqual({
      year: 2026,
      unitId: null,
      // u1 u2 u3 u4 u6 (u5 inactive): 20 and 25 reach 20 JP → 2 / 5 = 0.4; JP 20+19+0+25+10 = 74 → 14.8;
      // course lines in 2026: u1, u2, u6 = 3; with a standard u1 u2 u3, met by u1 → 1 / 3 = 0.3333
      total: { asnCount: 5, reached20Jp: 2, reached20JpShare: 0.4, averageJp: 14.8, completions: 3, standardMet: 1, standardMetShare: 0.3333 },
      units: [
        // u1 u2 u3 u4: reached u1 (exactly 20) and u4 → 0.5; (20+19+0+25) / 4 = 16
        row('BKD', null, 0, { asnCount: 4, reached20Jp: 2, reached20JpShare: 0.5, averageJp: 16, completions: 2, standardMet: 1, standardMetShare: 0.3333 }),
        // u1 u2: u2's 19 JP (and 2025's 30) do not reach 20; (20 + 19) / 2 = 19.5
        row('A', 'BKD', 1, { asnCount: 2, reached20Jp: 1, reached20JpShare: 0.5, averageJp: 19.5, completions: 2, standardMet: 1, standardMetShare: 0.5 }),
        row('A1', 'A', 2, { asnCount: 1, reached20Jp: 1, reached20JpShare: 1, averageJp: 20, completions: 1, standardMet: 1, standardMetShare: 1 }),
        // u3 only (u5 is inactive): no JP, no achievement
        row('B', 'BKD', 1, { asnCount: 1, reached20Jp: 0, reached20JpShare: 0, averageJp: 0, completions: 0, standardMet: 0, standardMetShare: 0 }),
        // u6 has no position, so no standard to meet: the share is undefined, not 0
        row('DL', null, 0, { asnCount: 1, reached20Jp: 0, reached20JpShare: 0, averageJp: 10, completions: 1, standardMet: 0, standardMetShare: null }),
      ],
    });
    expect(orgUnitReportSchema.safeParse({ ...report, computedAt: new Date().toISOString(), stale: false }).success).toBe(true);
  });

  it("narrows to one unit's subtree, whose root is the total", async () => {
    const report = await computeOrgUnitReport(db.ds, 2026, units.A);
    expect(report!.units.map((u) => [u.code, u.depth])).toEqual([
      ['A', 0],
      ['A1', 1],
    ]);
    expect(report!.total).toEqual({ asnCount: 2, reached20Jp: 1, reached20JpShare: 0.5, averageJp: 19.5, completions: 2, standardMet: 1, standardMetShare: 0.5 });
    expect(await computeOrgUnitReport(db.ds, 2026, randomUUID())).toBeNull();
  });

  it('has no ASN names in it and goes through the snapshot protocol', async () => {
    const { snapshot } = await requestSnapshot(db.ds, { kind: 'org-units', year: 2026, unitId: null }, null);
    expect(snapshot.scope).toBe('year=2026;unit=all');
    expect(await runSnapshot(db.ds, snapshot.id, { notifyAfterMs: 8000 })).toBe('ready');
    const [row] = await db.ds.query(`SELECT data::text AS text FROM report_snapshots WHERE id = $1`, [snapshot.id]);
    for (const name of ['Satu', 'Dua', 'Tiga', 'Empat', 'Enam']) expect(row.text).not.toContain(name);
    // Moving an ASN to another unit changes what the report would say: no longer fresh.
    expect((await requestSnapshot(db.ds, { kind: 'org-units', year: 2026, unitId: null }, null)).fresh).toBe(true);
    await db.ds.query(`UPDATE users SET org_unit_id = $1 WHERE name = 'Tiga'`, [units.DL]);
    expect((await requestSnapshot(db.ds, { kind: 'org-units', year: 2026, unitId: null }, null)).fresh).toBe(false);
  });
});
