import { expect, test, type APIRequestContext } from '@playwright/test';
import { Client } from 'pg';
import { ADMIN, AUTHOR, callApi, expectNoViolations, login, pickOption, tokenOf } from './helpers';
import { loadState } from './state';

/**
 * Issue 8, level 3 in the browser, with the real worker. An admin names a learner's direct
 * superior on the user page. The learner completed a course nine weeks ago (the enrolment and its
 * outbox event as the completion writes them, dated back in Postgres, so the default eight
 * weeks have passed): the worker schedules both follow-ups, sends them and notifies. The learner
 * answers theirs on a 360 px phone from the notification; the superior answers theirs from the
 * "Tindak lanjut" list, the form naming the employee. The author's "Survei" tab shows the
 * follow-up settings (validated as typed) and the anonymous counts.
 */
const suffix = Date.now().toString(36).toUpperCase();
const COURSE = `Tindak Lanjut Arsip e2e ${suffix}`;
const LEARNER_NAME = `Peserta Tindak Lanjut e2e ${suffix}`;
const SUPERIOR_NAME = `Atasan Tindak Lanjut e2e ${suffix}`;

const digits = (n: number, width: number) => String(n).padStart(width, '0');
const random = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
/** A PNS NIP nobody else has: born 1991, appointed 2016, a random day and serial. */
const freshNip = () => `1991${digits(random(1, 12), 2)}${digits(random(1, 28), 2)}2016${digits(random(1, 12), 2)}1${digits(random(1, 999), 3)}`;

interface Question {
  id: string;
  type: 'likert' | 'text';
  text: string;
  required: boolean;
}
interface Item {
  id: string;
  role: 'learner' | 'superior';
}

async function freshPerson(request: APIRequestContext, admin: Record<string, string>, unitId: string, name: string) {
  const nip = freshNip();
  const temporary = 'Sementara123';
  const user = await callApi<{ id: string }>(request, 'post', '/users', admin, { nip, name, orgUnitId: unitId, roles: ['learner'], password: temporary });
  const password = 'TindakLanjut123';
  await callApi(request, 'post', '/me/password', await tokenOf(request, { nip, password: temporary }), { currentPassword: temporary, newPassword: password });
  return { id: user.id, nip, password };
}

async function publishedCourse(request: APIRequestContext): Promise<string> {
  const author = await tokenOf(request, AUTHOR);
  const admin = await tokenOf(request, ADMIN);
  const created = await callApi<{ id: string; revision: number }>(request, 'post', '/courses', author, { title: COURSE, summary: 'Kursus uji tindak lanjut', jp: 2 });
  await callApi(request, 'put', `/courses/${created.id}/content`, author, {
    revision: created.revision,
    modules: [{ key: 'm1', title: 'Arsip', lessons: [{ key: 'l1', title: 'Arsip dinamis', blocks: [{ key: 'b1', type: 'richtext', data: { html: '<p>Arsip.</p>' } }] }] }],
  });
  await callApi(request, 'post', `/courses/${created.id}/submit-review`, author, {});
  await callApi(request, 'post', `/courses/${created.id}/publish`, admin, {});
  return created.id;
}

/** What @cakap/learning's completion writes (the enrolment completed, its outbox event), nine weeks ago. */
async function completedNineWeeksAgo(enrollmentId: string, userId: string, courseId: string) {
  const db = new Client({ connectionString: loadState()!.dbUrl! });
  await db.connect();
  try {
    const [row] = (
      await db.query(`UPDATE enrollments SET status = 'completed', completed_at = now() - interval '9 weeks' WHERE id = $1 RETURNING completed_at, version`, [
        enrollmentId,
      ])
    ).rows;
    await db.query(`INSERT INTO domain_events (kind, aggregate_id, payload, dedupe_key) VALUES ('enrollment.completed', $1, $2, $3)`, [
      enrollmentId,
      JSON.stringify({ enrollmentId, userId, courseId, version: row.version, completedAt: new Date(row.completed_at).toISOString(), jp: 2, year: 2026 }),
      `enrollment.completed:${enrollmentId}`,
    ]);
  } finally {
    await db.end();
  }
}

