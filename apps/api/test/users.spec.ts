import { bearer, createPerson, createUnit, nextNip, startApi, type Api, type Person } from './harness';

describe('users', () => {
  let api: Api;
  let admin: Person;
  let unit: string;
  beforeAll(async () => {
    api = await startApi();
    unit = await createUnit(api.ds, 'USR-UNIT');
    admin = await createPerson(api, ['admin'], unit, 'Admin Uji');
  });
  afterAll(() => api.close());

  const create = (body: object, lang?: string) => {
    const req = api.http().post('/api/v1/users').set(bearer(admin));
    if (lang) req.set('Accept-Language', lang);
    return req.send(body);
  };

  it('creates a user, normalising what the admin typed', async () => {
    const nip = nextNip();
    const grouped = `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
    const res = await create({
      nip: grouped,
      name: "Ahmad Khoiru'l Éndah, S.H., M.H.",
      email: 'Ahmad.Endah@Batanghari.go.id',
      golongan: 'iii/c',
      orgUnitId: unit,
      roles: ['learner', 'author'],
    }).expect(201);
    expect(res.body).toMatchObject({
      nip,
      name: "Ahmad Khoiru'l Éndah, S.H., M.H.",
      email: 'ahmad.endah@batanghari.go.id',
      golongan: 'III/c',
      orgUnit: { id: unit, code: 'USR-UNIT' },
      position: null,
      roles: ['learner', 'author'],
      active: true,
      hasPassword: false,
    });
  });

  it('names the bad NIP field in Indonesian by default and in English on request', async () => {
    const id = await create({ nip: '198602302015051001', name: 'X', orgUnitId: unit, roles: ['learner'] }).expect(400);
    expect(id.body).toMatchObject({ code: 'validation_failed', title: 'Data yang dikirim belum benar' });
    expect(id.body.errors).toEqual([{ field: 'nip', code: 'nip.birthDate', message: 'Tanggal lahir pada NIP (digit 1–8) tidak valid' }]);
    const en = await create({ nip: '12345', name: 'X', orgUnitId: unit, roles: [] }, 'en').expect(400);
    expect(en.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'nip', code: 'nip.format', message: 'A NIP has exactly 18 digits' },
        { field: 'roles', code: 'validation.roles', message: 'Choose at least one role' },
      ]),
    );
  });

  it('answers 409 for a NIP that is already registered', async () => {
    const nip = nextNip();
    await create({ nip, name: 'Pertama', orgUnitId: unit, roles: ['learner'] }).expect(201);
    const dup = await create({ nip, name: 'Kedua', orgUnitId: unit, roles: ['learner'] }).expect(409);
    expect(dup.body).toMatchObject({ code: 'nip_taken', title: 'NIP ini sudah terdaftar', errors: [{ field: 'nip' }] });
  });

  it('searches, filters by unit (with sub-units), role and status, and pages', async () => {
    const opd = await createUnit(api.ds, 'SRCH-OPD');
    const bidang = await createUnit(api.ds, 'SRCH-OPD.BID', opd);
    for (const [name, u] of [
      ['Budi Santoso', opd],
      ['Budi Hartono', bidang],
      ['Citra Lestari', bidang],
    ] as const) {
      await create({ nip: nextNip(), name, orgUnitId: u, roles: ['learner'] }).expect(201);
    }
    const list = (qs: string) => api.http().get(`/api/v1/users?${qs}`).set(bearer(admin)).expect(200);
    expect((await list(`orgUnitId=${opd}`)).body.total).toBe(3);
    expect((await list(`orgUnitId=${opd}&includeSubUnits=false`)).body.total).toBe(1);
    const budi = await list(`q=budi&orgUnitId=${opd}`);
    expect(budi.body.items.map((u: { name: string }) => u.name)).toEqual(['Budi Hartono', 'Budi Santoso']);
    const page = await list(`orgUnitId=${opd}&pageSize=2&page=2`);
    expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(1);
    const byNip = await list(`q=${budi.body.items[0].nip.slice(0, 10)}`);
    expect(byNip.body.items.map((u: { id: string }) => u.id)).toContain(budi.body.items[0].id);
    expect((await list('role=admin')).body.items.map((u: { id: string }) => u.id)).toContain(admin.id);
  });

  it('deactivating a user ends their live sessions at once', async () => {
    const person = await createPerson(api, ['learner'], unit);
    await api.http().get('/api/v1/me').set(bearer(person)).expect(200);
    const res = await api.http().patch(`/api/v1/users/${person.id}`).set(bearer(admin)).send({ active: false }).expect(200);
    expect(res.body.active).toBe(false);
    await api.http().get('/api/v1/me').set(bearer(person)).expect(401);
    const inactive = await (await api.http().get(`/api/v1/users?active=false`).set(bearer(admin))).body;
    expect(inactive.items.map((u: { id: string }) => u.id)).toContain(person.id);
  });

  it('a role change takes effect at once (the old token carried the old roles)', async () => {
    const person = await createPerson(api, ['admin', 'learner'], unit);
    await api.http().patch(`/api/v1/users/${person.id}`).set(bearer(admin)).send({ roles: ['learner'] }).expect(200);
    await api.http().get('/api/v1/users').set(bearer(person)).expect(401);
  });

  it('an admin cannot lock themselves out', async () => {
    const res = await api.http().patch(`/api/v1/users/${admin.id}`).set(bearer(admin)).send({ active: false }).expect(409);
    expect(res.body.errors[0]).toMatchObject({ field: 'active' });
    await api.http().patch(`/api/v1/users/${admin.id}`).set(bearer(admin)).send({ roles: ['learner'] }).expect(409);
  });

  it('resets a password to a temporary one that must be changed at next login', async () => {
    const person = await createPerson(api, ['learner'], unit);
    const res = await api.http().post(`/api/v1/users/${person.id}/password-reset`).set(bearer(admin)).expect(200);
    expect(res.body.temporaryPassword).toMatch(/^[A-Za-z0-9]{12}$/);
    await api.http().get('/api/v1/me').set(bearer(person)).expect(401);
    const login = await api.http().post('/api/v1/auth/login').send({ nip: person.nip, password: res.body.temporaryPassword }).expect(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    await api
      .http()
      .post('/api/v1/me/password')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .send({ currentPassword: res.body.temporaryPassword, newPassword: 'pilihansaya1' })
      .expect(204);
    const me = await api.http().get('/api/v1/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body.mustChangePassword).toBe(false);
  });

  it('refuses an unknown unit or position and a duplicate e-mail', async () => {
    const bad = await create({ nip: nextNip(), name: 'X', orgUnitId: '6f1f2a4e-5b7c-4d8e-9f00-112233445566', roles: ['learner'] }).expect(400);
    expect(bad.body.errors[0].field).toBe('orgUnitId');
    await create({ nip: nextNip(), name: 'Y', email: 'sama@batanghari.go.id', orgUnitId: unit, roles: ['learner'] }).expect(201);
    const dup = await create({ nip: nextNip(), name: 'Z', email: 'SAMA@batanghari.go.id', orgUnitId: unit, roles: ['learner'] }).expect(409);
    expect(dup.body.errors[0]).toMatchObject({ field: 'email', message: 'Email ini sudah dipakai pegawai lain' });
  });

  it('404s an unknown user', async () => {
    await api.http().get('/api/v1/users/6f1f2a4e-5b7c-4d8e-9f00-112233445566').set(bearer(admin)).expect(404);
  });
});
