import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { EnrollmentEvaluation } from '@cakap/contracts';
import '../../i18n';
import '../../test/domShims';
import { evaluationKeys } from '../../api/evaluation';
import { SurveyPage } from './SurveyPage';

afterEach(cleanup);

const ENROLLMENT = '0b6f3a52-1f7e-4a8e-9c1d-2d5b7e9a1c33';

function evaluation(over: Partial<EnrollmentEvaluation> = {}): EnrollmentEvaluation {
  return {
    enrollmentId: ENROLLMENT,
    course: { id: '5a1c7e2b-8d3f-4b6a-9e0c-1f2a3b4c5d6e', title: 'Pelayanan Publik Prima' },
    questions: [
      { id: 'relevan', type: 'likert', text: 'Materi relevan dengan tugas saya', dimension: 'relevance', required: true },
      { id: 'saran', type: 'text', text: 'Saran perbaikan', required: false },
    ],
    requiredForCertificate: true,
    open: true,
    response: null,
    ...over,
  };
}

// The data is put in the cache up front: the page never fetches in these tests (the client-side
// check stops the submit before any request).
function show(data: EnrollmentEvaluation) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData(evaluationKeys.enrollment(ENROLLMENT), data);
  const router = createMemoryRouter([{ path: '/belajar/:enrollmentId/survei', element: <SurveyPage /> }], {
    initialEntries: [`/belajar/${ENROLLMENT}/survei`],
  });
  render(
    <QueryClientProvider client={client}>
      <MantineProvider>
        <RouterProvider router={router} />
      </MantineProvider>
    </QueryClientProvider>,
  );
}

describe('the survey page', () => {
  it('asks each Likert question as a labelled group of five radios and says the certificate waits', () => {
    show(evaluation());
    const group = screen.getByRole('group', { name: /Materi relevan dengan tugas saya/ });
    expect(group.querySelectorAll('input[type="radio"]')).toHaveLength(5);
    expect(screen.getByLabelText('5 – Sangat setuju')).toBeTruthy();
    expect(screen.getByText('Survei ini wajib diisi sebelum sertifikat Anda terbit.')).toBeTruthy();
  });

  it('flags a required question left empty and clears the error once answered', () => {
    show(evaluation());
    fireEvent.click(screen.getByRole('button', { name: 'Kirim survei' }));
    expect(screen.getByText('Pertanyaan ini wajib dijawab')).toBeTruthy();
    expect(screen.getByText('Ada 1 pertanyaan yang perlu dilengkapi.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('4 – Setuju'));
    expect(screen.queryByText('Pertanyaan ini wajib dijawab')).toBeNull();
  });

  it('counts the characters of a comment', () => {
    show(evaluation());
    fireEvent.change(screen.getByLabelText(/Saran perbaikan/), { target: { value: 'Tambah video' } });
    expect(screen.getByText('12/2000 karakter')).toBeTruthy();
  });

  it('shows the answers read-only once sent', () => {
    show(evaluation({ response: { answers: { relevan: 4 }, submittedAt: '2026-11-28T03:00:00.000Z' } }));
    expect(screen.getByRole('heading', { name: 'Terima kasih, survei sudah diisi' })).toBeTruthy();
    expect(screen.getByText('4 – Setuju')).toBeTruthy();
    expect(screen.getByText('(tidak dijawab)')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Kirim survei' })).toBeNull();
  });

  it('explains that the survey opens after completion', () => {
    show(evaluation({ open: false }));
    expect(screen.getByText('Survei belum dibuka')).toBeTruthy();
    expect(screen.queryByRole('radio')).toBeNull();
  });
});
