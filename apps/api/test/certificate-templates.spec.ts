import { binary, completedCourse, createTemplate, issueFor, pdfText, templateBody } from './certificate-fixtures';
import { JPEG, PDF, PNG, tempDataDir, upload } from './course-fixtures';
import { bearer, createPerson, startApi, type Api, type Person } from './harness';

describe('certificate templates', () => {
  let api: Api;
  let admin: Person;
  let author: Person;
  let learner: Person;

  beforeAll(async () => {
    api = await startApi({ CAKAP_DATA_DIR: tempDataDir() });
    admin = await createPerson(api, ['admin', 'author']);
    author = await createPerson(api, ['author']);
    learner = await createPerson(api, ['learner'], undefined, "Ahmad Khoiru'l Éndah, S.H., M.H.");
  });
  afterAll(() => api.close());

  const http = () => api.http();

  it('lists the template types of the enabled plugins with their config schema', async () => {
    const res = await http().get('/api/v1/certificate-template-types').set(bearer(admin)).expect(200);
    const sttp = res.body.find((t: { key: string }) => t.key === 'sttp');
    expect(sttp.plugin).toBe('@cakap/plugin-certificates');
    expect(sttp.configSchema.type).toBe('object');
    expect(sttp.defaultConfig.place).toBe('Muara Bulian');
  });

  it('creates, reads, lists, updates and deletes a template', async () => {
    const body = await templateBody(api, admin);
    const created = await http().post('/api/v1/certificate-templates').set(bearer(admin)).send(body).expect(201);
    expect(created.body).toMatchObject({ name: body.name, templateKey: 'sttp', numberPattern: body.numberPattern, isDefault: false, archived: false, issuedCount: 0 });
    const id = created.body.id;
    await http().get(`/api/v1/certificate-templates/${id}`).set(bearer(admin)).expect(200);
    const list = await http().get('/api/v1/certificate-templates?archived=false&pageSize=100').set(bearer(admin)).expect(200);
    expect(list.body.items.map((t: { id: string }) => t.id)).toContain(id);

    const patched = await http()
      .patch(`/api/v1/certificate-templates/${id}`)
      .set(bearer(admin))
      .send({ name: `${body.name} (revisi)`, config: { ...body.config, place: 'Jambi' } })
      .expect(200);
    expect(patched.body.name).toBe(`${body.name} (revisi)`);
    expect((patched.body.config as { place: string }).place).toBe('Jambi');

    const archived = await http().patch(`/api/v1/certificate-templates/${id}`).set(bearer(admin)).send({ archived: true }).expect(200);
    expect(archived.body.archived).toBe(true);
    const active = await http().get('/api/v1/certificate-templates?archived=false&pageSize=100').set(bearer(admin)).expect(200);
    expect(active.body.items.map((t: { id: string }) => t.id)).not.toContain(id);

    await http().delete(`/api/v1/certificate-templates/${id}`).set(bearer(admin)).expect(204);
    await http().get(`/api/v1/certificate-templates/${id}`).set(bearer(admin)).expect(404);
  });

  it('validates the type, the config (under config.*), the number pattern and the logo, in Indonesian or English', async () => {
    const post = (over: Record<string, unknown>, lang = 'id') =>
      templateBody(api, admin, over).then((b) => http().post('/api/v1/certificate-templates').set(bearer(admin)).set('Accept-Language', lang).send(b));

    const unknown = await post({ templateKey: 'tidak-ada' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'templateKey', code: 'certificate.unknownTemplateType' })]);

    const base = await templateBody(api, admin);
    const badConfig = await post({ config: { ...base.config, signerNip: '123' } });
    expect(badConfig.status).toBe(400);
    expect(badConfig.body.errors[0].field).toBe('config.signerNip');

    const noSeq = await post({ numberPattern: 'BKPSDMD/{year}' });
    expect(noSeq.status).toBe(400);
    expect(noSeq.body.errors[0]).toMatchObject({ field: 'numberPattern', code: 'certificate.patternNoSeq' });
    const unknownToken = await post({ numberPattern: '{seq}/{year}/{hari}' }, 'en');
    expect(unknownToken.body.errors[0].code).toBe('certificate.patternUnknown');
    expect(unknownToken.body.errors[0].message).toContain('{hari}');

    const pdf = await upload(api, admin, 'document', PDF, 'logo.pdf').expect(201);
    const badLogo = await post({ logoFileId: pdf.body.id });
    expect(badLogo.body.errors[0]).toMatchObject({ field: 'logoFileId', code: 'certificate.logoType' });
    const png = await upload(api, admin, 'image', PNG, 'logo.png').expect(201);
    expect((await post({ logoFileId: png.body.id })).status).toBe(201);
    const jpeg = await upload(api, admin, 'image', JPEG, 'logo.jpg').expect(201);
    expect((await post({ logoFileId: jpeg.body.id })).status).toBe(201);
  });

  it('answers a name or number pattern in use with 409 on the field', async () => {
    const body = await templateBody(api, admin);
    await http().post('/api/v1/certificate-templates').set(bearer(admin)).send(body).expect(201);
    const sameName = await http()
      .post('/api/v1/certificate-templates')
      .set(bearer(admin))
      .send({ ...(await templateBody(api, admin)), name: body.name.toUpperCase() });
    expect(sameName.status).toBe(409);
    expect(sameName.body.errors[0]).toMatchObject({ field: 'name', code: 'certificate.templateNameTaken' });
    const samePattern = await http()
      .post('/api/v1/certificate-templates')
      .set(bearer(admin))
      .send({ ...(await templateBody(api, admin)), numberPattern: body.numberPattern });
    expect(samePattern.status).toBe(409);
    expect(samePattern.body.errors[0]).toMatchObject({ field: 'numberPattern', code: 'certificate.patternTaken' });
  });

  it('keeps one default: making another the default moves it', async () => {
    const a = await createTemplate(api, admin, { isDefault: true });
    const b = await createTemplate(api, admin);
    await http().patch(`/api/v1/certificate-templates/${b}`).set(bearer(admin)).send({ isDefault: true }).expect(200);
    expect((await http().get(`/api/v1/certificate-templates/${a}`).set(bearer(admin))).body.isDefault).toBe(false);
    expect((await http().get(`/api/v1/certificate-templates/${b}`).set(bearer(admin))).body.isDefault).toBe(true);
    // Archiving the default lets the default go (no archived default).
    const archived = await http().patch(`/api/v1/certificate-templates/${b}`).set(bearer(admin)).send({ archived: true }).expect(200);
    expect(archived.body).toMatchObject({ archived: true, isDefault: false });
  });

  it('previews an unsaved and a saved template as a PDF with the sample learner', async () => {
    const body = await templateBody(api, admin);
    const unsaved = await binary(
      http().post('/api/v1/certificate-templates/preview').set(bearer(admin)).send({ templateKey: body.templateKey, config: body.config, numberPattern: body.numberPattern }),
    ).expect(200);
    expect(unsaved.headers['content-type']).toBe('application/pdf');
    const text = pdfText(unsaved.body);
    expect(text).toContain("Ahmad Khoiru'l Éndah, S.H., M.H.");
    expect(text).toContain('Muara Bulian');
    expect(text).toContain(`0001/${body.numberPattern.split('/')[1]}/`);

    const id = await createTemplate(api, admin);
    const saved = await binary(http().get(`/api/v1/certificate-templates/${id}/preview`).set(bearer(admin))).expect(200);
    expect(pdfText(saved.body)).toContain('20 (dua puluh) jam pelajaran');

    const invalid = await http()
      .post('/api/v1/certificate-templates/preview')
      .set(bearer(admin))
      .send({ templateKey: 'sttp', config: body.config, numberPattern: 'tanpa-urut' });
    expect(invalid.status).toBe(400);
  });

  it('refuses to delete a template that issued certificates (archive instead)', async () => {
    const templateId = await createTemplate(api, admin);
    const courseId = await completedCourse(api, author, admin, [learner]);
    await issueFor(api, admin, courseId, [learner], templateId);
    const t = await http().get(`/api/v1/certificate-templates/${templateId}`).set(bearer(admin)).expect(200);
    expect(t.body.issuedCount).toBe(1);
    const res = await http().delete(`/api/v1/certificate-templates/${templateId}`).set(bearer(admin));
    expect(res.status).toBe(409);
    expect(res.body.errors[0].code).toBe('certificate.templateInUse');
  });

  it("sets a course's automatic issuance and template without a new revision (author or admin)", async () => {
    const templateId = await createTemplate(api, admin);
    const courseId = await completedCourse(api, author, admin, []);
    const before = await http().get(`/api/v1/courses/${courseId}`).set(bearer(author)).expect(200);
    expect(before.body).toMatchObject({ certificateAuto: false, certificateTemplateId: null, hasUnpublishedChanges: false });
    const res = await http().patch(`/api/v1/courses/${courseId}`).set(bearer(author)).send({ certificateAuto: true, certificateTemplateId: templateId }).expect(200);
    expect(res.body).toMatchObject({ certificateAuto: true, certificateTemplateId: templateId, hasUnpublishedChanges: false, revision: before.body.revision });
    const unknown = await http().patch(`/api/v1/courses/${courseId}`).set(bearer(author)).send({ certificateTemplateId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('certificateTemplateId');
    // A batch without a template takes the course's.
    const batch = await http().post('/api/v1/certificate-batches').set(bearer(admin)).send({ courseId, nips: [learner.nip] }).expect(202);
    expect((await http().get(`/api/v1/certificate-batches/${batch.body.id}`).set(bearer(admin))).body.template.id).toBe(templateId);
    const off = await http().patch(`/api/v1/courses/${courseId}`).set(bearer(admin)).send({ certificateAuto: false, certificateTemplateId: null }).expect(200);
    expect(off.body).toMatchObject({ certificateAuto: false, certificateTemplateId: null });
  });

  it('is for admins only', async () => {
    await http().get('/api/v1/certificate-templates').set(bearer(author)).expect(403);
    await http().get('/api/v1/certificate-templates').set(bearer(learner)).expect(403);
  });
});