test('the learner and their direct superior answer the follow-up sent by the worker; the author sees the counts', async ({ page, browser, request }) => {
  test.setTimeout(150_000);
  const admin = await tokenOf(request, ADMIN);
  const units = await callApi<{ items: { id: string; code: string }[] }>(request, 'get', '/org-units?q=DISKOMINFO', admin);
  const unitId = units.items.find((u) => u.code === 'DISKOMINFO')!.id;
  const courseId = await publishedCourse(request);
  const learner = await freshPerson(request, admin, unitId, LEARNER_NAME);
  const superior = await freshPerson(request, admin, unitId, SUPERIOR_NAME);

  // The admin names the direct superior on the learner's page.
  await login(page, ADMIN);
  await page.goto(`/admin/users/${learner.id}`);
  await expect(page.getByRole('group', { name: 'Atasan langsung' })).toBeVisible();
  await pickOption(page, 'Atasan langsung', superior.nip, new RegExp(SUPERIOR_NAME));
  await expectNoViolations(page, 'the user page with the superior picker');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/users(\?|$)/);
  expect((await callApi<{ supervisor: { id: string } | null }>(request, 'get', `/users/${learner.id}`, admin)).supervisor?.id).toBe(superior.id);

  const learnerToken = await tokenOf(request, { nip: learner.nip, password: learner.password });
  const enrollment = await callApi<{ id: string }>(request, 'post', '/enrollments', learnerToken, { courseId });
  await completedNineWeeksAgo(enrollment.id, learner.id, courseId);

  // The worker polls the outbox, schedules both requests (already due) and sends them.
  const superiorToken = await tokenOf(request, { nip: superior.nip, password: superior.password });
  let mine: Item[] = [];
  let theirs: Item[] = [];
  await expect
    .poll(
      async () => {
        mine = (await callApi<{ items: Item[] }>(request, 'get', '/me/follow-ups?status=sent', learnerToken)).items;
        theirs = (await callApi<{ items: Item[] }>(request, 'get', '/me/follow-ups?status=sent', superiorToken)).items;
        return [mine.length, theirs.length];
      },
      { timeout: 30_000 },
    )
    .toEqual([1, 1]);
  const form = await callApi<{ questions: Question[] }>(request, 'get', `/follow-ups/${mine[0]!.id}`, learnerToken);
  const likert = form.questions.filter((q) => q.type === 'likert');

  // The learner, on a phone, from the notification.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const learnerPage = await phone.newPage();
  await login(learnerPage, learner);
  await learnerPage.goto('/notifikasi');
  const notice = learnerPage.getByRole('listitem').filter({ hasText: 'Survei tindak lanjut kursus' });
  await expect(notice).toContainText(COURSE);
  await notice.getByRole('link', { name: 'Buka' }).click();
  await expect(learnerPage.getByRole('heading', { level: 1, name: 'Survei tindak lanjut' })).toBeVisible();
  await expect(learnerPage.getByText(COURSE).first()).toBeVisible();
  await expectNoViolations(learnerPage, 'the follow-up form on a phone');
  expect(await learnerPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  const [skipped, ...rest] = likert;
  for (const q of rest) await learnerPage.getByRole('group', { name: q.text }).getByLabel('4 – Setuju').check();
  await learnerPage.getByRole('button', { name: 'Kirim jawaban' }).click();
  const skippedGroup = learnerPage.getByRole('group', { name: skipped!.text });
  await expect(skippedGroup.getByText('Pertanyaan ini wajib dijawab')).toBeVisible();
  await expectNoViolations(learnerPage, 'the follow-up form with an error');
  await skippedGroup.getByLabel('5 – Sangat setuju').check();
  await learnerPage.getByRole('button', { name: 'Kirim jawaban' }).click();
  await expect(learnerPage.getByRole('heading', { name: 'Terima kasih, jawaban Anda sudah terkirim' })).toBeVisible();
  await learnerPage.reload();
  await expect(learnerPage.getByText('5 – Sangat setuju')).toBeVisible();
  await expect(learnerPage.getByRole('button', { name: 'Kirim jawaban' })).toHaveCount(0);
  await learnerPage.goto('/tindak-lanjut?status=answered');
  await expect(learnerPage.getByTestId('follow-up-item')).toContainText(COURSE);
  await expectNoViolations(learnerPage, 'the follow-up list on a phone');
  await phone.close();

  // The superior, from the "Tindak lanjut" list: the form names the employee.
  const boss = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const bossPage = await boss.newPage();
  await login(bossPage, superior);
  await bossPage.getByRole('link', { name: 'Tindak lanjut' }).click();
  await expect(bossPage.getByRole('heading', { level: 1, name: 'Survei tindak lanjut' })).toBeVisible();
  const item = bossPage.getByTestId('follow-up-item');
  await expect(item).toContainText(`Sebagai atasan langsung dari ${LEARNER_NAME}`);
  await expectNoViolations(bossPage, 'the follow-up list');
  await item.getByRole('link', { name: `Isi survei tindak lanjut kursus ${COURSE}` }).click();
  await expect(bossPage.getByTestId('follow-up-subject')).toContainText(LEARNER_NAME);
  const bossForm = await callApi<{ questions: Question[] }>(request, 'get', `/follow-ups/${theirs[0]!.id}`, superiorToken);
  for (const q of bossForm.questions.filter((x) => x.type === 'likert')) {
    await bossPage.getByRole('group', { name: q.text }).getByLabel('3 – Netral').check();
  }
  await bossPage.getByLabel(bossForm.questions.find((q) => q.type === 'text')!.text).fill('Arsip unit kini tertata.');
  await expectNoViolations(bossPage, "the superior's follow-up form");
  await bossPage.getByRole('button', { name: 'Kirim jawaban' }).click();
  await expect(bossPage.getByRole('heading', { name: 'Terima kasih, jawaban Anda sudah terkirim' })).toBeVisible();
  await expect(bossPage.getByText('Arsip unit kini tertata.')).toBeVisible();
  await boss.close();

  // The author: the settings, checked as typed, and the counts (results wait for three answers).
  const studio = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const authorPage = await studio.newPage();
  await login(authorPage, AUTHOR);
  await authorPage.goto(`/studio/courses/${courseId}?tab=survey`);
  await expect(authorPage.getByRole('heading', { name: 'Survei tindak lanjut (evaluasi level 3)' })).toBeVisible();
  const weeks = authorPage.getByRole('textbox', { name: 'Dikirim setelah (minggu)' });
  await weeks.fill('0');
  await expect(authorPage.getByText('Minimal 1', { exact: true })).toBeVisible();
  await weeks.fill('6');
  await authorPage.getByRole('button', { name: 'Simpan tindak lanjut' }).click();
  await expect(authorPage.getByTestId('follow-up-origin')).toHaveText('Pengaturan ini sudah disesuaikan untuk kursus ini.');
  const learners = authorPage.getByTestId('follow-up-summary-learner');
  await expect(learners).toContainText('Terkirim');
  await expect(learners.getByText('minimal 3 jawaban')).toBeVisible();
  await expectNoViolations(authorPage, 'the studio follow-up section');
  await studio.close();
});
