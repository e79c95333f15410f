import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { Client } from 'pg';
import { ADMIN, AUTHOR, callApi, expectNoViolations, LEARNER, login, tokenOf } from './helpers';
import { loadState } from './state';

/**
 * Issue 5, the quiz engine in the browser. Data is set up through the api: a bank with three
 * questions of different types, a course whose only lesson holds a TIMED quiz that must be
 * passed, and a second course with a ten-minute quiz; both published, the learner enrolled.
 * The learner takes the quiz on a phone (timer, navigator, flag, autosave, a reload in the
 * middle, submit, result and review, the course completed); time runs out on the second
 * quiz (its deadline moved into the past in Postgres, the page's clock moved past it) and the
 * page submits it at once, long before the worker's deadline job would. An author
 * builds a bank in the studio and imports GIFT (a bad line first, then the fixed file).
 */

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const PROMPTS = {
  single: 'Ibu kota Provinsi Jambi adalah …',
  trueFalse: 'ASN wajib menjunjung nilai dasar BerAKHLAK.',
  short: 'Singkatan dari Aparatur Sipil Negara adalah …',
};

interface Setup {
  enrollmentId: string;
  timeoutEnrollmentId: string;
}

const ESSAY = 'Ceritakan satu contoh pelayanan yang berorientasi pada warga.';

/** Bank, questions, two published courses with quizzes, the learner enrolled in both. */
async function setUp(request: APIRequestContext): Promise<Setup> {
  const author = await tokenOf(request, AUTHOR);
  const admin = await tokenOf(request, ADMIN);
  const learner = await tokenOf(request, LEARNER);
  const bank = await callApi<{ id: string }>(request, 'post', '/question-banks', author, { title: 'Bank uji kuis e2e', description: '' });
  const question = (type: string, data: unknown) => callApi<{ id: string }>(request, 'post', `/question-banks/${bank.id}/questions`, author, { type, points: 1, tags: [], competencyTags: [], data });
  const single = await question('single_choice', {
    prompt: `<p>${PROMPTS.single}</p>`,
    options: [
      { id: 'a', text: 'Jambi', correct: true },
      { id: 'b', text: 'Muara Bulian', correct: false },
      { id: 'c', text: 'Palembang', correct: false },
    ],
  });
  const trueFalse = await question('true_false', { prompt: `<p>${PROMPTS.trueFalse}</p>`, correct: true });
  const short = await question('short_answer', { prompt: `<p>${PROMPTS.short}</p>`, accepted: ['ASN'], caseSensitive: false });
  await question('essay', { prompt: `<p>${ESSAY}</p>` });

  const course = async (title: string, quiz: Record<string, unknown>) => {
    const created = await callApi<{ id: string; revision: number }>(request, 'post', '/courses', author, { title, summary: 'Kursus uji kuis', jp: 2 });
    await callApi(request, 'put', `/courses/${created.id}/content`, author, {
      revision: created.revision,
      modules: [{ key: 'm1', title: 'Evaluasi', lessons: [{ key: 'l-kuis', title: 'Kuis akhir', blocks: [{ key: 'b-kuis', type: 'quiz', data: quiz }] }] }],
    });
    await callApi(request, 'post', `/courses/${created.id}/submit-review`, author, {});
    await callApi(request, 'post', `/courses/${created.id}/publish`, admin, {});
    return (await callApi<{ id: string }>(request, 'post', '/enrollments', learner, { courseId: created.id })).id;
  };
  const enrollmentId = await course('Kuis bertimer e2e', {
    title: 'Post-test pelayanan',
    role: 'posttest',
    selection: { mode: 'fixed', questionIds: [single.id, trueFalse.id, short.id] },
    shuffleQuestions: true,
    shuffleOptions: true,
    passPercent: 60,
    maxAttempts: 3,
    timeLimitMinutes: 30,
    reviewPolicy: 'after_submit',
    requirePass: true,
  });
  const timeoutEnrollmentId = await course('Kuis waktu habis e2e', {
    title: 'Kuis kilat',
    role: 'graded',
    selection: { mode: 'fixed', questionIds: [trueFalse.id] },
    passPercent: 50,
    maxAttempts: null,
    // Long enough that the worker's deadline job cannot grade it while the test runs.
    timeLimitMinutes: 10,
    reviewPolicy: 'after_submit',
    requirePass: true,
  });
  return { enrollmentId, timeoutEnrollmentId };
}

let setup: Setup;
test.beforeAll(async ({ request }) => {
  setup = await setUp(request);
});

