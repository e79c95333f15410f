import { catalogCourseSchema, courseWithContentSchema } from '@cakap/contracts';
import { rmSync } from 'node:fs';
import { createCourse, publish, putContent, richtext, tempDataDir, tree } from './course-fixtures';
import { createCompetency, createFramework, completeLesson, myProfile, setTargets } from './competency-profile-fixtures';
import { bearer, createPerson, startApi, type Api, type Person } from './harness';
import { enroll } from './quiz-attempt-fixtures';

/**
 * Course competency targets against the real api and Postgres: validated on PATCH /courses/:id
 * (course authorisation on top), a draft change, frozen into the version at publication and
 * shown by the catalog; a completion proves the version's targets, not the draft's.
 */
describe('course competency targets', () => {
  let api: Api;
  let author: Person;
  let otherAuthor: Person;
  let admin: Person;
  let ani: Person;
  /** Published: A (levels 1–3), B (1–5), G (a grouping node without levels). Draft framework: D (1–3). */
  let a: string;
  let b: string;
  let g: string;
  let d: string;
  const dataDir = tempDataDir();

  beforeAll(async () => {
    api = await startApi({ CAKAP_DATA_DIR: dataDir });
    [author, otherAuthor, admin, ani] = await Promise.all([
      createPerson(api, ['author', 'learner'], undefined, 'Penulis'),
      createPerson(api, ['author', 'learner'], undefined, 'Penulis Lain'),
      createPerson(api, ['admin'], undefined, 'Admin'),
      createPerson(api, ['learner'], undefined, 'Ani'),
    ]);
    const published = await createFramework(api);
    [a, b, g] = [await createCompetency(api, published, 'T.A', 3), await createCompetency(api, published, 'T.B', 5), await createCompetency(api, published, 'T.G', 0)];
    d = await createCompetency(api, await createFramework(api, 'draft'), 'T.D', 3);
  });
  afterAll(async () => {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('replaces the draft targets as a draft change, and lists them on the course (sorted by code)', async () => {
    const id = await createCourse(api, author);
    const before = (await api.http().get(`/api/v1/courses/${id}`).set(bearer(author)).expect(200)).body;
    expect(before.competencies).toEqual([]);

    const res = await setTargets(api, author, id, [
      { competencyId: b, level: 5 },
      { competencyId: a, level: 2 },
    ]).expect(200);
    expect(courseWithContentSchema.parse(res.body)).toBeTruthy();
    expect(res.body.competencies).toEqual([
      { competencyId: a, code: 'T.A', name: 'Kompetensi T.A', kind: 'manajerial', level: 2, maxLevel: 3 },
      { competencyId: b, code: 'T.B', name: 'Kompetensi T.B', kind: 'manajerial', level: 5, maxLevel: 5 },
    ]);
    expect(res.body.revision).toBe(before.revision + 1);
    expect(res.body.hasUnpublishedChanges).toBe(true);

    // Replaced, not merged; the list shows them too.
    await setTargets(api, author, id, [{ competencyId: b, level: 1 }]).expect(200);
    const list = await api.http().get('/api/v1/courses?mine=true').set(bearer(author)).expect(200);
    expect(list.body.items.find((c: { id: string }) => c.id === id).competencies).toEqual([expect.objectContaining({ competencyId: b, level: 1 })]);
    // Other metadata leaves the targets alone.
    const renamed = await api.http().patch(`/api/v1/courses/${id}`).set(bearer(author)).send({ title: 'Judul Baru' }).expect(200);
    expect(renamed.body.competencies).toHaveLength(1);
    expect((await setTargets(api, author, id, []).expect(200)).body.competencies).toEqual([]);
  });

  it('lets only the course authors and admins set targets: a learner gets 403, another author 404', async () => {
    const id = await createCourse(api, author);
    await setTargets(api, ani, id, [{ competencyId: a, level: 1 }]).expect(403);
    await setTargets(api, otherAuthor, id, [{ competencyId: a, level: 1 }]).expect(404);
    await setTargets(api, admin, id, [{ competencyId: a, level: 1 }]).expect(200);
  });

  it('refuses what cannot be assessed, a level above the highest, and duplicates, naming each target, in Indonesian and English', async () => {
    const id = await createCourse(api, author);
    const refused = await setTargets(api, author, id, [
      { competencyId: a, level: 4 },
      { competencyId: g, level: 1 },
      { competencyId: d, level: 1 },
      { competencyId: '00000000-0000-4000-8000-000000000000', level: 1 },
      { competencyId: b, level: 5 },
    ]).expect(400);
    const byField = Object.fromEntries(refused.body.errors.map((e: { field: string }) => [e.field, e]));
    expect(byField).toEqual({
      'competencies.0.level': expect.objectContaining({ code: 'validation.tooBig', message: 'Maksimal 3' }),
      'competencies.1.competencyId': expect.objectContaining({ code: 'competency.noLevels', message: expect.stringContaining('"T.G"') }),
      'competencies.2.competencyId': expect.objectContaining({ code: 'competency.notPublished', message: expect.stringContaining('belum terbit') }),
      'competencies.3.competencyId': expect.objectContaining({ code: 'validation.notFound' }),
    });
    const en = await setTargets(api, author, id, [{ competencyId: d, level: 1 }]).set('Accept-Language', 'en').expect(400);
    expect(en.body.errors[0].message).toBe('Competency "T.D" is not published or has been retired');
    const dup = await setTargets(api, author, id, [
      { competencyId: a, level: 1 },
      { competencyId: a, level: 2 },
    ]).expect(400);
    expect(dup.body.errors[0]).toMatchObject({ field: 'competencies', code: 'validation.duplicate' });
    // Level 0 is no target (a position's "not required" has no meaning for a course).
    await setTargets(api, author, id, [{ competencyId: a, level: 0 }]).expect(400);
    // Nothing of a refused request was saved.
    expect((await api.http().get(`/api/v1/courses/${id}`).set(bearer(author)).expect(200)).body.competencies).toEqual([]);
  });

  it('freezes the targets at publication: the catalog and a completion use the version, not a later draft', async () => {
    const id = await createCourse(api, author, { title: 'Kursus Bertarget' });
    await putContent(api, author, id, tree([richtext('t1', '<p>Materi</p>')])).expect(200);
    await setTargets(api, author, id, [{ competencyId: a, level: 2 }]).expect(200);
    await publish(api, author, admin, id);
    const enrollmentId = await enroll(api, ani, id);

    // The author raises the draft's target; it waits for the next publication.
    await setTargets(api, author, id, [{ competencyId: a, level: 3 }]).expect(200);
    const page = await api.http().get(`/api/v1/catalog/${id}`).set(bearer(ani)).expect(200);
    expect(catalogCourseSchema.parse(page.body)).toBeTruthy();
    expect(page.body.competencies).toEqual([{ competencyId: a, code: 'T.A', name: 'Kompetensi T.A', kind: 'manajerial', level: 2, maxLevel: 3 }]);

    await completeLesson(api, ani, enrollmentId);
    const evidence = await api.ds.query(`SELECT level, source, course_version FROM competency_evidence WHERE enrollment_id = $1`, [enrollmentId]);
    expect(evidence).toEqual([{ level: 2, source: 'course', course_version: 1 }]);
    const profile = (await myProfile(api, ani).expect(200)).body;
    expect(profile.profile.find((r: { competencyId: string }) => r.competencyId === a)).toMatchObject({ achieved: 2, required: null, gap: null });

    // Version 2 carries the new level; version 1 keeps its own.
    await publish(api, author, admin, id);
    const frozen = await api.ds.query(`SELECT version, level FROM course_version_competencies WHERE course_id = $1 ORDER BY version`, [id]);
    expect(frozen).toEqual([
      { version: 1, level: 2 },
      { version: 2, level: 3 },
    ]);
  });
});
