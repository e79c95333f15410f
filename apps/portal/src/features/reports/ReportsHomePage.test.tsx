import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ReportsHomePage } from './ReportsHomePage';
import { COURSE_ID } from './fixtures';
import { currentPeriod } from './periods';
import { fakeApi, renderAt } from './testing';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const routes = [
  { path: '/admin/laporan', element: <ReportsHomePage /> },
  { path: '/admin/laporan/*', element: <p>report</p> },
];

describe('the reports home', () => {
  it('searches the courses through the api and links each to its report', async () => {
    const fetchMock = fakeApi(() => ({ status: 200, body: { items: [{ id: COURSE_ID, title: 'Pelayanan Publik Prima', status: 'published' }], total: 1, page: 1, pageSize: 10 } }));
    renderAt('/admin/laporan?q=pelayanan', routes);
    const link = await screen.findByRole('link', { name: 'Lihat laporan Pelayanan Publik Prima' });
    expect(link.getAttribute('href')).toBe(`/admin/laporan/kursus/${COURSE_ID}`);
    expect(String(fetchMock.mock.calls[0]![0])).toBe('/api/v1/courses?q=pelayanan&page=1&pageSize=10');
  });

  it('opens the programme overview of the current quarter by default', async () => {
    fakeApi(() => ({ status: 200, body: { items: [], total: 0, page: 1, pageSize: 10 } }));
    const router = renderAt('/admin/laporan', routes);
    const programme = screen.getByRole('region', { name: 'Ringkasan program per periode' });
    fireEvent.click(within(programme).getByRole('button', { name: 'Lihat laporan' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/admin/laporan/program'));
    expect(router.state.location.search).toBe(`?period=${currentPeriod()}`);
  });
});