const question = (page: Page) => page.getByRole('region', { name: /^Soal \d dari 3$/ });
const navButton = (page: Page, n: number) => page.getByRole('navigation', { name: 'Navigasi soal' }).getByRole('button', { name: new RegExp(`^Soal ${n}:`) });
const saved = (page: Page) => expect(page.locator('[data-sync]')).toHaveText('Tersimpan', { timeout: 15_000 });

/** Which of the three questions is on screen. */
async function kindOnScreen(page: Page): Promise<keyof typeof PROMPTS> {
  const q = question(page);
  await expect(q).toBeVisible();
  for (const [kind, prompt] of Object.entries(PROMPTS) as [keyof typeof PROMPTS, string][]) {
    if (await q.getByText(prompt).isVisible()) return kind;
  }
  throw new Error('no known question on screen');
}

async function answer(page: Page, kind: keyof typeof PROMPTS) {
  const q = question(page);
  if (kind === 'single') await q.getByRole('radio', { name: 'Jambi' }).check();
  else if (kind === 'trueFalse') await q.getByRole('radio', { name: 'Benar' }).check();
  else await q.getByRole('textbox', { name: 'Jawaban Anda' }).fill('asn');
}

async function expectAnswered(page: Page, kind: keyof typeof PROMPTS) {
  const q = question(page);
  if (kind === 'single') await expect(q.getByRole('radio', { name: 'Jambi' })).toBeChecked();
  else if (kind === 'trueFalse') await expect(q.getByRole('radio', { name: 'Benar' })).toBeChecked();
  else await expect(q.getByRole('textbox', { name: 'Jawaban Anda' })).toHaveValue('asn');
}

const seconds = (text: string) => text.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);

