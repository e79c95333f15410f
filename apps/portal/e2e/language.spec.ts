import { expect, test } from '@playwright/test';
import { ADMIN, AUTHOR } from './helpers';

test('the language switch turns the UI and the api messages to English, and is remembered', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk ke Cakap' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Cakap' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // A server error comes back in English too (Accept-Language).
  await page.getByRole('textbox', { name: 'NIP', exact: true }).fill(AUTHOR.nip);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('wrong-password-1');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong NIP or password');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Cakap' })).toBeVisible();
  await page.getByRole('textbox', { name: 'NIP', exact: true }).fill(ADMIN.nip);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(page.getByText('0 of 20 JP')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Users' })).toBeVisible();
  await nav.getByRole('link', { name: 'Org units' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Org units' })).toBeVisible();

  // And back to Bahasa Indonesia from the user menu.
  await page.getByRole('button', { name: /^User menu/ }).click();
  await page.getByRole('menuitem', { name: 'Bahasa Indonesia' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unit kerja' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
});
