import { bearer, createPerson, startApi, type Api, type Person } from './harness';

describe('org units', () => {
  let api: Api;
  let admin: Person;
  beforeAll(async () => {
    api = await startApi();
    admin = await createPerson(api, ['admin']);
  });
  afterAll(() => api.close());

  const post = (body: object) => api.http().post('/api/v1/org-units').set(bearer(admin)).send(body);

  it('builds a tree and shows breadcrumbs and counts', async () => {
    const opd = await post({ code: 'DINKES', name: 'Dinas Kesehatan' }).expect(201);
    const bidang = await post({ code: 'DINKES.YANKES', name: 'Bidang Pelayanan Kesehatan', parentId: opd.body.id }).expect(201);
    const seksi = await post({ code: 'DINKES.YANKES.RUJ', name: 'Seksi Rujukan', parentId: bidang.body.id }).expect(201);
    expect(seksi.body.ancestors.map((a: { code: string }) => a.code)).toEqual(['DINKES', 'DINKES.YANKES']);

    const children = await api.http().get(`/api/v1/org-units?parentId=${opd.body.id}`).set(bearer(admin)).expect(200);
    expect(children.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(children.body.items[0]).toMatchObject({ code: 'DINKES.YANKES', childCount: 1, userCount: 0 });

    const roots = await api.http().get('/api/v1/org-units?parentId=root&q=kesehatan').set(bearer(admin)).expect(200);
    expect(roots.body.items.map((u: { code: string }) => u.code)).toEqual(['DINKES']);
  });

  it('refuses a duplicate code, whatever its case, naming the field', async () => {
    await post({ code: 'BPBD', name: 'Badan Penanggulangan Bencana Daerah' }).expect(201);
    const dup = await post({ code: 'bpbd', name: 'Lagi' }).expect(409);
    expect(dup.body).toMatchObject({ code: 'org_unit_code_taken', errors: [{ field: 'code' }] });
  });

  it('refuses to make a unit its own ancestor', async () => {
    const a = await post({ code: 'A1', name: 'A' }).expect(201);
    const b = await post({ code: 'A1.B', name: 'B', parentId: a.body.id }).expect(201);
    const res = await api.http().patch(`/api/v1/org-units/${a.body.id}`).set(bearer(admin)).send({ parentId: b.body.id }).expect(409);
    expect(res.body.code).toBe('org_unit_cycle');
    await api.http().patch(`/api/v1/org-units/${a.body.id}`).set(bearer(admin)).send({ parentId: a.body.id }).expect(409);
    const moved = await api.http().patch(`/api/v1/org-units/${a.body.id}`).set(bearer(admin)).send({ name: 'A baru' }).expect(200);
    expect(moved.body.name).toBe('A baru');
  });

  it('will not delete a unit that still has sub-units or staff', async () => {
    const parent = await post({ code: 'SATPOL', name: 'Satpol PP' }).expect(201);
    const child = await post({ code: 'SATPOL.TIB', name: 'Bidang Ketertiban', parentId: parent.body.id }).expect(201);
    const res = await api.http().delete(`/api/v1/org-units/${parent.body.id}`).set(bearer(admin)).expect(409);
    expect(res.body.code).toBe('org_unit_in_use');
    await api.http().delete(`/api/v1/org-units/${child.body.id}`).set(bearer(admin)).expect(204);
    await api.http().delete(`/api/v1/org-units/${parent.body.id}`).set(bearer(admin)).expect(204);
    await api.http().get(`/api/v1/org-units/${parent.body.id}`).set(bearer(admin)).expect(404);
  });

  it('validates input with field errors and an unknown parent', async () => {
    const res = await post({ code: 'bad code!', name: '' }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['code', 'name']);
    const orphan = await post({ code: 'ORPHAN', name: 'X', parentId: '6f1f2a4e-5b7c-4d8e-9f00-112233445566' }).expect(400);
    expect(orphan.body.errors).toEqual([expect.objectContaining({ field: 'parentId', message: 'Data yang dipilih tidak ditemukan' })]);
    const badId = await api.http().get('/api/v1/org-units/not-a-uuid').set(bearer(admin)).expect(400);
    expect(badId.body.errors[0]).toMatchObject({ field: 'id', message: 'ID tidak valid' });
  });

  it('pages', async () => {
    for (let i = 0; i < 5; i++) await post({ code: `KEC-PAGE-${i}`, name: `Kecamatan Uji ${i}` }).expect(201);
    const page2 = await api.http().get('/api/v1/org-units?q=kecamatan%20uji&page=2&pageSize=2').set(bearer(admin)).expect(200);
    expect(page2.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page2.body.items.map((u: { name: string }) => u.name)).toEqual(['Kecamatan Uji 2', 'Kecamatan Uji 3']);
    await api.http().get('/api/v1/org-units?pageSize=1000').set(bearer(admin)).expect(400);
  });
});
