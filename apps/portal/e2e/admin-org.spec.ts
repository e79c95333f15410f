import { expect, test } from '@playwright/test';
import { ADMIN, login, pickOption } from './helpers';

test('org units: drill into BKPSDMD, add a sub-unit, and a unit in use cannot be deleted', async ({ page }) => {
  await login(page, ADMIN);
  await page.goto('/admin/org-units');
  await expect(page.getByRole('heading', { level: 1, name: 'Unit kerja' })).toBeVisible();
  await page.getByLabel('Cari unit kerja').fill('BKPSDMD');
  await expect(page).toHaveURL(/q=BKPSDMD/);
  const bkpsdmd = page.getByRole('link', { name: /Lihat sub-unit Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah/ });
  await bkpsdmd.first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Badan Kepegawaian/ })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Lokasi dalam susunan unit kerja' })).toContainText('Semua unit kerja');

  await page.getByRole('button', { name: 'Tambah sub-unit' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Tambah unit kerja' });
  await dialog.getByRole('textbox', { name: 'Kode', exact: true }).fill('bad code!');
  await expect(dialog.getByText('Kode hanya boleh berisi huruf, angka, titik, garis bawah, dan tanda hubung')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Kode', exact: true }).fill('BKPSDMD-E2E');
  await dialog.getByRole('textbox', { name: 'Nama', exact: true }).fill('Bidang Uji Coba E2E');
  await expect(dialog.getByRole('textbox', { name: 'Unit induk' }).or(dialog.getByRole('combobox', { name: 'Unit induk' }))).toHaveValue(/BKPSDMD/);
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Bidang Uji Coba E2E' })).toBeVisible();

  // Delete the seeded BKPSDMD (it has staff): refused with the api's reason.
  await page.getByRole('link', { name: 'Semua unit kerja' }).click();
  await page.getByLabel('Cari unit kerja').fill('BKPSDMD');
  await expect(page).toHaveURL(/q=BKPSDMD/);
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'BKPSDMD', exact: true }) });
  await row.getByRole('button', { name: /^Hapus/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Hapus' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('masih memiliki sub-unit, jabatan, atau pegawai');
  await page.getByRole('dialog').getByRole('button', { name: 'Batal' }).click();

  // Positions: add one bound to the new unit.
  await page.goto('/admin/positions');
  await page.getByRole('button', { name: 'Tambah jabatan' }).first().click();
  const pos = page.getByRole('dialog', { name: 'Tambah jabatan' });
  await pos.getByRole('textbox', { name: 'Nama jabatan', exact: true }).fill('Analis Uji Coba');
  await pos.getByRole('textbox', { name: 'Jenis jabatan' }).or(pos.getByRole('combobox', { name: 'Jenis jabatan' })).click();
  await page.getByRole('option', { name: 'Fungsional' }).click();
  await pickOption(page, 'Unit kerja', 'E2E', /BKPSDMD-E2E/);
  await pos.getByRole('button', { name: 'Simpan' }).click();
  const posRow = page.getByRole('row').filter({ hasText: 'Analis Uji Coba' });
  await expect(posRow).toContainText('Fungsional');
  await expect(posRow).toContainText('Bidang Uji Coba E2E');
});
