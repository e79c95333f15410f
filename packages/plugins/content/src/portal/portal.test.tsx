import { installDomShims } from '@cakap/plugin-sdk/testing';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ContentTypePortal, EditorProps, ViewerProps } from '@cakap/plugin-sdk/portal';
import plugin from './index';

beforeAll(installDomShims);
afterEach(cleanup);

const FILE_ID = '3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c';
const wrap = (node: ReactNode) => render(<MantineProvider>{node}</MantineProvider>);
const type = (key: string) => plugin.contentTypes.find((c) => c.key === key) as ContentTypePortal<unknown>;

function viewer<T>(key: string, data: T) {
  const props = {
    data,
    lang: 'id' as const,
    fileUrl: (id: string) => `/api/v1/files/${id}?sig=abc`,
    onComplete: vi.fn(),
    onProgress: vi.fn(),
  };
  const { Viewer } = type(key);
  const view = wrap(<Viewer {...(props as ViewerProps<unknown>)} />);
  return { ...view, props };
}

function editor<T>(key: string, data: T, extra: Partial<EditorProps<T>> = {}) {
  const props = {
    data,
    lang: 'id' as const,
    onChange: vi.fn(),
    upload: vi.fn(async (file: File) => ({ id: FILE_ID, url: '/f', fileName: file.name, mimeType: file.type })),
    fileUrl: (id: string) => `/api/v1/files/${id}`,
    errors: {},
    ...extra,
  };
  const { Editor } = type(key);
  const view = wrap(<Editor {...(props as EditorProps<unknown>)} />);
  return { ...view, props };
}

describe('the portal plugin', () => {
  it('offers the five content types with initial data', () => {
    expect(plugin.id).toBe('@cakap/plugin-content');
    expect(plugin.contentTypes.map((c) => c.key)).toEqual(['richtext', 'video', 'file', 'image', 'embed']);
    for (const c of plugin.contentTypes) expect(c.initialData()).toBeTypeOf('object');
  });
});

