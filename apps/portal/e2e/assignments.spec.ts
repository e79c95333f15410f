import { expect, test } from '@playwright/test';
import { ADMIN, expectNoViolations, LEARNER, login, pickOption, tokenOf } from './helpers';

test.describe.configure({ mode: 'serial' });

const COURSE = 'Pelayanan Publik Prima';
/** A date in Asia/Jakarta, `days` from today, as YYYY-MM-DD. */
const jakartaDay = (days = 0) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Jakarta' });

test('admin assigns the sample course to DISKOMINFO; the learner gets it with its deadline; the admin cancels it', async ({ page, request }) => {
  const due = jakartaDay(30);
  await login(page, ADMIN);
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Penugasan kursus' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Penugasan kursus' })).toBeVisible();

  await page.getByRole('button', { name: 'Tugaskan kursus' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Tugaskan kursus' });
  await expect(dialog).toBeVisible();
  await pickOption(page, 'Kursus', 'Pelayanan Publik', new RegExp(`^${COURSE}$`));
  await pickOption(page, 'Unit kerja', 'DISKOMINFO', /\(DISKOMINFO\)$/);
  await dialog.getByLabel('Tenggat').fill(due);
  await dialog.getByLabel(/Catatan/).fill('Wajib bagi seluruh pegawai DISKOMINFO');
  await expectNoViolations(page, 'the assign-a-course dialog');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(`Kursus "${COURSE}" ditugaskan.`)).toBeVisible();

  const table = page.getByRole('table', { name: 'Daftar penugasan kursus' });
  const row = table.getByRole('row').filter({ hasText: COURSE }).filter({ hasText: 'Dinas Komunikasi dan Informatika' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Unit kerja');
  // (After a reload: the toast's close button is Mantine's, outside this page.)
  await page.reload();
  await expect(row).toHaveCount(1);
  await expectNoViolations(page, 'the assignments list');

  // The learner (unit DISKOMINFO) has it, with its due date (their dashboard is the learner side's).
  const learner = await tokenOf(request, LEARNER);
  const mine = await (await request.get('/api/v1/me/assignments', { headers: learner })).json();
  const item = mine.items.find((i: { title: string; dueAt: string }) => i.title === COURSE && i.dueAt === due);
  expect(item).toMatchObject({ title: COURSE, dueAt: due, overdue: false });
  // ...and sees it at the top of their home page with its deadline.
  const learnerContext = await page.context().browser()!.newContext({ baseURL: test.info().project.use.baseURL });
  const learnerPage = await learnerContext.newPage();
  await login(learnerPage, LEARNER);
  const assigned = learnerPage.getByRole('region', { name: 'Kursus wajib' });
  await expect(assigned).toBeVisible();
  await expect(assigned.getByRole('link', { name: COURSE })).toBeVisible();
  const dueText = new Date(`${due}T00:00:00+07:00`).toLocaleDateString('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' });
  await expect(assigned.getByText(`Tenggat ${dueText}`)).toBeVisible();
  await learnerContext.close();

  // Cancelling (with a confirmation) takes it away from the learner.
  await row.getByRole('button', { name: `Batalkan penugasan ${COURSE}` }).click();
  const confirm = page.getByRole('dialog', { name: 'Batalkan penugasan?' });
  await confirm.getByRole('button', { name: 'Batalkan penugasan' }).click();
  await expect(page.getByText(`Penugasan "${COURSE}" dibatalkan.`)).toBeVisible();
  await expect(row).toHaveCount(0);
  const after = await (await request.get('/api/v1/me/assignments', { headers: learner })).json();
  expect(after.items.map((i: { assignmentId: string }) => i.assignmentId)).not.toContain(item.assignmentId);
});

test('admin adds a classical activity with evidence to a learner and sees it in their learning hours', async ({ page, request }) => {
  const admin = await tokenOf(request, ADMIN);
  const users = await (await request.get('/api/v1/users', { params: { q: LEARNER.nip }, headers: admin })).json();
  const learnerId = users.items[0].id as string;
  const today = jakartaDay(0);

  await login(page, ADMIN);
  await page.goto(`/admin/users/${learnerId}`);
  const section = page.getByRole('region', { name: 'Jam pelajaran (JP)' });
  await expect(section).toBeVisible();
  await section.getByRole('button', { name: 'Tambah kegiatan klasikal' }).click();

  const dialog = page.getByRole('dialog', { name: 'Tambah kegiatan klasikal' });
  await dialog.getByRole('textbox', { name: 'Nama kegiatan' }).fill('Bimtek Pelayanan Publik');
  await dialog.getByRole('textbox', { name: 'JP' }).fill('8');
  const form = 'Bentuk pengembangan kompetensi';
  await dialog.getByRole('textbox', { name: form }).or(dialog.getByRole('combobox', { name: form })).click();
  await page.getByRole('option', { name: 'KL06 — Bimbingan teknis' }).click();
  await dialog.getByRole('textbox', { name: 'Penyelenggara' }).fill('BKPSDMD Kabupaten Batanghari');
  await dialog.getByLabel('Tanggal mulai').fill(today);
  await dialog.getByLabel('Tanggal selesai').fill(today);
  await dialog.locator('input[type="file"]').setInputFiles({
    name: 'sertifikat-bimtek.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  });
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Kegiatan "Bimtek Pelayanan Publik" ditambahkan.')).toBeVisible();

  const entry = section.getByRole('row').filter({ hasText: 'Bimtek Pelayanan Publik' });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('KL06 — Bimbingan teknis');
  await expect(entry).toContainText('Klasikal');

  // Recorded in the learner's own ledger, with its evidence.
  const ledger = await (await request.get('/api/v1/me/learning-hours', { headers: await tokenOf(request, LEARNER) })).json();
  const line = ledger.entries.find((e: { title: string }) => e.title === 'Bimtek Pelayanan Publik');
  expect(line).toMatchObject({ jp: 8, developmentForm: 'KL06', source: 'classical', startDate: today });
  expect(line.evidenceFileId).toEqual(expect.any(String));
});
