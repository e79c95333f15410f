import { hasMessage, t } from '@cakap/contracts';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { createCourse } from './course-fixtures';
import { bearer, createPerson, createUnit, nextNip, startApi, type Api, type Person } from './harness';

/**
 * The learning-needs board (AKPK) and the yearly plan, against a small organisation built here
 * (the database is shared with other suites: titles carry a tag and every list is filtered by it).
 *
 * Plan targets, hand-checked: competency K (published, 3 levels) is required at level 3 by
 * position P1 (unit U1) and at level 2 by position P2 (unit U2).
 *   Umar  U1/P1 achieved 1 -> gap 2 (target)      Ujang U1/P1 achieved 3 -> none
 *   Usman U1/P1 no evidence -> gap 3 (target)     Wati  U2/P2 achieved 1 -> gap 1 (target)
 *   Wulan U2/P2 inactive (not counted)            Yanto U2 without a position (not counted)
 * So a need for K targets 3 ASN: U1 2, U2 1, largest gap first Usman (3), Umar (2), Wati (1).
 */
describe('learning needs (AKPK)', () => {
  let api: Api;
  let admin: Person;
  let alice: Person;
  let budi: Person;
  let citra: Person;
  const tag = randomBytes(3).toString('hex');
  const YEAR = 2041;
  let unitA: string;
  let competencyK: string;
  let draftCompetency: string;
  const unit: Record<'u1' | 'u2', string> = { u1: '', u2: '' };
  const needs: Record<string, string> = {};

  const levels = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ level: i + 1, description: `Level ${i + 1}`, indicators: [] })));

  async function competency(status: 'published' | 'draft', code: string): Promise<string> {
    const [f] = await api.ds.query(
      `INSERT INTO competency_frameworks (identifier, name, status, published_at) VALUES (gen_random_uuid(), $1, $2, now()) RETURNING id`,
      [`Kerangka ${code} ${tag}`, status],
    );
    const [c] = await api.ds.query(
      `INSERT INTO competencies (framework_id, identifier, code, name, kind, levels) VALUES ($1, gen_random_uuid(), $2, $3, 'teknis', $4) RETURNING id`,
      [f.id, code, `Kompetensi ${code}`, levels(3)],
    );
    return c.id;
  }

  async function position(unitId: string, level: number): Promise<string> {
    const [p] = await api.ds.query(`INSERT INTO positions (name, kind, org_unit_id) VALUES ($1, 'fungsional', $2) RETURNING id`, [
      `Jabatan ${level} ${tag}`,
      unitId,
    ]);
    await api.ds.query(`INSERT INTO position_competency_requirements (position_id, competency_id, level) VALUES ($1, $2, $3)`, [p.id, competencyK, level]);
    return p.id;
  }

  async function asn(name: string, unitId: string, positionId: string | null, achieved: number | null, active = true) {
    const [u] = await api.ds.query(`INSERT INTO users (nip, name, org_unit_id, position_id, active) VALUES ($1, $2, $3, $4, $5) RETURNING id, nip`, [
      nextNip(),
      `${name} ${tag}`,
      unitId,
      positionId,
      active,
    ]);
    if (achieved !== null) {
      await api.ds.query(`INSERT INTO competency_achievements (user_id, competency_id, level, evidence_count) VALUES ($1, $2, $3, 1)`, [u.id, competencyK, achieved]);
    }
    return u as { id: string; nip: string };
  }

  const propose = (who: Person, body: Record<string, unknown>, lang = 'id') =>
    api.http().post('/api/v1/learning-needs').set(bearer(who)).set('Accept-Language', lang).send(body);
  const board = (who: Person, query: Record<string, string | number> = {}) =>
    api.http().get('/api/v1/learning-needs').query({ q: tag, ...query }).set(bearer(who));
  const vote = (who: Person, id: string) => api.http().post(`/api/v1/learning-needs/${id}/votes`).set(bearer(who));
  const triage = (who: Person, id: string, body: Record<string, unknown>, lang = 'id') =>
    api.http().post(`/api/v1/learning-needs/${id}/triage`).set(bearer(who)).set('Accept-Language', lang).send(body);
  const titles = (res: Response) => res.body.items.map((n: { title: string }) => n.title);
  const notificationsOf = (userId: string): Promise<{ kind: string; params: Record<string, string>; link: string }[]> =>
    api.ds.query(`SELECT kind, params, link FROM notifications WHERE user_id = $1 AND kind LIKE 'learningNeed.%' ORDER BY created_at, id`, [userId]);

  beforeAll(async () => {
    api = await startApi();
    unitA = await createUnit(api.ds);
    admin = await createPerson(api, ['admin']);
    alice = await createPerson(api, ['learner'], unitA, 'Alice Pengusul');
    budi = await createPerson(api, ['learner'], undefined, 'Budi Pendukung');
    citra = await createPerson(api, ['learner'], undefined, 'Citra Pendukung');
    competencyK = await competency('published', `K${tag}`);
    draftCompetency = await competency('draft', `D${tag}`);
    unit.u1 = await createUnit(api.ds);
    unit.u2 = await createUnit(api.ds);
    const p1 = await position(unit.u1, 3);
    const p2 = await position(unit.u2, 2);
    await asn('Umar', unit.u1, p1, 1);
    await asn('Ujang', unit.u1, p1, 3);
    await asn('Usman', unit.u1, p1, null);
    await asn('Wati', unit.u2, p2, 1);
    await asn('Wulan', unit.u2, p2, null, false);
    await asn('Yanto', unit.u2, null, null);
  });
  afterAll(() => api.close());

  it('takes a proposal from any ASN, filed under their unit, and explains each wrong field in Indonesian or English', async () => {
    const bad = { title: 'Abc', reason: 'pendek', preferredForm: 'seminar' };
    const id = await propose(alice, bad).expect(400);
    expect(id.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'title', message: 'Minimal 5 karakter' }),
        expect.objectContaining({ field: 'reason', message: 'Minimal 10 karakter' }),
        expect.objectContaining({ field: 'preferredForm', code: 'validation.enum' }),
      ]),
    );
    const en = await propose(alice, bad, 'en').expect(400);
    expect(en.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'title', message: 'At least 5 characters' })]));

    const draft = await propose(alice, { title: `Analisis kebijakan ${tag}`, reason: 'Kami perlu menyusun naskah akademik.', competencyId: draftCompetency }).expect(400);
    expect(draft.body.errors).toEqual([
      { field: 'competencyId', code: 'learningNeeds.competencyNotPublished', message: 'Pilih kompetensi dari kerangka kompetensi yang sudah terbit' },
    ]);

    const created = await propose(alice, {
      title: `  Analisis kebijakan publik ${tag} `,
      reason: 'Kami perlu menyusun naskah akademik peraturan daerah.',
      competencyId: competencyK,
      preferredForm: 'workshop',
    }).expect(201);
    expect(created.body).toMatchObject({
      title: `Analisis kebijakan publik ${tag}`,
      status: 'proposed',
      votes: 0,
      comments: 0,
      preferredForm: 'workshop',
      competency: { id: competencyK, code: `K${tag}` },
      proposer: { id: alice.id, name: 'Alice Pengusul', unitName: `Unit ${(await api.ds.query(`SELECT code FROM org_units WHERE id = $1`, [unitA]))[0].code}` },
      votedByMe: false,
      decisionReason: null,
      plan: null,
    });
    needs.policy = created.body.id;
    // DESIGN.md: the contract's minimal body `{title, reason}`; the form defaults to e-learning.
    const minimal = await propose(budi, { title: `Menulis surat dinas ${tag}`, reason: 'Banyak surat keluar masih salah format.' }).expect(201);
    expect(minimal.body).toMatchObject({ competency: null, preferredForm: 'elearning' });
    needs.letters = minimal.body.id;
    needs.excel = (await propose(citra, { title: `Excel untuk perencanaan ${tag}`, reason: 'Penyusunan anggaran masih manual.' }).expect(201)).body.id;
    needs.drone = (await propose(alice, { title: `Pemetaan dengan drone ${tag}`, reason: 'Pemetaan lahan desa masih manual.' }).expect(201)).body.id;
  });

  it('takes one vote per ASN, never on their own need, and lets it be withdrawn', async () => {
    expect((await vote(budi, needs.policy).expect(200)).body).toEqual({ votes: 1, votedByMe: true });
    const again = await vote(budi, needs.policy).expect(409);
    expect(again.body.errors[0]).toMatchObject({ code: 'learningNeeds.alreadyVoted', message: 'Anda sudah mendukung usulan ini' });
    const own = await vote(alice, needs.policy).set('Accept-Language', 'en').expect(409);
    expect(own.body.errors[0]).toMatchObject({ code: 'learningNeeds.ownNeed', message: 'You cannot support your own proposal' });
    expect((await vote(citra, needs.policy).expect(200)).body).toEqual({ votes: 2, votedByMe: true });
    await vote(admin, needs.policy).expect(200);
    await vote(citra, needs.letters).expect(200);
    await vote(alice, needs.letters).expect(200);
    await vote(admin, needs.excel).expect(200);

    const withdrawn = await api.http().delete(`/api/v1/learning-needs/${needs.excel}/votes`).set(bearer(admin)).expect(200);
    expect(withdrawn.body).toEqual({ votes: 0, votedByMe: false });
    const mine = await api.http().get(`/api/v1/learning-needs/${needs.policy}`).set(bearer(budi)).expect(200);
    expect(mine.body).toMatchObject({ votes: 3, votedByMe: true });
  });

  it('lists the board with search, filters, paging and both sorts', async () => {
    const byVotes = await board(citra).expect(200);
    expect(byVotes.body.total).toBe(4);
    expect(titles(byVotes).slice(0, 2)).toEqual([`Analisis kebijakan publik ${tag}`, `Menulis surat dinas ${tag}`]);
    expect(byVotes.body.items[0]).toMatchObject({ votes: 3, votedByMe: true, comments: 0 });

    const recent = await board(citra, { sort: 'recent', pageSize: 2 }).expect(200);
    expect(recent.body).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(titles(recent)).toEqual([`Pemetaan dengan drone ${tag}`, `Excel untuk perencanaan ${tag}`]);
    const page2 = await board(citra, { sort: 'recent', pageSize: 2, page: 2 }).expect(200);
    expect(titles(page2)).toEqual([`Menulis surat dinas ${tag}`, `Analisis kebijakan publik ${tag}`]);
    const past = await board(citra, { pageSize: 2, page: 5 }).expect(200);
    expect(past.body).toMatchObject({ items: [], total: 4 });

    expect(titles(await board(citra, { q: `SURAT DINAS ${tag}` }).expect(200))).toEqual([`Menulis surat dinas ${tag}`]);
    expect((await board(alice, { mine: 'true' }).expect(200)).body.total).toBe(2);
    expect(titles(await board(citra, { competencyId: competencyK }).expect(200))).toEqual([`Analisis kebijakan publik ${tag}`]);
    expect((await board(citra, { unitId: unitA }).expect(200)).body.total).toBe(2);
    expect((await board(citra, { status: 'declined' }).expect(200)).body.total).toBe(0);
    const wrong = await board(citra, { sort: 'best', status: 'done' }).expect(400);
    expect(wrong.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['sort', 'status']);
  });

  it("keeps comments as plain text, oldest first, and tells the proposer of someone else's", async () => {
    const url = `/api/v1/learning-needs/${needs.policy}/comments`;
    const first = await api.http().post(url).set(bearer(budi)).send({ body: '<script>alert(1)</script> Saya setuju!' }).expect(201);
    expect(first.body).toMatchObject({ body: '<script>alert(1)</script> Saya setuju!', author: { id: budi.id, name: 'Budi Pendukung' }, canDelete: true });
    await api.http().post(url).set(bearer(alice)).send({ body: 'Terima kasih dukungannya.' }).expect(201);
    const empty = await api.http().post(url).set(bearer(citra)).send({ body: '   ' }).expect(400);
    expect(empty.body.errors[0]).toMatchObject({ field: 'body' });

    const list = await api.http().get(url).set(bearer(citra)).expect(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((c: { body: string }) => c.body)).toEqual(['<script>alert(1)</script> Saya setuju!', 'Terima kasih dukungannya.']);
    expect(list.body.items.map((c: { canDelete: boolean }) => c.canDelete)).toEqual([false, false]);
    expect((await api.http().get(`/api/v1/learning-needs/${needs.policy}`).set(bearer(citra))).body.comments).toBe(2);

    // Only Budi's comment notifies Alice; her own reply does not.
    const notes = await notificationsOf(alice.id);
    expect(notes).toEqual([{ kind: 'learningNeed.commented', params: { author: 'Budi Pendukung', title: `Analisis kebijakan publik ${tag}` }, link: `/kebutuhan/${needs.policy}` }]);
    const bell = await api.http().get('/api/v1/me/notifications').set(bearer(alice)).expect(200);
    expect(bell.body.items.map((n: { body: string }) => n.body)).toContain(`Budi Pendukung mengomentari usulan Anda "Analisis kebijakan publik ${tag}".`);

    await api.http().delete(`${url}/${first.body.id}`).set(bearer(citra)).expect(403);
    const extra = await api.http().post(url).set(bearer(citra)).send({ body: 'Komentar sementara' }).expect(201);
    await api.http().delete(`${url}/${extra.body.id}`).set(bearer(citra)).expect(204);
    await api.http().delete(`${url}/${first.body.id}`).set(bearer(admin)).expect(204);
    expect((await api.http().get(url).set(bearer(citra))).body.total).toBe(1);
  });

  it("lets only the proposer change or withdraw a proposal while it is proposed (and admins any time)", async () => {
    const url = `/api/v1/learning-needs/${needs.drone}`;
    await api.http().patch(url).set(bearer(citra)).send({ title: `Diubah orang lain ${tag}` }).expect(403);
    await api.http().delete(url).set(bearer(citra)).expect(403);
    const edited = await api.http().patch(url).set(bearer(alice)).send({ title: `Pemetaan wilayah dengan drone ${tag}`, preferredForm: 'classical' }).expect(200);
    expect(edited.body).toMatchObject({ title: `Pemetaan wilayah dengan drone ${tag}`, preferredForm: 'classical' });
    await api.http().patch(url).set(bearer(alice)).send({ competencyId: draftCompetency }).expect(400);

    await triage(admin, needs.drone, { status: 'accepted', planYear: YEAR + 1 }).expect(200);
    const late = await api.http().patch(url).set(bearer(alice)).send({ reason: 'Alasan yang diperbarui setelah diputuskan.' }).expect(409);
    expect(late.body.errors[0].code).toBe('learningNeeds.notEditable');
    await api.http().delete(url).set(bearer(alice)).expect(409);
    await api.http().patch(url).set(bearer(admin)).send({ reason: 'Dirapikan oleh admin BKPSDMD.' }).expect(200);
    await api.http().delete(url).set(bearer(admin)).expect(204);
    await api.http().get(url).set(bearer(alice)).expect(404);

    const temp = await propose(citra, { title: `Usulan sementara ${tag}`, reason: 'Akan saya tarik kembali.' }).expect(201);
    await api.http().delete(`/api/v1/learning-needs/${temp.body.id}`).set(bearer(citra)).expect(204);
  });

  it('lets only admins triage, with per-field errors mirroring the rules', async () => {
    await triage(alice, needs.excel, { status: 'declined', decisionReason: 'Tidak relevan' }).expect(403);
    const noReason = await triage(admin, needs.excel, { status: 'declined', decisionReason: '  ' }).expect(400);
    expect(noReason.body.errors).toEqual([
      { field: 'decisionReason', code: 'learningNeeds.reasonRequired', message: 'Tuliskan alasan penolakan; pengusul akan membacanya' },
    ]);
    const en = await triage(admin, needs.excel, { status: 'planned' }, 'en').expect(400);
    expect(en.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'planYear', message: 'Enter the plan year' }),
        expect.objectContaining({ field: 'planKind', message: 'Choose what is planned: a course or a classical activity' }),
      ]),
    );
    const noCourse = await triage(admin, needs.excel, { status: 'planned', planYear: YEAR, planKind: 'course' }).expect(400);
    expect(noCourse.body.errors[0]).toMatchObject({ field: 'plannedCourseId', code: 'learningNeeds.courseRequired' });
    const noActivity = await triage(admin, needs.excel, { status: 'planned', planYear: YEAR, planKind: 'classical', plannedActivity: '' }).expect(400);
    expect(noActivity.body.errors[0]).toMatchObject({ field: 'plannedActivity', code: 'learningNeeds.activityRequired' });
    const unknown = await triage(admin, needs.excel, { status: 'planned', planYear: YEAR, planKind: 'course', plannedCourseId: '00000000-0000-4000-8000-000000000000' }).expect(400);
    expect(unknown.body.errors[0]).toMatchObject({ field: 'plannedCourseId', code: 'learningNeeds.courseNotFound' });
    const noYear = await triage(admin, needs.excel, { status: 'accepted' }).expect(400);
    expect(noYear.body.errors[0]).toMatchObject({ field: 'planYear', code: 'learningNeeds.planYearRequired' });
    // Nothing was half-applied.
    expect((await api.http().get(`/api/v1/learning-needs/${needs.excel}`).set(bearer(citra))).body.status).toBe('proposed');
  });

  it('shows the proposer why a need was declined, and closes its voting', async () => {
    const reason = 'Sudah tersedia pelatihan Excel di katalog; silakan ikuti kursus itu.';
    await triage(admin, needs.excel, { status: 'declined', decisionReason: reason }).expect(200);
    const seen = await api.http().get(`/api/v1/learning-needs/${needs.excel}`).set(bearer(citra)).expect(200);
    expect(seen.body).toMatchObject({ status: 'declined', decisionReason: reason, plan: null });
    const closed = await vote(budi, needs.excel).expect(409);
    expect(closed.body.errors[0].code).toBe('learningNeeds.votingClosed');

    const [note] = await notificationsOf(citra.id);
    expect(note).toMatchObject({ kind: 'learningNeed.declined', params: { title: `Excel untuk perencanaan ${tag}`, reason }, link: `/kebutuhan/${needs.excel}` });
    const bell = await api.http().get('/api/v1/me/notifications').set(bearer(citra)).set('Accept-Language', 'en').expect(200);
    expect(bell.body.items.map((n: { body: string }) => n.body)).toContain(`Your proposal "Excel untuk perencanaan ${tag}" was declined. The reason: ${reason}`);
  });

  it('plans needs as a course or a classical activity and tells the proposer and the supporters', async () => {
    const courseId = await createCourse(api, admin, { title: `Naskah Akademik ${tag}` });
    const planned = await triage(admin, needs.policy, { status: 'planned', planYear: YEAR, planKind: 'course', plannedCourseId: courseId }).expect(200);
    expect(planned.body).toMatchObject({
      status: 'planned',
      plan: { kind: 'course', courseId, courseTitle: `Naskah Akademik ${tag}`, activity: null, year: YEAR },
    });
    await triage(admin, needs.letters, { status: 'accepted', planYear: YEAR, decisionReason: 'Masuk prioritas tahun depan.' }).expect(200);
    const later = await triage(admin, needs.letters, { status: 'planned', planYear: YEAR, planKind: 'classical', plannedActivity: 'Bimtek tata naskah dinas' }).expect(200);
    expect(later.body.plan).toEqual({ kind: 'classical', courseId: null, courseTitle: null, activity: 'Bimtek tata naskah dinas', year: YEAR });
    // Planned needs take no more votes.
    await vote(admin, needs.letters).expect(409);

    // Two comments by others (Budi, Citra), her drone need accepted, her policy need planned, the letters she supports planned.
    expect((await notificationsOf(alice.id)).map((n) => n.kind)).toEqual([
      'learningNeed.commented',
      'learningNeed.commented',
      'learningNeed.accepted',
      'learningNeed.planned',
      'learningNeed.supportedPlanned',
    ]);
    expect((await notificationsOf(budi.id)).map((n) => [n.kind, n.params.plan])).toEqual([
      ['learningNeed.supportedPlanned', `Naskah Akademik ${tag}`],
      ['learningNeed.accepted', undefined],
      ['learningNeed.planned', 'Bimtek tata naskah dinas'],
    ]);
    expect((await notificationsOf(citra.id)).map((n) => n.kind)).toEqual([
      'learningNeed.declined',
      'learningNeed.supportedPlanned',
      'learningNeed.supportedPlanned',
    ]);
    // Every kind written renders in both catalogues.
    const kinds = (await api.ds.query(`SELECT DISTINCT kind FROM notifications WHERE kind LIKE 'learningNeed.%'`)) as { kind: string }[];
    expect(kinds.length).toBeGreaterThanOrEqual(5);
    for (const { kind } of kinds) {
      for (const part of ['title', 'body']) {
        expect(hasMessage(`notification.${kind}.${part}`)).toBe(true);
        expect(t(`notification.${kind}.${part}`, 'en')).not.toBe(t(`notification.${kind}.${part}`, 'id'));
      }
    }
  });

  it('keeps the yearly plan and its targets from learners', async () => {
    await api.http().get('/api/v1/learning-plan').query({ year: YEAR }).set(bearer(alice)).expect(403);
    await api.http().get(`/api/v1/learning-plan/${needs.policy}/targets`).set(bearer(alice)).expect(403);
    await api.http().get('/api/v1/learning-plan').query({ year: YEAR, format: 'csv' }).set(bearer(budi)).expect(403);
  });

  it('lists the accepted needs of a year with the ASN they target, from the competency gaps or the supporters', async () => {
    const res = await api.http().get('/api/v1/learning-plan').query({ year: YEAR }).set(bearer(admin)).expect(200);
    expect(res.body.year).toBe(YEAR);
    const [policy, letters] = res.body.items;
    expect(res.body.items).toHaveLength(2);
    expect(policy).toMatchObject({
      id: needs.policy,
      votes: 3,
      targetSource: 'competency-gap',
      targetCount: 3,
      topUnits: [
        { id: unit.u1, count: 2 },
        { id: unit.u2, count: 1 },
      ],
    });
    // Budi proposed it, Citra and Alice support it.
    expect(letters).toMatchObject({ id: needs.letters, targetSource: 'supporters', targetCount: 3 });
    expect((await api.http().get('/api/v1/learning-plan').query({ year: YEAR + 5 }).set(bearer(admin)).expect(200)).body.items).toEqual([]);
    await api.http().get('/api/v1/learning-plan').query({ year: 'tahun' }).set(bearer(admin)).expect(400);

    const targets = await api.http().get(`/api/v1/learning-plan/${needs.policy}/targets`).set(bearer(admin)).expect(200);
    expect(targets.body.total).toBe(3);
    expect(targets.body.items.map((r: { name: string; required: number; achieved: number; gap: number }) => [r.name, r.required, r.achieved, r.gap])).toEqual([
      [`Usman ${tag}`, 3, 0, 3],
      [`Umar ${tag}`, 3, 1, 2],
      [`Wati ${tag}`, 2, 1, 1],
    ]);
    const searched = await api.http().get(`/api/v1/learning-plan/${needs.policy}/targets`).query({ q: 'wati', pageSize: 1 }).set(bearer(admin)).expect(200);
    expect(searched.body).toMatchObject({ total: 1, items: [{ name: `Wati ${tag}`, gap: 1 }] });
    const supporters = await api.http().get(`/api/v1/learning-plan/${needs.letters}/targets`).set(bearer(admin)).expect(200);
    expect(supporters.body.items.map((r: { userId: string }) => r.userId).sort()).toEqual([alice.id, budi.id, citra.id].sort());
    expect(supporters.body.items[0]).toMatchObject({ required: null, achieved: null, gap: null });
  });

  it('downloads the plan as CSV and XLSX with the same figures', async () => {
    const csv = await api.http().get('/api/v1/learning-plan').query({ year: YEAR, format: 'csv' }).set(bearer(admin)).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain(`rencana-pengembangan-${YEAR}.csv`);
    const rows: string[][] = parse(csv.text.replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(['Kebutuhan', 'Status', 'Kompetensi', 'Dukungan', 'Rencana', 'ASN sasaran', 'Dasar sasaran', 'Unit dengan sasaran terbanyak', 'Pengusul']);
    expect(rows[1].slice(0, 7)).toEqual([
      `Analisis kebijakan publik ${tag}`,
      'Direncanakan',
      `K${tag} Kompetensi K${tag}`,
      '3',
      `Kursus: Naskah Akademik ${tag}`,
      '3',
      'Kesenjangan kompetensi',
    ]);
    expect(rows).toHaveLength(3);

    const xlsx = await api
      .http()
      .get('/api/v1/learning-plan')
      .query({ year: YEAR, format: 'xlsx' })
      .set(bearer(admin))
      .set('Accept-Language', 'en')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Uint8Array.from(xlsx.body as Buffer).buffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe(`Development plan ${YEAR}`);
    expect(sheet.getRow(1).getCell(6).value).toBe('Target ASN');
    expect(sheet.getRow(3).getCell(1).value).toBe(`Menulis surat dinas ${tag}`);
    expect(sheet.getRow(3).getCell(5).value).toBe('Classical: Bimtek tata naskah dinas');
    expect(sheet.getRow(3).getCell(6).value).toBe(3);
    expect(sheet.getRow(3).getCell(7).value).toBe('Proposer and supporters');
  });
});
