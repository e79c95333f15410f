import { randomUUID } from 'node:crypto';
import { createPerson, startApi, type Api, type Person } from './harness';

/**
 * Invariant 5: every endpoint's audience, in one table. The test reads the routes the api
 * really serves, so an endpoint added without a line here fails the build.
 */
/**
 * 'author': authors and admins (route level; a learner gets 403). Course-level rules come on
 * top (a non-author gets 404 on someone else's course): courses.spec.ts tests those.
 */
const POLICY: Record<string, 'public' | 'signed-in' | 'author' | 'admin'> = {
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
  'GET /api/v1/content-types': 'signed-in',
  'POST /api/v1/files': 'author',
  // Public, but only with a valid signature (files.spec.ts).
  'GET /api/v1/files/:id/content': 'public',
  'POST /api/v1/courses': 'author',
  'GET /api/v1/courses': 'author',
  'GET /api/v1/courses/:id': 'author',
  'PATCH /api/v1/courses/:id': 'author',
  'PUT /api/v1/courses/:id/content': 'author',
  'POST /api/v1/courses/:id/submit-review': 'author',
  'POST /api/v1/courses/:id/withdraw': 'author',
  'POST /api/v1/courses/:id/publish': 'admin',
  'POST /api/v1/courses/:id/reject': 'admin',
  'POST /api/v1/courses/:id/archive': 'author',
  'POST /api/v1/courses/:id/restore': 'admin',
  'GET /api/v1/courses/:id/versions': 'author',
  'GET /api/v1/courses/:id/versions/:version': 'author',
  'GET /api/v1/courses/:id/events': 'author',
  'POST /api/v1/courses/:id/coauthors': 'author',
  'GET /api/v1/courses/:id/coauthor-candidates': 'author',
  'DELETE /api/v1/courses/:id/coauthors/:userId': 'author',
  'GET /api/v1/catalog': 'signed-in',
  'GET /api/v1/catalog/:id': 'signed-in',
  // Learning: any signed-in user, each only on their own enrolments (someone else's id is a
  // 404: enrollments.spec.ts tests those).
  'POST /api/v1/enrollments': 'signed-in',
  'GET /api/v1/enrollments': 'signed-in',
  'GET /api/v1/enrollments/:id': 'signed-in',
  'POST /api/v1/enrollments/:id/progress': 'signed-in',
  'POST /api/v1/enrollments/:id/lessons/:lessonKey/complete': 'signed-in',
  // Quiz attempts: any signed-in user, only on their own enrolments and attempts (quiz-attempts.spec.ts).
  'GET /api/v1/enrollments/:id/quizzes/:blockKey': 'signed-in',
  'POST /api/v1/enrollments/:id/quizzes/:blockKey/attempts': 'signed-in',
  'GET /api/v1/enrollments/:id/test-results': 'signed-in',
  'GET /api/v1/attempts/:id': 'signed-in',
  'PUT /api/v1/attempts/:id/answers': 'signed-in',
  'POST /api/v1/attempts/:id/submit': 'signed-in',
  // Essay grading: authors (courses they author) and admins.
  'GET /api/v1/grading': 'author',
  'POST /api/v1/attempts/:id/answers/:slot/grade': 'author',
  'GET /api/v1/me/learning-hours': 'signed-in',
  'GET /api/v1/users/:id/learning-hours': 'admin',
  'POST /api/v1/users/:id/learning-hours': 'admin',
  // Mandatory training: admins assign; each learner reads only their own (assignments.spec.ts).
  'POST /api/v1/course-assignments': 'admin',
  'GET /api/v1/course-assignments': 'admin',
  'POST /api/v1/course-assignments/:id/cancel': 'admin',
  'GET /api/v1/me/assignments': 'signed-in',
  // Question banks: authors and admins; an author reaches only their own banks (question-banks.spec.ts).
  'GET /api/v1/question-types': 'author',
  'GET /api/v1/question-banks': 'author',
  'POST /api/v1/question-banks': 'author',
  'GET /api/v1/question-banks/:id': 'author',
  'PATCH /api/v1/question-banks/:id': 'author',
  'DELETE /api/v1/question-banks/:id': 'author',
  'GET /api/v1/question-banks/:id/categories': 'author',
  'POST /api/v1/question-banks/:id/categories': 'author',
  'PATCH /api/v1/question-banks/:id/categories/:categoryId': 'author',
  'DELETE /api/v1/question-banks/:id/categories/:categoryId': 'author',
  'GET /api/v1/question-banks/:id/questions': 'author',
  'POST /api/v1/question-banks/:id/questions': 'author',
  'POST /api/v1/question-banks/:id/import': 'author',
  'GET /api/v1/question-banks/:id/export': 'author',
  'GET /api/v1/question-banks/:id/stats': 'author',
  'GET /api/v1/questions/:id': 'author',
  'PUT /api/v1/questions/:id': 'author',
  'DELETE /api/v1/questions/:id': 'author',
  'GET /api/v1/questions/:id/versions': 'author',
  // Competency frameworks: any signed-in user reads published ones (drafts are a 404 for them:
  // competency-frameworks.spec.ts); admins write.
  'GET /api/v1/competency-frameworks': 'signed-in',
  'POST /api/v1/competency-frameworks': 'admin',
  'POST /api/v1/competency-frameworks/import': 'admin',
  'GET /api/v1/competency-frameworks/:id': 'signed-in',
  'GET /api/v1/competency-frameworks/:id/export': 'signed-in',
  'PATCH /api/v1/competency-frameworks/:id': 'admin',
  'DELETE /api/v1/competency-frameworks/:id': 'admin',
  'POST /api/v1/competency-frameworks/:id/publish': 'admin',
  'POST /api/v1/competency-frameworks/:id/retire': 'admin',
  'POST /api/v1/competency-frameworks/:id/competencies': 'admin',
  'GET /api/v1/competencies': 'signed-in',
  'PATCH /api/v1/competencies/:id': 'admin',
  'DELETE /api/v1/competencies/:id': 'admin',
  'GET /api/v1/positions/:id/requirements': 'admin',
  'PUT /api/v1/positions/:id/requirements': 'admin',
  'GET /api/v1/competency-standards/class-defaults': 'admin',
  'PUT /api/v1/competency-standards/class-defaults/:kind': 'admin',
  'POST /api/v1/competency-standards/import': 'admin',
  'GET /api/v1/competency-standards/export': 'admin',
  // Competency profiles and evidence (competency-profiles.spec.ts): the evidence file is the owner's or an admin's (404 otherwise).
  'GET /api/v1/me/competencies': 'signed-in',
  'GET /api/v1/users/:id/competencies': 'admin',
  'POST /api/v1/users/:id/competency-evidence': 'admin',
  'GET /api/v1/competency-evidence/:id/file': 'signed-in',
  // Competency reports: admins only (competency-reports.spec.ts).
  'GET /api/v1/competency-reports/heatmap': 'admin',
  'GET /api/v1/competency-reports/heatmap/export': 'admin',
  'GET /api/v1/competency-reports/gaps': 'admin',
  'GET /api/v1/competency-reports/gaps/export': 'admin',
  // Certificates (certificate-*.spec.ts, verify.spec.ts, notifications.spec.ts). A learner's own
  // certificate, PDF and notifications: someone else's answer 404 (invariant 5).
  'GET /api/v1/certificate-template-types': 'admin',
  'GET /api/v1/certificate-templates': 'admin',
  'POST /api/v1/certificate-templates': 'admin',
  'POST /api/v1/certificate-templates/preview': 'admin',
  'GET /api/v1/certificate-templates/:id': 'admin',
  'GET /api/v1/certificate-templates/:id/preview': 'admin',
  'PATCH /api/v1/certificate-templates/:id': 'admin',
  'DELETE /api/v1/certificate-templates/:id': 'admin',
  'POST /api/v1/certificate-batches': 'admin',
  'GET /api/v1/certificate-batches': 'admin',
  'GET /api/v1/certificate-batches/:id': 'admin',
  'GET /api/v1/certificate-batches/:id/items': 'admin',
  'POST /api/v1/certificate-batches/:id/retry': 'admin',
  'GET /api/v1/certificate-batches/:id/events': 'admin',
  'GET /api/v1/certificate-batches/:id/archive': 'admin',
  'GET /api/v1/me/certificates': 'signed-in',
  'GET /api/v1/certificates': 'admin',
  'GET /api/v1/certificates/export': 'admin',
  'GET /api/v1/certificates/:id': 'signed-in',
  'GET /api/v1/certificates/:id/pdf': 'signed-in',
  'POST /api/v1/certificates/:id/revoke': 'admin',
  'POST /api/v1/certificates/:id/reissue': 'admin',
  // Public, rate-limited per address (verify.spec.ts).
  'GET /api/v1/verify/:code': 'public',
  'GET /.well-known/cakap-keys.json': 'public',
  'GET /api/v1/me/notifications': 'signed-in',
  'POST /api/v1/me/notifications/read-all': 'signed-in',
  'POST /api/v1/me/notifications/:id/read': 'signed-in',
  // Evaluation (evaluation.spec.ts): the survey and its anonymous summary for the course's authors;
  // an enrolment's survey only for its learner (anyone else 404).
  'GET /api/v1/courses/:id/survey': 'author',
  'PUT /api/v1/courses/:id/survey': 'author',
  'DELETE /api/v1/courses/:id/survey': 'author',
  'GET /api/v1/courses/:id/survey/summary': 'author',
  'GET /api/v1/enrollments/:id/evaluation': 'signed-in',
  'POST /api/v1/enrollments/:id/evaluation': 'signed-in',
  // Learning needs (learning-needs.spec.ts): the board is every ASN's; changing a need is its
  // proposer's while proposed (anyone else 403), deleting a comment its author's; triage and the plan admins'.
  'GET /api/v1/learning-needs': 'signed-in',
  'POST /api/v1/learning-needs': 'signed-in',
  'GET /api/v1/learning-needs/:id': 'signed-in',
  'PATCH /api/v1/learning-needs/:id': 'signed-in',
  'DELETE /api/v1/learning-needs/:id': 'signed-in',
  'POST /api/v1/learning-needs/:id/votes': 'signed-in',
  'DELETE /api/v1/learning-needs/:id/votes': 'signed-in',
  'GET /api/v1/learning-needs/:id/comments': 'signed-in',
  'POST /api/v1/learning-needs/:id/comments': 'signed-in',
  'DELETE /api/v1/learning-needs/:id/comments/:commentId': 'signed-in',
  'POST /api/v1/learning-needs/:id/triage': 'admin',
  'GET /api/v1/learning-plan': 'admin',
  'GET /api/v1/learning-plan/:needId/targets': 'admin',
  // Level-3 follow-ups (follow-ups.spec.ts): settings and the anonymous summary for the course's
  // authors; a request's form and response only for its respondent (anyone else 404).
  'GET /api/v1/courses/:id/follow-up': 'author',
  'PUT /api/v1/courses/:id/follow-up': 'author',
  'DELETE /api/v1/courses/:id/follow-up': 'author',
  'GET /api/v1/courses/:id/follow-up/summary': 'author',
  'GET /api/v1/me/follow-ups': 'signed-in',
  'GET /api/v1/follow-ups/:id': 'signed-in',
  'POST /api/v1/follow-ups/:id/response': 'signed-in',
  // Programme evaluation reports (reports.spec.ts): a course's report for its authors and
  // admins (course-level rule in the service), the unit and programme reports for admins.
  'GET /api/v1/reports/courses/:id': 'author',
  'GET /api/v1/reports/courses/:id/learners': 'author',
  'GET /api/v1/reports/org-units': 'admin',
  'GET /api/v1/reports/programme': 'admin',
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
    const url = path.replace(/:id\b/g, randomUUID()).replace(/:userId\b/g, randomUUID()).replace(/:version\b/g, '1').replace(/:lessonKey\b/g, 'l1');
    const req = api.http()[method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'](url);
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

  const authoring = Object.entries(POLICY).filter(([, p]) => p === 'author');
  it.each(authoring)('%s refuses a learner with 403, and lets an author and an admin through', async (route) => {
    expect((await call(route, learner)).status).toBe(403);
    expect([401, 403]).not.toContain((await call(route, author)).status);
    expect([401, 403]).not.toContain((await call(route, admin)).status);
  });

  // (Logout would end the learner's session for the rest of the table.)
  const everyone = Object.entries(POLICY).filter(([r, p]) => p === 'signed-in' && !r.endsWith('/logout'));
  it.each(everyone)('%s lets any signed-in user through', async (route) => {
    expect([401, 403]).not.toContain((await call(route, learner)).status);
  });
});
