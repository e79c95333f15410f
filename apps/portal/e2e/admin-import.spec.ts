import { expect, test } from '@playwright/test';
import { ADMIN, login } from './helpers';

const CSV = [
  'nip,nama,email,unit_kerja,jabatan',
  '199001152015031001,Andi Saputra,andi.saputra@batangharikab.go.id,BKPSDMD,Pelaksana',
  '198807222012122002,Dewi Lestari,dewi.lestari@batangharikab.go.id,DISKOMINFO,Pelaksana',
  '198602302015051001,Budi Tanggal Salah,budi@batangharikab.go.id,BKPSDMD,Pelaksana',
  '199203042018011003,Citra Unit Salah,citra@batangharikab.go.id,TIDAKADA,Pelaksana',
].join('\n');

test('admin imports a CSV: progress finishes and bad rows are listed with row, column and message', async ({ page }) => {
  await login(page, ADMIN);
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Impor ASN' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Impor ASN' })).toBeVisible();

  // The template comes down with its file name.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh templat CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const template = await file.createReadStream().then(async (stream) => {
    let text = '';
    for await (const chunk of stream) text += chunk.toString();
    return text;
  });
  expect(template.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toContain('nip,nama,email,unit_kerja,jabatan');

  // Upload without a file: says what to do.
  await page.getByRole('button', { name: 'Unggah dan proses' }).click();
  await expect(page.getByText('Pilih berkas CSV terlebih dahulu')).toBeVisible();

  await page.locator('input[type="file"]').setInputFiles({
    name: 'pegawai-baru.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV, 'utf8'),
  });
  await page.getByRole('button', { name: 'Unggah dan proses' }).click();

  await expect(page).toHaveURL(/\/admin\/imports\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Hasil impor' })).toBeVisible();
  await expect(page.getByText('Selesai', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('import-progress-text')).toHaveText('4 dari 4 baris diproses');
  await expect(page.getByRole('progressbar', { name: 'Kemajuan impor' })).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByRole('status').filter({ hasText: 'Selesai' })).toBeAttached();

  const stat = (label: string) => page.locator('div').filter({ has: page.getByText(label, { exact: true }) }).last();
  await expect(stat('Dibuat')).toContainText('2');
  await expect(stat('Gagal')).toContainText('2');

  const errors = page.getByRole('table', { name: 'Kesalahan per baris' });
  await expect(errors.getByRole('row')).toHaveCount(3);
  const nipRow = errors.getByRole('row').filter({ hasText: 'Tanggal lahir pada NIP (digit 1–8) tidak valid' });
  await expect(nipRow.getByRole('cell').nth(0)).toHaveText('3');
  await expect(nipRow.getByRole('cell').nth(1)).toHaveText('nip');
  const unitRow = errors.getByRole('row').filter({ hasText: 'TIDAKADA' });
  await expect(unitRow.getByRole('cell').nth(0)).toHaveText('4');
  await expect(unitRow.getByRole('cell').nth(1)).toHaveText('unit_kerja');
  await expect(unitRow.getByRole('cell').nth(2)).toHaveText('Kode unit kerja "TIDAKADA" tidak ditemukan');

  // The job can be found again from the history, and the good rows are now users.
  await page.getByRole('link', { name: 'Kembali ke Impor ASN' }).click();
  const history = page.getByRole('table', { name: 'Impor terbaru' });
  await expect(history.getByRole('row').filter({ hasText: 'pegawai-baru.csv' })).toBeVisible();
  await page.goto('/admin/users?q=Dewi%20Lestari');
  await expect(page.getByRole('row').filter({ hasText: '19880722 201212 2 002' })).toBeVisible();
});