test('a learner takes a timed quiz on a phone: timer, navigator, flag, reload, submit, review, course complete', async ({ browser }) => {
  test.setTimeout(150_000);
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await login(page, LEARNER);

  // The lesson: the quiz card with its rules.
  await page.goto(`/belajar/${setup.enrollmentId}`);
  const card = page.getByRole('region', { name: 'Post-test pelayanan' });
  await expect(card).toBeVisible();
  await expect(card.getByText('Post-test', { exact: true })).toBeVisible();
  await expect(card.getByText('Jumlah soal: 3')).toBeVisible();
  await expect(card.getByText('Waktu: 30 menit')).toBeVisible();
  await expect(card.getByText('Nilai lulus: 60%')).toBeVisible();
  await expect(card.getByText('Kesempatan terpakai: 0 dari 3')).toBeVisible();
  await card.getByRole('button', { name: 'Mulai kuis' }).click();

  // The player: a countdown from the server's deadline, one question at a time.
  await expect(page).toHaveURL(/\/belajar\/[0-9a-f-]+\/kuis\/[0-9a-f-]+/);
  await expect(page.getByRole('heading', { level: 1, name: 'Post-test pelayanan' })).toBeVisible();
  const timer = page.getByRole('timer');
  await expect(timer).toHaveText(/^(30:00|29:\d\d)$/);
  await expect(navButton(page, 1)).toHaveAttribute('aria-current', 'step');
  await expect(navButton(page, 1)).toHaveAccessibleName('Soal 1: belum dijawab');
  await expectNoViolations(page, 'the quiz player');

  // Answer all three in the order this attempt drew, flag question 2.
  const order: (keyof typeof PROMPTS)[] = [];
  for (let n = 1; n <= 3; n++) {
    await expect(page.getByRole('heading', { level: 2, name: `Soal ${n} dari 3` })).toBeVisible();
    const kind = await kindOnScreen(page);
    order.push(kind);
    await answer(page, kind);
    if (n === 2) {
      const flag = page.getByRole('button', { name: 'Tandai untuk ditinjau' });
      await flag.click();
      await expect(flag).toHaveAttribute('aria-pressed', 'true');
    }
    if (n < 3) await page.getByRole('button', { name: 'Soal berikutnya' }).click();
  }
  expect([...order].sort()).toEqual(['short', 'single', 'trueFalse']);
  await expect(navButton(page, 2)).toHaveAccessibleName('Soal 2: terjawab, ditandai');
  await expect(navButton(page, 3)).toHaveAccessibleName('Soal 3: terjawab');
  await saved(page);
  expect(await overflow(page)).toBeLessThanOrEqual(0);

  // A reload in the middle: same order, same answers, the flag, the timer still running.
  const before = seconds((await timer.textContent())!);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Soal 3 dari 3' })).toBeVisible();
  for (let n = 1; n <= 3; n++) {
    await navButton(page, n).click();
    await expect(page.getByRole('heading', { level: 2, name: `Soal ${n} dari 3` })).toBeVisible();
    expect(await kindOnScreen(page)).toBe(order[n - 1]);
    await expectAnswered(page, order[n - 1]);
  }
  await expect(navButton(page, 2)).toHaveAccessibleName(/ditandai/);
  const after = seconds((await timer.textContent())!);
  expect(after).toBeLessThanOrEqual(before);
  expect(after).toBeGreaterThan(before - 120);

  // Submit: the confirmation names the flagged question.
  await page.getByRole('button', { name: 'Kumpulkan jawaban' }).click();
  const confirm = page.getByRole('dialog', { name: 'Kumpulkan jawaban?' });
  await expect(confirm.getByText('Ditandai untuk ditinjau: soal 2')).toBeVisible();
  await expect(confirm.getByText(/Belum dijawab/)).toHaveCount(0);
  await confirm.getByRole('button', { name: 'Ya, kumpulkan' }).click();

  // The result and the review through the question types' Review components.
  await expect(page.getByRole('heading', { level: 2, name: 'Hasil' })).toBeVisible();
  await expect(page.getByTestId('quiz-score')).toHaveText('Nilai 3 dari 3 (100%)');
  await expect(page.getByText('Lulus', { exact: true })).toBeVisible();
  const review = page.getByRole('region', { name: 'Pembahasan' });
  await expect(review.getByRole('article')).toHaveCount(3);
  await expect(review.getByText(PROMPTS.single)).toBeVisible();
  // The question types' Review components belong to @cakap/plugin-questions (its verdict
  // badge's light green is below 4.5:1, reported); the page around them is checked here.
  await expectNoViolations(page, 'the quiz result');

  // Back in the lesson: the quiz passed completes the lesson and the course.
  await page.getByRole('link', { name: 'Kembali ke pelajaran' }).last().click();
  await expect(page.getByText('Pelajaran ini sudah selesai.')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('heading', { name: 'Selamat! Anda menyelesaikan kursus ini' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Post-test pelayanan' }).getByText('Nilai terbaik: 100%')).toBeVisible();
  await context.close();
});

test('time runs out: a late answer is refused and the page submits what was saved in time, graded at once', async ({ browser }) => {
  test.setTimeout(60_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, LEARNER);
  // The test moves the page's clock (from the next page load on): its countdown reaches 0:00
  // without ten minutes of waiting.
  await context.clock.install();
  await page.goto(`/belajar/${setup.timeoutEnrollmentId}`);
  await page.getByRole('region', { name: 'Kuis kilat' }).getByRole('button', { name: 'Mulai kuis' }).click();
  await expect(page.getByRole('timer')).toHaveText(/^(10:00|9:\d\d)$/);
  const question = page.getByRole('region', { name: 'Soal 1 dari 1' });
  await question.getByRole('radio', { name: 'Benar' }).check();
  await saved(page);
  const attemptId = /\/kuis\/([0-9a-f-]+)/.exec(page.url())![1];

  // The deadline passes on the server (moved into the past in Postgres; the worker's job for
  // it stays ten minutes away), then on the page: a late change, and the countdown runs out.
  const state = loadState();
  const db = new Client({ connectionString: state!.dbUrl! });
  await db.connect();
  try {
    await db.query(`UPDATE quiz_attempts SET deadline_at = now() - interval '1 second' WHERE id = $1`, [attemptId]);
  } finally {
    await db.end();
  }
  const lateSave = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith(`/api/v1/attempts/${attemptId}/answers`));
  const submitted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/v1/attempts/${attemptId}/submit`));
  await question.getByRole('radio', { name: 'Salah' }).check();
  await context.clock.fastForward(10 * 60_000);

  // The page sends the late answer (refused: too late), then submits the attempt itself; the
  // server grades what was saved in time and records that time ran out.
  expect((await lateSave).status()).toBe(409);
  const submit = await submitted;
  expect(submit.status()).toBe(200);
  expect(await submit.json()).toMatchObject({ id: attemptId, submittedBy: 'deadline' });
  const result = async () => {
    await expect(page.getByRole('heading', { level: 2, name: 'Hasil' })).toBeVisible();
    await expect(page.getByText('Dikumpulkan otomatis saat waktu habis, dengan jawaban yang sudah tersimpan.')).toBeVisible();
    await expect(page.getByTestId('quiz-score')).toHaveText('Nilai 1 dari 1 (100%)'); // "Benar", not the late "Salah"
  };
  await result();

  // The server recorded it: a reload shows the same result, and no player.
  await page.reload();
  await result();
  await expect(page.getByRole('timer')).toHaveCount(0);
  await context.close();
});

test('an author builds a bank: a question through the editor, a GIFT import with a bad line, then the fixed file', async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, AUTHOR);
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Bank soal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bank soal' })).toBeVisible();
  await page.getByRole('button', { name: 'Buat bank soal' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Buat bank soal' });
  await dialog.getByRole('textbox', { name: 'Judul' }).fill('Ab');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Judul' })).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('textbox', { name: 'Judul' }).fill('Etika ASN');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Etika ASN' })).toBeVisible();
  await expectNoViolations(page, 'the bank page');

  // A single-choice question through the plugin's editor.
  await page.getByRole('link', { name: 'Tambah soal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Soal baru' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Jenis soal' }).or(page.getByRole('combobox', { name: 'Jenis soal' })).click();
  await page.getByRole('option', { name: 'Pilihan ganda (satu jawaban)' }).click();
  const prompt = page.locator('[contenteditable="true"]').first();
  await prompt.click();
  await page.keyboard.type('Nilai dasar ASN disingkat …');
  for (const [i, text] of ['BerAKHLAK', 'SMART', 'PANCA', 'CERIA'].entries()) {
    await page.getByRole('textbox', { name: `Pilihan ${i + 1}`, exact: true }).fill(text);
  }
  await page.getByRole('button', { name: 'Simpan soal' }).click();
  await expect(page.getByText('Versi 1', { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/\/questions\/[0-9a-f-]{36}$/);
  await page.getByRole('link', { name: 'Kembali ke bank soal' }).click();
  await expect(page.getByRole('table', { name: 'Daftar soal' }).getByRole('link', { name: /Nilai dasar ASN disingkat/ })).toBeVisible();

  // GIFT: one bad line and nothing is imported; the table names the line.
  await page.getByRole('tab', { name: 'Impor & ekspor' }).click();
  const bad = ['// impor uji', '::Jambi::Ibu kota Provinsi Jambi adalah {=Jambi ~Medan ~Padang}', '', '::Rusak::Pertanyaan tanpa jawaban benar {', '~a', '~b', '}', ''].join('\n');
  await page.locator('input[type="file"]').setInputFiles({ name: 'bank.gift', mimeType: 'text/plain', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: 'Impor', exact: true }).click();
  const errors = page.getByRole('table', { name: 'Kesalahan impor per baris' });
  await expect(errors).toBeVisible();
  await expect(errors.getByRole('row')).toHaveCount(2);
  await expect(errors.getByRole('cell', { name: '4', exact: true })).toBeVisible();
  await expect(errors.getByText('tidak ada jawaban benar')).toBeVisible();
  await expectNoViolations(page, 'the GIFT import errors');

  const fixed = bad.replace('~a', '=a');
  await page.locator('input[type="file"]').setInputFiles({ name: 'bank.gift', mimeType: 'text/plain', buffer: Buffer.from(fixed) });
  await page.getByRole('button', { name: 'Impor', exact: true }).click();
  await expect(page.getByText('2 soal diimpor, 0 kategori baru.')).toBeVisible();
  await expect(errors).toHaveCount(0);
  await page.getByRole('tab', { name: 'Soal' }).click();
  await expect(page.getByRole('table', { name: 'Daftar soal' }).getByRole('row')).toHaveCount(4);
});

test('an author sets up a quiz block in the course editor; a learner answers an essay; the author grades it', async ({ browser, request }) => {
  test.setTimeout(150_000);
  const authorHeaders = await tokenOf(request, AUTHOR);
  const created = await callApi<{ id: string; revision: number }>(request, 'post', '/courses', authorHeaders, { title: 'Kuis esai e2e', summary: 'Kursus uji esai', jp: 1 });
  await callApi(request, 'put', `/courses/${created.id}/content`, authorHeaders, {
    revision: created.revision,
    modules: [{ key: 'm1', title: 'Refleksi', lessons: [{ key: 'l1', title: 'Esai refleksi', blocks: [] }] }],
  });

  // The quiz block's editor: title, a question picked from the bank, a time limit.
  const authorContext = await browser.newContext();
  const author = await authorContext.newPage();
  await login(author, AUTHOR);
  await author.goto(`/studio/courses/${created.id}`);
  await expect(author.getByRole('textbox', { name: 'Judul pelajaran' })).toHaveValue('Esai refleksi');
  await author.getByRole('button', { name: 'Tambah blok' }).click();
  await author.getByRole('menuitem', { name: 'Kuis', exact: true }).click();
  const quizBlock = author.getByRole('region', { name: 'Blok 1: Kuis' });
  await quizBlock.getByRole('textbox', { name: /^Judul kuis/ }).fill('Esai refleksi pelayanan');
  const bankSelect = quizBlock.getByRole('textbox', { name: 'Ambil soal dari bank' }).or(quizBlock.getByRole('combobox', { name: 'Ambil soal dari bank' }));
  await bankSelect.click();
  await bankSelect.fill('Bank uji');
  await author.getByRole('option', { name: 'Bank uji kuis e2e' }).click();
  await quizBlock.getByRole('button', { name: `Tambah: ${ESSAY}` }).click();
  await expect(quizBlock.getByText('Soal terpilih: 1')).toBeVisible();
  await quizBlock.getByRole('checkbox', { name: 'Tanpa batas waktu' }).uncheck();
  await expect(quizBlock.getByRole('textbox', { name: 'Batas waktu (menit)' })).toHaveValue('30');
  await expect(author.getByTestId('save-state')).toHaveText('Tersimpan', { timeout: 15_000 });
  await expectNoViolations(author, 'the quiz block editor');
  const stored = await callApi<{ content: { modules: { lessons: { blocks: { type: string; data: Record<string, unknown> }[] }[] }[] } }>(request, 'get', `/courses/${created.id}`, authorHeaders);
  const data = stored.content.modules[0].lessons[0].blocks[0].data;
  expect(stored.content.modules[0].lessons[0].blocks[0].type).toBe('quiz');
  expect(data).toMatchObject({ title: 'Esai refleksi pelayanan', timeLimitMinutes: 30, selection: { mode: 'fixed' } });
  expect((data.selection as { questionIds: string[] }).questionIds).toHaveLength(1);

  // Published; the learner answers the essay: the result waits for a grade.
  await callApi(request, 'post', `/courses/${created.id}/submit-review`, authorHeaders, {});
  await callApi(request, 'post', `/courses/${created.id}/publish`, await tokenOf(request, ADMIN), {});
  const enrollment = await callApi<{ id: string }>(request, 'post', '/enrollments', await tokenOf(request, LEARNER), { courseId: created.id });
  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await login(learner, LEARNER);
  await learner.goto(`/belajar/${enrollment.id}`);
  await learner.getByRole('region', { name: 'Esai refleksi pelayanan' }).getByRole('button', { name: 'Mulai kuis' }).click();
  await learner.getByRole('textbox', { name: 'Jawaban esai Anda' }).fill('Membuka layanan keliling ke desa-desa setiap Sabtu.');
  await saved(learner);
  await learner.getByRole('button', { name: 'Kumpulkan jawaban' }).click();
  await learner.getByRole('dialog', { name: 'Kumpulkan jawaban?' }).getByRole('button', { name: 'Ya, kumpulkan' }).click();
  await expect(learner.getByRole('heading', { level: 2, name: 'Hasil' })).toBeVisible();
  await expect(learner.getByText('Menunggu penilaian').first()).toBeVisible();

  // "Penilaian esai": the author grades it with a comment; it leaves the list.
  await author.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Penilaian esai' }).click();
  await expect(author.getByRole('heading', { level: 1, name: 'Penilaian esai' })).toBeVisible();
  const card = author.getByRole('article').filter({ hasText: 'Kuis esai e2e' });
  await expect(card.getByText('Membuka layanan keliling', { exact: false })).toBeVisible();
  await expectNoViolations(author, 'the grading page');
  await card.getByRole('button', { name: 'Simpan nilai' }).click();
  await expect(card.getByText('Isi nilai antara 0 dan 1.')).toBeVisible();
  await card.getByRole('textbox', { name: /^Nilai/ }).fill('1');
  await card.getByRole('textbox', { name: 'Komentar untuk peserta' }).fill('Contoh yang baik dan nyata.');
  await card.getByRole('button', { name: 'Simpan nilai' }).click();
  await expect(author.getByRole('article').filter({ hasText: 'Kuis esai e2e' })).toHaveCount(0);

  // The learner's result now has the grade and the comment.
  await learner.reload();
  await expect(learner.getByTestId('quiz-score')).toHaveText('Nilai 1 dari 1 (100%)');
  await expect(learner.getByText('Contoh yang baik dan nyata.')).toBeVisible();
  await authorContext.close();
  await learnerContext.close();
});
