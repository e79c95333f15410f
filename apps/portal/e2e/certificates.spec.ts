import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN, AUTHOR, LEARNER, callApi, expectNoViolations, login, pickOption, tokenOf } from './helpers';

/**
 * Issue 7 in the browser. A course of its own (the sample course issues certificates
 * automatically, which would leave nothing for a batch), completed through the api by the demo
 * learner and two fresh ASN. The admin creates a template and sees its preview PDF, issues the
 * course's certificates from a pasted NIP list, watches the batch finish live, downloads the ZIP
 * (one PDF per certificate) and revokes one. A visitor without an account checks both on the
 * public verification page (on a phone), and the learner downloads theirs from "Sertifikat saya".
 */
const suffix = Date.now().toString(36).toUpperCase();
const COURSE = `Etika Pelayanan e2e ${suffix}`;
const TEMPLATE = `Sertifikat uji e2e ${suffix}`;

const digits = (n: number, width: number) => String(n).padStart(width, '0');
const random = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
/** A PNS NIP nobody else has: born 1992, appointed 2017, a random day and serial. */
const freshNip = () => `1992${digits(random(1, 12), 2)}${digits(random(1, 28), 2)}2017${digits(random(1, 12), 2)}2${digits(random(1, 999), 3)}`;

interface Cert {
  id: string;
  code: string;
  number: string;
  status: string;
  recipient: { nip: string; name: string };
}

/** A fresh learner in DISKOMINFO, past the first-login password change. */
async function freshLearner(request: APIRequestContext, admin: Record<string, string>, unitId: string, name: string) {
  const nip = freshNip();
  const temporary = 'Sementara123';
  await callApi(request, 'post', '/users', admin, { nip, name, orgUnitId: unitId, roles: ['learner'], password: temporary });
  const password = 'Sertifikat123';
  await callApi(request, 'post', '/me/password', await tokenOf(request, { nip, password: temporary }), { currentPassword: temporary, newPassword: password });
  return { nip, password, name };
}

/** A published one-lesson course, completed by each of `people` through the api. */
async function courseCompletedBy(request: APIRequestContext, people: { nip: string; password: string }[]): Promise<string> {
  const author = await tokenOf(request, AUTHOR);
  const admin = await tokenOf(request, ADMIN);
  const created = await callApi<{ id: string; revision: number }>(request, 'post', '/courses', author, { title: COURSE, summary: 'Kursus uji sertifikat', jp: 4 });
  await callApi(request, 'put', `/courses/${created.id}/content`, author, {
    revision: created.revision,
    modules: [{ key: 'm1', title: 'Etika', lessons: [{ key: 'l1', title: 'Nilai dasar ASN', blocks: [{ key: 'b1', type: 'richtext', data: { html: '<p>BerAKHLAK.</p>' } }] }] }],
  });
  await callApi(request, 'post', `/courses/${created.id}/submit-review`, author, {});
  await callApi(request, 'post', `/courses/${created.id}/publish`, admin, {});
  for (const who of people) {
    const token = await tokenOf(request, { nip: who.nip, password: who.password });
    const enrollment = await callApi<{ id: string }>(request, 'post', '/enrollments', token, { courseId: created.id });
    await callApi(request, 'post', `/enrollments/${enrollment.id}/progress`, token, { events: [{ blockKey: 'b1', kind: 'viewed' }], lessonKey: 'l1' });
    await callApi(request, 'post', `/enrollments/${enrollment.id}/lessons/l1/complete`, token, {});
  }
  return created.id;
}

/** The number of files in a ZIP (its central directory's entries) and their names. */
function zipEntries(zip: Buffer): string[] {
  const names: string[] = [];
  for (let i = zip.indexOf('PK\x01\x02', 0, 'latin1'); i >= 0; i = zip.indexOf('PK\x01\x02', i + 4, 'latin1')) {
    const nameLength = zip.readUInt16LE(i + 28);
    names.push(zip.subarray(i + 46, i + 46 + nameLength).toString('utf8'));
  }
  return names;
}

const progressText = (page: Page) => page.getByTestId('batch-progress-text');

