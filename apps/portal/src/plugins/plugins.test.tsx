import { beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import '../test/domShims';

vi.mock('virtual:cakap-plugins', () => ({
  default: [
    { id: '@a/one', contentTypes: [{ key: 'note', title: { id: 'Catatan', en: 'Note' }, initialData: () => ({ text: '' }), Viewer: ({ data }: { data: { text: string } }) => <p>{data.text}</p>, Editor: () => null }] },
    {
      id: '@b/two',
      contentTypes: [{ key: 'note', title: { id: 'Lain', en: 'Other' }, initialData: () => ({}), Viewer: () => null, Editor: () => null }],
      questionTypes: [
        { key: 'yesno', title: { id: 'Ya/tidak', en: 'Yes/no' }, initialData: () => ({}), Editor: () => null, Answer: ({ view }: { view: { prompt: string } }) => <p>{view.prompt}</p>, Review: () => null },
      ],
    },
    {
      id: '@c/three',
      questionTypes: [{ key: 'yesno', title: { id: 'Kedua', en: 'Second' }, initialData: () => ({}), Editor: () => null, Answer: () => null, Review: () => null }],
      certificateTemplates: [{ key: 'plain', ConfigEditor: ({ value }: { value: { signer: string } }) => <p>{value.signer}</p> }],
    },
    { id: '@d/four', certificateTemplates: [{ key: 'plain', ConfigEditor: () => <p>second</p> }] },
  ],
}));
const texts: Record<string, string> = { 'plugins.missingTitle': 'Jenis konten ini tidak tersedia', 'plugins.missingQuestionTitle': 'Jenis soal ini tidak tersedia' };
vi.mock('react-i18next', () => ({ useTranslation: () => ({ t: (k: string) => texts[k] ?? k }) }));

describe('plugin content types in the portal', () => {
  // The first import transforms Mantine and the registry: slow on a cold cache.
  beforeAll(() => import('./index'), 60_000);

  it('indexes content types by key (first plugin wins) and renders their viewers', async () => {
    const { contentTypePortal, usePluginContentTypes, BlockViewer } = await import('./index');
    expect(contentTypePortal('note')?.title.id).toBe('Catatan');
    expect(usePluginContentTypes()).toHaveLength(2);
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
        <BlockViewer type="survey" data={{}} lang="id" fileUrl={() => undefined} onComplete={() => {}} onProgress={() => {}} />
      </MantineProvider>,
    );
    expect(screen.getByText('Jenis konten ini tidak tersedia')).toBeTruthy();
  });

  it('puts the core quiz block ahead of the plugins', async () => {
    const { contentTypePortal, usePluginContentTypes } = await import('./index');
    expect(contentTypePortal('quiz')?.title.id).toBe('Kuis');
    expect(usePluginContentTypes().map((c) => c.key)).toEqual(['quiz', 'note']);
  });

  it('indexes question types by key (first plugin wins) and falls back for an unknown one', async () => {
    const { questionTypePortal, usePluginQuestionTypes, QuestionAnswer } = await import('./index');
    expect(questionTypePortal('yesno')?.title.id).toBe('Ya/tidak');
    expect(usePluginQuestionTypes()).toHaveLength(1);
    render(
      <MantineProvider>
        <QuestionAnswer type="yesno" view={{ prompt: 'Apakah langit biru?' }} answer={undefined} onChange={() => {}} readOnly={false} lang="id" idPrefix="q0" />
        <QuestionAnswer type="hotspot" view={{}} answer={undefined} onChange={() => {}} readOnly={false} lang="id" idPrefix="q1" />
      </MantineProvider>,
    );
    expect(screen.getByText('Apakah langit biru?')).toBeTruthy();
    expect(screen.getByText('Jenis soal ini tidak tersedia')).toBeTruthy();
  });

  it('finds a certificate template\'s configuration editor by key (first plugin wins)', async () => {
    const { certificateTemplateEditor } = await import('./index');
    expect(certificateTemplateEditor('fancy')).toBeUndefined();
    const Editor = certificateTemplateEditor('plain')!;
    render(
      <MantineProvider>
        <Editor value={{ signer: 'Kepala BKPSDMD' }} onChange={() => {}} errors={{}} lang="id" />
      </MantineProvider>,
    );
    expect(screen.getByText('Kepala BKPSDMD')).toBeTruthy();
  });
});
