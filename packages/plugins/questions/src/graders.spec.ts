import type { z } from 'zod';
import plugin, { messages, normalizeShortAnswer, parseNumber, textId } from './index';
import { singleChoice } from './single-choice';
import { multipleChoice } from './multiple-choice';
import { trueFalse } from './true-false';
import { shortAnswer } from './short-answer';
import { numeric } from './numeric';
import { matching } from './matching';
import { ordering } from './ordering';
import { essay } from './essay';

/** The message keys of a refused parse, by field path. */
function refusals(schema: z.ZodType, input: unknown): Record<string, string> {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a refusal');
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

const prompt = '<p>Pertanyaan</p>';
const opts = (correct: boolean[]) =>
  correct.map((c, i) => ({ id: `o${i}`, text: `Pilihan ${i}`, correct: c, feedback: c ? undefined : `salah ${i}` }));

describe('the plugin', () => {
  it('registers the eight types with unique keys and a catalogue for every message key', () => {
    expect(plugin.id).toBe('@cakap/plugin-questions');
    expect(plugin.questionTypes.map((t) => t.key)).toEqual([
      'single_choice', 'multiple_choice', 'true_false', 'short_answer', 'numeric', 'matching', 'ordering', 'essay',
    ]);
    expect(plugin.questionTypes.filter((t) => t.manualGrading).map((t) => t.key)).toEqual(['essay']);
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.id).sort());
    expect(plugin.messages).toBe(messages);
  });
});

describe('the prompt', () => {
  it('is sanitised: scripts and event handlers never survive', () => {
    const data = singleChoice.authorSchema.parse({
      prompt: '<p onclick="x()">Ibu kota <strong>Indonesia</strong>?</p><script>alert(1)</script><img src=x onerror="alert(1)"><a href="javascript:alert(1)">tautan</a>',
      options: opts([true, false]),
    });
    expect(data.prompt).toBe('<p>Ibu kota <strong>Indonesia</strong>?</p>tautan');
    expect(data.prompt).not.toMatch(/script|onerror|onclick|javascript/i);
    expect(singleChoice.summarize?.(data)).toBe('Ibu kota Indonesia? tautan');
  });

  it('must hold text once the tags are gone', () => {
    for (const p of ['', '<p> </p>', '<script>alert(1)</script>', '<img src=x>']) {
      expect(refusals(singleChoice.authorSchema, { prompt: p, options: opts([true, false]) })).toEqual({ prompt: 'questions.prompt.empty' });
    }
  });
});

describe('single_choice', () => {
  const data = singleChoice.authorSchema.parse({ prompt, options: opts([false, true, false]), feedback: 'Lihat modul 2.' });

  it('grades the picked option, with its feedback', () => {
    expect(singleChoice.grade(data, 'o1')).toEqual({ score: 1, max: 1, feedback: 'Lihat modul 2.' });
    expect(singleChoice.grade(data, 'o0')).toEqual({ score: 0, max: 1, feedback: 'salah 0\nLihat modul 2.' });
  });

  it('an absent answer or an unknown option scores 0', () => {
    expect(singleChoice.grade(data, undefined).score).toBe(0);
    expect(singleChoice.grade(data, 'nope').score).toBe(0);
  });

  it('refuses no correct option, two correct options, one option, duplicate ids, bad ids', () => {
    expect(refusals(singleChoice.authorSchema, { prompt, options: opts([false, false]) })).toEqual({ options: 'questions.choice.oneCorrect' });
    expect(refusals(singleChoice.authorSchema, { prompt, options: opts([true, true]) })).toEqual({ options: 'questions.choice.oneCorrect' });
    expect(refusals(singleChoice.authorSchema, { prompt, options: opts([true]) })).toEqual({ options: 'questions.choice.tooFew' });
    const dup = opts([true, false]).map((o) => ({ ...o, id: 'a' }));
    expect(refusals(singleChoice.authorSchema, { prompt, options: dup })).toEqual({ 'options.1.id': 'questions.id.duplicate' });
    const bad = opts([true, false]);
    bad[0].id = 'a b';
    bad[1].text = '  ';
    expect(refusals(singleChoice.authorSchema, { prompt, options: bad })).toEqual({
      'options.0.id': 'questions.id.format',
      'options.1.text': 'questions.text.empty',
    });
  });

  it('answers are option ids', () => {
    expect(singleChoice.answerSchema.safeParse('o1').success).toBe(true);
    expect(singleChoice.answerSchema.safeParse(1).success).toBe(false);
    expect(singleChoice.answerSchema.safeParse('<x>').success).toBe(false);
  });

  it('review names the correct option', () => {
    expect(singleChoice.toReview?.(data)).toEqual({ correctId: 'o1', optionFeedback: { o0: 'salah 0', o2: 'salah 2' }, feedback: 'Lihat modul 2.' });
  });
});

