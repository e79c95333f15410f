import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN, callApi, expectNoViolations, login, pickOption, tokenOf } from './helpers';

/**
 * Issue 6, the admin's side: a technical framework is built and published, a position's
 * standard is set on screen and through a CSV (a bad file first: its rows are listed and nothing
 * is saved), the heat map drills down and exports, and evidence is recorded for a person. The
 * position and the person are this spec's own (created through the api), so no other spec's
 * data moves; names carry a suffix so a rerun on the same database finds no duplicates.
 */
const suffix = Date.now().toString(36).slice(-5).toUpperCase();
const FRAMEWORK = `Kompetensi Teknis Keuangan ${suffix}`;
const CODE = `TK.${suffix}`;
const COMPETENCY = 'Pengelolaan Kas Daerah';
const POSITION = `Pengelola Kas e2e ${suffix}`;
const UNIT = 'DISKOMINFO.APTIKA';

const digits = (n: number, width: number) => String(n).padStart(width, '0');
const random = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
/** A PNS NIP nobody else has: born 1989, appointed 2014, a random day and serial. */
const freshNip = () => `1989${digits(random(1, 12), 2)}${digits(random(1, 28), 2)}2014${digits(random(1, 12), 2)}2${digits(random(1, 999), 3)}`;

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** A position in a sub-unit of DISKOMINFO (so the heat map shows it after drilling down) and one person holding it. */
async function freshPositionAndUser(request: APIRequestContext) {
  const admin = await tokenOf(request, ADMIN);
  const units = await callApi<{ items: { id: string; code: string }[] }>(request, 'get', '/org-units?q=APTIKA', admin);
  const unit = units.items.find((u) => u.code === UNIT)!;
  const position = await callApi<{ id: string }>(request, 'post', '/positions', admin, { name: POSITION, kind: 'pelaksana', orgUnitId: unit.id });
  const user = await callApi<{ id: string; name: string }>(request, 'post', '/users', admin, {
    nip: freshNip(),
    name: `Sari Bendahara ${suffix}`,
    orgUnitId: unit.id,
    positionId: position.id,
    roles: ['learner'],
  });
  return { positionId: position.id, user };
}

