import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { ProgrammeReportPage } from './ProgrammeReportPage';
import { programmeReport } from './fixtures';
import { fakeApi, renderAt } from './testing';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const routes = [{ path: '/admin/laporan/program', element: <ProgrammeReportPage /> }];

describe('the programme overview', () => {
  it('names the strongest and weakest aspects in words, with their measured values', async () => {
    const fetchMock = fakeApi(() => ({ status: 200, body: programmeReport() }));
    renderAt('/admin/laporan/program?period=2026-Q4', routes);
    expect(await screen.findByRole('heading', { level: 1, name: 'Ringkasan program: Kuartal IV 2026' })).toBeTruthy();
    const strongest = within(await screen.findByTestId('aspects-strongest')).getAllByRole('listitem').map((li) => li.textContent);
    expect(strongest).toEqual(['Relevansi materi: 4,6 dari 5', 'Tingkat penyelesaian: 75%']);
    const weakest = within(screen.getByTestId('aspects-weakest')).getAllByRole('listitem').map((li) => li.textContent);
    expect(weakest).toEqual(['Gain ternormalisasi ⟨g⟩: 0,25', 'Dukungan lingkungan kerja: 3,4 dari 5']);
    expect(screen.getByText('Periode 1 Oktober 2026 sampai 31 Desember 2026.')).toBeTruthy();
    expect(String(fetchMock.mock.calls[0]![0])).toBe('/api/v1/reports/programme?period=2026-Q4');
  });

  it('shows the trend as tables on request, with a dash where a period has no figure', async () => {
    fakeApi(() => ({ status: 200, body: programmeReport() }));
    renderAt('/admin/laporan/program?period=2026-Q4', routes);
    await screen.findByTestId('programme-headline');
    // Counts, rate, satisfaction, gain, aspects: five charts, five tables.
    const toggles = screen.getAllByRole('button', { name: 'Tampilkan tabel' });
    expect(toggles).toHaveLength(5);
    fireEvent.click(toggles[2]!);
    const q3 = screen.getByRole('row', { name: /Kuartal III 2026/ });
    expect(q3.textContent).toContain('—');
  });

  it('searches the period’s courses and links each to its report', async () => {
    fakeApi(() => ({ status: 200, body: programmeReport() }));
    renderAt('/admin/laporan/program?period=2026-Q4&q=literasi', routes);
    const table = await screen.findByTestId('programme-courses');
    const links = within(table).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(['Literasi Digital ASN']);
    expect(links[0]!.getAttribute('href')).toBe('/admin/laporan/kursus/00000000-0000-4000-8000-0000000000c2');
  });
});
