import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { QuizBlock } from '@cakap/contracts';
import '../../i18n';
import '../../test/domShims';

vi.mock('virtual:cakap-plugins', () => ({ default: [] }));

let QuizBlockEditor: typeof import('./QuizBlockEditor').QuizBlockEditor;
let newQuizBlock: typeof import('../../plugins/core').newQuizBlock;
beforeAll(async () => {
  ({ QuizBlockEditor } = await import('./QuizBlockEditor'));
  ({ newQuizBlock } = await import('../../plugins/core'));
}, 60_000);
afterEach(cleanup);

function renderEditor(data: Partial<QuizBlock>, errors: Record<string, string> = {}) {
  const onChange = vi.fn<(d: QuizBlock) => void>();
  // The bank pickers ask the api only once opened; nothing here opens them.
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, enabled: false } } });
  render(
    <QueryClientProvider client={client}>
      <MantineProvider>
        <QuizBlockEditor data={data as QuizBlock} onChange={onChange} lang="id" errors={errors} upload={vi.fn()} fileUrl={() => undefined} />
      </MantineProvider>
    </QueryClientProvider>,
  );
  return onChange;
}

describe('the quiz block editor', () => {
  it('fills a half-configured quiz with the defaults and edits it', () => {
    const onChange = renderEditor({ title: 'Kuis modul 1' });
    expect((screen.getByRole('textbox', { name: /Judul kuis/ }) as HTMLInputElement).value).toBe('Kuis modul 1');
    expect(screen.getByText('Soal terpilih: 0')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tidak terbatas' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...newQuizBlock(), title: 'Kuis modul 1', maxAttempts: 3 });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tanpa batas waktu' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...newQuizBlock(), title: 'Kuis modul 1', timeLimitMinutes: 30 });
  });

  it('switches to drawing at random from a bank', () => {
    const onChange = renderEditor(newQuizBlock());
    fireEvent.click(screen.getByRole('radio', { name: 'Acak dari bank soal' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...newQuizBlock(), selection: { mode: 'random', bankId: '', categoryId: null, count: 5 } });
  });

  it('shows the server messages on the fields they belong to, the rest as a list', () => {
    renderEditor(
      { ...newQuizBlock(), selection: { mode: 'fixed', questionIds: ['00000000-0000-4000-8000-000000000001'] } },
      { 'selection.questionIds.0': 'Soal tidak ditemukan', passPercent: 'Paling besar 100', somethingNew: 'Aturan lain' },
    );
    expect(screen.getByText('Paling besar 100')).toBeTruthy();
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['Soal tidak ditemukan', 'Aturan lain']);
  });
});
