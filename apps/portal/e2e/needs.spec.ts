import { expect, test, type APIRequestContext } from '@playwright/test';
import { ADMIN, callApi, expectNoViolations, login, pickOption, tokenOf } from './helpers';

/**
 * Issue 8, the learning-needs board in the browser. A fresh ASN proposes a need on a phone (and
 * first sees what the form needs), a second ASN supports it and comments, the admin declines it
 * with a reason and plans another as a classical activity, which the yearly plan then lists
 * with its target ASN; the proposer reads why the first was declined.
 */
const suffix = Date.now().toString(36).toUpperCase();
const DECLINED = `Penulisan naskah dinas e2e ${suffix}`;
const PLANNED = `Pengelolaan arsip digital e2e ${suffix}`;
const REASON = 'Sudah ada kursus Tata Naskah Dinas di katalog; silakan ikuti kursus itu terlebih dahulu.';

const digits = (n: number, width: number) => String(n).padStart(width, '0');
const random = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
/** A PNS NIP nobody else has: born 1994, appointed 2019, a random day and serial. */
const freshNip = () => `1994${digits(random(1, 12), 2)}${digits(random(1, 28), 2)}2019${digits(random(1, 12), 2)}1${digits(random(1, 999), 3)}`;

/** A fresh learner in DISKOMINFO, past the first-login password change. */
async function freshLearner(request: APIRequestContext, admin: Record<string, string>, unitId: string, name: string) {
  const nip = freshNip();
  const temporary = 'Sementara123';
  await callApi(request, 'post', '/users', admin, { nip, name, orgUnitId: unitId, roles: ['learner'], password: temporary });
  const password = 'Usulan12345';
  await callApi(request, 'post', '/me/password', await tokenOf(request, { nip, password: temporary }), { currentPassword: temporary, newPassword: password });
  return { nip, password };
}

