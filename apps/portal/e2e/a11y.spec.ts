import { expect, test } from '@playwright/test';
import { ADMIN, expectNoViolations, login } from './helpers';

test('no WCAG 2.1 AA violations on the login page, the users list and the import page', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk ke Cakap' })).toBeVisible();
  await expectNoViolations(page, 'the login page');

  // With a visible error too.
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'NIP', exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectNoViolations(page, 'the login page with errors');

  await login(page, ADMIN);
  await page.goto('/admin/users');
  await expect(page.getByRole('table', { name: 'Daftar pegawai' })).toBeVisible();
  await expectNoViolations(page, 'the users list');

  await page.goto('/admin/imports');
  await expect(page.getByRole('heading', { level: 1, name: 'Impor ASN' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Riwayat impor' })).toBeVisible();
  await expectNoViolations(page, 'the import page');
});

test('keyboard: the skip link leads to the main content', async ({ page }) => {
  await login(page, ADMIN);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Langsung ke konten utama' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();
});
