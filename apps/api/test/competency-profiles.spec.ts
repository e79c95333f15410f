import { jobPersonMatch } from '@cakap/competencies';
import { competencyProfileSchema, evidenceSchema } from '@cakap/contracts';
import { jakartaDate } from '@cakap/courses';
import { rmSync } from 'node:fs';
import { createCourse, PDF, publish, putContent, richtext, tempDataDir, tree, upload } from './course-fixtures';
import { assignPosition, completeLesson, createCompetency, createFramework, createPosition, myProfile, setTargets } from './competency-profile-fixtures';
import { bearer, createPerson, startApi, type Api, type Person } from './harness';
import { createBank, enroll, insertQuestion, quizApi, quizBlock } from './quiz-attempt-fixtures';

type Row = { competencyId: string; achieved: number; required: number | null; gap: number | null };
type Rec = { course: { id: string }; addresses: { competencyId: string; level: number; gap: number }[]; enrollmentId: string | null };

/**
 * Competency profiles against the real api and Postgres: evidence from completions (once,
 * post-tests first), from admins (with a file, validated), the achieved level it derives, gaps
 * against the position's standard, recommendations, and who may read what (invariant 5).
 */
describe('competency profiles and evidence', () => {
  let api: Api;
  let author: Person;
  let admin: Person;
  /** P (levels 1–5) and K (1–5) are required by the suite's position at 3 and 2; X (1–4) is not. */
  let p: string;
  let k: string;
  let x: string;
  let positionId: string;
  const dataDir = tempDataDir();
  const today = jakartaDate(new Date());

  beforeAll(async () => {
    api = await startApi({ CAKAP_DATA_DIR: dataDir });
    [author, admin] = await Promise.all([createPerson(api, ['author', 'learner'], undefined, 'Penulis'), createPerson(api, ['admin'], undefined, 'Admin Kompetensi')]);
    const f = await createFramework(api);
    [p, k, x] = [await createCompetency(api, f, 'P.1', 5, 'Pelayanan'), await createCompetency(api, f, 'P.2', 5, 'Komunikasi'), await createCompetency(api, f, 'P.3', 4, 'Lainnya')];
    positionId = await createPosition(api, [
      [p, 3],
      [k, 2],
    ]);
  });
  afterAll(async () => {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A learner holding the suite's position. */
  async function learner(name: string): Promise<Person> {
    const who = await createPerson(api, ['learner'], undefined, name);
    await assignPosition(api, who, positionId);
    return who;
  }
  /** A published one-lesson text course with the given targets. */
  async function targetedCourse(targets: [string, number][], title = 'Kursus Kompetensi'): Promise<string> {
    const id = await createCourse(api, author, { title });
    await putContent(api, author, id, tree([richtext('t1', '<p>Materi</p>')])).expect(200);
    await setTargets(api, author, id, targets.map(([competencyId, level]) => ({ competencyId, level }))).expect(200);
    await publish(api, author, admin, id);
    return id;
  }
  async function complete(who: Person, courseId: string): Promise<string> {
    const enrollmentId = await enroll(api, who, courseId);
    await completeLesson(api, who, enrollmentId);
    return enrollmentId;
  }
  const mine = (rows: Row[]) => rows.filter((r) => [p, k, x].includes(r.competencyId));
  const row = (rows: Row[], id: string) => rows.find((r) => r.competencyId === id);
  const recordEvidence = (who: Person, userId: string, body: Record<string, unknown>) =>
    api.http().post(`/api/v1/users/${userId}/competency-evidence`).set(bearer(who)).send(body);
  const assessment = (competencyId: string, level: number, extra: Record<string, unknown> = {}) => ({
    competencyId,
    level,
    source: 'assessment',
    title: 'Uji kompetensi manajerial',
    occurredOn: today,
    ...extra,
  });

  it('shows the gaps against the position standard, biggest first, with the job-person match', async () => {
    const ani = await learner('Ani');
    const res = await myProfile(api, ani).expect(200);
    expect(competencyProfileSchema.parse(res.body)).toBeTruthy();
    expect(res.body.user).toMatchObject({ id: ani.id, nip: ani.nip, name: 'Ani', position: { id: positionId, kind: 'pelaksana' } });
    expect(mine(res.body.profile)).toEqual([
      expect.objectContaining({ competencyId: p, code: 'P.1', achieved: 0, required: 3, gap: 3, maxLevel: 5 }),
      expect.objectContaining({ competencyId: k, code: 'P.2', achieved: 0, required: 2, gap: 2 }),
    ]);
    expect(res.body.match).toBe(0);
    expect(res.body.evidence).toEqual([]);
  });

  it('records a completion once, shrinks the gap, and recommends what closes the biggest gap first (never a completed course)', async () => {
    const budi = await learner('Budi');
    const forK = await targetedCourse([[k, 2]], 'Komunikasi Efektif');
    const forP = await targetedCourse([[p, 3]], 'Pelayanan Lanjut');
    const both = await targetedCourse(
      [
        [p, 1],
        [k, 1],
      ],
      'Pengantar',
    );
    const elsewhere = await targetedCourse([[x, 4]], 'Di Luar Standar');

    const before: Rec[] = (await myProfile(api, budi).expect(200)).body.recommendations;
    const ours = (recs: Rec[]) => recs.filter((r) => [forK, forP, both, elsewhere].includes(r.course.id));
    expect(ours(before).map((r) => r.course.id)).toEqual([forP, both, forK]);
    expect(ours(before)[1].addresses).toEqual([
      { competencyId: p, code: 'P.1', name: 'Pelayanan', level: 1, gap: 3 },
      { competencyId: k, code: 'P.2', name: 'Komunikasi', level: 1, gap: 2 },
    ]);

    const enrollmentId = await complete(budi, forP);
    // A second completion request changes nothing.
    await api.http().post(`/api/v1/enrollments/${enrollmentId}/lessons/l1/complete`).set(bearer(budi)).send({});
    const active = await enroll(api, budi, forK);
    const after = (await myProfile(api, budi).expect(200)).body;
    expect(mine(after.profile)).toEqual([
      expect.objectContaining({ competencyId: k, achieved: 0, required: 2, gap: 2 }),
      expect.objectContaining({ competencyId: p, achieved: 3, required: 3, gap: 0 }),
    ]);
    // Other suites may give the position's class default levels too (a shared database): the match covers them all.
    expect(after.match).toBe(jobPersonMatch(after.profile));
    expect(after.match).toBeLessThan(100);
    expect(after.evidence).toEqual([
      expect.objectContaining({ competencyId: p, level: 3, source: 'course', title: 'Pelayanan Lanjut', courseId: forP, enrollmentId, file: null, recordedBy: null, occurredOn: today }),
    ]);
    expect(evidenceSchema.parse(after.evidence[0])).toBeTruthy();
    // P is met: the course for it is completed anyway, and "Pengantar" now helps with K only.
    expect(ours(after.recommendations).map((r: Rec) => [r.course.id, r.enrollmentId])).toEqual([
      [forK, active],
      [both, null],
    ]);
  });

  it('records nothing for a course with a post-test until the post-test is passed, then once', async () => {
    const citra = await learner('Citra');
    const bank = await createBank(api, author);
    const question = await insertQuestion(api, bank, 'true_false', { prompt: '<p>ASN wajib netral.</p>', correct: true });
    const id = await createCourse(api, author, { title: 'Kursus Berpost-test' });
    // The post-test does not require a pass: a failed one still completes the course.
    await putContent(api, author, id, tree([quizBlock('post', { role: 'posttest', selection: { mode: 'fixed', questionIds: [question] }, requirePass: false, maxAttempts: 3 })])).expect(200);
    await setTargets(api, author, id, [{ competencyId: k, level: 2 }]).expect(200);
    await publish(api, author, admin, id);
    const enrollmentId = await enroll(api, citra, id);
    const q = quizApi(api);

    const failed = (await q.start(citra, enrollmentId, 'post').expect(201)).body;
    await q.save(citra, failed.id, [{ slot: failed.items[0].slot, answer: false }]).expect(200);
    expect((await q.submit(citra, failed.id).expect(200)).body.result).toMatchObject({ passed: false });
    const [e] = await api.ds.query(`SELECT status FROM enrollments WHERE id = $1`, [enrollmentId]);
    expect(e.status).toBe('completed');
    expect(row((await myProfile(api, citra).expect(200)).body.profile, k)).toMatchObject({ achieved: 0, gap: 2 });

    const passed = (await q.start(citra, enrollmentId, 'post').expect(201)).body;
    await q.save(citra, passed.id, [{ slot: passed.items[0].slot, answer: true }]).expect(200);
    expect((await q.submit(citra, passed.id).expect(200)).body.result).toMatchObject({ passed: true });
    await q.submit(citra, passed.id).expect(200);
    const profile = (await myProfile(api, citra).expect(200)).body;
    expect(row(profile.profile, k)).toMatchObject({ achieved: 2, gap: 0 });
    expect(profile.evidence).toEqual([expect.objectContaining({ competencyId: k, level: 2, source: 'course', enrollmentId })]);
  });

  it('lets an assessment lower the achieved level and a later course raise it again', async () => {
    const dedi = await learner('Dedi');
    await complete(dedi, await targetedCourse([[k, 2]]));
    await recordEvidence(admin, dedi.id, assessment(k, 1)).expect(201);
    expect(row((await myProfile(api, dedi).expect(200)).body.profile, k)).toMatchObject({ achieved: 1, required: 2, gap: 1 });
    await complete(dedi, await targetedCourse([[k, 2]]));
    expect(row((await myProfile(api, dedi).expect(200)).body.profile, k)).toMatchObject({ achieved: 2, gap: 0 });
  });

  it('records admin evidence with an attachment that only its learner and admins can open', async () => {
    const eka = await learner('Eka');
    const fajar = await learner('Fajar');
    const file = (await upload(api, admin, 'document', PDF, 'sertifikat uji.pdf').expect(201)).body;
    const created = await recordEvidence(admin, eka.id, assessment(x, 3, { source: 'training', title: 'Diklat Teknis', note: 'Nilai A', fileId: file.id })).expect(201);
    expect(evidenceSchema.parse(created.body)).toMatchObject({
      competencyId: x,
      code: 'P.3',
      level: 3,
      source: 'training',
      note: 'Nilai A',
      occurredOn: today,
      file: { id: file.id, fileName: 'sertifikat uji.pdf' },
      recordedBy: { id: admin.id, name: 'Admin Kompetensi' },
      courseId: null,
      enrollmentId: null,
    });
    // Not required by the position, still in the profile.
    const profile = (await myProfile(api, eka).expect(200)).body;
    expect(row(profile.profile, x)).toMatchObject({ achieved: 3, required: null, gap: null });
    expect(profile.evidence.map((e: { id: string }) => e.id)).toEqual([created.body.id]);

    const fileOf = (who: Person) => api.http().get(`/api/v1/competency-evidence/${created.body.id}/file`).set(bearer(who));
    for (const who of [eka, admin]) {
      const res = await fileOf(who).expect(302);
      expect(res.headers.location).toMatch(new RegExp(`^/api/v1/files/${file.id}/content\\?exp=\\d+&sig=[\\w-]+&download=1$`));
    }
    const bytes = await api.http().get((await fileOf(eka)).headers.location).expect(200);
    expect(bytes.headers['content-disposition']).toMatch(/^attachment/);
    expect(Buffer.from(bytes.body).equals(PDF)).toBe(true);
    await fileOf(fajar).expect(404);
    // Evidence without a file has nothing to serve.
    const plain = await recordEvidence(admin, eka.id, assessment(k, 1)).expect(201);
    await api.http().get(`/api/v1/competency-evidence/${plain.body.id}/file`).set(bearer(eka)).expect(404);

    // Another learner sees neither the profile nor the evidence; admins read anyone's.
    await api.http().get(`/api/v1/users/${eka.id}/competencies`).set(bearer(fajar)).expect(403);
    await recordEvidence(fajar, eka.id, assessment(k, 1)).expect(403);
    expect((await myProfile(api, fajar).expect(200)).body.evidence).toEqual([]);
    const asAdmin = (await api.http().get(`/api/v1/users/${eka.id}/competencies`).set(bearer(admin)).expect(200)).body;
    expect(asAdmin.evidence.map((e: { id: string }) => e.id)).toEqual([plain.body.id, created.body.id]);
    await api.http().get(`/api/v1/users/00000000-0000-4000-8000-000000000000/competencies`).set(bearer(admin)).expect(404);
  });

  it('refuses a future date, an unknown competency or file, a level above the highest, and an unknown learner, in Indonesian and English', async () => {
    const gita = await learner('Gita');
    const tomorrow = jakartaDate(new Date(Date.now() + 24 * 3600 * 1000));
    const future = await recordEvidence(admin, gita.id, assessment(k, 1, { occurredOn: tomorrow })).expect(400);
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'occurredOn', code: 'competency.futureDate', message: 'Tanggal tidak boleh di masa depan' })]);
    const futureEn = await recordEvidence(admin, gita.id, assessment(k, 1, { occurredOn: tomorrow })).set('Accept-Language', 'en').expect(400);
    expect(futureEn.body.errors[0].message).toBe('The date cannot be in the future');

    const unknown = await recordEvidence(admin, gita.id, assessment('00000000-0000-4000-8000-000000000000', 1)).expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'competencyId', code: 'validation.notFound' })]);
    const noFile = await recordEvidence(admin, gita.id, assessment(k, 1, { fileId: '00000000-0000-4000-8000-000000000000' })).expect(400);
    expect(noFile.body.errors).toEqual([expect.objectContaining({ field: 'fileId', code: 'competency.fileNotFound', message: 'Berkas lampiran tidak ditemukan' })]);
    const tooHigh = await recordEvidence(admin, gita.id, assessment(x, 5)).set('Accept-Language', 'en').expect(400);
    expect(tooHigh.body.errors).toEqual([expect.objectContaining({ field: 'level', code: 'validation.tooBig', message: 'At most 4' })]);
    // Course evidence is Cakap's own: an admin cannot record it.
    const course = await recordEvidence(admin, gita.id, assessment(k, 1, { source: 'course' })).expect(400);
    expect(course.body.errors[0].field).toBe('source');
    await recordEvidence(admin, '00000000-0000-4000-8000-000000000000', assessment(k, 1)).expect(404);
    expect((await myProfile(api, gita).expect(200)).body.evidence).toEqual([]);
  });
});
