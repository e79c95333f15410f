import { expect, test } from '@playwright/test';

test('wrong passwords: the api message per attempt, then a lockout that says when to try again', async ({ page }) => {
  // A NIP of nobody: the throttle counts failures per NIP all the same (invariant 7).
  const nip = '197501012000011001';
  await page.goto('/login');
  const submit = page.getByRole('button', { name: 'Masuk', exact: true });
  await page.getByRole('textbox', { name: 'NIP', exact: true }).fill(nip);
  const password = page.getByRole('textbox', { name: 'Kata sandi', exact: true });

  let locked = false;
  for (let attempt = 1; attempt <= 8 && !locked; attempt++) {
    await password.fill(`salah-${attempt}`);
    await submit.click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(/NIP atau kata sandi salah|Coba lagi dalam \d+ detik/);
    locked = /Coba lagi dalam/.test((await alert.textContent()) ?? '');
    if (!locked) await expect(submit).toBeEnabled();
  }
  expect(locked).toBe(true);
  await expect(page.getByText(/Anda dapat mencoba lagi dalam \d+ detik\./)).toBeVisible();
  await expect(submit).toBeDisabled();
});
