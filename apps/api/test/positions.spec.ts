import { randomBytes } from 'node:crypto';
import { bearer, createPerson, createUnit, startApi, type Api, type Person } from './harness';

describe('positions', () => {
  let api: Api;
  let admin: Person;
  beforeAll(async () => {
    api = await startApi();
    admin = await createPerson(api, ['admin']);
  });
  afterAll(() => api.close());

  const post = (body: object) => api.http().post('/api/v1/positions').set(bearer(admin)).send(body);

  it('creates, filters, edits and deletes positions', async () => {
    const unit = await createUnit(api.ds, 'POS-UNIT');
    // Test files share one database: a tag of our own keeps other suites' positions out of the search.
    const tag = randomBytes(3).toString('hex');
    const kabid = await post({ name: `Kepala Bidang Uji ${tag}`, kind: 'administrator', orgUnitId: unit }).expect(201);
    expect(kabid.body).toMatchObject({ kind: 'administrator', orgUnit: { code: 'POS-UNIT' }, userCount: 0 });
    await post({ name: `Analis Uji ${tag}`, kind: 'fungsional' }).expect(201);

    const admins = await api.http().get(`/api/v1/positions?kind=administrator&q=${tag}`).set(bearer(admin)).expect(200);
    expect(admins.body.items.map((p: { name: string }) => p.name)).toEqual([`Kepala Bidang Uji ${tag}`]);

    const edited = await api.http().patch(`/api/v1/positions/${kabid.body.id}`).set(bearer(admin)).send({ kind: 'jpt' }).expect(200);
    expect(edited.body.kind).toBe('jpt');
    await api.http().delete(`/api/v1/positions/${kabid.body.id}`).set(bearer(admin)).expect(204);
  });

  it('keeps names unique within a unit (and among unit-less positions)', async () => {
    const unit = await createUnit(api.ds);
    await post({ name: 'Pengelola Data', kind: 'pelaksana', orgUnitId: unit }).expect(201);
    const dup = await post({ name: 'pengelola data', kind: 'pelaksana', orgUnitId: unit }).expect(409);
    expect(dup.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
    await post({ name: 'Pengelola Data', kind: 'pelaksana' }).expect(201); // another scope
    await post({ name: 'Pengelola Data', kind: 'pelaksana' }).expect(409);
  });

  it('refuses an unknown kind in the user language and deleting a position in use', async () => {
    const res = await api.http().post('/api/v1/positions').set(bearer(admin)).set('Accept-Language', 'en').send({ name: 'X', kind: 'boss' }).expect(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'kind', message: 'Choose one of: jpt, administrator, pengawas, fungsional, pelaksana' });

    const pos = await post({ name: 'Pranata Uji', kind: 'fungsional' }).expect(201);
    await api.ds.query(`UPDATE users SET position_id = $1 WHERE id = $2`, [pos.body.id, admin.id]);
    const inUse = await api.http().delete(`/api/v1/positions/${pos.body.id}`).set(bearer(admin)).expect(409);
    expect(inUse.body.code).toBe('position_in_use');
    await api.ds.query(`UPDATE users SET position_id = NULL WHERE id = $1`, [admin.id]);
  });
});
