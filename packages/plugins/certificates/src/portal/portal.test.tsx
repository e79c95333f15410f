import { installDomShims } from '@cakap/plugin-sdk/testing';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import type { CertificateConfigEditorProps } from '@cakap/plugin-sdk/portal';
import { sttpDefaultConfig, type SttpConfig } from '../sttp';
import plugin from './index';

beforeAll(installDomShims);
afterEach(cleanup);

function editor(value: SttpConfig, extra: Partial<CertificateConfigEditorProps<SttpConfig>> = {}) {
  const props = { value, onChange: vi.fn(), errors: {}, lang: 'id' as const, ...extra };
  const view = render(
    <MantineProvider>
      <ConfigEditor {...props} />
    </MantineProvider>,
  );
  return { ...view, props };
}
const { ConfigEditor } = plugin.certificateTemplates[0];
const lastChange = (fn: unknown) => (fn as ReturnType<typeof vi.fn>).mock.calls.at(-1)?.[0] as SttpConfig;

describe('the portal plugin', () => {
  it('offers the sttp configuration editor', () => {
    expect(plugin.id).toBe('@cakap/plugin-certificates');
    expect(plugin.certificateTemplates.map((t) => t.key)).toEqual(['sttp']);
  });
});

describe('sttp ConfigEditor', () => {
  it('shows the configuration in labelled fields and reports edits', () => {
    const { props } = editor(sttpDefaultConfig);
    expect((screen.getByRole('textbox', { name: /Baris kop 2/ }) as HTMLInputElement).value).toBe(sttpDefaultConfig.issuerLines[1]);
    expect((screen.getByRole('textbox', { name: /Nama penanda tangan/ }) as HTMLInputElement).value).toBe(sttpDefaultConfig.signerName);
    fireEvent.change(screen.getByRole('textbox', { name: /Tempat penandatanganan/ }), { target: { value: 'Jambi' } });
    expect(lastChange(props.onChange)).toEqual({ ...sttpDefaultConfig, place: 'Jambi' });
    fireEvent.click(screen.getByRole('switch', { name: 'Tampilkan bingkai' }));
    expect(lastChange(props.onChange).showBorder).toBe(false);
  });

  it('adds and removes letterhead lines, at most three', () => {
    const { props, rerender } = editor(sttpDefaultConfig);
    fireEvent.click(screen.getByRole('button', { name: 'Tambah baris kop' }));
    const three = lastChange(props.onChange);
    expect(three.issuerLines).toEqual([...sttpDefaultConfig.issuerLines, '']);
    rerender(
      <MantineProvider>
        <ConfigEditor {...props} value={three} />
      </MantineProvider>,
    );
    expect(screen.queryByRole('button', { name: 'Tambah baris kop' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Hapus baris kop 1' }));
    expect(lastChange(props.onChange).issuerLines).toEqual([sttpDefaultConfig.issuerLines[1], '']);
  });

  it('warns about a bad signer NIP once the field is left, and a colour too light to print', () => {
    editor({ ...sttpDefaultConfig, signerNip: '1969030919940320', primaryColor: '#999999' });
    const nip = screen.getByRole('textbox', { name: /NIP penanda tangan/ });
    expect(nip.getAttribute('aria-invalid')).not.toBe('true');
    fireEvent.blur(nip);
    expect(screen.getByText('NIP penanda tangan harus 18 angka, misalnya 19690309 199403 2 001.')).toBeTruthy();
    expect(nip.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/terlalu terang untuk teks/)).toBeTruthy();
  });

  it('shows server errors by path, in English when asked', () => {
    editor(sttpDefaultConfig, { lang: 'en', errors: { 'issuerLines.0': 'Too long', signerName: 'Required here' } });
    expect(screen.getByRole('textbox', { name: /Letterhead line 1/ }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Too long')).toBeTruthy();
    expect(screen.getByText('Required here')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Signer' })).toBeTruthy();
  });
});
