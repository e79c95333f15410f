import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';

vi.mock('virtual:cakap-plugins', () => ({
  default: [
    { id: '@a/one', contentTypes: [{ key: 'note', title: { id: 'Catatan', en: 'Note' }, initialData: () => ({ text: '' }), Viewer: ({ data }: { data: { text: string } }) => <p>{data.text}</p>, Editor: () => null }] },
    { id: '@b/two', contentTypes: [{ key: 'note', title: { id: 'Lain', en: 'Other' }, initialData: () => ({}), Viewer: () => null, Editor: () => null }] },
  ],
}));
vi.mock('react-i18next', () => ({ useTranslation: () => ({ t: (k: string) => (k === 'plugins.missingTitle' ? 'Jenis konten ini tidak tersedia' : k) }) }));

// jsdom has no matchMedia; Mantine's color scheme asks for it.
window.matchMedia ??= ((query: string) => ({
  matches: false,
  media: query,
  onchange: null,
  addListener: () => {},
  removeListener: () => {},
  addEventListener: () => {},
  removeEventListener: () => {},
  dispatchEvent: () => false,
})) as typeof window.matchMedia;

describe('plugin content types in the portal', () => {
  it('indexes content types by key (first plugin wins) and renders their viewers', async () => {
    const { contentTypePortal, usePluginContentTypes, BlockViewer } = await import('./index');
    expect(contentTypePortal('note')?.title.id).toBe('Catatan');
    expect(usePluginContentTypes()).toHaveLength(1);
    render(
      <MantineProvider>
        <BlockViewer type="note" data={{ text: 'Halo' }} lang="id" fileUrl={() => undefined} onComplete={() => {}} onProgress={() => {}} />
      </MantineProvider>,
    );
    expect(screen.getByText('Halo')).toBeTruthy();
  });

  it('shows a fallback for a type no enabled plugin provides', async () => {
    const { BlockViewer } = await import('./index');
    render(
      <MantineProvider>
        <BlockViewer type="quiz" data={{}} lang="id" fileUrl={() => undefined} onComplete={() => {}} onProgress={() => {}} />
      </MantineProvider>,
    );
    expect(screen.getByText('Jenis konten ini tidak tersedia')).toBeTruthy();
  });
});
