import { notify } from '@cakap/db';
import { randomUUID } from 'node:crypto';
import { bearer, createPerson, startApi, type Api, type Person } from './harness';

describe('in-app notifications', () => {
  let api: Api;
  let ani: Person;
  let budi: Person;

  beforeAll(async () => {
    api = await startApi();
    ani = await createPerson(api, ['learner']);
    budi = await createPerson(api, ['learner']);
    for (const [who, number] of [
      [ani, '0001/UJI/2026'],
      [ani, '0002/UJI/2026'],
      [budi, '0003/UJI/2026'],
    ] as const) {
      await notify(api.ds, {
        userId: who.id,
        kind: 'certificate.issued',
        params: { number, course: 'Pelayanan Publik Prima' },
        link: '/sertifikat',
        dedupeKey: `certificate.issued:${randomUUID()}`,
      });
    }
  });
  afterAll(() => api.close());

  const list = (who: Person, query = '', lang = 'id') => api.http().get(`/api/v1/me/notifications${query}`).set(bearer(who)).set('Accept-Language', lang);

  it("lists one's own notifications, newest first, in the reader's language", async () => {
    const id = await list(ani).expect(200);
    expect(id.body).toMatchObject({ total: 2, unread: 2 });
    expect(id.body.items[0]).toMatchObject({
      kind: 'certificate.issued',
      title: 'Sertifikat terbit',
      body: 'Sertifikat Pelayanan Publik Prima Anda telah terbit dengan nomor 0002/UJI/2026.',
      link: '/sertifikat',
      readAt: null,
    });
    const en = await list(ani, '', 'en').expect(200);
    expect(en.body.items[1].body).toBe('Your certificate for Pelayanan Publik Prima has been issued with number 0001/UJI/2026.');
  });

  it("marks one as read, refuses someone else's (404), and marks all", async () => {
    const [first] = (await list(ani).expect(200)).body.items;
    await api.http().post(`/api/v1/me/notifications/${first.id}/read`).set(bearer(budi)).expect(404);
    await api.http().post(`/api/v1/me/notifications/${first.id}/read`).set(bearer(ani)).expect(204);
    const unread = await list(ani, '?unread=true').expect(200);
    expect(unread.body).toMatchObject({ total: 1, unread: 1 });
    expect(unread.body.items[0].id).not.toBe(first.id);

    await api.http().post('/api/v1/me/notifications/read-all').set(bearer(ani)).expect(204);
    expect((await list(ani, '?unread=true')).body).toMatchObject({ total: 0, unread: 0 });
    // Budi's stay unread.
    expect((await list(budi)).body).toMatchObject({ total: 1, unread: 1 });
  });
});