describe('multiple_choice', () => {
  const options = opts([true, true, false, false]);
  const strict = multipleChoice.authorSchema.parse({ prompt, options });
  const partial = multipleChoice.authorSchema.parse({ prompt, options, partialCredit: true });

  it('without partial credit only the exact set scores', () => {
    expect(strict.partialCredit).toBe(false);
    expect(multipleChoice.grade(strict, ['o1', 'o0']).score).toBe(1);
    expect(multipleChoice.grade(strict, ['o0']).score).toBe(0);
    expect(multipleChoice.grade(strict, ['o0', 'o1', 'o2']).score).toBe(0);
  });

  it('with partial credit: (right − wrong) / correct, floored at 0', () => {
    expect(multipleChoice.grade(partial, ['o0', 'o1']).score).toBe(1);
    expect(multipleChoice.grade(partial, ['o0']).score).toBe(0.5);
    expect(multipleChoice.grade(partial, ['o0', 'o2']).score).toBe(0);
    expect(multipleChoice.grade(partial, ['o0', 'o1', 'o2']).score).toBe(0.5);
    expect(multipleChoice.grade(partial, ['o2', 'o3']).score).toBe(0);
    expect(multipleChoice.grade(partial, ['o0', 'o1', 'o2', 'o3']).score).toBe(0);
  });

  it('empty, absent and unknown picks earn nothing; unknown ids are ignored', () => {
    for (const d of [strict, partial]) {
      expect(multipleChoice.grade(d, undefined).score).toBe(0);
      expect(multipleChoice.grade(d, []).score).toBe(0);
      expect(multipleChoice.grade(d, ['zz']).score).toBe(0);
      expect(multipleChoice.grade(d, ['o0', 'o1', 'zz']).score).toBe(1);
    }
  });

  it('collects the feedback of every picked option', () => {
    expect(multipleChoice.grade(partial, ['o0', 'o2', 'o3']).feedback).toBe('salah 2\nsalah 3');
  });

  it('refuses an answer naming an option twice, and a question with no correct option', () => {
    expect(refusals(multipleChoice.answerSchema, ['o0', 'o0'])).toEqual({ '': 'questions.answer.duplicate' });
    // duplicates that slip past the schema are counted once
    expect(multipleChoice.grade(partial, ['o0', 'o0']).score).toBe(0.5);
    expect(refusals(multipleChoice.authorSchema, { prompt, options: opts([false, false]) })).toEqual({ options: 'questions.choice.someCorrect' });
  });

  it('review lists the correct options', () => {
    expect(multipleChoice.toReview?.(strict)).toMatchObject({ correctIds: ['o0', 'o1'] });
  });
});

describe('true_false', () => {
  const data = trueFalse.authorSchema.parse({ prompt, correct: false, feedbackTrue: 'Bukan.', feedbackFalse: 'Tepat.' });

  it('grades the boolean with the feedback of the chosen answer', () => {
    expect(trueFalse.grade(data, false)).toEqual({ score: 1, max: 1, feedback: 'Tepat.' });
    expect(trueFalse.grade(data, true)).toEqual({ score: 0, max: 1, feedback: 'Bukan.' });
    expect(trueFalse.grade(data, undefined)).toEqual({ score: 0, max: 1 });
  });

  it('answers are booleans only', () => {
    expect(trueFalse.answerSchema.safeParse('true').success).toBe(false);
    expect(Object.keys(refusals(trueFalse.authorSchema, { prompt }))).toEqual(['correct']);
  });
});

