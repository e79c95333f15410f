import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { Verification } from '@cakap/contracts';
import '../../i18n';
import '../../test/domShims';
import { certificateKeys } from '../../api/certificates';
import { VerifyPage } from './VerifyPage';

afterEach(cleanup);

const CODE = 'K7M2Q9XW';

function verification(over: Partial<Verification['certificate']>, status: Verification['status']): Verification {
  return {
    status,
    certificate: {
      number: '0001/BKPSDMD-BH/XI/2026',
      code: CODE,
      name: "Ahmad Khoiru'l Éndah, S.H., M.H.",
      nip: '19860926 ****** * 001',
      courseTitle: 'Pelayanan Publik Prima',
      jp: 20,
      issuedOn: '2026-11-28',
      issuer: 'BKPSDMD Kabupaten Batanghari',
      revokedAt: null,
      revokeReason: null,
      replacedBy: null,
      ...over,
    },
    signature: { keyId: 'k1' },
  };
}

function show(data: Verification) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData(certificateKeys.verification(CODE), data);
  render(
    <QueryClientProvider client={client}>
      <MantineProvider>
        <MemoryRouter initialEntries={[`/verify/${CODE}`]}>
          <Routes>
            <Route path="/verify/:code?" element={<VerifyPage />} />
          </Routes>
        </MemoryRouter>
      </MantineProvider>
    </QueryClientProvider>,
  );
}

describe('the public verification page', () => {
  it('says valid first, then who, what and when, with the masked NIP', () => {
    show(verification({}, 'valid'));
    expect(screen.getByTestId('verify-status').textContent).toContain('Sertifikat SAH');
    expect(screen.getByText("Ahmad Khoiru'l Éndah, S.H., M.H.")).toBeTruthy();
    expect(screen.getByText('19860926 ****** * 001')).toBeTruthy();
    expect(screen.getByText('20 JP')).toBeTruthy();
    expect(screen.getByText('28 November 2026')).toBeTruthy();
  });

  it('says revoked with the date and the reason', () => {
    show(verification({ revokedAt: '2026-11-29T03:00:00Z', revokeReason: 'Data peserta keliru' }, 'revoked'));
    const status = screen.getByTestId('verify-status').textContent;
    expect(status).toContain('Sertifikat DICABUT');
    expect(status).toContain('29 November 2026, 10.00 WIB');
    expect(status).toContain('Data peserta keliru');
  });

  it('says replaced and links to the new certificate', () => {
    show(verification({ replacedBy: { number: '0002/BKPSDMD-BH/XI/2026', code: 'ZZ3Q4R5T' } }, 'replaced'));
    expect(screen.getByTestId('verify-status').textContent).toContain('Sertifikat DIGANTI');
    expect(screen.getByRole('link', { name: '0002/BKPSDMD-BH/XI/2026' }).getAttribute('href')).toBe('/verify/ZZ3Q4R5T');
  });
});