describe('richtext', () => {
  it('the viewer sanitises again (defence in depth)', () => {
    const { container } = viewer('richtext', {
      html: '<p>Halo <strong>ASN</strong></p><img src=x onerror="alert(1)"><a href="javascript:alert(1)">x</a><a href="https://ok.example/">ok</a><script>alert(1)</script>',
    });
    expect(container.querySelector('strong')?.textContent).toBe('ASN');
    expect(container.querySelector('img, script')).toBeNull();
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([null, 'https://ok.example/']);
    expect(links[1].getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[1].getAttribute('target')).toBe('_blank');
  });

  it('the editor has a labelled toolbar and reports HTML', async () => {
    const { props } = editor('richtext', { html: '<p>Materi awal</p>' });
    // The editor is lazy-loaded (TipTap stays out of the learner's bundle): give the import time on a busy CI machine.
    const toolbar = await screen.findByRole('toolbar', { name: 'Format teks' }, { timeout: 15_000 });
    for (const name of ['Tebal', 'Miring', 'Judul bagian', 'Subjudul', 'Daftar berpoin', 'Daftar bernomor', 'Kutipan', 'Tambah atau ubah tautan', 'Hapus tautan', 'Urungkan', 'Ulangi']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.getByRole('button', { name: 'Tebal' }).getAttribute('aria-pressed')).toBe('false');
    expect(toolbar).toBeTruthy();
    const textbox = screen.getByRole('textbox', { name: 'Isi teks' });
    expect(textbox.textContent).toContain('Materi awal');
    // select all (TipTap hangs its editor on the DOM node), then make it bold with the toolbar
    const tiptap = (textbox as unknown as { editor: { commands: { selectAll: () => boolean } } }).editor;
    act(() => {
      tiptap.commands.selectAll();
    });
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Tebal' }));
    });
    await waitFor(() => expect(props.onChange).toHaveBeenLastCalledWith({ html: '<p><strong>Materi awal</strong></p>' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Tebal' }).getAttribute('aria-pressed')).toBe('true'));
  });

  it('shows the server error under the field', async () => {
    editor('richtext', { html: '' }, { errors: { html: 'Teks masih kosong.' } });
    expect((await screen.findByRole('alert')).textContent).toBe('Teks masih kosong.');
  });
});

describe('video', () => {
  it('an external video uses the no-cookie player and the learner confirms', () => {
    const { container, props } = viewer('video', { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', title: 'Pengantar' });
    const iframe = container.querySelector('iframe') as HTMLIFrameElement;
    expect(iframe.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(iframe.getAttribute('title')).toBe('Pengantar');
    expect(iframe.getAttribute('loading')).toBe('lazy');
    fireEvent.click(screen.getByRole('button', { name: 'Saya sudah menonton' }));
    expect(props.onProgress).toHaveBeenCalledWith(1);
    expect(props.onComplete).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Ditandai sudah ditonton' })).toBeTruthy();
  });

  it('an uploaded video plays from the signed url and reports watched time, not seeks', () => {
    const { container, props } = viewer('video', { fileId: FILE_ID });
    const video = container.querySelector('video') as HTMLVideoElement;
    expect(video.getAttribute('src')).toBe(`/api/v1/files/${FILE_ID}?sig=abc`);
    expect(video.getAttribute('preload')).toBe('metadata');
    Object.defineProperty(video, 'duration', { value: 100, configurable: true });
    let now = 0;
    Object.defineProperty(video, 'currentTime', { get: () => now, configurable: true });
    // a seek to the end counts for nothing
    fireEvent.timeUpdate(video);
    now = 99;
    fireEvent.timeUpdate(video);
    expect(props.onProgress).not.toHaveBeenCalled();
    // playing from 0 to 50 counts about half
    now = 0;
    fireEvent.seeking(video);
    for (let s = 0.25; s <= 50; s += 0.25) {
      now = s;
      fireEvent.timeUpdate(video);
    }
    const last = props.onProgress.mock.calls.at(-1)?.[0] as number;
    expect(last).toBeGreaterThan(0.45);
    expect(last).toBeLessThan(0.55);
  });

  it('the editor validates a link as it is typed', () => {
    const { props, container } = editor('video', { url: '' });
    const input = screen.getByRole('textbox', { name: /Tautan video/ });
    fireEvent.change(input, { target: { value: 'https://evil.example/v.mp4' } });
    fireEvent.blur(input);
    expect(screen.getByText(/Tautan video tidak dikenali/)).toBeTruthy();
    fireEvent.change(input, { target: { value: 'https://youtu.be/dQw4w9WgXcQ' } });
    expect(props.onChange).toHaveBeenLastCalledWith({ url: 'https://youtu.be/dQw4w9WgXcQ' });
    expect(container.querySelector('iframe')?.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
  });

  it('the editor uploads a video file', async () => {
    const { props, container } = editor('video', { url: '' });
    fireEvent.click(screen.getByRole('radio', { name: 'Unggah berkas' }));
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    const file = new File(['x'], 'pengantar.mp4', { type: 'video/mp4' });
    fireEvent.change(input, { target: { files: [file] } });
    await waitFor(() => expect(props.onChange).toHaveBeenCalledWith({ fileId: FILE_ID }));
    expect(props.upload).toHaveBeenCalledWith(file, 'video');
    expect(await screen.findByText('Terunggah: pengantar.mp4')).toBeTruthy();
  });
});

describe('file', () => {
  it('shows the PDF inline with Buka and Unduh', () => {
    const { container } = viewer('file', { fileId: FILE_ID, title: 'Modul 1', fileName: 'modul-1.pdf', mimeType: 'application/pdf', allowDownload: true });
    expect(container.querySelector('iframe')?.getAttribute('title')).toBe('Modul 1');
    expect(screen.getByRole('link', { name: 'Buka: modul-1.pdf' }).getAttribute('href')).toContain(FILE_ID);
    expect(screen.getByRole('link', { name: 'Unduh: modul-1.pdf' }).getAttribute('download')).toBe('modul-1.pdf');
  });

  it('hides Unduh when downloads are off, and does not inline non-PDF files', () => {
    const { container } = viewer('file', { fileId: FILE_ID, fileName: 'data.xlsx', mimeType: 'application/vnd.ms-excel', allowDownload: false });
    expect(container.querySelector('iframe')).toBeNull();
    expect(screen.queryByRole('link', { name: /Unduh/ })).toBeNull();
    expect(screen.getByRole('link', { name: /Buka/ })).toBeTruthy();
  });

  it('the editor uploads a document and takes its name as the title', async () => {
    const { props, container } = editor('file', { fileId: '', allowDownload: true });
    const file = new File(['%PDF'], 'Modul Etika.pdf', { type: 'application/pdf' });
    fireEvent.change(container.querySelector('input[type=file]') as HTMLInputElement, { target: { files: [file] } });
    await waitFor(() =>
      expect(props.onChange).toHaveBeenCalledWith({
        fileId: FILE_ID,
        allowDownload: true,
        fileName: 'Modul Etika.pdf',
        mimeType: 'application/pdf',
        title: 'Modul Etika',
      }),
    );
    expect(props.upload).toHaveBeenCalledWith(file, 'document');
  });
});

describe('image', () => {
  it('renders a figure with alt text and caption', () => {
    const { container } = viewer('image', { fileId: FILE_ID, alt: 'Bagan organisasi', caption: 'Gambar 1', decorative: false });
    const img = screen.getByRole('img', { name: 'Bagan organisasi' });
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(container.querySelector('figure figcaption')?.textContent).toBe('Gambar 1');
  });

  it('the editor asks for alt text unless decorative', () => {
    const { props } = editor('image', { fileId: FILE_ID, alt: '', decorative: false });
    const alt = screen.getByRole('textbox', { name: /Teks alternatif/ });
    fireEvent.blur(alt);
    expect(screen.getByText(/Tulis teks alternatif/)).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: /dekoratif/ }));
    expect(props.onChange).toHaveBeenLastCalledWith({ fileId: FILE_ID, alt: '', decorative: true });
  });
});

describe('embed', () => {
  it('renders a sandboxed, titled iframe', () => {
    const { container } = viewer('embed', { url: 'https://docs.google.com/forms/d/e/1FAIpQL/viewform?embedded=true', title: 'Formulir umpan balik', height: 600 });
    const iframe = container.querySelector('iframe') as HTMLIFrameElement;
    expect(iframe.getAttribute('title')).toBe('Formulir umpan balik');
    expect(iframe.getAttribute('sandbox')).toBe('allow-scripts allow-same-origin allow-popups allow-forms allow-presentation');
    expect(iframe.getAttribute('referrerpolicy')).toBe('strict-origin-when-cross-origin');
    expect(iframe.getAttribute('height')).toBe('600');
  });

  it('refuses to show an address off the allow-list even if it was stored', () => {
    const { container } = viewer('embed', { url: 'https://docs.google.com.evil.com/', title: 'x' });
    expect(container.querySelector('iframe')).toBeNull();
  });

  it('the editor explains a refused host', () => {
    editor('embed', { url: 'https://evil.example/', title: '' });
    fireEvent.blur(screen.getByRole('textbox', { name: /Alamat sematan/ }));
    expect(screen.getByText(/tidak termasuk situs yang boleh disematkan/)).toBeTruthy();
  });
});
