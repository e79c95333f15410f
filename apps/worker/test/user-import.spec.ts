import { type Harness, enqueueImport, insertImport, resetPeople, seedPosition, seedUnit, seedUser, startWorker, triples, usersByNip, waitForImport } from './support';

/**
 * The users CSV import end to end: the real worker module consumes the real {user-import}
 * queue and writes to the run's Postgres database.
 */
describe('users CSV import', () => {
  let h: Harness;
  let units: Record<'kominfo' | 'bkpsdmd' | 'dinkes', string>;
  let positions: Record<'kabid' | 'pranata' | 'analis', string>;

  const ahmadNip = '198001012005011001';

  beforeAll(async () => {
    h = await startWorker('user-import');
  });
  afterAll(async () => {
    await h?.close();
  });

  beforeEach(async () => {
    await resetPeople(h.ds);
    units = {
      kominfo: await seedUnit(h.ds, 'DISKOMINFO', 'Dinas Komunikasi dan Informatika'),
      bkpsdmd: await seedUnit(h.ds, 'BKPSDMD', 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah'),
      dinkes: await seedUnit(h.ds, 'DINKES', 'Dinas Kesehatan'),
    };
    positions = {
      kabid: await seedPosition(h.ds, 'Kepala Bidang Aplikasi Informatika', 'administrator', units.kominfo),
      pranata: await seedPosition(h.ds, 'Pranata Komputer', 'fungsional', units.kominfo),
      analis: await seedPosition(h.ds, 'Analis Kebijakan', 'fungsional', null),
    };
    await seedUser(h.ds, {
      nip: ahmadNip,
      name: 'Ahmad Lama',
      email: 'ahmad.lama@batanghari.go.id',
      phone: '0811111111',
      golongan: 'III/d',
      orgUnitId: units.bkpsdmd,
      roles: ['learner', 'admin'],
      active: false,
      passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$aGFzaA',
    });
    await seedUser(h.ds, { nip: '197505052000032001', name: 'Pemilik Email', email: 'taken@batanghari.go.id', orgUnitId: units.bkpsdmd });
  });

  const header = 'nip,nama,email,unit_kerja,jabatan,golongan,telepon,jenis_asn,jenis_jabatan';
  const mixed = [
    header,
    /*  1 */ '198609262015051001,Siti Rahmawati,siti.rahmawati@batanghari.go.id,DISKOMINFO,Pranata Komputer,III/b,081234567890,,',
    /*  2 */ `${ahmadNip},"Ahmad Khoiru'l Éndah, S.H., M.H.",AHMAD.ENDAH@batanghari.go.id,diskominfo,kepala bidang aplikasi informatika,iv/a,,pns,`,
    /*  3 */ '12345,Nama Satu,,DISKOMINFO,,,,,',
    /*  4 */ '198602302015051002,Nama Dua,,DISKOMINFO,,,,,',
    /*  5 */ '198609261990051003,Nama Tiga,,DISKOMINFO,,,,,',
    /*  6 */ '198609262015053004,Nama Empat,,DISKOMINFO,,,,,',
    /*  7 */ '198609262015051000,Nama Lima,,DISKOMINFO,,,,,',
    /*  8 */ '199001012015011002,Rudi Hartono,,DINAS-ANTAH,,,,,',
    /*  9 */ '19860926 201505 1 001,Siti Duplikat,,DISKOMINFO,,,,,',
    /* 10 */ '199102022015012003,Dewi Lestari,Taken@Batanghari.go.id,BKPSDMD,,,,,',
    /* 11 */ '199203032016011004,Yohanes Nainggolan,,DINKES,Analis Kebijakan,,,,',
    /* 12 */ '199304042017012005,Ni Luh Putu Ayu,,DINKES,Penyuluh Kesehatan,,,,fungsional',
    /* 13 */ '199405052018011006,I Gede Wayan,,DINKES,penyuluh kesehatan,,,,Fungsional',
    /* 14 */ '199506062019012007,Fitri Handayani,,DINKES,Jabatan Tak Dikenal,,,,',
    /* 15 */ '199607072020011008,,bukan-email,DINKES,,V/z,12ab,,',
    /* 16 */ '199001012022211009,Maria Ulfa,,DINKES,,IX,,pppk,',
    /* 17 */ '199001012022211010,Pppk Tanpa Jenis,,DINKES,,,,,',
    /* 18 */ '',
    /* 19 */ '199708082021011011,Budi Santoso, S.Kom,budi@batanghari.go.id,DISKOMINFO,,,,,',
    /* 20 */ '199809092022012012,Rina Marlina,,BKPSDMD,,,,asn,',
    /* 21 */ '199910102023011013,Siti Lain,siti.rahmawati@batanghari.go.id,DINKES,,,,,',
  ].join('\n');

  it('applies the valid rows, reports every invalid one by row, field and code, and never half-applies a row', async () => {
    const id = await insertImport(h.ds, mixed);
    await enqueueImport(h, id);
    const imp = await waitForImport(h.ds, id);

    expect(imp).toMatchObject({ status: 'completed', total: 20, processed: 20, created: 5, updated: 1, failed: 14 });
    expect(imp.finished_at).not.toBeNull();
    expect(triples(imp.errors)).toEqual([
      [3, 'nip', 'nip.format'],
      [4, 'nip', 'nip.birthDate'],
      [5, 'nip', 'nip.appointmentDate'],
      [6, 'nip', 'nip.sex'],
      [7, 'nip', 'nip.serial'],
      [8, 'unit_kerja', 'import.unknownOrgUnit'],
      [9, 'nip', 'import.duplicateInFile'],
      [10, 'email', 'import.emailTaken'],
      [14, 'jabatan', 'import.unknownPosition'],
      [15, 'nama', 'validation.required'],
      [15, 'email', 'validation.email'],
      [15, 'golongan', 'validation.golongan'],
      [15, 'telepon', 'validation.phone'],
      [17, 'nip', 'nip.appointmentDate'],
      [19, 'row', 'import.columnCount'],
      [20, 'jenis_asn', 'validation.enum'],
      [21, 'email', 'import.emailTaken'],
    ]);
    const params = Object.fromEntries(imp.errors.filter((e) => e.params).map((e) => [`${e.row}.${e.field}`, e.params]));
    expect(params).toEqual({
      '8.unit_kerja': { value: 'DINAS-ANTAH' },
      '9.nip': { row: 1 },
      '14.jabatan': { value: 'Jabatan Tak Dikenal' },
      '19.row': { count: 10, expected: 9 },
      '20.jenis_asn': { options: 'pns, pppk' },
    });

    const users = await usersByNip(h.ds);
    // 2 seeded + 5 created; no invalid row left a trace.
    expect([...users.keys()].sort()).toEqual(
      [
        '197505052000032001',
        ahmadNip,
        '198609262015051001',
        '199001012022211009',
        '199203032016011004',
        '199304042017012005',
        '199405052018011006',
      ].sort(),
    );
    expect(users.get('198609262015051001')).toMatchObject({
      name: 'Siti Rahmawati',
      email: 'siti.rahmawati@batanghari.go.id',
      phone: '081234567890',
      golongan: 'III/b',
      asn_type: 'pns',
      org_unit_id: units.kominfo,
      position_id: positions.pranata,
      roles: ['learner'],
      active: true,
      password_hash: null,
    });
    // The upsert changed the data columns, never roles, password or active.
    expect(users.get(ahmadNip)).toMatchObject({
      name: "Ahmad Khoiru'l Éndah, S.H., M.H.",
      email: 'ahmad.endah@batanghari.go.id',
      phone: null,
      golongan: 'IV/a',
      org_unit_id: units.kominfo,
      position_id: positions.kabid,
      roles: ['learner', 'admin'],
      active: false,
      password_hash: '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$aGFzaA',
    });
    expect(users.get('199203032016011004')?.position_id).toBe(positions.analis);
    expect(users.get('199001012022211009')).toMatchObject({ asn_type: 'pppk', golongan: 'IX' });
    expect(users.get('197505052000032001')?.email).toBe('taken@batanghari.go.id');

    // "Penyuluh Kesehatan" was created once, in DINKES, for both rows that name it.
    const created = await h.ds.query(`SELECT id, name, kind, org_unit_id FROM positions WHERE lower(name) = 'penyuluh kesehatan'`);
    expect(created).toEqual([{ id: expect.any(String), name: 'Penyuluh Kesehatan', kind: 'fungsional', org_unit_id: units.dinkes }]);
    expect(users.get('199304042017012005')?.position_id).toBe(created[0].id);
    expect(users.get('199405052018011006')?.position_id).toBe(created[0].id);
  });

  it('reads a semicolon-separated file with a BOM, CRLF line ends, an upper-case header and Indonesian names', async () => {
    const csv =
      '\uFEFFNIP;Nama;Email;Unit_Kerja;Jabatan;Golongan\r\n' +
      `199111112015031014;"Ahmad Khoiru'l Éndah; S.H.";khoirul@batanghari.go.id;BKPSDMD;Analis Kebijakan;III/c\r\n` +
      '199212122016032015;Ñoñi Çahya Öktaviani, A.Md.;;dinkes;;ii/C\r\n' +
      ';;;;;\r\n' +
      `${ahmadNip};Ahmad bin Abdul Qadir;;BKPSDMD;;\r\n`;
    const id = await insertImport(h.ds, csv, 'pegawai-excel.csv');
    await enqueueImport(h, id);
    const imp = await waitForImport(h.ds, id);

    expect(imp).toMatchObject({ status: 'completed', total: 3, processed: 3, created: 2, updated: 1, failed: 0, errors: [] });
    const users = await usersByNip(h.ds);
    expect(users.get('199111112015031014')).toMatchObject({
      name: "Ahmad Khoiru'l Éndah; S.H.",
      email: 'khoirul@batanghari.go.id',
      golongan: 'III/c',
      org_unit_id: units.bkpsdmd,
      position_id: positions.analis,
    });
    expect(users.get('199212122016032015')).toMatchObject({
      name: 'Ñoñi Çahya Öktaviani, A.Md.',
      email: null,
      golongan: 'II/c',
      org_unit_id: units.dinkes,
      position_id: null,
    });
    // No telepon column: the phone stays; an empty email or jabatan cell clears the value.
    expect(users.get(ahmadNip)).toMatchObject({
      name: 'Ahmad bin Abdul Qadir',
      email: null,
      phone: '0811111111',
      golongan: null,
      position_id: null,
      roles: ['learner', 'admin'],
      active: false,
    });
  });

  it('fails an import whose header misses a required column, with one file error', async () => {
    const id = await insertImport(h.ds, 'nip,nama,email,unit_kerja\n198609262015051001,Siti,,DISKOMINFO\n');
    await enqueueImport(h, id);
    const imp = await waitForImport(h.ds, id);
    expect(imp).toMatchObject({ status: 'failed', created: 0, updated: 0 });
    expect(imp.errors).toEqual([{ row: 0, field: 'file', code: 'import.header', params: { columns: 'jabatan' } }]);
    expect(imp.finished_at).not.toBeNull();
    expect((await usersByNip(h.ds)).has('198609262015051001')).toBe(false);
  });

  it('fails an empty file, an unreadable one and one with too many rows', async () => {
    const empty = await insertImport(h.ds, '\uFEFFnip;nama;email;unit_kerja;jabatan\r\n\r\n');
    const broken = await insertImport(h.ds, 'nip,nama,email,unit_kerja,jabatan\n198609262015051001,"Siti,,DISKOMINFO,\n');
    const big = await insertImport(
      h.ds,
      ['nip,nama,email,unit_kerja,jabatan', ...Array.from({ length: 4 }, (_, i) => `19860926201505100${i + 1},N${i},,DISKOMINFO,`)].join('\n'),
    );
    const small = await startWorker('user-import-small', { startWorkers: false }, { IMPORT_MAX_ROWS: '3' });
    try {
      await small.imports.run(empty);
      await small.imports.run(broken);
      await small.imports.run(big);
    } finally {
      await small.close();
    }
    const [e, b, t] = await Promise.all([waitForImport(h.ds, empty), waitForImport(h.ds, broken), waitForImport(h.ds, big)]);
    expect([e.status, b.status, t.status]).toEqual(['failed', 'failed', 'failed']);
    expect(e.errors).toEqual([{ row: 0, field: 'file', code: 'import.empty' }]);
    expect(b.errors).toEqual([{ row: 0, field: 'file', code: 'import_file_invalid', params: { reason: expect.stringMatching(/quote/i) } }]);
    expect(t.errors).toEqual([{ row: 0, field: 'file', code: 'import.tooManyRows', params: { max: 3 } }]);
  });

  it('gives the same users and counts when a completed import runs again (idempotent)', async () => {
    const id = await insertImport(h.ds, mixed);
    await enqueueImport(h, id);
    const first = await waitForImport(h.ds, id);
    const usersAfterFirst = await usersByNip(h.ds);
    const positionsAfterFirst = await h.ds.query(`SELECT id, name, org_unit_id FROM positions ORDER BY id`);

    // A finished import is not processed again by a stray job…
    expect(await h.imports.run(id)).toEqual({ status: 'skipped', reason: 'finished' });

    // …but one whose final status was lost (the worker died after the last chunk) runs again
    // from the start: through the queue, as a retry or the reconciler would run it.
    await h.ds.query(`UPDATE user_imports SET status = 'running', finished_at = NULL WHERE id = $1`, [id]);
    await enqueueImport(h, id);
    const second = await waitForImport(h.ds, id);

    const pick = (i: typeof first) => ({ status: i.status, total: i.total, processed: i.processed, created: i.created, updated: i.updated, failed: i.failed, errors: i.errors });
    expect(pick(second)).toEqual(pick(first));
    expect(second.started_at).toEqual(first.started_at);
    expect(await usersByNip(h.ds)).toEqual(usersAfterFirst);
    expect(await h.ds.query(`SELECT id, name, org_unit_id FROM positions ORDER BY id`)).toEqual(positionsAfterFirst);
  });

  it('sets each direct superior named by nip_atasan, also one further down the file, and keeps it when the cell is empty', async () => {
    const supervisors = async () =>
      new Map(
        (await h.ds.query(`SELECT u.nip, s.nip AS boss FROM users u LEFT JOIN users s ON s.id = u.supervisor_id`)).map((r: { nip: string; boss: string | null }) => [r.nip, r.boss]),
      );
    const file = [
      `${header},nip_atasan`,
      /* 1 */ '198609262015051001,Siti Rahmawati,,DISKOMINFO,,,,,,199304042017012005',
      /* 2 */ `199304042017012005,Ni Luh Putu Ayu,,DINKES,,,,,,${ahmadNip}`,
      /* 3 */ '199405052018011006,I Gede Wayan,,DINKES,,,,,,199405052018011099',
    ].join('\n');
    const id = await insertImport(h.ds, file);
    await enqueueImport(h, id);
    const done = await waitForImport(h.ds, id);
    expect(done).toMatchObject({ status: 'completed', created: 2, failed: 1 });
    expect(triples(done.errors)).toEqual([[3, 'nip_atasan', 'followUp.supervisorUnknown']]);
    const first = await supervisors();
    expect(first.get('198609262015051001')).toBe('199304042017012005');
    expect(first.get('199304042017012005')).toBe(ahmadNip);

    // A later file without the column (or with an empty cell) leaves the superiors as they are.
    const again = await insertImport(h.ds, [`${header},nip_atasan`, '198609262015051001,Siti Rahmawati,,DISKOMINFO,,,,,,'].join('\n'));
    await enqueueImport(h, again);
    expect(await waitForImport(h.ds, again)).toMatchObject({ status: 'completed', updated: 1 });
    expect((await supervisors()).get('198609262015051001')).toBe('199304042017012005');
  });

  it('marks the import failed with an internal error when the last attempt crashes, keeping what it knows', async () => {
    const id = await insertImport(h.ds, mixed);
    // A real fault in the real database: the table the import needs is gone for a moment.
    await h.ds.query(`ALTER TABLE org_units RENAME TO org_units_away`);
    try {
      await enqueueImport(h, id, 2);
      const imp = await waitForImport(h.ds, id);
      expect(imp.status).toBe('failed');
      expect(imp.errors).toEqual([{ row: 0, field: 'file', code: 'internal', params: { requestId: id } }]);
    } finally {
      await h.ds.query(`ALTER TABLE org_units_away RENAME TO org_units`);
    }
    expect((await usersByNip(h.ds)).size).toBe(2);
  });
});
