import { installDomShims } from '@cakap/plugin-sdk/testing';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { QuestionTypePortal } from '@cakap/plugin-sdk/portal';
import type { QuestionTypeDefinition } from '@cakap/plugin-sdk';
import portal from './index';
import server, { textId } from '../index';

beforeAll(installDomShims);
afterEach(cleanup);

const wrap = (node: ReactNode) => render(<MantineProvider>{node}</MantineProvider>);
const portalType = (key: string) => portal.questionTypes.find((q) => q.key === key) as QuestionTypePortal<unknown, unknown, unknown, unknown>;
const serverType = (key: string) => server.questionTypes.find((q) => q.key === key) as QuestionTypeDefinition<unknown, unknown, unknown>;
const prompt = '<p>Pertanyaan <strong>penting</strong></p>';
const ctx = { shuffleOptions: false, shuffle: <T,>(items: readonly T[]) => items.slice() };

/** The learner view the api would send for this author data. */
function viewOf(key: string, data: unknown) {
  const type = serverType(key);
  return type.toLearnerView(type.authorSchema.parse(data), ctx);
}

/** An Answer form that keeps its answer like the player does, reporting every change. */
function answerForm(key: string, view: unknown, extra: { readOnly?: boolean; answer?: unknown } = {}) {
  const onChange = vi.fn();
  const { Answer } = portalType(key);
  function Player() {
    const [answer, setAnswer] = useState<unknown>(extra.answer);
    return (
      <Answer
        view={view}
        answer={answer}
        onChange={(a) => {
          onChange(a);
          setAnswer(a);
        }}
        readOnly={!!extra.readOnly}
        lang="id"
        idPrefix="q1"
      />
    );
  }
  return { ...wrap(<Player />), onChange };
}

function review(key: string, data: unknown, answer: unknown, lang: 'id' | 'en' = 'id') {
  const type = serverType(key);
  const parsed = type.authorSchema.parse(data);
  const { Review } = portalType(key);
  return wrap(<Review view={type.toLearnerView(parsed, ctx)} answer={answer} review={type.toReview?.(parsed)} lang={lang} />);
}

function editor(key: string, data: unknown) {
  const onChange = vi.fn();
  const { Editor } = portalType(key);
  return { ...wrap(<Editor data={data} onChange={onChange} lang="id" errors={{}} />), onChange };
}

const CHOICE = {
  prompt,
  options: [
    { id: 'a', text: 'Netralitas', correct: true },
    { id: 'b', text: 'Kekeluargaan', correct: false, feedback: 'Bukan asas ASN.' },
    { id: 'c', text: 'Akuntabilitas', correct: false },
  ],
};

describe('the portal plugin', () => {
  it('offers a portal part for every server question type', () => {
    expect(portal.id).toBe(server.id);
    expect(portal.questionTypes.map((q) => q.key)).toEqual(server.questionTypes.map((q) => q.key));
  });

  it('new questions have unique generated ids and, once written, pass the server schema', () => {
    let n = 0;
    const fill = (v: unknown): unknown =>
      typeof v === 'string' ? v || `Teks ${++n}` : Array.isArray(v) ? v.map(fill) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'id' ? x : fill(x)])) : v;
    for (const q of portal.questionTypes) {
      const data = q.initialData() as Record<string, unknown>;
      const list = (data.options ?? data.pairs ?? data.items) as { id: string }[] | undefined;
      if (list) {
        expect(new Set(list.map((i) => i.id)).size).toBe(list.length);
        for (const item of list) expect(item.id).toMatch(/^[0-9a-f]{8}$/);
      }
      const written = { ...(fill(data) as object), prompt } as Record<string, unknown>;
      if (q.key === 'short_answer') written.accepted = ['Jakarta'];
      expect(serverType(q.key).authorSchema.safeParse(written).success).toBe(true);
    }
  });
});

