import { randomUUID } from 'node:crypto';
import { createPerson, startApi, type Api, type Person } from './harness';

/**
 * Invariant 5: every endpoint's audience, in one table. The test reads the routes the api
 * really serves, so an endpoint added without a line here fails the build.
 */
const POLICY: Record<string, 'public' | 'signed-in' | 'admin'> = {
  'GET /health': 'public',
  'GET /health/ready': 'public',
  'GET /metrics': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/refresh': 'public',
  'POST /api/v1/auth/logout': 'signed-in',
  'GET /api/v1/me': 'signed-in',
  'POST /api/v1/me/password': 'signed-in',
  'GET /api/v1/org-units': 'admin',
  'POST /api/v1/org-units': 'admin',
  'GET /api/v1/org-units/:id': 'admin',
  'PATCH /api/v1/org-units/:id': 'admin',
  'DELETE /api/v1/org-units/:id': 'admin',
  'GET /api/v1/positions': 'admin',
  'POST /api/v1/positions': 'admin',
  'GET /api/v1/positions/:id': 'admin',
  'PATCH /api/v1/positions/:id': 'admin',
  'DELETE /api/v1/positions/:id': 'admin',
  'GET /api/v1/users': 'admin',
  'POST /api/v1/users': 'admin',
  'GET /api/v1/users/:id': 'admin',
  'PATCH /api/v1/users/:id': 'admin',
  'POST /api/v1/users/:id/password-reset': 'admin',
  'POST /api/v1/users/imports': 'admin',
  'GET /api/v1/users/imports': 'admin',
  'GET /api/v1/users/imports/template': 'admin',
  'GET /api/v1/users/imports/:id': 'admin',
};

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

function servedRoutes(api: Api): string[] {
  const express = api.app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } };
  const out: string[] = [];
  for (const layer of express.router.stack) {
    // Middleware mounts (logging, the 404 catch-all) answer every method; they are not endpoints.
    const methods = layer.route ? Object.keys(layer.route.methods) : [];
    if (methods.length !== 1) continue;
    out.push(`${methods[0].toUpperCase()} ${layer.route!.path}`);
  }
  return [...new Set(out)].filter((r) => !r.includes('/api/docs'));
}

describe('authorization of every endpoint', () => {
  let api: Api;
  let learner: Person;
  let author: Person;
  let admin: Person;

  beforeAll(async () => {
    api = await startApi();
    learner = await createPerson(api, ['learner']);
    author = await createPerson(api, ['author', 'learner']);
    admin = await createPerson(api, ['admin']);
  });
  afterAll(() => api.close());

  it('has a policy for every route the api serves, and no stale ones', () => {
    expect(servedRoutes(api).sort()).toEqual(Object.keys(POLICY).sort());
  });

  const call = (route: string, who?: Person) => {
    const [method, path] = route.split(' ');
    const url = path.replace(/:id\b/g, randomUUID());
    const req = api.http()[method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](url);
    if (who) req.set('Authorization', `Bearer ${who.token}`);
    return req.send({});
  };

  const guarded = Object.entries(POLICY).filter(([, p]) => p !== 'public');
  it.each(guarded)('%s refuses an anonymous caller with 401', async (route) => {
    const res = await call(route);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthenticated');
  });

  const adminOnly = Object.entries(POLICY).filter(([, p]) => p === 'admin');
  it.each(adminOnly)('%s refuses a learner and an author with 403, and lets an admin through', async (route) => {
    expect((await call(route, learner)).status).toBe(403);
    expect((await call(route, author)).status).toBe(403);
    const asAdmin = await call(route, admin);
    expect([401, 403]).not.toContain(asAdmin.status);
  });
});
