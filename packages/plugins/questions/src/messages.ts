/**
 * The validation messages of this plugin, in both languages. The schemas use these keys as zod
 * custom messages (`'questions.choice.oneCorrect'`); the host merges this catalogue into its own
 * so that a field error reads the same in the api's problem+json and in the studio. Zod's
 * generic issues (required, too long) keep the host's own `validation.*` keys.
 */
export type QuestionsMessageKey =
  | 'questions.prompt.empty'
  | 'questions.id.format'
  | 'questions.id.duplicate'
  | 'questions.text.empty'
  | 'questions.choice.tooFew'
  | 'questions.choice.oneCorrect'
  | 'questions.choice.someCorrect'
  | 'questions.shortAnswer.noAccepted'
  | 'questions.numeric.format'
  | 'questions.matching.tooFew'
  | 'questions.matching.distractor'
  | 'questions.ordering.tooFew'
  | 'questions.ordering.duplicateText'
  | 'questions.essay.wordRange'
  | 'questions.answer.duplicate';

export const messages: { id: Record<QuestionsMessageKey, string>; en: Record<QuestionsMessageKey, string> } = {
  id: {
    'questions.prompt.empty': 'Pertanyaan masih kosong. Tulis pertanyaannya terlebih dahulu.',
    'questions.id.format': 'Kode butir tidak valid (1–40 huruf, angka, - atau _).',
    'questions.id.duplicate': 'Kode butir ini dipakai lebih dari sekali. Setiap pilihan atau butir harus punya kode sendiri.',
    'questions.text.empty': 'Teks ini masih kosong.',
    'questions.choice.tooFew': 'Sediakan paling sedikit dua pilihan jawaban.',
    'questions.choice.oneCorrect': 'Tandai tepat satu pilihan sebagai jawaban benar.',
    'questions.choice.someCorrect': 'Tandai paling sedikit satu pilihan sebagai jawaban benar.',
    'questions.shortAnswer.noAccepted': 'Tulis paling sedikit satu jawaban yang diterima.',
    'questions.numeric.format': 'Tulis sebuah angka, misalnya 3,5 atau -2.',
    'questions.matching.tooFew': 'Sediakan paling sedikit dua pasangan.',
    'questions.matching.distractor': 'Pengecoh ini sama dengan salah satu jawaban pasangan. Pengecoh harus berbeda dari semua jawaban.',
    'questions.ordering.tooFew': 'Sediakan paling sedikit dua butir untuk diurutkan.',
    'questions.ordering.duplicateText': 'Teks butir ini sama dengan butir lain. Setiap butir harus berbeda agar urutannya bisa dinilai.',
    'questions.essay.wordRange': 'Jumlah kata minimum tidak boleh lebih besar dari jumlah kata maksimum.',
    'questions.answer.duplicate': 'Jawaban memuat pilihan yang sama lebih dari sekali.',
  },
  en: {
    'questions.prompt.empty': 'The question is empty. Write the question first.',
    'questions.id.format': 'This item code is not valid (1–40 letters, digits, - or _).',
    'questions.id.duplicate': 'This item code is used more than once. Every option or item needs its own code.',
    'questions.text.empty': 'This text is empty.',
    'questions.choice.tooFew': 'Give at least two options.',
    'questions.choice.oneCorrect': 'Mark exactly one option as the correct answer.',
    'questions.choice.someCorrect': 'Mark at least one option as correct.',
    'questions.shortAnswer.noAccepted': 'Write at least one accepted answer.',
    'questions.numeric.format': 'Write a number, e.g. 3.5 or -2.',
    'questions.matching.tooFew': 'Give at least two pairs.',
    'questions.matching.distractor': 'This distractor is the same as the answer of a pair. Distractors must differ from every answer.',
    'questions.ordering.tooFew': 'Give at least two items to put in order.',
    'questions.ordering.duplicateText': 'This item has the same text as another. Items must differ for their order to be graded.',
    'questions.essay.wordRange': 'The minimum number of words cannot be more than the maximum.',
    'questions.answer.duplicate': 'The answer names the same option more than once.',
  },
};
