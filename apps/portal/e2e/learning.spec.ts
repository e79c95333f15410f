import { expect, test, type Page } from '@playwright/test';
import { expectNoViolations, LEARNER, login } from './helpers';

/**
 * Issue 4, the learner's side: enrol in the seed's sample course "Pelayanan Publik Prima"
 * (6 JP, 3 modules, 4 richtext lessons), learn it on a phone (one lesson offline), resume after
 * a reload, complete it, and see the JP arrive on Beranda and in the JP history.
 * Only this spec uses the sample course as a learner.
 */
const COURSE = 'Pelayanan Publik Prima';
const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()));

/** Brings every block of the lesson on screen long enough to count as viewed. */
async function viewBlocks(page: Page) {
  const blocks = page.locator('[data-block-key]');
  await expect(blocks.first()).toBeVisible();
  const n = await blocks.count();
  for (let i = 0; i < n; i++) {
    await blocks.nth(i).scrollIntoViewIfNeeded();
    await page.waitForTimeout(1300);
  }
}

const lessonHeading = (page: Page, title: string) => page.getByRole('heading', { level: 2, name: title });
const status = (page: Page) => page.getByRole('status').filter({ hasText: /Progres|Menunggu|Menyimpan/ });

test('a learner enrols, learns on a phone (offline too), resumes, completes and earns the JP', async ({ browser }) => {
  test.setTimeout(150_000);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await login(page, LEARNER);

  // Beranda before: no course in progress, the JP meter (0 of 20 on a fresh database; other specs
  // may have recorded classical JP for this learner before, so the test counts from what it finds).
  const meter = page.getByText(/^\d+ dari 20 JP$/);
  await expect(meter).toBeVisible();
  const before = Number((await meter.textContent())!.split(' ')[0]);
  await expect(page.getByRole('region', { name: 'Lanjutkan belajar' }).getByText(/Belum ada kursus yang sedang Anda ikuti/)).toBeVisible();

  // The course page: enrol.
  await page.goto('/katalog');
  await page.getByRole('list', { name: 'Daftar kursus' }).getByRole('link', { name: COURSE }).click();
  await expect(page.getByRole('heading', { level: 1, name: COURSE })).toBeVisible();
  await page.getByRole('button', { name: 'Ikuti kursus' }).click();
  await expect(page).toHaveURL(/\/belajar\/[0-9a-f-]+\/l-berakhlak$/);
  const playerUrl = page.url().replace(/\/l-berakhlak$/, '');
  await expect(page.getByRole('heading', { level: 1, name: COURSE })).toBeVisible();
  await expect(lessonHeading(page, 'Berorientasi pelayanan: nilai BerAKHLAK')).toBeVisible();
  await expect(page.getByText('Progres kursus: 0%')).toBeVisible();
  await expectNoViolations(page, 'the player');

  // Lesson 1: reading every block completes it (viewed), and the progress is saved.
  await viewBlocks(page);
  await expect(page.getByText('Pelajaran ini sudah selesai.')).toBeVisible({ timeout: 15_000 });
  await expect(status(page)).toHaveText('Progres tersimpan');

  // The outline in a drawer: a tick on lesson 1, progress per module.
  await page.getByRole('button', { name: 'Daftar isi' }).click();
  const drawer = page.getByRole('dialog', { name: 'Daftar isi kursus' });
  await expect(drawer.getByRole('link', { name: 'Berorientasi pelayanan: nilai BerAKHLAK (selesai)' })).toBeVisible();
  await expect(drawer.getByRole('link', { name: 'Mendengar aktif dan bahasa yang jelas (belum selesai)' })).toBeVisible();
  await expect(drawer.getByText('1 dari 2 pelajaran selesai')).toBeVisible();
  await expectNoViolations(page, 'the player outline');
  await drawer.getByRole('link', { name: /Mendengar aktif/ }).click();
  await expect(drawer).toBeHidden();

  // Lesson 2: the button marks it done and moves on.
  await expect(lessonHeading(page, 'Mendengar aktif dan bahasa yang jelas')).toBeVisible();
  await page.getByRole('button', { name: 'Tandai pelajaran selesai' }).click();
  await expect(page).toHaveURL(/\/l-pengaduan$/);
  await expect(lessonHeading(page, 'Dari keluhan menjadi perbaikan')).toBeVisible();

  // A reload in the middle: "Lanjutkan belajar" opens the lesson the learner was at.
  await page.goto('/');
  const cont = page.getByRole('region', { name: 'Lanjutkan belajar' });
  await expect(cont.getByText(COURSE)).toBeVisible();
  await cont.getByRole('link', { name: `Lanjutkan belajar: ${COURSE}` }).click();
  await expect(page).toHaveURL(/\/l-pengaduan$/);
  await page.reload();
  await expect(lessonHeading(page, 'Dari keluhan menjadi perbaikan')).toBeVisible();
  await page.goto(playerUrl);
  await expect(page).toHaveURL(/\/l-pengaduan$/);
  await expect(lessonHeading(page, 'Dari keluhan menjadi perbaikan')).toBeVisible();

  // Lesson 3 offline: the progress waits on the device, then arrives.
  await context.setOffline(true);
  await viewBlocks(page);
  await expect(status(page)).toHaveText('Menunggu koneksi — progres Anda aman di perangkat ini', { timeout: 15_000 });
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cakap.progress.')).length)).toBe(1);
  await context.setOffline(false);
  await expect(status(page)).toHaveText('Progres tersimpan', { timeout: 20_000 });
  await expect(page.getByText('Pelajaran ini sudah selesai.')).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cakap.progress.')).length)).toBe(0);

  // Lesson 4, the last: the course completes.
  await page.getByRole('link', { name: 'Selanjutnya' }).click();
  await expect(lessonHeading(page, 'Memulai inovasi kecil di unit Anda')).toBeVisible();
  await viewBlocks(page);
  const done = page.getByRole('region', { name: 'Selamat! Anda menyelesaikan kursus ini' });
  await expect(done).toBeVisible({ timeout: 15_000 });
  await expect(done.getByText(`Anda mendapatkan 6 JP, tercatat di riwayat JP tahun ${year}.`)).toBeVisible();
  await expect(page.getByText('Progres kursus: 100%')).toBeVisible();

  // Beranda: the JP meter moved, the course is among the completed ones.
  await page.goto('/');
  await expect(page.getByText(`${before + 6} dari 20 JP`, { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Kursus selesai' }).getByRole('link', { name: COURSE })).toBeVisible();
  await expectNoViolations(page, 'the dashboard');

  // The JP history lists it.
  await page.getByRole('main').getByRole('link', { name: 'Riwayat JP' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Riwayat jam pelajaran (JP)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: `${before + 6} dari 20 JP di tahun ${year}` })).toBeVisible();
  const entry = page.getByRole('listitem').filter({ hasText: COURSE });
  await expect(entry.getByText('6 JP', { exact: true })).toBeVisible();
  await expect(entry.getByText('Kursus Cakap')).toBeVisible();
  await expectNoViolations(page, 'the JP history');

  // The course page now offers to continue, not to enrol again.
  await context.close();
});
