import { randomBytes } from 'node:crypto';
import { bearer, type Api, type Person } from './harness';

/**
 * Competency fixtures of the course-target and profile specs, written with SQL: a framework
 * of its own per suite (test files share one database), with competencies of 1..n levels.
 */

const levels = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ level: i + 1, description: `Level ${i + 1}`, indicators: [] })));

export async function createFramework(api: Api, status: 'draft' | 'published' | 'retired' = 'published'): Promise<string> {
  const [f] = await api.ds.query(
    `INSERT INTO competency_frameworks (identifier, name, status, published_at) VALUES (gen_random_uuid(), $1, $2::text, CASE WHEN $2::text = 'draft' THEN NULL ELSE now() END)
     RETURNING id`,
    [`Kerangka Uji ${randomBytes(4).toString('hex')}`, status],
  );
  return f.id;
}

/** A competency with `maxLevel` levels (0: a grouping node, which cannot be assessed). */
export async function createCompetency(api: Api, frameworkId: string, code: string, maxLevel: number, name = `Kompetensi ${code}`): Promise<string> {
  const [c] = await api.ds.query(
    `INSERT INTO competencies (framework_id, identifier, code, name, kind, levels) VALUES ($1, gen_random_uuid(), $2, $3, 'manajerial', $4) RETURNING id`,
    [frameworkId, code, name, levels(maxLevel)],
  );
  return c.id;
}

/** A pelaksana position of its own whose standard requires the given levels. */
export async function createPosition(api: Api, requirements: [string, number][]): Promise<string> {
  const [p] = await api.ds.query(`INSERT INTO positions (name, kind) VALUES ($1, 'pelaksana') RETURNING id`, [`Jabatan Uji ${randomBytes(4).toString('hex')}`]);
  for (const [competencyId, level] of requirements) {
    await api.ds.query(`INSERT INTO position_competency_requirements (position_id, competency_id, level) VALUES ($1, $2, $3)`, [p.id, competencyId, level]);
  }
  return p.id;
}

export async function assignPosition(api: Api, who: Person, positionId: string): Promise<void> {
  await api.ds.query(`UPDATE users SET position_id = $2 WHERE id = $1`, [who.id, positionId]);
}

export const setTargets = (api: Api, who: Person, courseId: string, competencies: { competencyId: string; level: number }[]) =>
  api.http().patch(`/api/v1/courses/${courseId}`).set(bearer(who)).send({ competencies });

/** Completes a one-lesson course of text blocks through the learner's own route. */
export async function completeLesson(api: Api, who: Person, enrollmentId: string, lessonKey = 'l1'): Promise<void> {
  const res = await api.http().post(`/api/v1/enrollments/${enrollmentId}/lessons/${lessonKey}/complete`).set(bearer(who)).send({});
  if (res.status !== 200 && res.status !== 201) throw new Error(`complete lesson: ${res.status} ${JSON.stringify(res.body)}`);
}

export const myProfile = (api: Api, who: Person) => api.http().get('/api/v1/me/competencies').set(bearer(who));
