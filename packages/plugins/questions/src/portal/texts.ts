import type { Lang } from '@cakap/plugin-sdk/portal';
import { messages, type QuestionsMessageKey } from '../messages';

/** The words of this plugin's editors, answer forms and reviews. Indonesian first; English by the `lang` prop. */
const id = {
  // shared
  prompt: 'Pertanyaan',
  feedback: 'Umpan balik umum',
  feedbackHint: 'Ditampilkan kepada peserta setelah mengumpulkan, bila pengaturan kuis mengizinkan.',
  optionFeedback: 'Umpan balik untuk pilihan ini',
  optional: '(opsional)',
  remove: 'Hapus',
  moveUp: 'Naikkan',
  moveDown: 'Turunkan',
  right: 'Benar',
  wrong: 'Salah',
  partlyRight: 'Sebagian benar',
  notAnswered: 'Tidak dijawab',
  yourAnswer: 'Jawaban Anda',
  correctAnswer: 'Jawaban benar',
  // choice
  options: 'Pilihan jawaban',
  option: 'Pilihan {n}',
  addOption: 'Tambah pilihan',
  correctOption: 'Jawaban benar',
  correctOptions: 'Tandai semua pilihan yang benar.',
  partialCredit: 'Beri nilai sebagian',
  partialCreditHint: 'Nilai = (pilihan benar yang dipilih − pilihan salah yang dipilih) ÷ jumlah pilihan benar, paling kecil 0. Tanpa ini, nilai penuh hanya bila semua pilihan benar dan tidak ada yang salah.',
  chooseOne: 'Pilih satu jawaban',
  chooseMany: 'Pilih semua jawaban yang benar',
  picked: 'Dipilih',
  notPicked: 'Tidak dipilih',
  shouldPick: 'seharusnya dipilih',
  shouldNotPick: 'seharusnya tidak dipilih',
  // true/false
  statementIs: 'Pernyataan ini',
  true: 'Benar',
  false: 'Salah',
  feedbackTrue: 'Umpan balik bila menjawab Benar',
  feedbackFalse: 'Umpan balik bila menjawab Salah',
  // short answer
  accepted: 'Jawaban yang diterima',
  acceptedHint: 'Satu per baris. Spasi berlebih, huruf besar/kecil, dan tanda aksen tidak dibedakan (kecuali dicentang di bawah).',
  caseSensitive: 'Bedakan huruf besar/kecil dan aksen',
  yourAnswerInput: 'Jawaban Anda',
  acceptedAnswers: 'Jawaban yang diterima',
  // numeric
  numericAnswer: 'Jawaban angka',
  tolerance: 'Toleransi (±)',
  toleranceHint: 'Jawaban dalam rentang jawaban ± toleransi dinilai benar. Isi 0 untuk jawaban tepat.',
  numberInputHint: 'Tulis angka saja, misalnya 3,5 (tanpa titik ribuan).',
  numberInvalid: 'Bukan angka. Tulis misalnya 3,5 atau -2.',
  expected: '{answer} (± {margin})',
  // matching
  pairs: 'Pasangan',
  pairLeft: 'Butir {n}',
  pairRight: 'Pasangan butir {n}',
  addPair: 'Tambah pasangan',
  distractors: 'Pengecoh',
  distractorsHint: 'Jawaban tambahan yang tidak cocok dengan butir mana pun. Satu per baris.',
  matchWith: 'Pasangan untuk: {left}',
  choose: 'Pilih…',
  // ordering
  items: 'Butir dalam urutan yang benar',
  item: 'Butir {n}',
  addItem: 'Tambah butir',
  orderHint: 'Susun dari atas ke bawah dengan tombol Naikkan dan Turunkan.',
  useThisOrder: 'Simpan urutan ini',
  orderSaved: 'Urutan tersimpan.',
  position: 'Urutan {n}',
  shouldBe: 'seharusnya: {text}',
  // essay
  rubric: 'Rubrik penilaian',
  rubricHint: 'Panduan bagi penilai. Tidak pernah ditampilkan kepada peserta.',
  minWords: 'Jumlah kata minimum',
  maxWords: 'Jumlah kata maksimum',
  essayAnswer: 'Jawaban esai Anda',
  wordCount: '{count} kata',
  wordRange: 'Disarankan {min}–{max} kata.',
  wordMin: 'Disarankan paling sedikit {min} kata.',
  wordMax: 'Disarankan paling banyak {max} kata.',
  essayReview: 'Esai dinilai oleh penulis atau admin.',
};

