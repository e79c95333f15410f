import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { OrgUnitReportPage } from './OrgUnitReportPage';
import { orgUnitReport, UNITS } from './fixtures';
import { fakeApi, renderAt } from './testing';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const routes = [{ path: '/admin/laporan/unit', element: <OrgUnitReportPage /> }];

describe('the unit report', () => {
  it('lists the units as an indented tree with a total row, shares as percentages', async () => {
    const fetchMock = fakeApi((url) =>
      url.pathname.endsWith('/reports/org-units') ? { status: 200, body: orgUnitReport() } : { status: 200, body: { items: [], total: 0, page: 1, pageSize: 20 } },
    );
    renderAt('/admin/laporan/unit?year=2026', routes);
    expect(await screen.findByRole('heading', { level: 1, name: 'Laporan unit tahun 2026' })).toBeTruthy();
    const table = await screen.findByTestId('unit-table');
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => within(r).queryAllByRole('rowheader')[0]?.textContent ?? '')).toEqual([
      '',
      'Pemerintah Kabupaten Batanghari',
      'BKPSDMD (tingkat 2)',
      'Dinas Komunikasi dan Informatika (tingkat 2)',
      'Bidang Aplikasi Informatika (tingkat 3)',
      'Total',
    ]);
    expect(rows[4]!.textContent).toContain('—');
    const total = rows.at(-1)!;
    expect(within(total).getAllByRole('cell').map((c) => c.textContent)).toEqual(['30', '20', '66,7%', '21,3', '40', '6', '20%']);
    expect(within(screen.getByTestId('unit-total')).getByText('66,7%')).toBeTruthy();
    const reportCall = fetchMock.mock.calls.map((c) => String(c[0])).find((u) => u.includes('/reports/org-units'));
    expect(reportCall).toBe('/api/v1/reports/org-units?year=2026');
  });

  it('asks for the chosen unit’s subtree and year', async () => {
    const fetchMock = fakeApi((url) => {
      if (url.pathname.endsWith('/reports/org-units')) return { status: 200, body: orgUnitReport({ year: 2025 }) };
      return { status: 200, body: { id: UNITS.diskominfo, code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika', parentId: UNITS.pemda, ancestors: [] } };
    });
    renderAt(`/admin/laporan/unit?year=2025&unitId=${UNITS.diskominfo}`, routes);
    await screen.findByTestId('unit-table');
    const urls = fetchMock.mock.calls.map((c) => String(c[0]));
    expect(urls).toContain(`/api/v1/reports/org-units?year=2025&unitId=${UNITS.diskominfo}`);
    // The chart's table alternative: the top units only.
    fireEvent.click(screen.getByRole('button', { name: 'Tampilkan tabel' }));
    expect(screen.getAllByRole('rowheader', { name: /Bidang Aplikasi Informatika/ })).toHaveLength(1);
  });

  it('finds a unit by name, keeping its parents, while the total stays the whole scope', async () => {
    fakeApi((url) => (url.pathname.endsWith('/reports/org-units') ? { status: 200, body: orgUnitReport() } : { status: 200, body: { items: [], total: 0, page: 1, pageSize: 20 } }));
    renderAt('/admin/laporan/unit?year=2026&q=aplikasi', routes);
    const table = await screen.findByTestId('unit-table');
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual([
      'Pemerintah Kabupaten Batanghari',
      'Dinas Komunikasi dan Informatika (tingkat 2)',
      'Bidang Aplikasi Informatika (tingkat 3)',
      'Total seluruh cakupan',
    ]);
    expect((screen.getByRole('searchbox', { name: 'Cari unit' }) as HTMLInputElement).value).toBe('aplikasi');
  });
});
