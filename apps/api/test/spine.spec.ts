import { createPerson, startApi, type Api } from './harness';

describe('the api spine', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi({ CORS_ORIGINS: 'https://portal.batanghari.go.id' });
  });
  afterAll(() => api.close());

  it('answers unknown routes with problem+json in the request language and a request id', async () => {
    const res = await api.http().get('/api/v1/tidak-ada').set('X-Request-Id', 'req-123').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['x-request-id']).toBe('req-123');
    expect(res.body).toEqual({
      type: 'urn:cakap:error:not_found',
      title: 'Data tidak ditemukan',
      status: 404,
      code: 'not_found',
      instance: '/api/v1/tidak-ada',
      requestId: 'req-123',
    });
    const en = await api.http().get('/api/v1/tidak-ada').set('Accept-Language', 'en-GB,en;q=0.8').expect(404);
    expect(en.body.title).toBe('Not found');
    expect(en.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers malformed JSON with a 400 problem, not a crash', async () => {
    const res = await api.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"nip":').expect(400);
    expect(res.body.code).toBe('validation_failed');
  });

  it('hides internal errors behind a 500 that names only the request id', async () => {
    const broken = await startApi();
    const admin = await createPerson(broken, ['admin']);
    await broken.ds.destroy(); // the database goes away under a running api
    const res = await broken.http().get('/api/v1/users').set('Authorization', `Bearer ${admin.token}`).expect(500);
    expect(res.body.code).toBe('internal');
    expect(res.body.title).toContain(res.body.requestId);
    expect(JSON.stringify(res.body)).not.toMatch(/DataSource|typeorm|stack|\.ts/i);
    await broken.app.close().catch(() => undefined);
  });

  it('reports liveness and readiness of Postgres and Redis', async () => {
    expect((await api.http().get('/health').expect(200)).body).toEqual({ status: 'ok' });
    const ready = await api.http().get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'ok', checks: { postgres: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('is not ready when Redis is unreachable', async () => {
    const noRedis = await startApi({ REDIS_URL: 'redis://127.0.0.1:6390' });
    const res = await noRedis.http().get('/health/ready').expect(503);
    expect(res.body).toMatchObject({ status: 'unavailable', checks: { postgres: { status: 'up' }, redis: { status: 'down' } } });
    await noRedis.close().catch(() => undefined);
  }, 20000);

  it('exposes Prometheus metrics with request latency by route pattern and queue depths', async () => {
    await api.http().get('/api/v1/me').expect(401);
    const res = await api.http().get('/metrics').expect(200);
    expect(res.text).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/me"/);
    expect(res.text).toMatch(/cakap_queue_jobs\{queue="\{user-import\}",state="waiting"\}/);
    expect(res.text).toContain('process_cpu_seconds_total');
  });

  it('publishes OpenAPI generated from the contracts', async () => {
    const doc = await api.http().get('/api/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    const create = doc.body.paths['/api/v1/users'].post;
    const schema = create.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['nip', 'name', 'orgUnitId', 'roles']));
    expect(doc.body.paths['/api/v1/users'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['page', 'pageSize', 'q', 'orgUnitId', 'role', 'active']),
    );
    await api.http().get('/api/docs').expect(200);
  });

  it('sets security headers and allows only the configured CORS origins', async () => {
    const ok = await api.http().get('/health').set('Origin', 'https://portal.batanghari.go.id');
    expect(ok.headers['access-control-allow-origin']).toBe('https://portal.batanghari.go.id');
    const other = await api.http().get('/health').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    expect(ok.headers['x-powered-by']).toBeUndefined();
  });
});
