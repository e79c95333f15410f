import { expect, test } from '@playwright/test';
import { AUTHOR, LEARNER, login } from './helpers';

test('a learner does not see the admin console, and /admin answers 403', async ({ page }) => {
  await login(page, LEARNER);
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(nav.getByRole('link', { name: 'Beranda' })).toBeVisible();
  await expect(nav.getByText('Konsol admin')).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Pegawai' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Studio penulis' })).toHaveCount(0);
  await expect(page.getByText(/^\d+ dari 20 JP$/)).toBeVisible(); // learning.spec may have earned JP already

  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Akses ditolak' })).toBeVisible();
  await expect(page.getByText('403')).toBeVisible();
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Akses ditolak' })).toBeVisible();

  // The profile shows the NIP in groups.
  await page.getByRole('button', { name: /^Menu pengguna/ }).click();
  await page.getByRole('menuitem', { name: 'Profil' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Profil saya' })).toBeVisible();
  await expect(page.getByText('19900320 201503 1 003')).toBeVisible();
});

test('an author sees the studio but not the admin console', async ({ page }) => {
  await login(page, AUTHOR);
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(nav.getByRole('link', { name: 'Pegawai' })).toHaveCount(0);
  await nav.getByRole('link', { name: 'Studio penulis' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Studio penulis' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Kursus saya' })).toBeVisible();
});

test('sign out ends the session, and a reload before that keeps it', async ({ page }) => {
  await login(page, LEARNER);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
  await page.getByRole('button', { name: /^Menu pengguna/ }).click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk ke Cakap' })).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});
