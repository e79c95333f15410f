import { TokenService } from '../src/auth/token.service';
import { bearer, createPerson, startApi, type Api } from './harness';

describe('auth', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi({ LOGIN_NIP_MAX_FAILURES: '3', LOGIN_NIP_LOCK_SEC: '60', LOGIN_IP_MAX_FAILURES: '8', TRUST_PROXY_HOPS: '1' });
  });
  afterAll(() => api.close());

  const login = (nip: string, password: string, ip = '10.0.0.1', lang?: string) => {
    const req = api.http().post('/api/v1/auth/login').set('X-Forwarded-For', ip);
    if (lang) req.set('Accept-Language', lang);
    return req.send({ nip, password });
  };

  it('logs in with NIP and password and answers /me', async () => {
    const p = await createPerson(api, ['learner']);
    const res = await login(p.nip, p.password).expect(200);
    expect(res.body).toMatchObject({ expiresIn: 900, user: { nip: p.nip, roles: ['learner'] } });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const me = await api.http().get('/api/v1/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ id: p.id, nip: p.nip, hasPassword: true, lastLoginAt: expect.any(String) });
  });

  it('accepts a NIP typed in its printed groups', async () => {
    const p = await createPerson(api, ['learner']);
    const grouped = `${p.nip.slice(0, 8)} ${p.nip.slice(8, 14)} ${p.nip.slice(14, 15)} ${p.nip.slice(15)}`;
    await login(grouped, p.password).expect(200);
  });

  it('says the same thing for a wrong password and an unknown NIP, in the request language', async () => {
    const p = await createPerson(api, ['learner']);
    const wrong = await login(p.nip, 'salah12345', '10.0.1.1').expect(401);
    const unknown = await login('199912312020121999', 'salah12345', '10.0.1.1').expect(401);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(wrong.body).toMatchObject({ code: 'invalid_credentials', title: 'NIP atau kata sandi salah', status: 401 });
    expect(unknown.body.title).toBe(wrong.body.title);
    const en = await login(p.nip, 'salah12345', '10.0.1.1', 'en').expect(401);
    expect(en.body.title).toBe('Wrong NIP or password');
  });

  it('locks a NIP after a handful of failures, with Retry-After, even with the right password', async () => {
    const p = await createPerson(api, ['learner']);
    for (let i = 0; i < 3; i++) await login(p.nip, 'salah12345', `10.0.2.${i}`).expect(401);
    const locked = await login(p.nip, p.password, '10.0.2.99').expect(429);
    expect(locked.body.code).toBe('nip_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Another NIP from the same office is not affected.
    const colleague = await createPerson(api, ['learner']);
    await login(colleague.nip, colleague.password, '10.0.2.0').expect(200);
  });

  it('a success clears the NIP failures; the per-address limit counts failures only', async () => {
    const p = await createPerson(api, ['learner']);
    await login(p.nip, 'salah12345', '10.0.3.1').expect(401);
    await login(p.nip, 'salah12345', '10.0.3.1').expect(401);
    await login(p.nip, p.password, '10.0.3.1').expect(200);
    await login(p.nip, 'salah12345', '10.0.3.1').expect(401);
    await login(p.nip, 'salah12345', '10.0.3.1').expect(401);
    await login(p.nip, p.password, '10.0.3.1').expect(200); // not locked: the count restarted

    // Many colleagues logging in successfully from one office address are never throttled...
    for (let i = 0; i < 10; i++) await login(p.nip, p.password, '10.0.4.1').expect(200);
    // ...but many failures from one address are (8 here), whichever NIPs they try.
    for (let i = 0; i < 8; i++) await login(`19700101199501100${i}`, 'salah12345', '10.0.5.1');
    const res = await login(p.nip, p.password, '10.0.5.1').expect(429);
    expect(res.body.code).toBe('too_many_attempts');
    expect(res.headers['retry-after']).toBeDefined();
  });

  it('refuses an inactive account only once the password is right', async () => {
    const p = await createPerson(api, ['learner']);
    await api.ds.query(`UPDATE users SET active = false WHERE id = $1`, [p.id]);
    await login(p.nip, 'salah12345', '10.0.6.1').expect(401);
    const res = await login(p.nip, p.password, '10.0.6.1').expect(403);
    expect(res.body.code).toBe('account_inactive');
  });

  it('rotates refresh tokens and revokes the whole family when an old one is reused', async () => {
    const p = await createPerson(api, ['learner']);
    const first = await api.http().post('/api/v1/auth/refresh').send({ refreshToken: p.refreshToken }).expect(200);
    expect(first.body.refreshToken).not.toBe(p.refreshToken);
    const second = await api.http().post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(200);

    // The first token again: stolen or replayed. The session ends for everyone holding it.
    const reuse = await api.http().post('/api/v1/auth/refresh').send({ refreshToken: p.refreshToken }).expect(401);
    expect(reuse.body.code).toBe('refresh_reused');
    await api.http().post('/api/v1/auth/refresh').send({ refreshToken: second.body.refreshToken }).expect(401);
    await api.http().get('/api/v1/me').set('Authorization', `Bearer ${second.body.accessToken}`).expect(401);
    const [{ revoke_reason }] = await api.ds.query(
      `SELECT s.revoke_reason FROM auth_sessions s JOIN refresh_tokens t ON t.session_id = s.id WHERE t.token_hash = $1`,
      [TokenService.hash(p.refreshToken)],
    );
    expect(revoke_reason).toBe('reuse');
  });

  it('gives exactly one new pair when the same refresh token races itself', async () => {
    const p = await createPerson(api, ['learner']);
    const results = await Promise.all(
      [1, 2, 3].map(() => api.http().post('/api/v1/auth/refresh').send({ refreshToken: p.refreshToken })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  });

  it('logout ends the session: its access and refresh tokens stop working at once', async () => {
    const p = await createPerson(api, ['learner']);
    await api.http().post('/api/v1/auth/logout').set(bearer(p)).expect(204);
    await api.http().get('/api/v1/me').set(bearer(p)).expect(401);
    await api.http().post('/api/v1/auth/refresh').send({ refreshToken: p.refreshToken }).expect(401);
  });

  it('refuses forged, expired and malformed tokens', async () => {
    const p = await createPerson(api, ['admin']);
    const [h, body] = p.token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forgedBody = Buffer.from(JSON.stringify({ ...claims, roles: ['admin', 'learner'] })).toString('base64url');
    await api.http().get('/api/v1/me').set('Authorization', `Bearer ${h}.${forgedBody}.${p.token.split('.')[2]}`).expect(401);
    await api.http().get('/api/v1/me').set('Authorization', 'Bearer nonsense').expect(401);
    const jwt = await import('jsonwebtoken');
    const expired = jwt.default.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 }, api.cfg.JWT_SECRET);
    const res = await api.http().get('/api/v1/me').set('Authorization', `Bearer ${expired}`).expect(401);
    expect(res.body.code).toBe('token_invalid');
  });

  it('changes the password: the old one stops working and other devices are signed out', async () => {
    const p = await createPerson(api, ['learner']);
    const other = await login(p.nip, p.password, '10.0.7.1').expect(200);
    const bad = await api.http().post('/api/v1/me/password').set(bearer(p)).send({ currentPassword: p.password, newPassword: 'short' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ field: 'newPassword', message: 'Kata sandi minimal 8 karakter dan memuat huruf serta angka' }),
    ]);
    const wrongCurrent = await api
      .http()
      .post('/api/v1/me/password')
      .set(bearer(p))
      .send({ currentPassword: 'bukan12345', newPassword: 'baru12345' })
      .expect(400);
    expect(wrongCurrent.body.errors[0].field).toBe('currentPassword');

    await api.http().post('/api/v1/me/password').set(bearer(p)).send({ currentPassword: p.password, newPassword: 'baru12345' }).expect(204);
    await api.http().get('/api/v1/me').set(bearer(p)).expect(200); // this device stays signed in
    await api.http().get('/api/v1/me').set('Authorization', `Bearer ${other.body.accessToken}`).expect(401);
    await login(p.nip, p.password, '10.0.7.2').expect(401);
    await login(p.nip, 'baru12345', '10.0.7.2').expect(200);
  });

  it('stores argon2id hashes, never the password', async () => {
    const p = await createPerson(api, ['learner']);
    const [{ password_hash }] = await api.ds.query(`SELECT password_hash FROM users WHERE id = $1`, [p.id]);
    expect(password_hash).toMatch(/^\$argon2id\$/);
    expect(password_hash).not.toContain(p.password);
  });
});
