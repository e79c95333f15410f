import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import i18n from '../../../i18n';
import '../../../test/domShims';
import { GapBadge } from './GapBadge';

afterEach(cleanup);
afterAll(() => i18n.changeLanguage('id'));

const show = (required: number | null, gap: number | null) =>
  render(
    <MantineProvider>
      <GapBadge row={{ required, gap }} />
    </MantineProvider>,
  );

describe('the gap in words', () => {
  it('speaks Indonesian by default', () => {
    show(1, 1);
    expect(screen.getByText('Kurang 1 level')).toBeTruthy();
    cleanup();
    show(3, 2);
    expect(screen.getByText('Kurang 2 level')).toBeTruthy();
    cleanup();
    show(1, 0);
    expect(screen.getByText('Memenuhi standar')).toBeTruthy();
    cleanup();
    show(null, null);
    expect(screen.getByText('Tidak disyaratkan')).toBeTruthy();
  });

  it('and English', async () => {
    await i18n.changeLanguage('en');
    show(1, 1);
    expect(screen.getByText('Short by 1 level')).toBeTruthy();
    cleanup();
    show(3, 2);
    expect(screen.getByText('Short by 2 levels')).toBeTruthy();
    cleanup();
    show(2, 0);
    expect(screen.getByText('Meets the standard')).toBeTruthy();
  });
});
