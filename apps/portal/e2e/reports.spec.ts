import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { ADMIN, AUTHOR, LEARNER, callApi, expectNoViolations, login, tokenOf } from './helpers';

/**
 * Issue 8, "a Playwright run through a survey and a report". The demo learner completes the
 * seed's sample course (through the api: learning.spec.ts walks the player already, and may have
 * completed it before this spec) and answers its post-course survey in the browser; two fresh ASN
 * complete it and answer through the api, so the survey has the three responses its means need.
 * The admin then opens the course report (the completions counted, the means shown, the XLSX
 * downloaded and read back), the unit report and the programme overview of the current quarter,
 * with axe on each and the overview on a 360 px phone; the course's author opens its report from
 * the studio, a learner is refused it. Reports are computed by the worker: a
 * screen may first say "Laporan sedang dihitung…" and fill itself in, so waits are generous.
 */
const COURSE = 'Pelayanan Publik Prima';
const suffix = Date.now().toString(36).toUpperCase();
const REPORT_TIMEOUT = 45_000;

const digits = (n: number, width: number) => String(n).padStart(width, '0');
const random = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
/** A PNS NIP nobody else has: born 1994, appointed 2019, a random day and serial. */
const freshNip = () => `1994${digits(random(1, 12), 2)}${digits(random(1, 28), 2)}2019${digits(random(1, 12), 2)}1${digits(random(1, 999), 3)}`;

interface Question {
  id: string;
  type: 'likert' | 'text';
  text: string;
  required: boolean;
}
interface CourseReportJson {
  completed: number;
  satisfaction: { responseCount: number };
}
interface EnrollmentDetail {
  id: string;
  status: string;
  content: { modules: { lessons: { key: string; blocks: { key: string }[] }[] }[] };
}

const WIB = { timeZone: 'Asia/Jakarta' } as const;
const year = Number(new Intl.DateTimeFormat('en', { ...WIB, year: 'numeric' }).format(new Date()));
const quarter = Math.ceil(Number(new Intl.DateTimeFormat('en', { ...WIB, month: 'numeric' }).format(new Date())) / 3);
const QUARTER_NAMES = ['I', 'II', 'III', 'IV'];

/** A report as JSON once the worker has computed it (a 202 is polled after its Retry-After). */
async function reportOf<T>(request: APIRequestContext, headers: Record<string, string>, path: string): Promise<T> {
  const deadline = Date.now() + REPORT_TIMEOUT;
  for (;;) {
    const res = await request.get(`/api/v1${path}`, { headers });
    expect([200, 202], `GET ${path}: ${res.status()} ${await res.text()}`).toContain(res.status());
    if (res.status() === 200) return (await res.json()) as T;
    expect(Date.now(), `${path} still computing`).toBeLessThan(deadline);
    await new Promise((r) => setTimeout(r, Number(res.headers()['retry-after'] ?? 1) * 1000));
  }
}

/** A fresh learner in DISKOMINFO, past the first-login password change. */
async function freshLearner(request: APIRequestContext, admin: Record<string, string>, unitId: string, name: string) {
  const nip = freshNip();
  const temporary = 'Sementara123';
  await callApi(request, 'post', '/users', admin, { nip, name, orgUnitId: unitId, roles: ['learner'], password: temporary });
  const password = 'Laporan12345';
  await callApi(request, 'post', '/me/password', await tokenOf(request, { nip, password: temporary }), { currentPassword: temporary, newPassword: password });
  return { nip, password };
}

/** Enrols (or finds the enrolment) and completes every lesson through the api; whether this call completed it. */
async function complete(request: APIRequestContext, token: Record<string, string>, courseId: string) {
  const enrollment = await callApi<EnrollmentDetail>(request, 'post', '/enrollments', token, { courseId });
  if (enrollment.status === 'completed') return { enrollmentId: enrollment.id, completedNow: false };
  for (const lesson of enrollment.content.modules.flatMap((m) => m.lessons)) {
    await callApi(request, 'post', `/enrollments/${enrollment.id}/progress`, token, {
      lessonKey: lesson.key,
      events: lesson.blocks.map((b) => ({ blockKey: b.key, kind: 'viewed' })),
    });
    await callApi(request, 'post', `/enrollments/${enrollment.id}/lessons/${lesson.key}/complete`, token, {});
  }
  const done = await callApi<EnrollmentDetail>(request, 'get', `/enrollments/${enrollment.id}`, token);
  expect(done.status).toBe('completed');
  return { enrollmentId: enrollment.id, completedNow: true };
}

