import { assignmentSchema, myAssignmentsSchema, pageOf } from '@cakap/contracts';
import { jakartaDate } from '@cakap/courses';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { AssignmentsService } from '../src/assignments/assignments.service';
import { bearer, createPerson, createUnit, startApi, type Api, type Person } from './harness';
import { createCourse, publish, putContent, richtext, tempDataDir, tree } from './course-fixtures';

const day = (offset: number) => jakartaDate(new Date(Date.now() + offset * 86_400_000));

describe('course assignments (mandatory training)', () => {
  let api: Api;
  let author: Person;
  let admin: Person;
  let courseId: string;
  let otherCourseId: string;
  let parent: string;
  let child: string;
  let grandchild: string;
  let positionId: string;
  let inParent: Person;
  let inChild: Person;
  let inGrandchild: Person;
  let withPosition: Person;
  let outsider: Person;
  const dataDir = tempDataDir();

  const assign = (body: Record<string, unknown>, who: Person = admin) =>
    api.http().post('/api/v1/course-assignments').set(bearer(who)).send(body);
  const mine = async (who: Person) => {
    const res = await api.http().get('/api/v1/me/assignments').set(bearer(who)).expect(200);
    return myAssignmentsSchema.parse(res.body).items;
  };
  const learnersOf = (id: string) => api.app.get(AssignmentsService).learnerIds(id);

  beforeAll(async () => {
    api = await startApi({ CAKAP_DATA_DIR: dataDir });
    parent = await createUnit(api.ds);
    child = await createUnit(api.ds, undefined, parent);
    grandchild = await createUnit(api.ds, undefined, child);
    const [pos] = await api.ds.query(`INSERT INTO positions (name, kind) VALUES ($1, 'pelaksana') RETURNING id`, [
      `Analis ${randomBytes(3).toString('hex')}`,
    ]);
    positionId = pos.id;
    [author, admin, inParent, inChild, inGrandchild, withPosition, outsider] = await Promise.all([
      createPerson(api, ['author', 'learner'], undefined, 'Penulis'),
      createPerson(api, ['admin'], undefined, 'Admin BKPSDMD'),
      createPerson(api, ['learner'], parent, 'Di Induk'),
      createPerson(api, ['learner'], child, 'Di Anak'),
      createPerson(api, ['learner'], grandchild, 'Di Cucu'),
      createPerson(api, ['learner'], undefined, 'Berjabatan'),
      createPerson(api, ['learner'], undefined, 'Orang Luar'),
    ]);
    await api.ds.query(`UPDATE users SET position_id = $1 WHERE id = $2`, [positionId, withPosition.id]);
    courseId = await createCourse(api, author, { title: 'Pelayanan Publik Prima', jp: 4 });
    await putContent(api, author, courseId, tree([richtext('b1', '<p>Satu</p>'), richtext('b2', '<p>Dua</p>')])).expect(200);
    await publish(api, author, admin, courseId);
    otherCourseId = await createCourse(api, author, { title: 'Etika ASN', jp: 2 });
    await putContent(api, author, otherCourseId, tree([richtext('b1', '<p>Satu</p>')])).expect(200);
    await publish(api, author, admin, otherCourseId);
  });
  afterAll(async () => {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('targets resolve to the right learners', () => {
    it('a unit without its sub-units reaches only its own staff', async () => {
      const res = await assign({ courseId, orgUnitId: parent, dueAt: day(10) }).expect(201);
      const a = assignmentSchema.parse(res.body);
      expect(a).toMatchObject({ targetKind: 'org_unit', includeSubUnits: false, courseTitle: 'Pelayanan Publik Prima' });
      expect(a.targetLabel).toMatch(/^Unit U/);
      expect(a.counts).toEqual({ assigned: 1, enrolled: 0, completed: 0, overdue: 0 });
      expect(await learnersOf(a.id)).toEqual([inParent.id]);
      await api.http().post(`/api/v1/course-assignments/${a.id}/cancel`).set(bearer(admin)).expect(200);
    });

    it('a unit with its sub-units reaches the whole subtree (recursive)', async () => {
      const res = await assign({ courseId, orgUnitId: parent, includeSubUnits: true, dueAt: day(10) }).expect(201);
      expect(res.body.counts.assigned).toBe(3);
      expect((await learnersOf(res.body.id)).sort()).toEqual([inParent.id, inChild.id, inGrandchild.id].sort());
      const sub = await assign({ courseId: otherCourseId, orgUnitId: child, includeSubUnits: true, dueAt: day(5) }).expect(201);
      expect((await learnersOf(sub.body.id)).sort()).toEqual([inChild.id, inGrandchild.id].sort());

      // The learners see it, read from their current unit; sorted by due date.
      expect((await mine(inGrandchild)).map((m) => m.title)).toEqual(['Etika ASN', 'Pelayanan Publik Prima']);
      expect((await mine(inParent)).map((m) => m.title)).toEqual(['Pelayanan Publik Prima']);
      expect(await mine(outsider)).toEqual([]);
      for (const id of [res.body.id, sub.body.id]) {
        await api.http().post(`/api/v1/course-assignments/${id}/cancel`).set(bearer(admin)).expect(200);
      }
    });

    it('a position reaches whoever holds it now', async () => {
      const res = await assign({ courseId, positionId, dueAt: day(3), note: 'Wajib' }).expect(201);
      expect(res.body).toMatchObject({ targetKind: 'position', targetLabel: expect.stringMatching(/^Analis/) });
      expect(await learnersOf(res.body.id)).toEqual([withPosition.id]);
      const [item] = await mine(withPosition);
      expect(item).toMatchObject({ courseId, title: 'Pelayanan Publik Prima', jp: 4, dueAt: day(3), overdue: false, note: 'Wajib', enrollment: null });
      await api.http().post(`/api/v1/course-assignments/${res.body.id}/cancel`).set(bearer(admin)).expect(200);
    });

    it('listed users reach exactly them, with my enrolment and progress', async () => {
      const res = await assign({ courseId, userIds: [outsider.id, inChild.id], dueAt: day(0) }).expect(201);
      expect((await learnersOf(res.body.id)).sort()).toEqual([outsider.id, inChild.id].sort());
      const enrolled = await api.http().post('/api/v1/enrollments').set(bearer(outsider)).send({ courseId }).expect(201);
      await api
        .http()
        .post(`/api/v1/enrollments/${enrolled.body.id}/progress`)
        .set(bearer(outsider))
        .send({ events: [{ blockKey: 'b1', kind: 'viewed' }] })
        .expect(200);
      const [item] = await mine(outsider);
      expect(item.enrollment).toEqual({ id: enrolled.body.id, status: 'active', percent: 50 });
      const list = await api.http().get('/api/v1/course-assignments').set(bearer(admin)).expect(200);
      const row = pageOf(assignmentSchema).parse(list.body).items.find((a) => a.id === res.body.id)!;
      expect(row.counts).toEqual({ assigned: 2, enrolled: 1, completed: 0, overdue: 0 });
      expect(row.targetLabel).toBeNull();
    });

    it('an overdue assignment is flagged and counted', async () => {
      const res = await assign({ courseId: otherCourseId, userIds: [outsider.id], dueAt: day(1) }).expect(201);
      await api.ds.query(`UPDATE course_assignments SET due_at = $1 WHERE id = $2`, [day(-2), res.body.id]);
      const items = await mine(outsider);
      expect(items[0]).toMatchObject({ courseId: otherCourseId, overdue: true, dueAt: day(-2) });
      const list = await api.http().get('/api/v1/course-assignments').set(bearer(admin)).expect(200);
      expect(list.body.items.find((a: { id: string }) => a.id === res.body.id).counts.overdue).toBe(1);
      await api.http().post(`/api/v1/course-assignments/${res.body.id}/cancel`).set(bearer(admin)).expect(200);
    });
  });

  it('cancelled assignments disappear for learners and from the default list', async () => {
    const res = await assign({ courseId: otherCourseId, userIds: [withPosition.id], dueAt: day(7) }).expect(201);
    expect((await mine(withPosition)).map((m) => m.courseId)).toEqual([otherCourseId]);
    const cancelled = await api.http().post(`/api/v1/course-assignments/${res.body.id}/cancel`).set(bearer(admin)).expect(200);
    expect(cancelled.body.cancelledAt).not.toBeNull();
    expect(await mine(withPosition)).toEqual([]);
    const list = await api.http().get('/api/v1/course-assignments?pageSize=100').set(bearer(admin)).expect(200);
    expect(list.body.items.map((a: { id: string }) => a.id)).not.toContain(res.body.id);
    const all = await api.http().get('/api/v1/course-assignments?pageSize=100&includeCancelled=true').set(bearer(admin)).expect(200);
    expect(all.body.items.map((a: { id: string }) => a.id)).toContain(res.body.id);
    await api.http().post(`/api/v1/course-assignments/00000000-0000-4000-8000-000000000000/cancel`).set(bearer(admin)).expect(404);
  });

  describe('validation', () => {
    const fieldsOf = (body: { errors?: { field: string; code: string }[] }) => body.errors?.map((e) => [e.field, e.code]);

    it('requires exactly one target', async () => {
      const two = await assign({ courseId, orgUnitId: parent, positionId, dueAt: day(3) }).expect(400);
      expect(fieldsOf(two.body)).toEqual([['orgUnitId', 'assignments.oneTarget']]);
      await assign({ courseId, dueAt: day(3) }).expect(400);
      await assign({ courseId, userIds: [], dueAt: day(3) }).expect(400);
    });

    it('refuses a past due date (today is fine)', async () => {
      const res = await assign({ courseId, orgUnitId: parent, dueAt: day(-1) }).expect(400);
      expect(fieldsOf(res.body)).toEqual([['dueAt', 'assignments.dueInPast']]);
      const today = await assign({ courseId, orgUnitId: parent, dueAt: day(0) }).expect(201);
      await api.http().post(`/api/v1/course-assignments/${today.body.id}/cancel`).set(bearer(admin)).expect(200);
    });

    it('refuses a draft course, and unknown targets', async () => {
      const draft = await createCourse(api, author, { title: 'Masih Draf' });
      const res = await assign({ courseId: draft, orgUnitId: parent, dueAt: day(3) }).expect(400);
      expect(fieldsOf(res.body)).toEqual([['courseId', 'assignments.courseNotPublished']]);
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect(fieldsOf((await assign({ courseId, orgUnitId: unknown, dueAt: day(3) }).expect(400)).body)).toEqual([
        ['orgUnitId', 'assignments.unknownTarget'],
      ]);
      expect(fieldsOf((await assign({ courseId, userIds: [unknown], dueAt: day(3) }).expect(400)).body)).toEqual([
        ['userIds', 'assignments.unknownTarget'],
      ]);
    });
  });

  it('a learner sees only their own assignments and cannot assign', async () => {
    await assign({ courseId, orgUnitId: parent, dueAt: day(3) }, inParent).expect(403);
    await api.http().get('/api/v1/course-assignments').set(bearer(inParent)).expect(403);
    await api.http().get('/api/v1/course-assignments').set(bearer(author)).expect(403);
    const res = await assign({ courseId: otherCourseId, userIds: [inParent.id], dueAt: day(2) }).expect(201);
    expect((await mine(inParent)).map((m) => m.assignmentId)).toEqual([res.body.id]);
    expect((await mine(inChild)).map((m) => m.assignmentId)).not.toContain(res.body.id);
  });
});