describe('short_answer', () => {
  const data = shortAnswer.authorSchema.parse({ prompt, accepted: ['Éndah Sari', 'Kementerian  PAN-RB', "Jum'at"] });

  it.each([
    ['Éndah Sari', 1],
    ['endah sari', 1],
    ['  ENDAH   sari ', 1],
    ['Endah\tSari.', 1],
    ['ｅｎｄａｈ ｓａｒｉ', 1], // full-width letters (NFKC)
    ['Ende\u0301ah Sari', 0], // a different word
    ['E\u0301ndah Sari', 1], // decomposed accent
    ['kementerian pan–rb', 1], // phone keyboards turn - into an en dash
    ['Endah\u200B Sari', 1], // a zero-width space pasted from a chat
    ['endah\u00A0sari', 1], // a no-break space
    ['jum’at', 1], // a typographic apostrophe
    ['Endah', 0],
    ['', 0],
    ['   ', 0],
  ])('%j scores %d when not case sensitive', (answer, score) => {
    expect(shortAnswer.grade(data, answer).score).toBe(score);
  });

  it('an absent answer scores 0', () => {
    expect(shortAnswer.grade(data, undefined)).toEqual({ score: 0, max: 1 });
  });

  it('case sensitive compares letters and accents exactly, white space still normalised', () => {
    const cs = shortAnswer.authorSchema.parse({ prompt, accepted: ['NIP'], caseSensitive: true });
    expect(shortAnswer.grade(cs, ' NIP ').score).toBe(1);
    expect(shortAnswer.grade(cs, 'nip').score).toBe(0);
    expect(normalizeShortAnswer('Éndah', true)).toBe('Éndah');
    expect(normalizeShortAnswer('Éndah', false)).toBe('endah');
  });

  it('refuses no accepted answer, an empty one, and answers over 500 characters', () => {
    expect(refusals(shortAnswer.authorSchema, { prompt, accepted: [] })).toEqual({ accepted: 'questions.shortAnswer.noAccepted' });
    expect(refusals(shortAnswer.authorSchema, { prompt, accepted: ['a', ' '] })).toEqual({ 'accepted.1': 'questions.text.empty' });
    expect(shortAnswer.answerSchema.safeParse('x'.repeat(500)).success).toBe(true);
    expect(shortAnswer.answerSchema.safeParse('x'.repeat(501)).success).toBe(false);
  });
});

describe('numeric', () => {
  const data = numeric.authorSchema.parse({ prompt, answer: 3.14, tolerance: 0.01 });
  const answer = (v: unknown) => numeric.answerSchema.parse(v);

  it('parses the Indonesian decimal comma and plain numbers strictly', () => {
    expect(answer('3,5')).toBe(3.5);
    expect(answer(' -2 ')).toBe(-2);
    expect(answer('\u22122,25')).toBe(-2.25);
    expect(answer('.5')).toBe(0.5);
    expect(answer(7)).toBe(7);
    for (const bad of ['abc', '1e999', '1e3', '', ' ', '1.000,5', '1 000', 'Infinity', 'NaN', '0x10', '3,5,1', Number.NaN]) {
      expect(refusals(numeric.answerSchema, bad)).toEqual({ '': expect.any(String) });
    }
    expect(refusals(numeric.answerSchema, 'abc')).toEqual({ '': 'questions.numeric.format' });
    expect(parseNumber('1'.repeat(400))).toBeNull();
  });

  it('accepts answers within the tolerance, boundaries included', () => {
    expect(numeric.grade(data, 3.14).score).toBe(1);
    expect(numeric.grade(data, 3.15).score).toBe(1);
    expect(numeric.grade(data, 3.13).score).toBe(1);
    expect(numeric.grade(data, answer('3,15')).score).toBe(1);
    expect(numeric.grade(data, 3.1501).score).toBe(0);
    expect(numeric.grade(data, 3.1299).score).toBe(0);
    expect(numeric.grade(data, undefined).score).toBe(0);
  });

  it('with no tolerance only the exact value scores', () => {
    const exact = numeric.authorSchema.parse({ prompt, answer: 17 });
    expect(exact.tolerance).toBe(0);
    expect(numeric.grade(exact, 17).score).toBe(1);
    expect(numeric.grade(exact, 17.001).score).toBe(0);
  });

  it('refuses a negative tolerance', () => {
    expect(Object.keys(refusals(numeric.authorSchema, { prompt, answer: 1, tolerance: -1 }))).toEqual(['tolerance']);
  });
});

