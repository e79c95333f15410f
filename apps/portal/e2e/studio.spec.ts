import { expect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN, AUTHOR, expectNoViolations, LEARNER, login } from './helpers';

/**
 * The authoring flow of issue 3: an author builds a course with a block of every content
 * type, submits it; an admin sends it back once, then publishes version 1; a learner finds
 * it in the catalogue (api) and cannot open the studio.
 */
const TITLE = `Etika Pelayanan Publik ${Date.now().toString(36)}`;

// A minimal valid PDF and a 1×1 PNG, made here so the test needs no fixtures.
function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

async function signedIn(browser: Browser, who: { nip: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, who);
  return page;
}

const saveState = (page: Page) => page.getByTestId('save-state');
const block = (page: Page, n: number, type: string) => page.getByRole('region', { name: `Blok ${n}: ${type}` });

async function addBlock(page: Page, type: string) {
  await page.getByRole('button', { name: 'Tambah blok' }).click();
  await page.getByRole('menuitem', { name: type, exact: true }).click();
}

test('an author builds a course with every content type; an admin reviews and publishes it; a learner finds it', async ({ browser, request }) => {
  test.setTimeout(180_000);
  const author = await signedIn(browser, AUTHOR);

  // My courses, then a new course.
  await author.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Studio penulis' }).click();
  await expect(author.getByRole('heading', { level: 2, name: 'Kursus saya' })).toBeVisible();
  // The seed's sample course is the author's.
  await expect(author.getByRole('link', { name: 'Pelayanan Publik Prima' })).toBeVisible();
  await author.getByRole('button', { name: 'Buat kursus' }).first().click();
  const dialog = author.getByRole('dialog', { name: 'Buat kursus' });
  await dialog.getByRole('textbox', { name: 'Judul kursus' }).fill('AB');
  await dialog.getByRole('button', { name: 'Buat kursus' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Judul kursus' })).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('textbox', { name: 'Judul kursus' }).fill(TITLE);
  await dialog.getByRole('textbox', { name: 'Ringkasan' }).fill('Standar pelayanan dan etika ASN di Kabupaten Batanghari.');
  await dialog.getByRole('textbox', { name: 'Jam pelajaran (JP)' }).fill('4');
  await dialog.getByRole('textbox', { name: 'Kategori' }).fill('Pelayanan publik');
  await dialog.getByRole('button', { name: 'Buat kursus' }).click();
  await expect(author.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(author.getByText('Draf', { exact: true }).first()).toBeVisible();
  const editorUrl = author.url();

  // Metadata.
  await author.getByRole('tab', { name: 'Metadata' }).click();
  await expect(author.getByText('1 JP = 45 menit')).toBeVisible();
  await expect(author.getByRole('combobox', { name: 'Bentuk pengembangan kompetensi' })).toHaveValue(/NKL03/);
  await author.getByRole('textbox', { name: 'Perkiraan durasi (menit)' }).fill('180');
  const tags = author.getByRole('combobox', { name: 'Tag' });
  await tags.fill('etika');
  await tags.press('Enter');
  await author.getByRole('button', { name: 'Simpan metadata' }).click();
  await expect(author.getByText('Metadata kursus disimpan.')).toBeVisible();

  // Outline: a module with a lesson.
  await author.getByRole('tab', { name: 'Isi kursus' }).click();
  await author.getByRole('button', { name: 'Tambah modul' }).click();
  await author.getByRole('textbox', { name: 'Judul modul 1' }).fill('Dasar-dasar etika');
  await author.getByRole('textbox', { name: 'Judul pelajaran' }).fill('Nilai dasar ASN');

  // One block of every content type.
  await addBlock(author, 'Teks');
  const text = block(author, 1, 'Teks').locator('[contenteditable="true"]');
  await text.click();
  await author.keyboard.type('ASN berakhlak: ');
  await author.keyboard.press('Control+b');
  await author.keyboard.type('berorientasi pelayanan');
  await author.keyboard.press('Control+b');
  await author.keyboard.type(' dan akuntabel.');

  await addBlock(author, 'Video');
  await block(author, 2, 'Video').getByText('Tautan YouTube/Vimeo').click();
  await block(author, 2, 'Video').getByRole('textbox', { name: /^Tautan video/ }).fill('https://www.youtube.com/watch?v=dQw4w9WgXcQ');

  await addBlock(author, 'Berkas/PDF');
  await block(author, 3, 'Berkas/PDF').locator('input[type="file"]').setInputFiles({ name: 'pedoman.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
  await expect(block(author, 3, 'Berkas/PDF').getByText('Terunggah: pedoman.pdf')).toBeVisible();

  await addBlock(author, 'Gambar');
  await block(author, 4, 'Gambar').locator('input[type="file"]').setInputFiles({ name: 'titik.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await expect(block(author, 4, 'Gambar').getByText('Terunggah: titik.png')).toBeVisible();
  await block(author, 4, 'Gambar').getByRole('textbox', { name: /^Teks alternatif/ }).fill('Logo Kabupaten Batanghari');

  await addBlock(author, 'Sematan');
  await block(author, 5, 'Sematan').getByRole('textbox', { name: /^Alamat sematan/ }).fill('https://docs.google.com/document/d/1abcDEF/preview');
  await block(author, 5, 'Sematan').getByRole('textbox', { name: /^Judul sematan/ }).fill('Pedoman pelayanan');

  await expect(saveState(author)).toHaveText('Tersimpan', { timeout: 15_000 });

  // Reorder with the buttons: the text block goes below the video.
  await author.getByRole('button', { name: 'Turunkan Blok 1: Teks' }).click();
  await expect(block(author, 1, 'Video')).toBeVisible();
  await expect(block(author, 2, 'Teks')).toBeVisible();
  await expect(saveState(author)).toHaveText('Tersimpan', { timeout: 15_000 });

  await expectNoViolations(author, 'the course editor');

  // The draft survives a reload (it was saved).
  await author.reload();
  await expect(block(author, 1, 'Video')).toBeVisible();
  await expect(block(author, 5, 'Sematan')).toBeVisible();

  // Preview as a learner.
  await author.getByRole('button', { name: 'Pratinjau sebagai peserta' }).click();
  await expect(author.getByRole('heading', { level: 2, name: 'Nilai dasar ASN' })).toBeVisible();
  await expect(author.locator('strong, b').filter({ hasText: 'berorientasi pelayanan' })).toBeVisible();
  await expect(author.getByRole('img', { name: 'Logo Kabupaten Batanghari' })).toBeVisible();
  await expect(author.locator('iframe[title="Pedoman pelayanan"]')).toHaveCount(1);
  await author.getByRole('link', { name: 'Kembali ke editor' }).click();

  // Submit for review.
  await author.getByRole('tab', { name: 'Alur & riwayat' }).click();
  await author.getByRole('button', { name: 'Kirim untuk ditinjau' }).click();
  await expect(author.getByText('Ditinjau', { exact: true }).first()).toBeVisible();

  // The admin sends it back once, with a comment.
  const admin = await signedIn(browser, ADMIN);
  await admin.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Tinjauan kursus' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Tinjauan kursus' })).toBeVisible();
  await admin.getByRole('link', { name: TITLE }).click();
  await expect(admin.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(admin.getByRole('heading', { name: 'Nilai dasar ASN' })).toBeVisible();
  await expectNoViolations(admin, 'the review page');
  await admin.getByRole('button', { name: 'Kembalikan ke draf' }).click();
  const reject = admin.getByRole('dialog', { name: 'Kembalikan ke penulis' });
  await reject.getByRole('button', { name: 'Kembalikan ke draf' }).click();
  await expect(reject.getByRole('textbox', { name: 'Catatan untuk penulis' })).toHaveAttribute('aria-invalid', 'true');
  await reject.getByRole('textbox', { name: 'Catatan untuk penulis' }).fill('Tambahkan contoh kasus pelayanan di puskesmas.');
  await reject.getByRole('button', { name: 'Kembalikan ke draf' }).click();
  await expect(admin.getByText('Kursus dikembalikan ke draf dengan catatan Anda.')).toBeVisible();

  // The author sees the comment, fixes and resubmits.
  await author.goto(editorUrl);
  await expect(author.getByTestId('review-comment')).toContainText('Tambahkan contoh kasus pelayanan di puskesmas.');
  await author.getByRole('textbox', { name: 'Judul pelajaran' }).fill('Nilai dasar ASN dan contoh kasus');
  await expect(saveState(author)).toHaveText('Tersimpan', { timeout: 15_000 });
  await author.getByRole('tab', { name: 'Alur & riwayat' }).click();
  await author.getByRole('button', { name: 'Kirim untuk ditinjau' }).click();
  await expect(author.getByText('Ditinjau', { exact: true }).first()).toBeVisible();

  // The admin publishes: version 1.
  await admin.goto('/admin/reviews');
  await admin.getByRole('link', { name: TITLE }).click();
  await admin.getByRole('button', { name: 'Terbitkan' }).click();
  await admin.getByRole('dialog', { name: 'Terbitkan kursus?' }).getByRole('button', { name: 'Terbitkan' }).click();
  await expect(admin.getByText('Versi 1 diterbitkan')).toBeVisible();

  // The author's history shows version 1.
  await author.goto(`${editorUrl}?tab=workflow`);
  await expect(author.getByRole('table', { name: 'Riwayat versi' }).getByRole('cell', { name: 'v1', exact: true })).toBeVisible();

  // A learner finds it in the catalogue (the learner UI is the next issue) ...
  const tokens = await (await request.post('/api/v1/auth/login', { data: { nip: LEARNER.nip, password: LEARNER.password } })).json();
  const catalog = await request.get('/api/v1/catalog', { params: { q: TITLE }, headers: { Authorization: `Bearer ${tokens.accessToken}` } });
  expect(catalog.ok()).toBeTruthy();
  const items = (await catalog.json()).items as { title: string; version: number }[];
  expect(items.find((i) => i.title === TITLE)?.version).toBe(1);

  // ... and cannot open the studio.
  const learner = await signedIn(browser, LEARNER);
  await learner.goto('/studio');
  await expect(learner.getByRole('heading', { level: 1, name: 'Akses ditolak' })).toBeVisible();
  await learner.goto(editorUrl.replace(/^https?:\/\/[^/]+/, ''));
  await expect(learner.getByRole('heading', { level: 1, name: 'Akses ditolak' })).toBeVisible();
});

test('the studio list works on a phone (390×844), with a filtered empty state', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await login(page, AUTHOR);
  await page.goto('/studio');
  await expect(page.getByRole('heading', { level: 1, name: 'Studio penulis' })).toBeVisible();
  await page.goto('/studio?status=archived');
  await expect(page.getByText('Tidak ada kursus yang cocok dengan saringan.')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoViolations(page, 'the studio list on a phone');
});

test('on a phone: keyboard reordering, a two-tab conflict that keeps the edits, and the preview', async ({ browser, request }) => {
  test.setTimeout(90_000);
  // A course with two lessons, made through the api.
  const tokens = await (await request.post('/api/v1/auth/login', { data: { nip: AUTHOR.nip, password: AUTHOR.password } })).json();
  const headers = { Authorization: `Bearer ${tokens.accessToken}` };
  const created = await (await request.post('/api/v1/courses', { headers, data: { title: 'Kursus ponsel', summary: '', jp: 2 } })).json();
  const put = await request.put(`/api/v1/courses/${created.id}/content`, {
    headers,
    data: {
      revision: created.revision,
      modules: [
        {
          key: 'm1',
          title: 'Modul A',
          lessons: [
            { key: 'l1', title: 'Pelajaran A', blocks: [{ key: 'b1', type: 'richtext', data: { html: '<p>Halo ASN</p>' } }] },
            { key: 'l2', title: 'Pelajaran B', blocks: [] },
          ],
        },
      ],
    },
  });
  expect(put.ok()).toBeTruthy();

  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await login(page, AUTHOR);
  await page.goto(`/studio/courses/${created.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Kursus ponsel' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  // Keyboard drag: Space picks up, ArrowDown moves, Space drops.
  const handle = page.getByRole('button', { name: 'Seret untuk memindahkan Pelajaran 1: Pelajaran A' });
  await handle.focus();
  await page.keyboard.press('Space');
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  await page.waitForTimeout(150); // the sensor starts listening for arrows on the next tick
  await page.keyboard.press('ArrowDown');
  await expect(page.getByText(/dipindahkan ke posisi 2 dari 2/)).toBeAttached();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: '1. Pelajaran B' })).toBeVisible();
  await expect(saveState(page)).toHaveText('Tersimpan', { timeout: 15_000 });

  // A second tab saves first: this one gets a conflict, keeps its edit and saves it on top.
  const other = await context.newPage();
  await other.goto(`/studio/courses/${created.id}?lesson=l2`);
  // Wait for the lesson's own title before typing: fill() racing the lesson switch would mix the two.
  await expect(other.getByRole('textbox', { name: 'Judul pelajaran' })).toHaveValue('Pelajaran B');
  await other.getByRole('textbox', { name: 'Judul pelajaran' }).fill('Judul dari tab lain');
  await expect(saveState(other)).toHaveText('Tersimpan', { timeout: 15_000 });
  await page.getByRole('button', { name: '2. Pelajaran A' }).click();
  await expect(page.getByRole('textbox', { name: 'Judul pelajaran' })).toHaveValue('Pelajaran A');
  await page.getByRole('textbox', { name: 'Judul pelajaran' }).fill('Judul dari tab ini');
  await expect(page.getByText('Kursus ini diubah di tempat lain')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('textbox', { name: 'Judul pelajaran' })).toHaveValue('Judul dari tab ini');
  await page.getByRole('button', { name: 'Simpan perubahan saya' }).click();
  await expect(saveState(page)).toHaveText('Tersimpan', { timeout: 15_000 });
  await other.close();

  // An unfinished block is kept by autosave; submitting names it: an embed from a host not on the allow-list.
  await addBlock(page, 'Sematan');
  const embed = block(page, 2, 'Sematan');
  await embed.getByRole('textbox', { name: /^Alamat sematan/ }).fill('https://evil.example.com/page');
  await embed.getByRole('textbox', { name: /^Judul sematan/ }).fill('Halaman lain');
  await expect(saveState(page)).toHaveText('Tersimpan', { timeout: 15_000 });
  await page.getByRole('tab', { name: 'Alur & riwayat' }).click();
  await page.getByRole('button', { name: 'Kirim untuk ditinjau' }).click();
  await expect(page.getByText('Beberapa isian belum valid. Perbaiki blok dan judul yang ditandai merah.')).toBeVisible();
  await page.getByRole('button', { name: 'Hapus Blok 2: Sematan' }).click();
  await page.getByRole('dialog', { name: 'Hapus dari kursus?' }).getByRole('button', { name: 'Hapus' }).click();
  await expect(saveState(page)).toHaveText('Tersimpan', { timeout: 15_000 });

  // The preview, lesson by lesson.
  await page.getByRole('button', { name: 'Pratinjau sebagai peserta' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Judul dari tab ini' })).toBeVisible();
  await expect(page.getByText('Halo ASN')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.getByRole('link', { name: 'Sebelumnya' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Pelajaran B' })).toBeVisible();
  await expectNoViolations(page, 'the preview on a phone');
  await context.close();
});