describe('answer forms', () => {
  it('single choice: a labelled radio group reporting the option id; sanitised prompt', () => {
    const view = viewOf('single_choice', { ...CHOICE, prompt: '<p>Asas <strong>ASN</strong></p>' });
    const evil = { ...(view as object), prompt: '<p>Asas</p><img src=x onerror="alert(1)"><script>alert(1)</script>' };
    const { onChange, container } = answerForm('single_choice', evil);
    expect(container.querySelector('img, script')).toBeNull();
    const group = screen.getByRole('radiogroup', { name: 'Pilih satu jawaban' });
    fireEvent.click(within(group).getByRole('radio', { name: 'Kekeluargaan' }));
    expect(onChange).toHaveBeenLastCalledWith('b');
  });

  it('multiple choice: checkboxes reporting the set of ids, undefined when none', () => {
    const { onChange } = answerForm('multiple_choice', viewOf('multiple_choice', CHOICE));
    const group = screen.getByRole('group', { name: 'Pilih semua jawaban yang benar' });
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Netralitas' }));
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Akuntabilitas' }));
    expect(onChange).toHaveBeenLastCalledWith(['a', 'c']);
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Netralitas' }));
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Akuntabilitas' }));
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });

  it('true/false reports a boolean', () => {
    const { onChange } = answerForm('true_false', viewOf('true_false', { prompt, correct: true }));
    fireEvent.click(screen.getByRole('radio', { name: 'Salah' }));
    expect(onChange).toHaveBeenLastCalledWith(false);
    fireEvent.click(screen.getByRole('radio', { name: 'Benar' }));
    expect(onChange).toHaveBeenLastCalledWith(true);
  });

  it('short answer reports the text, undefined when cleared, without autocorrect', () => {
    const { onChange } = answerForm('short_answer', viewOf('short_answer', { prompt, accepted: ['Jakarta'] }));
    const input = screen.getByRole('textbox', { name: 'Jawaban Anda' });
    expect(input.getAttribute('autocorrect')).toBe('off');
    fireEvent.change(input, { target: { value: 'jakarta' } });
    expect(onChange).toHaveBeenLastCalledWith('jakarta');
    fireEvent.change(input, { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });

  it('numeric reads the decimal comma, and says so when the text is not a number', () => {
    const { onChange } = answerForm('numeric', viewOf('numeric', { prompt, answer: 3.5, tolerance: 0 }));
    const input = screen.getByRole('textbox', { name: 'Jawaban Anda' });
    expect(input.getAttribute('inputmode')).toBe('decimal');
    fireEvent.change(input, { target: { value: '3,5' } });
    expect(onChange).toHaveBeenLastCalledWith(3.5);
    fireEvent.change(input, { target: { value: 'tiga' } });
    expect(onChange).toHaveBeenLastCalledWith(undefined);
    fireEvent.blur(input);
    expect(screen.getByText('Bukan angka. Tulis misalnya 3,5 atau -2.')).toBeTruthy();
  });

  it('matching: a labelled select per left item, reporting left id → right id', () => {
    const data = {
      prompt,
      pairs: [
        { id: 'l1', left: 'BKN', right: 'Kepegawaian' },
        { id: 'l2', left: 'LAN', right: 'Pelatihan' },
      ],
      distractors: ['Pajak'],
    };
    const { onChange } = answerForm('matching', viewOf('matching', data));
    const bkn = screen.getByRole('combobox', { name: 'Pasangan untuk: BKN' });
    expect(within(bkn).getAllByRole('option').map((o) => o.textContent).sort()).toEqual(['Kepegawaian', 'Pajak', 'Pelatihan', 'Pilih…']);
    fireEvent.change(bkn, { target: { value: textId('Kepegawaian') } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Pasangan untuk: LAN' }), { target: { value: textId('Pajak') } });
    expect(onChange).toHaveBeenLastCalledWith({ l1: textId('Kepegawaian'), l2: textId('Pajak') });
    fireEvent.change(bkn, { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith({ l2: textId('Pajak') });
  });

  it('ordering: up/down buttons reorder; the first order shown is kept only on request', () => {
    const view = { prompt, items: [{ id: 'x', text: 'Usulan' }, { id: 'y', text: 'Verifikasi' }, { id: 'z', text: 'Penetapan' }] };
    const { onChange } = answerForm('ordering', view);
    expect((screen.getByRole('button', { name: 'Naikkan: Usulan' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Turunkan: Usulan' }));
    expect(onChange).toHaveBeenLastCalledWith(['y', 'x', 'z']);
    fireEvent.click(screen.getByRole('button', { name: 'Naikkan: Penetapan' }));
    expect(onChange).toHaveBeenLastCalledWith(['y', 'z', 'x']);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['1.Verifikasi', '2.Penetapan', '3.Usulan']);
    cleanup();
    const second = answerForm('ordering', view);
    fireEvent.click(screen.getByRole('button', { name: 'Simpan urutan ini' }));
    expect(second.onChange).toHaveBeenLastCalledWith(['x', 'y', 'z']);
    expect(screen.getByRole('status').textContent).toBe('Urutan tersimpan.');
  });

  it('essay reports the text and counts words', () => {
    const { onChange } = answerForm('essay', viewOf('essay', { prompt, minWords: 3, maxWords: 50, rubric: 'rahasia' }));
    expect(screen.getByText('Disarankan 3–50 kata.')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Jawaban esai Anda' }), { target: { value: 'Asas  netralitas\nberarti' } });
    expect(onChange).toHaveBeenLastCalledWith('Asas  netralitas\nberarti');
    expect(screen.getByText('3 kata')).toBeTruthy();
    expect(document.body.textContent).not.toContain('rahasia');
  });

  it('readOnly disables every answer control', () => {
    const views: Record<string, unknown> = {
      single_choice: viewOf('single_choice', CHOICE),
      multiple_choice: viewOf('multiple_choice', CHOICE),
      true_false: viewOf('true_false', { prompt, correct: true }),
      short_answer: viewOf('short_answer', { prompt, accepted: ['a'] }),
      numeric: viewOf('numeric', { prompt, answer: 1 }),
      matching: viewOf('matching', { prompt, pairs: [{ id: 'a', left: 'x', right: 'y' }, { id: 'b', left: 'z', right: 'w' }] }),
      ordering: viewOf('ordering', { prompt, items: [{ id: 'a', text: 'x' }, { id: 'b', text: 'y' }] }),
      essay: viewOf('essay', { prompt }),
    };
    for (const [key, view] of Object.entries(views)) {
      const { container } = answerForm(key, view, { readOnly: true });
      const controls = [...container.querySelectorAll('input:not([type=hidden]), select, textarea, button')] as HTMLInputElement[];
      // ordering hides its move buttons altogether
      expect(controls.length > 0 || key === 'ordering').toBe(true);
      for (const c of controls) expect([key, c.outerHTML.slice(0, 80), c.disabled]).toEqual([key, c.outerHTML.slice(0, 80), true]);
      cleanup();
    }
  });
});

describe('reviews say right or wrong in words', () => {
  it('single choice', () => {
    review('single_choice', CHOICE, 'b');
    expect(screen.getByText('Salah')).toBeTruthy();
    expect(screen.getByText('Bukan asas ASN.')).toBeTruthy();
    expect(screen.getByText('Jawaban benar')).toBeTruthy();
    expect(screen.getByText('Jawaban Anda')).toBeTruthy();
    cleanup();
    review('single_choice', CHOICE, 'a', 'en');
    expect(screen.getByText('Correct')).toBeTruthy();
    expect(screen.getByText('Your answer · Correct answer')).toBeTruthy();
  });

  it('multiple choice marks each option', () => {
    review('multiple_choice', { ...CHOICE, options: CHOICE.options.map((o) => ({ ...o, correct: o.id !== 'b' })) }, ['a', 'b']);
    expect(screen.getByText('Sebagian benar')).toBeTruthy();
    expect(screen.getByText('Dipilih — Benar')).toBeTruthy();
    expect(screen.getByText('Dipilih — seharusnya tidak dipilih')).toBeTruthy();
    expect(screen.getByText('Tidak dipilih — seharusnya dipilih')).toBeTruthy();
  });

  it('true/false, short answer, numeric', () => {
    review('true_false', { prompt, correct: false }, true);
    expect(screen.getByText('Jawaban benar: Salah')).toBeTruthy();
    expect(screen.getByText('Jawaban Anda: Benar')).toBeTruthy();
    cleanup();
    review('short_answer', { prompt, accepted: ['Éndah'] }, 'endah');
    expect(screen.getByText('Benar')).toBeTruthy();
    cleanup();
    review('short_answer', { prompt, accepted: ['Éndah'], caseSensitive: true }, 'endah');
    expect(screen.getByText('Salah')).toBeTruthy();
    cleanup();
    review('numeric', { prompt, answer: 3.14, tolerance: 0.01 }, 3.15);
    expect(screen.getByText('Benar')).toBeTruthy();
    expect(screen.getByText('Jawaban benar: 3,14 (± 0,01)')).toBeTruthy();
  });

  it('matching and ordering, per pair and per position', () => {
    const pairs = [
      { id: 'l1', left: 'BKN', right: 'Kepegawaian' },
      { id: 'l2', left: 'LAN', right: 'Pelatihan' },
    ];
    review('matching', { prompt, pairs }, { l1: textId('Kepegawaian'), l2: textId('Kepegawaian') });
    expect(screen.getByText('Sebagian benar')).toBeTruthy();
    expect(screen.getByText('Jawaban benar: Pelatihan')).toBeTruthy();
    cleanup();
    const items = [{ id: 'x', text: 'Usulan' }, { id: 'y', text: 'Verifikasi' }, { id: 'z', text: 'Penetapan' }];
    review('ordering', { prompt, items }, ['Usulan', 'Penetapan', 'Verifikasi'].map(textId));
    expect(screen.getByText('Urutan 1: Usulan (Benar)')).toBeTruthy();
    expect(screen.getByText('Urutan 2: Penetapan (Salah)')).toBeTruthy();
    expect(screen.getByText('seharusnya: Verifikasi')).toBeTruthy();
  });

  it('essay shows the text and that a person grades it', () => {
    review('essay', { prompt, rubric: 'rahasia penilai' }, 'Jawaban saya');
    expect(screen.getByText('Jawaban saya')).toBeTruthy();
    expect(screen.getByText('Esai dinilai oleh penulis atau admin.')).toBeTruthy();
    expect(document.body.textContent).not.toContain('rahasia');
  });
});

describe('editors', () => {
  it('choice: edit an option, mark another correct, add one', async () => {
    const { onChange } = editor('single_choice', CHOICE);
    fireEvent.change(screen.getByRole('textbox', { name: 'Pilihan 2' }), { target: { value: 'Kebersamaan' } });
    expect(onChange.mock.lastCall?.[0].options[1]).toEqual({ id: 'b', text: 'Kebersamaan', correct: false, feedback: 'Bukan asas ASN.' });
    fireEvent.click(screen.getByRole('radio', { name: 'Jawaban benar: Pilihan 3' }));
    expect(onChange.mock.lastCall?.[0].options.map((o: { correct: boolean }) => o.correct)).toEqual([false, false, true]);
    fireEvent.click(screen.getByRole('button', { name: 'Tambah pilihan' }));
    expect(onChange.mock.lastCall?.[0].options).toHaveLength(4);
    fireEvent.click(screen.getByRole('button', { name: 'Turunkan: Pilihan 1' }));
    expect(onChange.mock.lastCall?.[0].options.map((o: { id: string }) => o.id)).toEqual(['b', 'a', 'c']);
    // the prompt is edited with the content plugin's rich-text editor
    expect(await screen.findByRole('textbox', { name: 'Isi teks' }, { timeout: 15_000 })).toBeTruthy();
  }, 20_000);

  it('multiple choice: several correct, partial credit switch; a missing key is flagged', () => {
    const { onChange } = editor('multiple_choice', { ...CHOICE, options: CHOICE.options.map((o) => ({ ...o, correct: false })), partialCredit: false });
    expect(screen.getByRole('alert').textContent).toBe('Tandai paling sedikit satu pilihan sebagai jawaban benar.');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Jawaban benar: Pilihan 2' }));
    expect(onChange.mock.lastCall?.[0].options.map((o: { correct: boolean }) => o.correct)).toEqual([false, true, false]);
    fireEvent.click(screen.getByRole('switch', { name: /Beri nilai sebagian/ }));
    expect(onChange.mock.lastCall?.[0].partialCredit).toBe(true);
  });

  it('short answer: one accepted answer per line', () => {
    const { onChange } = editor('short_answer', { prompt, accepted: ['Jakarta'], caseSensitive: false });
    fireEvent.change(screen.getByRole('textbox', { name: /Jawaban yang diterima/ }), { target: { value: 'Jakarta\n\n DKI Jakarta \n' } });
    expect(onChange.mock.lastCall?.[0].accepted).toEqual(['Jakarta', 'DKI Jakarta']);
  });

  it('numeric: answer and tolerance with a decimal comma', () => {
    const { onChange } = editor('numeric', { prompt, answer: 1, tolerance: 0 });
    fireEvent.change(screen.getByRole('textbox', { name: /Jawaban angka/ }), { target: { value: '3,14' } });
    expect(onChange.mock.lastCall?.[0].answer).toBe(3.14);
    fireEvent.change(screen.getByRole('textbox', { name: /Toleransi/ }), { target: { value: '0,01' } });
    expect(onChange.mock.lastCall?.[0].tolerance).toBe(0.01);
  });

  it('matching, ordering, essay and true/false edits update the data', async () => {
    const m = editor('matching', { prompt, pairs: [{ id: 'p', left: 'BKN', right: '' }, { id: 'q', left: 'LAN', right: 'Pelatihan' }], distractors: [] });
    fireEvent.change(screen.getByRole('textbox', { name: 'Pasangan butir 1' }), { target: { value: 'Kepegawaian' } });
    expect(m.onChange.mock.lastCall?.[0].pairs[0]).toEqual({ id: 'p', left: 'BKN', right: 'Kepegawaian' });
    fireEvent.change(screen.getByRole('textbox', { name: /Pengecoh/ }), { target: { value: 'Pajak\nBea' } });
    expect(m.onChange.mock.lastCall?.[0].distractors).toEqual(['Pajak', 'Bea']);
    cleanup();
    const o = editor('ordering', { prompt, items: [{ id: 'x', text: 'Satu' }, { id: 'y', text: 'Dua' }] });
    fireEvent.click(screen.getByRole('button', { name: 'Naikkan: Butir 2' }));
    expect(o.onChange.mock.lastCall?.[0].items.map((i: { id: string }) => i.id)).toEqual(['y', 'x']);
    fireEvent.click(screen.getByRole('button', { name: 'Tambah butir' }));
    expect(o.onChange.mock.lastCall?.[0].items).toHaveLength(3);
    cleanup();
    const e = editor('essay', { prompt });
    fireEvent.change(screen.getByRole('textbox', { name: /Rubrik penilaian/ }), { target: { value: 'Tiga asas' } });
    expect(e.onChange.mock.lastCall?.[0].rubric).toBe('Tiga asas');
    fireEvent.change(screen.getByRole('textbox', { name: /Jumlah kata minimum/ }), { target: { value: '50' } });
    await waitFor(() => expect(e.onChange.mock.lastCall?.[0].minWords).toBe(50));
    cleanup();
    const tf = editor('true_false', { prompt, correct: true });
    fireEvent.click(screen.getByRole('radio', { name: 'Salah' }));
    expect(tf.onChange.mock.lastCall?.[0].correct).toBe(false);
  });
});