/** The figure a Stat shows under its label, inside `scope`. */
const stat = (page: Page, scope: string, label: string) => page.getByTestId(scope).getByText(label, { exact: true }).locator('xpath=following-sibling::*[1]');

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The cell next to (right of, or under) the header cell that reads `label`, in any sheet row. */
function figureBeside(sheet: ExcelJS.Worksheet, label: RegExp): unknown[] {
  const found: unknown[] = [];
  sheet.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      if (typeof cell.value === 'string' && label.test(cell.value.trim())) {
        found.push(row.getCell(c + 1).value, sheet.getRow(r + 1).getCell(c).value);
      }
    });
  });
  return found;
}

test('a learner answers the survey; the admin reads the course, unit and programme reports and downloads one', async ({ page, browser, request }) => {
  test.setTimeout(240_000);
  const admin = await tokenOf(request, ADMIN);
  const catalog = await callApi<{ items: { id: string; title: string }[] }>(request, 'get', `/catalog?q=${encodeURIComponent(COURSE)}`, admin);
  const courseId = catalog.items.find((c) => c.title === COURSE)!.id;
  const before = await reportOf<CourseReportJson>(request, admin, `/reports/courses/${courseId}`);

  // The demo learner completes the course and answers the survey in the browser.
  const learnerToken = await tokenOf(request, LEARNER);
  const mine = await complete(request, learnerToken, courseId);
  const survey = await callApi<{ questions: Question[]; response: unknown }>(request, 'get', `/enrollments/${mine.enrollmentId}/evaluation`, learnerToken);
  expect(survey.response, 'no other spec answers the sample course’s survey as the demo learner').toBeNull();
  const likert = survey.questions.filter((q) => q.type === 'likert');
  const learnerContext = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const learnerPage = await learnerContext.newPage();
  await login(learnerPage, LEARNER);
  await learnerPage.goto(`/belajar/${mine.enrollmentId}/survei`);
  await expect(learnerPage.getByRole('heading', { level: 1, name: 'Survei evaluasi' })).toBeVisible();
  for (const q of likert) await learnerPage.getByRole('group', { name: q.text }).getByLabel('4 – Setuju').check();
  await learnerPage.getByRole('button', { name: 'Kirim survei' }).click();
  await expect(learnerPage.getByRole('heading', { name: 'Terima kasih, survei sudah diisi' })).toBeVisible();
  await learnerContext.close();

  // Two more ASN complete it and answer 2 everywhere: three responses, so the means show.
  const units = await callApi<{ items: { id: string; code: string }[] }>(request, 'get', '/org-units?q=DISKOMINFO', admin);
  const unitId = units.items.find((u) => u.code === 'DISKOMINFO')!.id;
  for (let i = 1; i <= 2; i++) {
    const who = await freshLearner(request, admin, unitId, `Peserta Laporan ${i} e2e ${suffix}`);
    const token = await tokenOf(request, who);
    const done = await complete(request, token, courseId);
    await callApi(request, 'post', `/enrollments/${done.enrollmentId}/evaluation`, token, { answers: Object.fromEntries(likert.map((q) => [q.id, 2])) });
  }
  const completed = before.completed + (mine.completedNow ? 1 : 0) + 2;
  const responses = before.satisfaction.responseCount + 3;

  // The admin: Laporan → the course, found by searching.
  await login(page, ADMIN);
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Laporan', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Laporan evaluasi' })).toBeVisible();
  await expectNoViolations(page, 'the reports home');
  await page.getByRole('searchbox', { name: 'Cari kursus' }).fill('Pelayanan Publik');
  await page.getByRole('link', { name: `Lihat laporan ${COURSE}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Laporan kursus: ${COURSE}` })).toBeVisible({ timeout: REPORT_TIMEOUT });
  // A report computed before these completions may show first (stale): the screen refreshes itself.
  await expect(stat(page, 'course-headline', 'Selesai')).toHaveText(String(completed), { timeout: REPORT_TIMEOUT });
  await expect(page.getByTestId('report-stale')).toHaveCount(0, { timeout: REPORT_TIMEOUT });
  await expect(page.getByText('Jumlah jawaban survei', { exact: true }).locator('xpath=following-sibling::*[1]')).toHaveText(String(responses));
  await page.getByRole('region', { name: 'Level 1: kepuasan peserta' }).getByRole('button', { name: 'Tampilkan tabel' }).click();
  const relevance = page.getByTestId('course-satisfaction').getByRole('row', { name: /Relevansi materi/ });
  // (4 + 2 + 2) / 3 when these are the only responses.
  if (before.satisfaction.responseCount === 0) await expect(relevance).toContainText('2,7');
  else await expect(relevance).toContainText(/\d,\d/);
  await expectNoViolations(page, 'the course report');

  // The XLSX, read back: its first sheet holds the headline figures.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh XLSX', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^laporan-kursus-.+\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  expect(workbook.worksheets.length).toBeGreaterThanOrEqual(2);
  const first = workbook.worksheets[0]!;
  expect(figureBeside(first, /^(Selesai|Jumlah selesai)$/i).map(Number)).toContain(completed);

  // Level 2 per learner: the demo learner's row in "Peserta", found by name, and the list's CSV.
  const learners = page.getByRole('region', { name: 'Peserta', exact: true });
  await learners.getByRole('searchbox', { name: 'Cari peserta' }).fill('Ahmad Fauzi');
  await expect(learners.getByTestId('course-learner')).toHaveCount(1);
  const row = learners.getByTestId('course-learner');
  await expect(row).toContainText('Ahmad Fauzi');
  await expect(row).toContainText('19900320 201503 1 003');
  await expect(row).toContainText('Selesai');
  const learnerFile = page.waitForEvent('download');
  await learners.getByRole('button', { name: 'Unduh CSV daftar peserta' }).click();
  const learnerCsv = await learnerFile;
  expect(learnerCsv.suggestedFilename()).toBe('peserta-pelayanan-publik-prima.csv');
  const csvText = (await readFile(await learnerCsv.path())).toString('utf8');
  // The file holds what the screen's search matches: the header and the demo learner.
  expect(csvText.trimEnd().split('\r\n').map((l) => l.split(',')[0])).toEqual(['\uFEFFNIP', '199003202015031003']);
  await expectNoViolations(page, 'the course report’s learner list');
  // On a 360 px phone the list scrolls inside its box, which stays within the screen.
  const desktop = page.viewportSize()!;
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(row).toBeVisible();
  const box = (await learners.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  // ... and so does the whole report (the charts are clipped to their boxes).
  await expect.poll(() => overflow(page)).toBeLessThanOrEqual(0);
  await page.setViewportSize(desktop);

  // The unit report for this year, from the reports home.
  await page.getByRole('link', { name: 'Kembali ke Laporan' }).click();
  await page.getByRole('region', { name: 'Laporan unit per tahun' }).getByRole('button', { name: 'Lihat laporan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Laporan unit tahun ${year}` })).toBeVisible();
  const unitTable = page.getByTestId('unit-table');
  await expect(unitTable).toBeVisible({ timeout: REPORT_TIMEOUT });
  const totalCompletions = Number(
    (await unitTable.locator('tfoot td').nth(4).textContent())!.replace(/\./g, ''),
  );
  // This spec alone completed the course at least twice this year (the fresh ASN).
  expect(totalCompletions).toBeGreaterThanOrEqual(2);
  await expect(unitTable.getByRole('rowheader', { name: /DISKOMINFO|Komunikasi/ }).first()).toBeVisible();
  await expectNoViolations(page, 'the unit report');

  // The programme overview of the current quarter.
  await page.getByRole('link', { name: 'Kembali ke Laporan' }).click();
  await page.getByRole('region', { name: 'Ringkasan program per periode' }).getByRole('button', { name: 'Lihat laporan' }).click();
  await expect(page).toHaveURL(new RegExp(`period=${year}-Q${quarter}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Ringkasan program: Kuartal ${QUARTER_NAMES[quarter - 1]} ${year}` })).toBeVisible();
  const courses = page.getByTestId('programme-courses');
  await expect(courses.getByRole('link', { name: COURSE })).toBeVisible({ timeout: REPORT_TIMEOUT });
  await expect(page.getByTestId('report-stale')).toHaveCount(0, { timeout: REPORT_TIMEOUT });
  await expect(stat(page, 'programme-headline', 'Penyelesaian')).not.toHaveText('0');
  await expectNoViolations(page, 'the programme overview');

  // On a 360 px phone: nothing wider than the screen (tables scroll inside their box).
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(courses).toBeVisible();
  await page.waitForTimeout(300); // the charts re-measure after a resize
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await expectNoViolations(page, 'the programme overview on a phone');

  // The course's author reaches the same report from the studio; a learner may not read it.
  const authorContext = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const authorPage = await authorContext.newPage();
  await login(authorPage, AUTHOR);
  await authorPage.goto(`/studio/courses/${courseId}`);
  await authorPage.getByRole('main').getByRole('link', { name: 'Laporan', exact: true }).click();
  await expect(authorPage).toHaveURL(new RegExp(`/studio/courses/${courseId}/laporan$`));
  await expect(authorPage.getByRole('heading', { level: 1, name: `Laporan kursus: ${COURSE}` })).toBeVisible({ timeout: REPORT_TIMEOUT });
  await expect(stat(authorPage, 'course-headline', 'Selesai')).toHaveText(String(completed));
  await expect(authorPage.getByRole('link', { name: 'Kembali ke editor kursus' })).toBeVisible();
  await authorContext.close();
  expect((await request.get(`/api/v1/reports/courses/${courseId}`, { headers: learnerToken })).status()).toBe(403);
});
