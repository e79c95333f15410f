import { expect, test } from '@playwright/test';
import { ADMIN, login } from './helpers';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test('on a phone: sign in and navigate with the burger menu', async ({ page }) => {
  await login(page, ADMIN);
  const burger = page.getByRole('button', { name: 'Buka menu navigasi' });
  await expect(burger).toBeVisible();
  await expect(burger).toHaveAttribute('aria-expanded', 'false');
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(nav.getByRole('link', { name: 'Pegawai' })).not.toBeInViewport();

  await burger.click();
  await expect(page.getByRole('button', { name: 'Tutup menu navigasi' })).toHaveAttribute('aria-expanded', 'true');
  await nav.getByRole('link', { name: 'Pegawai' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pegawai' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Buka menu navigasi' })).toBeVisible();

  await page.getByRole('button', { name: 'Buka menu navigasi' }).click();
  await nav.getByRole('link', { name: 'Unit kerja' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unit kerja' })).toBeVisible();

  // No sideways scrolling of the page itself on a 390 px screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
