import { expect, test, type APIRequestContext } from '@playwright/test';
import { ADMIN, AUTHOR, callApi, expectNoViolations, login, tokenOf } from './helpers';

/**
 * Issue 8, level 1 in the browser. A course of its own (so its survey has no other answers),
 * completed through the api by four fresh ASN. The first opens the survey from the player's
 * completion card on a phone, sends it with a required question missing (and sees why), fixes
 * it and is thanked; a reload shows the answers read-only. The author's "Survei" tab then shows
 * one response and the "from 3 responses" note; once three more learners answered through the
 * api, the per-aspect means appear.
 */
const suffix = Date.now().toString(36).toUpperCase();
const COURSE = `Survei Pelayanan e2e ${suffix}`;

const digits = (n: number, width: number) => String(n).padStart(width, '0');
const random = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
/** A PNS NIP nobody else has: born 1993, appointed 2018, a random day and serial. */
const freshNip = () => `1993${digits(random(1, 12), 2)}${digits(random(1, 28), 2)}2018${digits(random(1, 12), 2)}1${digits(random(1, 999), 3)}`;

interface Question {
  id: string;
  type: 'likert' | 'text';
  text: string;
  required: boolean;
}

/** A fresh learner in DISKOMINFO, past the first-login password change. */
async function freshLearner(request: APIRequestContext, admin: Record<string, string>, unitId: string, name: string) {
  const nip = freshNip();
  const temporary = 'Sementara123';
  await callApi(request, 'post', '/users', admin, { nip, name, orgUnitId: unitId, roles: ['learner'], password: temporary });
  const password = 'Evaluasi123';
  await callApi(request, 'post', '/me/password', await tokenOf(request, { nip, password: temporary }), { currentPassword: temporary, newPassword: password });
  return { nip, password };
}

/** A published one-lesson course. */
async function publishedCourse(request: APIRequestContext): Promise<string> {
  const author = await tokenOf(request, AUTHOR);
  const admin = await tokenOf(request, ADMIN);
  const created = await callApi<{ id: string; revision: number }>(request, 'post', '/courses', author, { title: COURSE, summary: 'Kursus uji survei', jp: 2 });
  await callApi(request, 'put', `/courses/${created.id}/content`, author, {
    revision: created.revision,
    modules: [{ key: 'm1', title: 'Pelayanan', lessons: [{ key: 'l1', title: 'Standar pelayanan', blocks: [{ key: 'b1', type: 'richtext', data: { html: '<p>Standar.</p>' } }] }] }],
  });
  await callApi(request, 'post', `/courses/${created.id}/submit-review`, author, {});
  await callApi(request, 'post', `/courses/${created.id}/publish`, admin, {});
  return created.id;
}

/** Enrols and completes the course through the api; the enrolment id. */
async function complete(request: APIRequestContext, who: { nip: string; password: string }, courseId: string) {
  const token = await tokenOf(request, who);
  const enrollment = await callApi<{ id: string }>(request, 'post', '/enrollments', token, { courseId });
  await callApi(request, 'post', `/enrollments/${enrollment.id}/progress`, token, { events: [{ blockKey: 'b1', kind: 'viewed' }], lessonKey: 'l1' });
  await callApi(request, 'post', `/enrollments/${enrollment.id}/lessons/l1/complete`, token, {});
  return { token, enrollmentId: enrollment.id };
}

test('a learner answers the survey from the completion card; the author sees the anonymous summary', async ({ page, browser, request }) => {
  test.setTimeout(120_000);
  const admin = await tokenOf(request, ADMIN);
  const units = await callApi<{ items: { id: string; code: string }[] }>(request, 'get', '/org-units?q=DISKOMINFO', admin);
  const unitId = units.items.find((u) => u.code === 'DISKOMINFO')!.id;
  const courseId = await publishedCourse(request);
  const learners = [];
  for (let i = 1; i <= 4; i++) learners.push(await freshLearner(request, admin, unitId, `Peserta Survei ${i} e2e ${suffix}`));
  const first = await complete(request, learners[0]!, courseId);
  const survey = await callApi<{ questions: Question[] }>(request, 'get', `/enrollments/${first.enrollmentId}/evaluation`, first.token);
  const likert = survey.questions.filter((q) => q.type === 'likert');
  const skipped = likert.find((q) => q.required)!;

  // The learner, on a phone.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const learnerPage = await phone.newPage();
  await login(learnerPage, learners[0]!);
  await learnerPage.goto(`/belajar/${first.enrollmentId}`);
  await learnerPage.getByRole('link', { name: 'Isi survei evaluasi' }).click();
  await expect(learnerPage.getByRole('heading', { level: 1, name: 'Survei evaluasi' })).toBeVisible();
  await expectNoViolations(learnerPage, 'the survey form on a phone');
  expect(await learnerPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  for (const q of likert) {
    if (q.id === skipped.id) continue;
    await learnerPage.getByRole('group', { name: q.text }).getByLabel('4 – Setuju').check();
  }
  const comment = survey.questions.find((q) => q.type === 'text');
  if (comment) await learnerPage.getByLabel(comment.text).fill('Materinya langsung bisa dipakai di loket.');
  await learnerPage.getByRole('button', { name: 'Kirim survei' }).click();
  const skippedGroup = learnerPage.getByRole('group', { name: skipped.text });
  await expect(skippedGroup.getByText('Pertanyaan ini wajib dijawab')).toBeVisible();
  await expectNoViolations(learnerPage, 'the survey form with an error');

  await skippedGroup.getByLabel('5 – Sangat setuju').check();
  await learnerPage.getByRole('button', { name: 'Kirim survei' }).click();
  await expect(learnerPage.getByRole('heading', { name: 'Terima kasih, survei sudah diisi' })).toBeVisible();
  await learnerPage.reload();
  await expect(learnerPage.getByRole('heading', { name: 'Terima kasih, survei sudah diisi' })).toBeVisible();
  await expect(learnerPage.getByText('5 – Sangat setuju')).toBeVisible();
  await expect(learnerPage.getByRole('button', { name: 'Kirim survei' })).toHaveCount(0);
  await expectNoViolations(learnerPage, 'the answered survey');
  await phone.close();

  // The author: one response, results hidden below three.
  await login(page, AUTHOR);
  await page.goto(`/studio/courses/${courseId}?tab=survey`);
  await expect(page.getByRole('heading', { name: 'Survei evaluasi kursus' })).toBeVisible();
  await expect(page.getByText('Jumlah jawaban')).toBeVisible();
  await expect(page.getByTestId('survey-minimum-note')).toContainText('minimal 3 jawaban');
  await expectNoViolations(page, 'the studio survey tab');

  // Three more learners answer through the api (every Likert question 2): the means show.
  for (const who of learners.slice(1)) {
    const done = await complete(request, who, courseId);
    await callApi(request, 'post', `/enrollments/${done.enrollmentId}/evaluation`, done.token, {
      answers: Object.fromEntries(likert.map((q) => [q.id, 2])),
    });
  }
  await page.reload();
  const dimensions = page.getByTestId('survey-dimensions');
  await expect(dimensions).toBeVisible();
  await expect(page.getByTestId('survey-minimum-note')).toHaveCount(0);
  // The first learner gave 4 (and 5 once), the others 2: every mean lies between 2 and 3.
  await expect(dimensions.getByRole('row').nth(1)).toContainText(/2,\d|3/);
  await expectNoViolations(page, 'the survey summary');
});