test('an admin issues a batch and revokes one; a visitor verifies both; the learner downloads theirs', async ({ page, browser, request }) => {
  test.setTimeout(150_000);
  const admin = await tokenOf(request, ADMIN);
  const units = await callApi<{ items: { id: string; code: string }[] }>(request, 'get', '/org-units?q=DISKOMINFO', admin);
  const unitId = units.items.find((u) => u.code === 'DISKOMINFO')!.id;
  const budi = await freshLearner(request, admin, unitId, `Budi Santoso e2e ${suffix}`);
  const endah = await freshLearner(request, admin, unitId, `Ahmad Khoiru'l Éndah, S.H., M.H. ${suffix}`);
  const courseId = await courseCompletedBy(request, [LEARNER, budi, endah]);

  // The admin creates a template: the number example follows the pattern, the preview PDF loads.
  await login(page, ADMIN);
  await page.goto('/admin/certificate-templates');
  await expect(page.getByRole('heading', { level: 1, name: 'Templat sertifikat' })).toBeVisible();
  await expectNoViolations(page, 'the template list');
  await page.getByRole('link', { name: 'Buat templat' }).click();
  await page.getByRole('textbox', { name: 'Nama templat' }).fill(TEMPLATE);
  const pattern = page.getByRole('textbox', { name: 'Pola nomor' });
  await pattern.fill(`{seq:4}/E2E-${suffix}/{month-roman}/{year}`);
  await expect(page.getByTestId('pattern-example')).toHaveText(new RegExp(`^0001/E2E-${suffix}/[IVX]+/20\\d\\d$`));
  const preview = page.getByTestId('template-preview');
  await expect(preview).toHaveAttribute('src', /^blob:/, { timeout: 20_000 });
  const pdfType = await preview.evaluate(async (el) => (await (await fetch((el as HTMLIFrameElement).src)).blob()).type);
  expect(pdfType).toBe('application/pdf');
  await expectNoViolations(page, 'the template editor with its preview');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText(`Templat "${TEMPLATE}" disimpan.`)).toBeVisible();

  // A batch from a pasted list: the bad line is pointed out before anything is sent.
  await page.goto('/admin/certificate-batches/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Terbitkan sertifikat' })).toBeVisible();
  await pickOption(page, 'Kursus', COURSE, COURSE);
  await page.getByRole('textbox', { name: 'Templat', exact: true }).or(page.getByRole('combobox', { name: 'Templat', exact: true })).click();
  await page.getByRole('option', { name: TEMPLATE }).click();
  await page.getByText('Daftar NIP', { exact: true }).click();
  const list = page.getByRole('textbox', { name: 'NIP penerima' });
  await list.fill(`${LEARNER.nip}\n${budi.nip.replace(/^(\d{8})(\d{6})(\d)(\d{3})$/, '$1 $2 $3 $4')}\n12345\n${endah.nip}\n${LEARNER.nip}`);
  const summary = page.getByTestId('nip-summary');
  await expect(summary).toContainText('3 NIP dikenali. 1 baris ganda diabaikan.');
  await expect(summary).toContainText('1 baris bukan NIP 18 digit');
  await expect(summary).toContainText('Baris 3: 12345');
  await expectNoViolations(page, 'the issuance form');
  await page.getByRole('button', { name: 'Mulai terbitkan' }).click();

  // The batch page follows the progress to the end.
  await expect(page.getByRole('heading', { level: 1, name: `Penerbitan: ${COURSE}` })).toBeVisible();
  await expect(progressText(page)).toHaveText('3 dari 3', { timeout: 30_000 });
  await expect(page.getByText('Selesai. 3 sertifikat terbit dan dapat diverifikasi.')).toBeVisible({ timeout: 30_000 });
  await expectNoViolations(page, 'the finished batch');
  const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh ZIP' }).click()]);
  const entries = zipEntries(readFileSync((await zip.path())!));
  expect(entries).toHaveLength(3);
  for (const name of entries) expect(name).toMatch(new RegExp(`E2E-${suffix}.*\\.pdf$`));
  await page.screenshot({ path: test.info().outputPath('batch.png'), fullPage: true });
  await page.getByRole('link', { name: 'Kembali ke penerbitan sertifikat' }).click();
  await expect(page.getByRole('row').filter({ hasText: COURSE })).toContainText('Selesai');
  await expectNoViolations(page, 'the batch list');

  // The admin finds Budi's certificate and revokes it.
  const certs = await callApi<{ items: Cert[] }>(request, 'get', `/certificates?courseId=${courseId}&pageSize=10`, admin);
  expect(certs.items).toHaveLength(3);
  const budiCert = certs.items.find((c) => c.recipient.nip === budi.nip)!;
  const endahCert = certs.items.find((c) => c.recipient.nip === endah.nip)!;
  await page.goto(`/admin/certificates?q=${encodeURIComponent(budi.name)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sertifikat' })).toBeVisible();
  await expectNoViolations(page, 'the certificate list');
  await page.getByRole('button', { name: `Buka sertifikat ${budiCert.number} atas nama ${budi.name}` }).click();
  await page.getByRole('button', { name: 'Cabut', exact: true }).click();
  await page.getByRole('textbox', { name: 'Alasan' }).fill('Data peserta keliru');
  await page.getByRole('button', { name: 'Cabut sertifikat' }).click();
  await expect(page.getByText(`Sertifikat ${budiCert.number} dicabut.`)).toBeVisible();

  // A visitor on a phone, not signed in: Éndah's certificate is valid (name intact), Budi's revoked.
  const visitor = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const phone = await visitor.newPage();
  await phone.goto(`/verify/${endahCert.code}`);
  await expect(phone.getByTestId('verify-status')).toContainText('Sertifikat SAH');
  await expect(phone.getByText(endah.name)).toBeVisible();
  await expect(phone.getByText(endahCert.number)).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await expectNoViolations(phone, 'the verification page (valid, 360px)');
  await phone.screenshot({ path: test.info().outputPath('verify-valid.png'), fullPage: true });
  await phone.goto(`/verify/${budiCert.code}`);
  await expect(phone.getByTestId('verify-status')).toContainText('Sertifikat DICABUT');
  await expect(phone.getByTestId('verify-status')).toContainText('Data peserta keliru');
  await expectNoViolations(phone, 'the verification page (revoked)');
  await phone.goto('/verify/TIDAKADA23');
  await expect(phone.getByRole('alert')).toContainText('Sertifikat tidak ditemukan');
  await expectNoViolations(phone, 'the verification page (unknown code)');
  await visitor.close();

  // The learner: "Sertifikat saya" lists it, and the PDF downloads.
  const learnerContext = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const learner = await learnerContext.newPage();
  await login(learner, LEARNER);
  await learner.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Sertifikat saya' }).click();
  await expect(learner.getByRole('heading', { level: 1, name: 'Sertifikat saya' })).toBeVisible();
  const card = learner.getByTestId('my-certificate').filter({ has: learner.getByRole('heading', { name: COURSE }) });
  await expect(card).toContainText('Sah');
  await expectNoViolations(learner, 'Sertifikat saya');
  await learner.screenshot({ path: test.info().outputPath('mine.png'), fullPage: true });
  const [pdf] = await Promise.all([learner.waitForEvent('download'), card.getByRole('button', { name: `Unduh PDF sertifikat ${COURSE}` }).click()]);
  expect(readFileSync((await pdf.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // Issuing told them: the bell counts it, and the notification leads to "Sertifikat saya".
  await learner.reload();
  await expect(learner.getByTestId('notifications-bell')).toHaveAccessibleName(/belum dibaca/);
  await learner.getByTestId('notifications-bell').click();
  await learner.getByRole('dialog', { name: 'Notifikasi' }).getByRole('link', { name: 'Lihat semua notifikasi' }).click();
  await expect(learner.getByRole('heading', { level: 1, name: 'Notifikasi' })).toBeVisible();
  await expect(learner.getByText('Baru').first()).toBeVisible();
  await expectNoViolations(learner, 'the notifications');
  await learner.getByRole('button', { name: 'Tandai semua sudah dibaca' }).click();
  await expect(learner.getByTestId('notifications-bell')).toHaveAccessibleName('Notifikasi');
  await learnerContext.close();
});
