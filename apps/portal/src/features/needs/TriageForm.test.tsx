import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { LearningNeed } from '@cakap/contracts';
import '../../i18n';
import '../../test/domShims';
import { TriageForm } from './TriageForm';

afterEach(cleanup);

const need: LearningNeed = {
  id: '6f1c1f4e-8f57-4a57-9d8e-0c7f6c1f1a11',
  title: 'Menulis surat dinas',
  reason: 'Banyak surat keluar masih salah format.',
  votes: 2,
  comments: 0,
  status: 'proposed',
  preferredForm: 'elearning',
  competency: null,
  proposer: { id: '6f1c1f4e-8f57-4a57-9d8e-0c7f6c1f1a12', name: 'Budi', unitName: null },
  votedByMe: false,
  createdAt: '2026-11-29T01:00:00.000Z',
  decisionReason: null,
  plan: null,
};

// The client-side check stops every submit below before any request is made.
function show() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MantineProvider>
        <TriageForm need={need} />
      </MantineProvider>
    </QueryClientProvider>,
  );
}

describe('the triage form', () => {
  it('asks for the reason before a need is declined', () => {
    show();
    fireEvent.click(screen.getByRole('radio', { name: 'Ditolak' }));
    expect(screen.getByRole('textbox', { name: /Alasan penolakan \(dibaca oleh pengusul\)/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Simpan keputusan' }));
    expect(screen.getByText('Tuliskan alasan penolakan; pengusul akan membacanya')).toBeTruthy();
  });

  it('shows the plan fields of the chosen form only', () => {
    show();
    expect(screen.queryByRole('textbox', { name: /Tahun rencana/ })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Direncanakan' }));
    expect(screen.getByRole('textbox', { name: /Tahun rencana/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Simpan keputusan' }));
    expect(screen.getByText('Pilih bentuk rencana: kursus atau kegiatan klasikal')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Kegiatan klasikal' }));
    expect(screen.getByRole('textbox', { name: /Kegiatan klasikal/ })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: /^Kursus/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Simpan keputusan' }));
    expect(screen.getByText('Tuliskan kegiatan klasikal yang direncanakan')).toBeTruthy();
  });
});