async function upload(page: Page, name: string, text: string) {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

test('an admin builds a framework, sets a standard, reads the heat map and records evidence', async ({ page, request }) => {
  test.setTimeout(150_000);
  const { positionId, user } = await freshPositionAndUser(request);
  await login(page, ADMIN);

  // ---------------------------------------------------------------- a framework
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Kerangka kompetensi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kerangka kompetensi' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Daftar kerangka kompetensi' })).toBeVisible();
  await expectNoViolations(page, 'the frameworks list');

  // A bad import says where and what, and imports nothing.
  await page.getByRole('button', { name: 'Impor', exact: true }).click();
  const importDialog = page.getByRole('dialog', { name: 'Impor kerangka kompetensi' });
  await upload(page, 'kerangka-salah.csv', ['framework,code,name,kind,level,level_description', `Salah ${suffix},X.1,Kompetensi X,bukan_jenis,1,Dasar`].join('\n'));
  await importDialog.getByRole('button', { name: 'Impor', exact: true }).click();
  await expect(importDialog.getByRole('alert').filter({ hasText: 'Tidak ada yang diimpor' })).toBeVisible();
  await expect(importDialog.getByRole('table', { name: 'Kesalahan pada berkas impor' }).getByRole('cell', { name: /^row 2/ }).first()).toBeVisible();
  await expectNoViolations(page, 'the import dialog with errors');
  await importDialog.getByRole('button', { name: 'Batal' }).click();

  await page.getByRole('button', { name: 'Buat kerangka' }).first().click();
  const create = page.getByRole('dialog', { name: 'Buat kerangka kompetensi' });
  await create.getByRole('textbox', { name: 'Nama', exact: true }).fill(FRAMEWORK);
  await create.getByRole('textbox', { name: 'Penerbit (opsional)' }).fill('BKPSDMD Batanghari');
  await create.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: FRAMEWORK })).toBeVisible();
  await expect(page.getByText('Draf', { exact: true })).toBeVisible();

  // A competency with two levels (numbered by the editor), one with an indicator.
  await page.getByRole('button', { name: 'Tambah kompetensi', exact: true }).click();
  const competency = page.getByRole('dialog', { name: 'Tambah kompetensi' });
  await competency.getByRole('textbox', { name: 'Kode' }).fill(CODE);
  await competency.getByRole('textbox', { name: 'Nama', exact: true }).fill(COMPETENCY);
  await competency.getByRole('button', { name: 'Tambah level' }).click();
  await competency.getByRole('button', { name: 'Tambah level' }).click();
  await competency.getByRole('textbox', { name: 'Deskripsi level 1' }).fill('Memahami prosedur penerimaan dan pengeluaran kas.');
  await competency.getByRole('button', { name: 'Tambah indikator' }).first().click();
  await competency.getByRole('textbox', { name: 'Indikator 1 level 1' }).fill('Mencatat penerimaan kas harian');
  // Saving with level 2 empty points at that level.
  await competency.getByRole('button', { name: 'Simpan' }).click();
  await expect(competency.getByRole('textbox', { name: 'Deskripsi level 2' })).toHaveAttribute('aria-invalid', 'true');
  await competency.getByRole('textbox', { name: 'Deskripsi level 2' }).fill('Menyusun laporan posisi kas secara mandiri.');
  await expectNoViolations(page, 'the competency form');
  await competency.getByRole('button', { name: 'Simpan' }).click();
  await expect(competency).toBeHidden();
  const tree = page.getByRole('list', { name: `Struktur kompetensi ${FRAMEWORK}` });
  await expect(tree.getByText(CODE, { exact: true })).toBeVisible();
  await expect(tree.getByText('2 level', { exact: true })).toBeVisible();

  // A code is unique within the framework: the api's answer lands on the field.
  await page.getByRole('button', { name: `Tambah sub-kompetensi di bawah ${COMPETENCY}` }).click();
  const child = page.getByRole('dialog', { name: `Tambah sub-kompetensi di bawah ${COMPETENCY}` });
  await child.getByRole('textbox', { name: 'Kode' }).fill(CODE);
  await child.getByRole('textbox', { name: 'Nama', exact: true }).fill('Duplikat');
  await child.getByRole('button', { name: 'Simpan' }).click();
  await expect(child.getByText(`Kode kompetensi "${CODE}" sudah dipakai di kerangka ini`)).toBeVisible();
  await child.getByRole('button', { name: 'Batal' }).click();
  await expectNoViolations(page, 'the framework page');

  await page.getByRole('button', { name: 'Terbitkan' }).click();
  await page.getByRole('dialog', { name: 'Terbitkan kerangka?' }).getByRole('button', { name: 'Terbitkan' }).click();
  await expect(page.getByText('Terbit', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pensiunkan' })).toBeVisible();

  // ---------------------------------------------------------------- the position's standard
  await page.goto(`/admin/competency-standards?tab=position&position=${positionId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Standar kompetensi' })).toBeVisible();
  const standard = page.getByRole('table', { name: `Standar kompetensi jabatan ${POSITION}` });
  // A pelaksana inherits the SKJ defaults of its kind.
  await expect(standard.getByRole('row').filter({ hasText: 'Pelayanan Publik' }).getByText('Bawaan jenis jabatan')).toBeVisible();
  await pickOption(page, 'Tambah kompetensi teknis', CODE, new RegExp(CODE.replace('.', '\\.')));
  await page.getByRole('button', { name: 'Tambahkan' }).click();
  const own = standard.getByRole('row').filter({ hasText: COMPETENCY });
  await expect(own.getByText('Khusus jabatan ini')).toBeVisible();
  await own.getByRole('combobox', { name: `Level ${CODE} ${COMPETENCY}` }).selectOption('1');
  await expectNoViolations(page, 'the position standard');
  await page.getByRole('button', { name: 'Simpan standar jabatan' }).click();
  await expect(page.getByText(`Standar jabatan ${POSITION} disimpan.`)).toBeVisible();
  await page.reload();
  await expect(standard.getByRole('row').filter({ hasText: COMPETENCY }).getByText('Khusus jabatan ini')).toBeVisible();

  // The same standard through a CSV: a bad file is listed row by row, a good one raises the level to 2.
  await page.getByRole('tab', { name: 'Impor/ekspor CSV' }).click();
  const header = 'position,org_unit_code,framework,competency_code,level';
  await upload(page, 'standar-salah.csv', [header, `Jabatan Tidak Ada ${suffix},${UNIT},,${CODE},1`].join('\n'));
  await page.getByRole('button', { name: 'Impor', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Tidak ada yang diimpor' })).toBeVisible();
  const errors = page.getByRole('table', { name: 'Kesalahan pada berkas impor' });
  await expect(errors.getByRole('row').filter({ hasText: `Jabatan Tidak Ada ${suffix}` })).toContainText('row 2');
  await expectNoViolations(page, 'the standards CSV errors');
  await upload(page, 'standar.csv', [header, `${POSITION},${UNIT},${FRAMEWORK},${CODE},2`].join('\n'));
  await page.getByRole('button', { name: 'Impor', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Standar 1 jabatan (1 baris) disimpan.' })).toBeVisible();
  await page.getByRole('tab', { name: 'Per jabatan' }).click();
  await expect(standard.getByRole('combobox', { name: `Level ${CODE} ${COMPETENCY}` })).toHaveValue('2');

  // The defaults per position kind (only read here: other specs rely on the seeded SKJ defaults).
  await page.getByRole('tab', { name: 'Bawaan per jenis jabatan' }).click();
  const defaults = page.getByRole('table', { name: 'Level bawaan kompetensi per jenis jabatan' });
  await expect(defaults.getByRole('combobox', { name: /^Level M\.5 .* untuk Pelaksana$/ })).toHaveValue('1');
  await expect(defaults.getByRole('button', { name: 'Simpan Pelaksana' })).toBeDisabled();
  await expectNoViolations(page, 'the class defaults');

  // ---------------------------------------------------------------- the heat map
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Peta kompetensi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Peta kompetensi' })).toBeVisible();
  const map = page.getByRole('table', { name: /Pemenuhan standar kompetensi per unit kerja/ });
  await expect(map.getByRole('columnheader', { name: new RegExp(CODE.replace('.', '\\.')) })).toBeVisible();
  await expect(page.getByText('Keterangan warna')).toBeVisible();
  await expectNoViolations(page, 'the heat map');

  await map.getByRole('link', { name: 'Lihat sub-unit Dinas Komunikasi dan Informatika' }).click();
  const trail = page.getByRole('navigation', { name: 'Jejak unit kerja' });
  await expect(trail.getByText('Dinas Komunikasi dan Informatika')).toBeVisible();
  await expect(map.getByRole('rowheader', { name: 'Bidang Aplikasi Informatika' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'ASN dengan kesenjangan kompetensi terbesar' }).getByRole('link', { name: `Profil kompetensi ${user.name}` })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ekspor' }).first().click();
  await page.getByRole('menuitem', { name: 'Ekspor XLSX' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  const bytes = await file.createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  });
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // an XLSX is a ZIP container

  await trail.getByRole('link', { name: 'Semua unit' }).click();
  await expect(trail).toBeHidden();

  // ---------------------------------------------------------------- evidence for a person
  await page.goto(`/admin/users/${user.id}`);
  const section = page.getByRole('region', { name: 'Kompetensi' });
  const profileRow = section.getByRole('table', { name: `Profil kompetensi ${user.name}` }).getByRole('row').filter({ hasText: COMPETENCY });
  await expect(profileRow.getByText('Kurang 2 level')).toBeVisible();
  await section.getByRole('button', { name: 'Catat bukti' }).click();
  const evidence = page.getByRole('dialog', { name: 'Catat bukti kompetensi' });
  await pickOption(page, 'Kompetensi', CODE, new RegExp(CODE.replace('.', '\\.')));
  await evidence.getByRole('combobox', { name: 'Level' }).selectOption('2');
  await evidence.getByRole('textbox', { name: 'Judul' }).fill(`Uji kompetensi pengelolaan kas ${suffix}`);
  await expectNoViolations(page, 'the evidence form');
  await evidence.getByRole('button', { name: 'Simpan' }).click();
  await expect(evidence).toBeHidden();
  await expect(profileRow.getByText('Memenuhi')).toBeVisible();
  await expect(section.getByRole('table', { name: `Bukti kompetensi ${user.name}` })).toContainText(`Uji kompetensi pengelolaan kas ${suffix}`);
  await expectNoViolations(page, 'the user page with competencies');

  // A framework in use cannot be deleted, and the dialog says why.
  await page.goto(`/admin/competencies?q=${encodeURIComponent(FRAMEWORK)}`);
  await page.getByRole('link', { name: FRAMEWORK }).click();
  await page.getByRole('button', { name: 'Hapus kerangka' }).click();
  const remove = page.getByRole('dialog', { name: 'Hapus kerangka?' });
  await remove.getByRole('button', { name: 'Hapus' }).click();
  await expect(remove.getByRole('alert')).toContainText('Kerangka ini sudah dipakai sehingga tidak dapat dihapus');
});

test('the heat map works on a 360px phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await login(page, ADMIN);
  await page.goto('/admin/competency-map');
  await expect(page.getByRole('heading', { level: 1, name: 'Peta kompetensi' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Pemenuhan standar kompetensi per unit kerja/ })).toBeVisible();
  // The table scrolls inside its own box; the page itself does not scroll sideways.
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await expectNoViolations(page, 'the heat map on a phone');
});
