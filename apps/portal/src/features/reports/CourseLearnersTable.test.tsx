import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CourseLearnersTable } from './CourseLearnersTable';
import { COURSE_ID, courseLearner, learnerPage } from './fixtures';
import { fakeApi, renderAt } from './testing';

// jsdom does not lay out, and has no scrollIntoView: Mantine's select scrolls its chosen option into view.
beforeAll(() => {
  Element.prototype.scrollIntoView = vi.fn();
});
afterAll(() => {
  Reflect.deleteProperty(Element.prototype, 'scrollIntoView');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
});

const routes = [{ path: '/admin/laporan/kursus/:id', element: <CourseLearnersTable courseId={COURSE_ID} courseTitle="Pelayanan Publik Prima" /> }];
const show = (search = '') => renderAt(`/admin/laporan/kursus/${COURSE_ID}${search}`, routes);

/** The list calls' query strings, in order (downloads included). */
const listCalls = (fetchMock: ReturnType<typeof fakeApi>) =>
  fetchMock.mock.calls.map((c) => new URL(String(c[0]), 'http://portal.test')).filter((u) => u.pathname === `/api/v1/reports/courses/${COURSE_ID}/learners`);

const BUDI = courseLearner({
  enrollmentId: '9d4f0b5e-1a6c-4e9d-8b3f-4c5d6e7f8091',
  nip: '199001012015031002',
  name: 'Budi Santoso',
  status: 'active',
  completedAt: null,
  pre: 100,
  post: 100,
  gain: 0,
  normalisedGain: null,
});
const EKA = courseLearner({ enrollmentId: '0e5a1c6f-2b7d-4f0e-9c4a-5d6e7f809102', name: 'Eka Putri', status: 'active', completedAt: null, pre: 66.67, post: null, gain: null, normalisedGain: null });

describe('the course report’s learner list', () => {
  it('shows each learner’s pre, post, gain and g in Indonesian notation, "—" where there is no figure', async () => {
    const fetchMock = fakeApi(() => ({ status: 200, body: learnerPage([courseLearner(), BUDI, EKA]) }));
    show();
    const table = await screen.findByRole('table', { name: 'Pre-test dan post-test per peserta' });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[0]!).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'NIP',
      'Nama',
      'Unit kerja',
      'Status',
      'Pre-test',
      'Post-test',
      'Kenaikan (poin)',
      'gGain ternormalisasi (g)',
    ]);
    const cells = (i: number) => within(rows[i]!).getAllByRole('cell').map((c) => c.textContent);
    // Sari 40 → 70: +30 points, g 0,5.
    expect(cells(1)).toEqual(['19860926 201505 1 001', 'Sari Wulandari', 'Bidang Pengembangan Kompetensi', 'Selesai', '40%', '70%', '+30', '0,5']);
    // Budi started at 100: no gain, g undefined.
    expect(cells(2).slice(3)).toEqual(['Sedang belajar', '100%', '100%', '0', '—']);
    // Eka has no post-test yet.
    expect(cells(3).slice(4)).toEqual(['66,7%', '—', '—', '—']);
    expect(screen.getByText('Menampilkan 1–3 dari 3')).toBeTruthy();
    const [first] = listCalls(fetchMock);
    expect(Object.fromEntries(first!.searchParams)).toEqual({ sort: 'name', page: '1', pageSize: '20' });
  });

  it('searches, filters by status and sorts through the api, back to the first page each time', async () => {
    const fetchMock = fakeApi(() => ({ status: 200, body: learnerPage([courseLearner()], { total: 45, page: 2 }) }));
    const router = show('?page=2');
    await screen.findByText('Sari Wulandari');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Cari peserta' }), { target: { value: 'sari' } });
    fireEvent.keyDown(screen.getByRole('searchbox', { name: 'Cari peserta' }), { key: 'Enter' });
    await waitFor(() => expect(router.state.location.search).toBe('?q=sari'));

    fireEvent.click(screen.getByRole('combobox', { name: 'Urutkan' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Kenaikan tertinggi', hidden: true }));
    await waitFor(() => expect(router.state.location.search).toBe('?q=sari&sort=gain'));

    fireEvent.click(screen.getByRole('combobox', { name: 'Status' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Selesai', hidden: true }));
    await waitFor(() => expect(router.state.location.search).toBe('?q=sari&sort=gain&status=completed'));
    await waitFor(() => expect(Object.fromEntries(listCalls(fetchMock).at(-1)!.searchParams)).toEqual({ q: 'sari', status: 'completed', sort: 'gain', page: '1', pageSize: '20' }));
  });

  it('pages through a long list', async () => {
    const fetchMock = fakeApi((url) => ({ status: 200, body: learnerPage([courseLearner()], { total: 45, page: Number(url.searchParams.get('page')) }) }));
    show();
    await screen.findByText('Menampilkan 1–20 dari 45');
    const pager = screen.getByRole('navigation', { name: 'Halaman daftar peserta' });
    fireEvent.click(within(pager).getByRole('button', { name: 'Halaman 3' }));
    expect(await screen.findByText('Menampilkan 41–45 dari 45')).toBeTruthy();
    expect(listCalls(fetchMock).at(-1)!.searchParams.get('page')).toBe('3');
  });

  it('says whether the course has no learners or the search found none', async () => {
    fakeApi(() => ({ status: 200, body: learnerPage([]) }));
    show();
    expect(await screen.findByText('Belum ada peserta yang terdaftar di kursus ini.')).toBeTruthy();
    cleanup();
    show('?q=zzz');
    expect(await screen.findByText('Tidak ada peserta yang cocok. Ubah pencarian atau filter.')).toBeTruthy();
  });

  it('downloads every learner the filters match, as CSV', async () => {
    const fetchMock = fakeApi((url) =>
      url.searchParams.get('format') ? { status: 200, body: new Blob(['NIP,Nama'], { type: 'text/csv' }) } : { status: 200, body: learnerPage() },
    );
    const createObjectURL = vi.fn(() => 'blob:learners');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    show('?status=active&sort=post&page=2');
    await screen.findByText('Sari Wulandari');
    fireEvent.click(screen.getByRole('button', { name: 'Unduh CSV daftar peserta' }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(1));
    // The page is the screen's, not the file's: the file holds every matching row.
    expect(Object.fromEntries(listCalls(fetchMock).at(-1)!.searchParams)).toEqual({ status: 'active', sort: 'post', format: 'csv' });
  });
});
