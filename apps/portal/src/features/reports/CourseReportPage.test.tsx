import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CourseReportPage } from './CourseReportPage';
import { COURSE_ID, courseReport, learnerPage, pending } from './fixtures';
import { fakeApi, renderAt } from './testing';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
});

/** The report page also lists the course's learners: those calls get a page of them (CourseLearnersTable.test.tsx tests it). */
const fakeCourseApi = (answer: Parameters<typeof fakeApi>[0]) =>
  fakeApi((url, init) => (url.pathname.endsWith('/learners') ? { status: 200, body: learnerPage() } : answer(url, init)));

const routes = [
  { path: '/admin/laporan/kursus/:id', element: <CourseReportPage /> },
  { path: '/studio/courses/:id/laporan', element: <CourseReportPage /> },
];
const show = (path = `/admin/laporan/kursus/${COURSE_ID}`) => renderAt(path, routes);

describe('the course report', () => {
  it('shows the headline figures in Indonesian notation, with the level 2 gain explained', async () => {
    const fetchMock = fakeCourseApi(() => ({ status: 200, body: courseReport() }));
    show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Laporan kursus: Pelayanan Publik Prima' })).toBeTruthy();
    const headline = screen.getByTestId('course-headline');
    expect(within(headline).getByText('66,7%')).toBeTruthy();
    expect(within(headline).getByText('4,5 hari')).toBeTruthy();
    expect(within(headline).getByText('81,3%')).toBeTruthy();
    const level2 = screen.getByTestId('course-level2');
    expect(within(level2).getByText('+30 poin')).toBeTruthy();
    expect(within(level2).getByText('0,6')).toBeTruthy();
    expect(screen.getByTestId('gain-band').textContent).toBe('Kategori gain ternormalisasi kursus ini: Sedang.');
    expect(screen.getByText(/Gain ternormalisasi membandingkan kenaikan nilai/)).toBeTruthy();
    expect(String(fetchMock.mock.calls[0]![0])).toBe(`/api/v1/reports/courses/${COURSE_ID}`);
  });

  it('puts every chart’s figures in a table one click away', async () => {
    fakeCourseApi(() => ({ status: 200, body: courseReport() }));
    show();
    await screen.findByTestId('course-headline');
    const toggles = screen.getAllByRole('button', { name: 'Tampilkan tabel' });
    expect(toggles).toHaveLength(2);
    fireEvent.click(toggles[1]!);
    expect(toggles[1]!.getAttribute('aria-expanded')).toBe('true');
    const rows = within(screen.getByTestId('course-satisfaction')).getAllByRole('row');
    expect(rows[1]!.textContent).toContain('Relevansi materi');
    expect(rows[1]!.textContent).toContain('4,6');
    // Level 3 is a table already: the learner answered, no superior was asked ("—").
    const followUp = within(screen.getByTestId('course-follow-up'));
    expect(followUp.getByRole('row', { name: /Tingkat jawaban/ }).textContent).toContain('75%');
    expect(followUp.getByRole('row', { name: /Penerapan di tempat kerja/ }).textContent).toMatch(/4,3 dari 5.*—/);
  });

  it('says why satisfaction is hidden below the minimum number of responses', async () => {
    fakeCourseApi(() => ({ status: 200, body: courseReport({ satisfaction: { responseCount: 2, minimumResponses: 3, mean: null, dimensions: [] } }) }));
    show();
    expect((await screen.findByTestId('satisfaction-hidden')).textContent).toContain('Hasil ditampilkan mulai 3 jawaban');
    expect(screen.queryByTestId('course-satisfaction')).toBeNull();
  });

  it('waits while the report is computed (202), then shows it without a reload', async () => {
    let calls = 0;
    fakeCourseApi(() => (++calls === 1 ? { status: 202, body: pending('running', 1), headers: { 'Retry-After': '1' } } : { status: 200, body: courseReport() }));
    show();
    const status = await screen.findByTestId('report-pending');
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toContain('Laporan sedang dihitung…');
    expect(await screen.findByTestId('course-headline', {}, { timeout: 3000 })).toBeTruthy();
    expect(screen.queryByTestId('report-pending')).toBeNull();
    expect(calls).toBe(2);
  });

  it('shows an outdated report with a notice while a newer one is computed', async () => {
    fakeCourseApi(() => ({ status: 200, body: courseReport({ stale: true }) }));
    show();
    expect((await screen.findByTestId('report-stale')).textContent).toContain('Versi terbaru sedang dihitung');
    expect(screen.getByTestId('course-headline')).toBeTruthy();
  });

  it('shows the api’s refusal to someone who may not read the report', async () => {
    fakeCourseApi(() => ({ status: 403, body: { type: 'about:blank', title: 'Anda tidak memiliki akses ke halaman ini.', status: 403, code: 'forbidden' } }));
    show(`/studio/courses/${COURSE_ID}/laporan`);
    expect((await screen.findByRole('alert')).textContent).toContain('Anda tidak memiliki akses ke halaman ini.');
    expect(screen.getByRole('link', { name: 'Kembali ke editor kursus' }).getAttribute('href')).toBe(`/studio/courses/${COURSE_ID}`);
  });

  it('downloads the XLSX, or asks to try again while the file is being computed', async () => {
    let fileReady = false;
    const fetchMock = fakeCourseApi((url) => {
      if (!url.searchParams.get('format')) return { status: 200, body: courseReport() };
      return fileReady
        ? { status: 200, body: new Blob(['xlsx'], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }) }
        : { status: 202, body: pending() };
    });
    // jsdom has no object URLs: the download hands the file over through one.
    const createObjectURL = vi.fn(() => 'blob:report');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    show();
    await screen.findByTestId('course-headline');
    fireEvent.click(screen.getByRole('button', { name: 'Unduh XLSX' }));
    expect(await screen.findByText('Laporan sedang dihitung. Coba unduh lagi sebentar lagi.')).toBeTruthy();
    expect(createObjectURL).not.toHaveBeenCalled();
    fileReady = true;
    fireEvent.click(screen.getByRole('button', { name: 'Unduh XLSX' }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(1));
    expect(String(fetchMock.mock.calls.at(-1)![0])).toBe(`/api/v1/reports/courses/${COURSE_ID}?format=xlsx`);
  });
});