describe('matching', () => {
  const data = matching.authorSchema.parse({
    prompt,
    pairs: [
      { id: 'a', left: 'Jakarta', right: 'DKI' },
      { id: 'b', left: 'Bandung', right: 'Jawa Barat' },
      { id: 'c', left: 'Bogor', right: 'Jawa Barat' },
    ],
    distractors: ['Bali'],
  });
  const dki = textId('DKI');
  const jabar = textId('Jawa Barat');
  const bali = textId('Bali');

  it('scores the fraction of pairs matched', () => {
    expect(matching.grade(data, { a: dki, b: jabar, c: jabar }).score).toBe(1);
    expect(matching.grade(data, { a: dki, b: bali, c: jabar }).score).toBeCloseTo(2 / 3);
    expect(matching.grade(data, { a: bali }).score).toBe(0);
    expect(matching.grade(data, { zz: dki }).score).toBe(0);
    expect(matching.grade(data, {}).score).toBe(0);
    expect(matching.grade(data, undefined).score).toBe(0);
  });

  it('right ids come from the right texts, never from the pairs', () => {
    expect(new Set([dki, jabar, bali]).size).toBe(3);
    for (const id of [dki, jabar, bali]) expect(id).toMatch(/^r[0-9a-z]{14}$/);
    expect(textId(' DKI ')).toBe(dki);
  });

  it('refuses one pair, duplicate pair ids and a distractor equal to an answer', () => {
    expect(refusals(matching.authorSchema, { prompt, pairs: [{ id: 'a', left: 'x', right: 'y' }] })).toEqual({ pairs: 'questions.matching.tooFew' });
    const pairs = [{ id: 'a', left: 'x', right: 'y' }, { id: 'a', left: 'z', right: 'w' }];
    expect(refusals(matching.authorSchema, { prompt, pairs })).toEqual({ 'pairs.1.id': 'questions.id.duplicate' });
    expect(refusals(matching.authorSchema, { prompt, pairs: [pairs[0], { ...pairs[1], id: 'b' }], distractors: ['q', ' y'] })).toEqual({
      'distractors.1': 'questions.matching.distractor',
    });
  });

  it('answers map item ids to item ids', () => {
    expect(matching.answerSchema.safeParse({ a: dki }).success).toBe(true);
    expect(matching.answerSchema.safeParse({ a: 3 }).success).toBe(false);
    expect(matching.answerSchema.safeParse(['a']).success).toBe(false);
  });

  it('review lists each left with its right id', () => {
    expect(matching.toReview?.(data)).toEqual({
      matches: [{ leftId: 'a', rightId: dki }, { leftId: 'b', rightId: jabar }, { leftId: 'c', rightId: jabar }],
    });
  });
});

describe('ordering', () => {
  const texts = ['Usulan', 'Verifikasi', 'Persetujuan', 'Penetapan'];
  const data = ordering.authorSchema.parse({ prompt, items: texts.map((text, i) => ({ id: `s${i}`, text })) });
  // Learners name items by their text ids (what the learner view gives them).
  const [s0, s1, s2, s3] = texts.map(textId);

  it('gives per-position credit', () => {
    expect(ordering.grade(data, [s0, s1, s2, s3]).score).toBe(1);
    expect(ordering.grade(data, [s0, s1, s3, s2]).score).toBe(0.5);
    expect(ordering.grade(data, [s1, s2, s3, s0]).score).toBe(0);
    expect(ordering.grade(data, [s0]).score).toBe(0.25);
    expect(ordering.grade(data, []).score).toBe(0);
    expect(ordering.grade(data, undefined).score).toBe(0);
    expect(ordering.grade(data, ['zz', s1, 'yy', s3]).score).toBe(0.5);
    // the stored ids are not what learners answer with
    expect(ordering.grade(data, ['s0', 's1', 's2', 's3']).score).toBe(0);
  });

  it('refuses a repeated id in the answer, fewer than two items and two equal texts', () => {
    expect(refusals(ordering.answerSchema, [s0, s0])).toEqual({ '': 'questions.answer.duplicate' });
    expect(refusals(ordering.authorSchema, { prompt, items: [{ id: 'a', text: 'x' }] })).toEqual({ items: 'questions.ordering.tooFew' });
    expect(refusals(ordering.authorSchema, { prompt, items: [{ id: 'a', text: 'x' }, { id: 'b', text: ' x ' }] })).toEqual({
      'items.1.text': 'questions.ordering.duplicateText',
    });
  });

  it('review gives the right order', () => {
    expect(ordering.toReview?.(data)).toEqual({ correctOrder: [s0, s1, s2, s3] });
  });
});

describe('essay', () => {
  const data = essay.authorSchema.parse({ prompt, rubric: 'Nilai penuh bila menyebut tiga asas.', minWords: 50, maxWords: 300 });

  it('waits for a person; an empty essay scores 0 at once', () => {
    expect(essay.grade(data, 'Asas pelayanan publik adalah ...')).toEqual({ score: 0, max: 1, needsGrading: true });
    expect(essay.grade(data, '  \n ')).toEqual({ score: 0, max: 1, needsGrading: false });
    expect(essay.grade(data, undefined)).toEqual({ score: 0, max: 1, needsGrading: false });
  });

  it('limits answers to 20,000 characters', () => {
    expect(essay.answerSchema.safeParse('x'.repeat(20_000)).success).toBe(true);
    expect(essay.answerSchema.safeParse('x'.repeat(20_001)).success).toBe(false);
  });

  it('refuses a minimum above the maximum', () => {
    expect(refusals(essay.authorSchema, { prompt, minWords: 10, maxWords: 5 })).toEqual({ minWords: 'questions.essay.wordRange' });
  });

  it('review never carries the rubric', () => {
    expect(JSON.stringify(essay.toReview?.(data))).not.toContain('asas');
  });
});
