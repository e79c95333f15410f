import { expect, test, type Page } from '@playwright/test';
import { AUTHOR, expectNoViolations, LEARNER, login } from './helpers';

/**
 * The learner's catalogue (first slice of issue 4) on the seed's published sample course
 * "Pelayanan Publik Prima", and moving a lesson to another module in the studio.
 */

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('a learner finds a course in the catalogue and opens its page (desktop and phone)', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, LEARNER);

  // From Beranda and from the navigation.
  await expect(page.getByRole('link', { name: 'Jelajahi katalog' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Katalog' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Katalog kursus' })).toBeVisible();
  const list = page.getByRole('list', { name: 'Daftar kursus' });
  await expect(list.getByRole('link', { name: 'Pelayanan Publik Prima' })).toBeVisible();

  // Search, and a search that finds nothing.
  const search = page.getByRole('searchbox', { name: 'Cari kursus' });
  await search.fill('tidak-ada-kursus-seperti-ini');
  await search.press('Enter');
  await expect(page.getByText('Tidak ada kursus yang cocok. Ubah pencarian atau filter.')).toBeVisible();
  await search.fill('pelayanan');
  await search.press('Enter');
  await expect(page).toHaveURL(/q=pelayanan/);
  const card = list.getByRole('listitem').filter({ hasText: 'Pelayanan Publik Prima' });
  await expect(card).toBeVisible();
  await expect(card.getByText('6 JP', { exact: true })).toBeVisible();
  await expect(card.getByText('3 modul', { exact: false })).toBeVisible();
  await expectNoViolations(page, 'the catalogue');

  // A JP filter that excludes it (and the seed's 2-JP course), then back.
  await page.getByRole('textbox', { name: 'Jam pelajaran' }).or(page.getByRole('combobox', { name: 'Jam pelajaran' })).click();
  await page.getByRole('option', { name: '3–5 JP' }).click();
  await expect(page.getByText('Tidak ada kursus yang cocok. Ubah pencarian atau filter.')).toBeVisible();
  await page.getByRole('button', { name: 'Hapus saringan' }).click();
  await expect(list.getByRole('link', { name: 'Pelayanan Publik Prima' })).toBeVisible();

  // The course page.
  await list.getByRole('link', { name: 'Pelayanan Publik Prima' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pelayanan Publik Prima' })).toBeVisible();
  const facts = page.getByRole('region', { name: 'Keterangan kursus' });
  await expect(facts.getByText('6 JP', { exact: true })).toBeVisible();
  await expect(facts.getByText('1 JP = 45 menit')).toBeVisible();
  await expect(facts.getByText('NKL03 — E-learning')).toBeVisible();
  const outline = page.getByRole('region', { name: 'Isi kursus' });
  for (const title of ['Komunikasi dalam pelayanan', 'Penanganan pengaduan', 'Inovasi pelayanan']) {
    await expect(outline.getByRole('button', { name: new RegExp(title) })).toBeVisible();
  }
  // The first module is open; another opens from the keyboard.
  const second = outline.getByRole('button', { name: /Penanganan pengaduan/ });
  await expect(second).toHaveAttribute('aria-expanded', 'false');
  await second.focus();
  await page.keyboard.press('Enter');
  await expect(second).toHaveAttribute('aria-expanded', 'true');
  await expectNoViolations(page, 'the course page');
  await context.close();

  // On a phone: no sideways scrolling, and the filters fold behind a button.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const p = await phone.newPage();
  await login(p, LEARNER);
  await p.goto('/katalog');
  await expect(p.getByRole('list', { name: 'Daftar kursus' }).getByRole('link', { name: 'Pelayanan Publik Prima' })).toBeVisible();
  expect(await overflow(p)).toBeLessThanOrEqual(0);
  const toggle = p.getByRole('button', { name: 'Saringan' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(p.getByRole('textbox', { name: 'Kategori' }).or(p.getByRole('combobox', { name: 'Kategori' }))).toBeVisible();
  expect(await overflow(p)).toBeLessThanOrEqual(0);
  await expectNoViolations(p, 'the catalogue on a phone');
  await p.getByRole('link', { name: 'Pelayanan Publik Prima' }).click();
  await expect(p.getByRole('heading', { level: 1, name: 'Pelayanan Publik Prima' })).toBeVisible();
  expect(await overflow(p)).toBeLessThanOrEqual(0);
  await phone.close();
});

test('the studio moves a lesson to another module through the menu, by dragging and by keyboard, and autosaves it', async ({ browser, request }) => {
  const tokens = await (await request.post('/api/v1/auth/login', { data: { nip: AUTHOR.nip, password: AUTHOR.password } })).json();
  const headers = { Authorization: `Bearer ${tokens.accessToken}` };
  const created = await (await request.post('/api/v1/courses', { headers, data: { title: 'Kursus pindah pelajaran', summary: '', jp: 2 } })).json();
  const put = await request.put(`/api/v1/courses/${created.id}/content`, {
    headers,
    data: {
      revision: created.revision,
      modules: [
        { key: 'ma', title: 'Modul A', lessons: [{ key: 'la1', title: 'Pelajaran satu', blocks: [] }, { key: 'la2', title: 'Pelajaran dua', blocks: [] }] },
        { key: 'mb', title: 'Modul B', lessons: [{ key: 'lb1', title: 'Pelajaran tiga', blocks: [] }] },
      ],
    },
  });
  expect(put.ok()).toBeTruthy();

  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, AUTHOR);
  await page.goto(`/studio/courses/${created.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Kursus pindah pelajaran' })).toBeVisible();

  // Keyboard only: open the lesson's menu, pick the other module.
  const moveButton = page.getByRole('button', { name: 'Pindahkan Pelajaran 2: Pelajaran dua ke modul lain' });
  await moveButton.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu.getByText('Pindahkan ke modul…')).toBeVisible();
  await expect(menu.getByRole('menuitem')).toHaveCount(1);
  await menu.getByRole('menuitem', { name: 'Modul 2: Modul B' }).click();

  const moduleB = page.getByRole('region', { name: 'Modul 2: Modul B' });
  await expect(moduleB.getByRole('button', { name: '2. Pelajaran dua' })).toBeVisible();
  await expect(moduleB.getByRole('button', { name: '2. Pelajaran dua' })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Modul 1: Modul A' }).getByRole('button', { name: /Pelajaran dua/ })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Pelajaran dua dipindahkan ke Modul 2: Modul B.' })).toBeAttached();
  await expect(page.getByTestId('save-state')).toHaveText('Tersimpan', { timeout: 15_000 });

  // The server has it.
  await expect
    .poll(async () => {
      const saved = await (await request.get(`/api/v1/courses/${created.id}`, { headers })).json();
      return saved.content.modules.map((m: { lessons: { key: string }[] }) => m.lessons.map((l) => l.key));
    })
    .toEqual([['la1'], ['lb1', 'la2']]);

  // Dragging across modules, by pointer: "Pelajaran tiga" onto the lower half of "Pelajaran satu".
  const handle = page.getByRole('button', { name: 'Seret untuk memindahkan Pelajaran 1: Pelajaran tiga' });
  const target = page.getByRole('button', { name: '1. Pelajaran satu' });
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 10, { steps: 4 });
  await page.mouse.move(from.x + from.width / 2, to.y + to.height * 0.8, { steps: 12 });
  await page.mouse.up();
  await expect(page.getByRole('region', { name: 'Modul 1: Modul A' }).getByRole('button', { name: '2. Pelajaran tiga' })).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText('Tersimpan', { timeout: 15_000 });

  // ... and by keyboard: down from the last lesson of module 1 lands in module 2.
  const grip = page.getByRole('button', { name: 'Seret untuk memindahkan Pelajaran 2: Pelajaran tiga' });
  await grip.focus();
  await page.keyboard.press('Space');
  await expect(grip).toHaveAttribute('aria-pressed', 'true');
  await page.waitForTimeout(150); // the sensor starts listening for arrows on the next tick
  await page.keyboard.press('ArrowDown');
  await expect(page.getByText(/dipindahkan ke Modul 2: Modul B, posisi 1 dari 2/)).toBeAttached();
  await page.keyboard.press('Space');
  await expect(page.getByRole('region', { name: 'Modul 2: Modul B' }).getByRole('button', { name: '1. Pelajaran tiga' })).toBeVisible();
  await expect
    .poll(async () => {
      const saved = await (await request.get(`/api/v1/courses/${created.id}`, { headers })).json();
      return saved.content.modules.map((m: { lessons: { key: string }[] }) => m.lessons.map((l) => l.key));
    })
    .toEqual([['la1'], ['lb1', 'la2']]);
  await context.close();
});