test('ASN propose, support and discuss needs; the admin declines one with a reason and plans another', async ({ page, browser, request }) => {
  test.setTimeout(150_000);
  const admin = await tokenOf(request, ADMIN);
  const units = await callApi<{ items: { id: string; code: string }[] }>(request, 'get', '/org-units?q=DISKOMINFO', admin);
  const unitId = units.items.find((u) => u.code === 'DISKOMINFO')!.id;
  const proposer = await freshLearner(request, admin, unitId, `Rina Pengusul ${suffix}`);
  const supporter = await freshLearner(request, admin, unitId, `Sandi Pendukung ${suffix}`);

  // The proposer, on a 360 px phone.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const mobile = await phone.newPage();
  await login(mobile, proposer);
  await mobile.getByRole('button', { name: 'Buka menu navigasi' }).click();
  await mobile.getByRole('link', { name: 'Usulan belajar' }).click();
  await expect(mobile.getByRole('heading', { level: 1, name: 'Usulan kebutuhan belajar' })).toBeVisible();
  await expectNoViolations(mobile, 'the needs board on a phone');
  expect(await mobile.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await mobile.getByRole('button', { name: 'Usulkan kebutuhan' }).click();
  const dialog = mobile.getByRole('dialog', { name: 'Usulkan kebutuhan belajar' });
  await dialog.getByRole('textbox', { name: 'Judul kebutuhan' }).fill('Arsi');
  // Enter sends the form, as a phone keyboard's "Go" does.
  await dialog.getByRole('textbox', { name: 'Judul kebutuhan' }).press('Enter');
  await expect(dialog.getByText('Minimal 5 karakter')).toBeVisible();
  await expect(dialog.getByText('Minimal 10 karakter')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Judul kebutuhan' }).fill(DECLINED);
  await dialog.getByRole('textbox', { name: 'Alasan' }).fill('Banyak surat keluar dari OPD kami masih salah format dan harus diulang.');
  await pickOption(mobile, 'Kompetensi yang ingin dikembangkan', 'M.5', /M\.5/);
  await dialog.getByRole('combobox', { name: 'Bentuk pengembangan yang diharapkan' }).selectOption('workshop');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(mobile.getByRole('heading', { level: 1, name: DECLINED })).toBeVisible();
  await expect(mobile.getByText('Usulan Anda sendiri')).toBeVisible();
  const declinedId = new URL(mobile.url()).pathname.split('/').pop()!;

  // A second proposal, through the api.
  const proposerToken = await tokenOf(request, proposer);
  const planned = await callApi<{ id: string }>(request, 'post', '/learning-needs', proposerToken, {
    title: PLANNED,
    reason: 'Arsip kepegawaian masih berupa kertas dan sulit dicari saat dibutuhkan.',
    preferredForm: 'classical',
  });

  // Another ASN supports the first proposal from the board and comments on it.
  await login(page, supporter);
  await page.goto(`/kebutuhan?q=${suffix}`);
  const vote = page.getByRole('button', { name: `Dukung usulan "${DECLINED}"` });
  await expect(vote).toHaveAttribute('aria-pressed', 'false');
  await vote.click();
  await expect(vote).toHaveAttribute('aria-pressed', 'true');
  const card = page.getByRole('article', { name: DECLINED });
  await expect(card.getByTestId('vote-count')).toHaveText('1 dukungan');
  await page.getByRole('button', { name: `Dukung usulan "${PLANNED}"` }).click();
  await expect(page.getByRole('button', { name: `Dukung usulan "${PLANNED}"` })).toHaveAttribute('aria-pressed', 'true');

  await card.getByRole('link', { name: DECLINED }).click();
  await expect(page.getByRole('heading', { level: 1, name: DECLINED })).toBeVisible();
  await page.getByRole('textbox', { name: 'Komentar Anda' }).fill('<b>Setuju</b>, kami juga sering salah format.');
  await page.getByRole('button', { name: 'Kirim komentar' }).click();
  // Plain text: the markup shows as typed, never as bold.
  await expect(page.getByRole('list', { name: 'Komentar' }).getByText('<b>Setuju</b>, kami juga sering salah format.')).toBeVisible();
  await expect(page.locator('b', { hasText: 'Setuju' })).toHaveCount(0);

  // The admin declines the first (the reason is required) and plans the second.
  const adminContext = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const adminPage = await adminContext.newPage();
  await login(adminPage, ADMIN);
  await adminPage.goto(`/kebutuhan/${declinedId}`);
  await adminPage.getByRole('radio', { name: 'Ditolak' }).check();
  await adminPage.getByRole('button', { name: 'Simpan keputusan' }).click();
  await expect(adminPage.getByText('Tuliskan alasan penolakan; pengusul akan membacanya')).toBeVisible();
  await adminPage.getByRole('textbox', { name: 'Alasan penolakan (dibaca oleh pengusul)' }).fill(REASON);
  await adminPage.getByRole('button', { name: 'Simpan keputusan' }).click();
  await expect(adminPage.getByTestId('decision')).toContainText(REASON);

  await adminPage.goto(`/kebutuhan/${planned.id}`);
  await adminPage.getByRole('radio', { name: 'Direncanakan' }).check();
  await adminPage.getByRole('radio', { name: 'Kegiatan klasikal' }).check();
  await adminPage.getByRole('textbox', { name: 'Kegiatan klasikal' }).fill('Bimtek arsip digital, 2 hari');
  await adminPage.getByRole('button', { name: 'Simpan keputusan' }).click();
  await expect(adminPage.getByTestId('decision')).toContainText('Kegiatan klasikal "Bimtek arsip digital, 2 hari"');

  // The yearly plan lists it with its target ASN: the proposer and the supporter.
  await adminPage.goto('/admin/rencana');
  await expect(adminPage.getByRole('heading', { level: 1, name: 'Rencana pengembangan tahunan' })).toBeVisible();
  const targets = adminPage.getByRole('button', { name: `Lihat 2 ASN sasaran untuk "${PLANNED}"` });
  await expect(targets).toBeVisible();
  await expectNoViolations(adminPage, 'the yearly development plan');
  await targets.click();
  const drawer = adminPage.getByRole('dialog', { name: `ASN sasaran: ${PLANNED}` });
  await expect(drawer.getByText(`Rina Pengusul ${suffix}`)).toBeVisible();
  await expect(drawer.getByText(`Sandi Pendukung ${suffix}`)).toBeVisible();
  await adminContext.close();

  // The proposer reads why the first proposal was declined, and has been told.
  await mobile.reload();
  await expect(mobile.getByTestId('decision')).toContainText(`Alasan penolakan: ${REASON}`);
  const bell = await callApi<{ items: { body: string }[] }>(request, 'get', '/me/notifications', proposerToken);
  expect(bell.items.map((n) => n.body)).toContain(`Usulan Anda "${DECLINED}" ditolak. Alasannya: ${REASON}`);
  await phone.close();
});