export type Texts = typeof id;

const en: Texts = {
  prompt: 'Question',
  feedback: 'General feedback',
  feedbackHint: 'Shown to learners after they submit, when the quiz settings allow.',
  optionFeedback: 'Feedback for this option',
  optional: '(optional)',
  remove: 'Remove',
  moveUp: 'Move up',
  moveDown: 'Move down',
  right: 'Correct',
  wrong: 'Incorrect',
  partlyRight: 'Partly correct',
  notAnswered: 'Not answered',
  yourAnswer: 'Your answer',
  correctAnswer: 'Correct answer',
  options: 'Options',
  option: 'Option {n}',
  addOption: 'Add an option',
  correctOption: 'Correct answer',
  correctOptions: 'Tick every correct option.',
  partialCredit: 'Give partial credit',
  partialCreditHint: 'Score = (correct options picked − wrong options picked) ÷ number of correct options, at least 0. Without it, full marks only when every correct option and no wrong one is picked.',
  chooseOne: 'Choose one answer',
  chooseMany: 'Choose every correct answer',
  picked: 'Picked',
  notPicked: 'Not picked',
  shouldPick: 'should be picked',
  shouldNotPick: 'should not be picked',
  statementIs: 'This statement is',
  true: 'True',
  false: 'False',
  feedbackTrue: 'Feedback when answering True',
  feedbackFalse: 'Feedback when answering False',
  accepted: 'Accepted answers',
  acceptedHint: 'One per line. Extra spaces, upper/lower case and accents are ignored (unless ticked below).',
  caseSensitive: 'Case and accents matter',
  yourAnswerInput: 'Your answer',
  acceptedAnswers: 'Accepted answers',
  numericAnswer: 'Numeric answer',
  tolerance: 'Tolerance (±)',
  toleranceHint: 'Answers within answer ± tolerance are correct. Enter 0 for an exact answer.',
  numberInputHint: 'Digits only, e.g. 3.5 or 3,5 (no thousands separators).',
  numberInvalid: 'Not a number. Write e.g. 3.5 or -2.',
  expected: '{answer} (± {margin})',
  pairs: 'Pairs',
  pairLeft: 'Item {n}',
  pairRight: 'Match for item {n}',
  addPair: 'Add a pair',
  distractors: 'Distractors',
  distractorsHint: 'Extra answers that match no item. One per line.',
  matchWith: 'Match for: {left}',
  choose: 'Choose…',
  items: 'Items in the correct order',
  item: 'Item {n}',
  addItem: 'Add an item',
  orderHint: 'Order them top to bottom with the Move up and Move down buttons.',
  useThisOrder: 'Keep this order',
  orderSaved: 'Order saved.',
  position: 'Position {n}',
  shouldBe: 'should be: {text}',
  rubric: 'Grading rubric',
  rubricHint: 'Guidance for the grader. Never shown to learners.',
  minWords: 'Minimum words',
  maxWords: 'Maximum words',
  essayAnswer: 'Your essay',
  wordCount: '{count} words',
  wordRange: 'Aim for {min}–{max} words.',
  wordMin: 'Aim for at least {min} words.',
  wordMax: 'Aim for at most {max} words.',
  essayReview: 'Essays are graded by an author or admin.',
};

const TEXTS: Record<Lang, Texts> = { id, en };

export function texts(lang: Lang): Texts {
  return TEXTS[lang] ?? TEXTS.id;
}

/** Fills `{name}` placeholders. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (params[name] === undefined ? m : String(params[name])));
}

/** A validation message of this plugin (the same words the server uses). */
export function message(key: QuestionsMessageKey, lang: Lang): string {
  return (messages[lang] ?? messages.id)[key];
}
