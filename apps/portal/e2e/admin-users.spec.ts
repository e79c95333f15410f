import { expect, test } from '@playwright/test';
import { ADMIN, login, pickOption } from './helpers';

test.describe.configure({ mode: 'serial' });

test('admin creates a user through the form, fixing a bad NIP, and finds them by search', async ({ page }) => {
  await login(page, ADMIN);
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pegawai' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pegawai' })).toBeVisible();
  await page.getByRole('link', { name: 'Tambah pegawai' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tambah pegawai' })).toBeVisible();

  const nip = page.getByRole('textbox', { name: 'NIP', exact: true });
  await nip.fill('198602302015051001');
  await expect(page.getByText('Tanggal lahir pada NIP (digit 1–8) tidak valid')).toBeVisible();
  await expect(nip).toHaveAttribute('aria-invalid', 'true');

  await nip.fill('19920514 201903 2 005');
  await expect(page.getByText('Tanggal lahir pada NIP (digit 1–8) tidak valid')).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Nama', exact: true }).fill('Rina Marlina, S.Kom.');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill('rina.marlina@batangharikab.go.id');
  await pickOption(page, 'Unit kerja', 'DISKOMINFO', /DISKOMINFO/);
  await pickOption(page, 'Jabatan', 'Pelaksana', /^Pelaksana/);
  await expect(page.getByRole('checkbox', { name: 'Peserta' })).toBeChecked();
  await page.getByRole('button', { name: 'Simpan' }).click();

  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByText('Pegawai Rina Marlina, S.Kom. ditambahkan.')).toBeVisible();

  await page.getByLabel('Cari pegawai').fill('199205142019032005');
  const row = page.getByRole('row').filter({ hasText: 'Rina Marlina, S.Kom.' });
  await expect(row).toBeVisible();
  await expect(row).toContainText('19920514 201903 2 005');
  await expect(page.getByRole('row')).toHaveCount(2); // header + the one match

  // A second user with the same NIP is refused by the api, shown on the NIP field.
  await page.getByRole('link', { name: 'Tambah pegawai' }).first().click();
  await page.getByRole('textbox', { name: 'NIP', exact: true }).fill('199205142019032005');
  await page.getByRole('textbox', { name: 'Nama', exact: true }).fill('Duplikat');
  await pickOption(page, 'Unit kerja', 'BKPSDMD', /BKPSDMD/);
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('NIP ini sudah terdaftar')).toBeVisible();
});

test('admin resets a password; the user must change it at first sign-in', async ({ page, browser }) => {
  await login(page, ADMIN);
  await page.goto('/admin/users?q=199205142019032005');
  const row = page.getByRole('row').filter({ hasText: 'Rina Marlina, S.Kom.' });
  await row.getByRole('button', { name: 'Tindakan untuk Rina Marlina, S.Kom.' }).click();
  await page.getByRole('menuitem', { name: 'Reset kata sandi' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Buat kata sandi sementara' }).click();
  const temp = page.getByTestId('temporary-password');
  await expect(temp).toBeVisible();
  const password = (await temp.textContent())!.trim();
  expect(password.length).toBeGreaterThanOrEqual(8);
  await expect(page.getByRole('button', { name: 'Salin kata sandi' })).toBeVisible();

  const other = await browser.newContext();
  const userPage = await other.newPage();
  await userPage.goto('/login');
  await userPage.getByRole('textbox', { name: 'NIP', exact: true }).fill('19920514 201903 2 005');
  await userPage.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(password);
  await userPage.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(userPage.getByRole('heading', { level: 1, name: 'Ubah kata sandi' })).toBeVisible();
  await expect(userPage.getByText('Anda masuk dengan kata sandi sementara')).toBeVisible();
  // Elsewhere is not reachable before the password is changed.
  await userPage.goto('/profile');
  await expect(userPage.getByRole('heading', { level: 1, name: 'Ubah kata sandi' })).toBeVisible();

  await userPage.getByRole('textbox', { name: 'Kata sandi saat ini', exact: true }).fill(password);
  await userPage.getByRole('textbox', { name: 'Kata sandi baru', exact: true }).fill('pendek');
  await expect(userPage.getByText('Kata sandi minimal 8 karakter dan memuat huruf serta angka')).toBeVisible();
  await userPage.getByRole('textbox', { name: 'Kata sandi baru', exact: true }).fill('rinabaru2026');
  await userPage.getByRole('textbox', { name: 'Ulangi kata sandi baru', exact: true }).fill('rinabaru2026');
  await userPage.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
  await expect(userPage.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
  await expect(userPage.getByText('0 dari 20 JP')).toBeVisible();
  await other.close();
});

test('admin edits a user and deactivates the account', async ({ page }) => {
  await login(page, ADMIN);
  await page.goto('/admin/users?q=199205142019032005');
  await page.getByRole('link', { name: 'Rina Marlina, S.Kom.' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ubah data pegawai' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'NIP', exact: true })).toHaveValue('19920514 201903 2 005');
  await page.getByRole('textbox', { name: 'Pangkat/golongan' }).fill('iii/a');
  await page.getByRole('checkbox', { name: 'Penulis materi' }).check();
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Data Rina Marlina, S.Kom. disimpan.')).toBeVisible();

  const row = page.getByRole('row').filter({ hasText: 'Rina Marlina, S.Kom.' });
  await expect(row).toContainText('Penulis materi');
  await row.getByRole('button', { name: 'Tindakan untuk Rina Marlina, S.Kom.' }).click();
  await page.getByRole('menuitem', { name: 'Nonaktifkan' }).click();
  await page.getByRole('dialog', { name: 'Nonaktifkan akun?' }).getByRole('button', { name: 'Nonaktifkan' }).click();
  await expect(row).toContainText('Nonaktif');

  // The inactive filter finds the account; the profile shows the canonical golongan.
  await page.goto('/admin/users?active=false');
  await expect(page.getByRole('row').filter({ hasText: 'Rina Marlina, S.Kom.' })).toBeVisible();
  await page.getByRole('link', { name: 'Rina Marlina, S.Kom.' }).click();
  await expect(page.getByRole('textbox', { name: 'Pangkat/golongan' })).toHaveValue('III/a');
});
