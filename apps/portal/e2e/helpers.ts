import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** The demo accounts the seed creates. */
export const ADMIN = { nip: '198001012005011001', password: 'admin12345' };
export const AUTHOR = { nip: '198502152010012002', password: 'penulis12345' };
export const LEARNER = { nip: '199003202015031003', password: 'peserta12345' };

/** Signs in through the login form (Indonesian UI) and waits for Beranda. */
export async function login(page: Page, who: { nip: string; password: string }) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'NIP', exact: true }).fill(who.nip);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
}

/** Picks an option of a Mantine Select that searches the api. */
export async function pickOption(page: Page, label: string, search: string, option: RegExp | string) {
  const input = page.getByRole('textbox', { name: label, exact: true }).or(page.getByRole('combobox', { name: label, exact: true }));
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe (WCAG 2.1 A and AA rules) on the page as it is and lists every violation found. */
export async function expectNoViolations(page: Page, what: string) {
  // Axe measures colours as painted: a drawer or modal still fading in has text at part opacity
  // (a false contrast failure under load). Wait for running CSS transitions to end; endless
  // animations (spinners, striped progress) are CSS animations, not transitions, so never waited on.
  await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'), undefined, { timeout: 5_000 });
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`,
  );
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/** The Authorization header of a user signed in through the api (for setting data up). */
export async function tokenOf(request: APIRequestContext, who: { nip: string; password: string }): Promise<Record<string, string>> {
  const res = await request.post('/api/v1/auth/login', { data: who });
  expect(res.ok(), `login ${who.nip}: ${res.status()} ${await res.text()}`).toBeTruthy();
  return { Authorization: `Bearer ${(await res.json()).accessToken}` };
}

/** One api call that must succeed; its JSON answer. */
export async function callApi<T>(
  request: APIRequestContext,
  method: 'get' | 'post' | 'put' | 'patch',
  path: string,
  headers: Record<string, string>,
  data?: unknown,
): Promise<T> {
  const res = await request[method](`/api/v1${path}`, { headers, data });
  expect(res.ok(), `${method.toUpperCase()} ${path}: ${res.status()} ${await res.text()}`).toBeTruthy();
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
