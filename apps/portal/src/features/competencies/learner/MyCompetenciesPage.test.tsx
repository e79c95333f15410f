import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import type { CompetencyProfile, ProfileRow } from '@cakap/contracts';
import '../../../i18n';
import '../../../test/domShims';
import { myCompetenciesKey } from '../../../api/myCompetencies';
import { MyCompetenciesPage } from './MyCompetenciesPage';

// The chart is recharts in its own chunk; these tests read the words, not the bars.
vi.mock('./CompetencyChart', () => ({ CompetencyChart: () => null }));

afterEach(cleanup);

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const row = (code: string, name: string, achieved: number, required: number | null, n: number): ProfileRow => ({
  competencyId: id(n),
  code,
  name,
  kind: 'manajerial',
  frameworkId: id(100),
  frameworkName: 'Kamus Kompetensi',
  maxLevel: 5,
  achieved,
  required,
  gap: required === null ? null : Math.max(0, required - achieved),
});

function profile(over: Partial<CompetencyProfile>): CompetencyProfile {
  return {
    user: { id: id(1), nip: '199103102016031001', name: 'Rina', position: { id: id(2), name: 'Pelaksana', kind: 'pelaksana' }, orgUnit: { id: id(3), name: 'DISKOMINFO' } },
    profile: [],
    match: null,
    evidence: [],
    recommendations: [],
    ...over,
  };
}

function show(data: CompetencyProfile) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData(myCompetenciesKey, data);
  render(
    <QueryClientProvider client={client}>
      <MantineProvider>
        <MemoryRouter>
          <MyCompetenciesPage />
        </MemoryRouter>
      </MantineProvider>
    </QueryClientProvider>,
  );
}

describe('Kompetensi saya', () => {
  it('explains that the standard comes from the position when there is none', () => {
    show(profile({ user: { ...profile({}).user, position: null }, profile: [row('M.1', 'Integritas', 0, null, 1)] }));
    expect(screen.getByText('Jabatan Anda belum tercatat')).toBeTruthy();
    expect(screen.getByText(/Hubungi admin BKPSDMD agar jabatan Anda dicatat/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Kursus yang disarankan' })).toBeNull();
  });

  it('words each gap and offers the course that closes it', () => {
    show(
      profile({
        profile: [row('M.5', 'Pelayanan Publik', 0, 1, 5), row('M.1', 'Integritas', 2, 1, 1), row('T.1', 'Arsip Digital', 1, null, 9)],
        match: 50,
        recommendations: [
          {
            course: { id: id(7), title: 'Pelayanan Publik Prima', summary: '', jp: 6, category: null, version: 1 },
            addresses: [{ competencyId: id(5), code: 'M.5', name: 'Pelayanan Publik', level: 2, gap: 1 }],
            enrollmentId: id(8),
          },
        ],
      }),
    );
    expect(screen.getByText('1 dari 2 kompetensi yang disyaratkan belum memenuhi standar.')).toBeTruthy();
    expect(screen.getByText('50%')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Capaian, standar jabatan, dan kesenjangan per kompetensi' });
    const [, m5, m1, t1] = within(table).getAllByRole('row');
    expect(within(m5).getByText('Kurang 1 level')).toBeTruthy();
    expect(within(m1).getByText('Memenuhi standar')).toBeTruthy();
    expect(within(t1).getByText('Tidak disyaratkan')).toBeTruthy();
    const cont = screen.getByRole('link', { name: 'Lanjutkan kursus Pelayanan Publik Prima' });
    expect(cont.getAttribute('href')).toBe(`/belajar/${id(8)}`);
    expect(screen.getByText('M.5 Pelayanan Publik → level 2')).toBeTruthy();
    expect(screen.getByText(/Belum ada bukti kompetensi/)).toBeTruthy();
  });

  it('congratulates when every standard is met', () => {
    show(profile({ profile: [row('M.5', 'Pelayanan Publik', 2, 1, 5)], match: 100 }));
    expect(screen.getByText('Selamat! Anda memenuhi semua standar kompetensi jabatan Anda.')).toBeTruthy();
    expect(screen.queryByText(/Belum ada kursus terbit/)).toBeNull();
  });
});
