import { t } from '@cakap/contracts';
import { exportGift, GIFT_ERROR_KEYS, parseGift, type GiftQuestion } from './gift';

/** The questions without their line numbers (which change when a file is rewritten). */
const content = (qs: GiftQuestion[]) => qs.map(({ line: _line, ...q }) => q);

function parseOk(text: string): GiftQuestion[] {
  const { questions, errors } = parseGift(text);
  expect(errors).toEqual([]);
  return questions;
}

/** A bank as Moodle exports it: categories, comments, titles, escapes, CRLF line ends. */
const MOODLE_SAMPLE = [
  '// question: 0  name: Switch category to $course$/top/Default for ASN/Etika',
  '$CATEGORY: $course$/top/Default for ASN/Etika',
  '',
  '',
  '// question: 101  name: Asas netralitas',
  '::Asas netralitas::[html]<p>Asas yang berarti ASN tidak berpihak\\: <strong>?</strong></p>{',
  '\t=Netralitas#Benar.',
  '\t~Loyalitas#Bukan, itu nilai dasar lain.',
  '\t~Kekeluargaan',
  '####Lihat UU 20/2023 pasal 2.',
  '}',
  '',
  '// question: 102  name: Nilai BerAKHLAK',
  '::Nilai BerAKHLAK::Pilih nilai dasar ASN BerAKHLAK {',
  '~%50%Berorientasi pelayanan',
  '~%50%Akuntabel',
  '~%-100%Apatis',
  '}',
  '',
  '::TF::Skor 1 \\= 100 \\{persen\\} {FALSE#Salah, 1 adalah 1.#Tepat.}',
  '',
  '$CATEGORY: $course$/top/Default for ASN/Hitungan',
  '',
  '::Cuti::Berapa hari cuti tahunan ASN? {#12}',
  '',
  '::Pi::Nilai pi {#3.14:0.01}',
  '',
  '::Rentang::Umur pensiun (tahun) {#56..60}',
  '',
  '::Ibu kota::Ibu kota Indonesia adalah {=Jakarta =DKI Jakarta}.',
  '',
  '::Lembaga::Jodohkan lembaga dengan tugasnya. {',
  '=BKN -> Manajemen kepegawaian',
  '=LAN -> Pelatihan',
  '= -> Perpajakan',
  '####Lihat struktur kelembagaan.',
  '}',
  '',
  '::Refleksi::Ceritakan pengalaman Anda menerapkan nilai dasar ASN. {}',
  '',
].join('\r\n');

describe('parseGift', () => {
  it('reads a Moodle-style bank: categories, comments, titles, escapes, every GIFT type', () => {
    const { questions, errors } = parseGift(MOODLE_SAMPLE);
    expect(errors).toEqual([]);
    const etika = ['Default for ASN', 'Etika'];
    const hitungan = ['Default for ASN', 'Hitungan'];
    expect(questions).toEqual([
      {
        line: 6,
        category: etika,
        title: 'Asas netralitas',
        type: 'single_choice',
        data: {
          prompt: '<p>Asas yang berarti ASN tidak berpihak: <strong>?</strong></p>',
          options: [
            { id: 'o1', text: 'Netralitas', correct: true, feedback: 'Benar.' },
            { id: 'o2', text: 'Loyalitas', correct: false, feedback: 'Bukan, itu nilai dasar lain.' },
            { id: 'o3', text: 'Kekeluargaan', correct: false },
          ],
          feedback: 'Lihat UU 20/2023 pasal 2.',
        },
      },
      {
        line: 14,
        category: etika,
        title: 'Nilai BerAKHLAK',
        type: 'multiple_choice',
        data: {
          prompt: '<p>Pilih nilai dasar ASN BerAKHLAK</p>',
          options: [
            { id: 'o1', text: 'Berorientasi pelayanan', correct: true },
            { id: 'o2', text: 'Akuntabel', correct: true },
            { id: 'o3', text: 'Apatis', correct: false },
          ],
          partialCredit: true,
        },
      },
      {
        line: 20,
        category: etika,
        title: 'TF',
        type: 'true_false',
        data: { prompt: '<p>Skor 1 = 100 {persen}</p>', correct: false, feedbackTrue: 'Salah, 1 adalah 1.', feedbackFalse: 'Tepat.' },
      },
      { line: 24, category: hitungan, title: 'Cuti', type: 'numeric', data: { prompt: '<p>Berapa hari cuti tahunan ASN?</p>', answer: 12, tolerance: 0 } },
      { line: 26, category: hitungan, title: 'Pi', type: 'numeric', data: { prompt: '<p>Nilai pi</p>', answer: 3.14, tolerance: 0.01 } },
      { line: 28, category: hitungan, title: 'Rentang', type: 'numeric', data: { prompt: '<p>Umur pensiun (tahun)</p>', answer: 58, tolerance: 2 } },
      {
        line: 30,
        category: hitungan,
        title: 'Ibu kota',
        type: 'short_answer',
        data: { prompt: '<p>Ibu kota Indonesia adalah _____ .</p>', accepted: ['Jakarta', 'DKI Jakarta'], caseSensitive: false },
      },
      {
        line: 32,
        category: hitungan,
        title: 'Lembaga',
        type: 'matching',
        data: {
          prompt: '<p>Jodohkan lembaga dengan tugasnya.</p>',
          pairs: [
            { id: 'p1', left: 'BKN', right: 'Manajemen kepegawaian' },
            { id: 'p2', left: 'LAN', right: 'Pelatihan' },
          ],
          distractors: ['Perpajakan'],
          feedback: 'Lihat struktur kelembagaan.',
        },
      },
      {
        line: 39,
        category: hitungan,
        title: 'Refleksi',
        type: 'essay',
        data: { prompt: '<p>Ceritakan pengalaman Anda menerapkan nilai dasar ASN.</p>' },
      },
    ]);
  });

  it('two questions without a blank line between them are one bad question', () => {
    const { questions, errors } = parseGift('::A::Satu {#1}\n::B::Dua {#2}\n\n::C::Tiga {T}');
    expect(errors).toEqual([{ line: 1, key: 'quiz.gift.oneAnswerBlock', params: {} }]);
    expect(questions.map((q) => q.title)).toEqual(['C']);
  });

  it('reads true/false spellings, numeric forms and feedback', () => {
    const qs = parseOk(
      [
        'Langit biru {T}',
        '',
        'Api dingin {F#Api itu panas.}',
        '',
        'Bumi bulat {TRUE####Umum}',
        '',
        'Suhu {#-5:0.5#Dingin sekali}',
        '',
        'Tahun {#=1945:0 =%50%1944:1}',
        '',
        'Rentang terbalik {#10..4}',
      ].join('\n'),
    );
    expect(qs.map((q) => [q.type, q.data])).toEqual([
      ['true_false', { prompt: '<p>Langit biru</p>', correct: true }],
      ['true_false', { prompt: '<p>Api dingin</p>', correct: false, feedbackTrue: 'Api itu panas.' }],
      ['true_false', { prompt: '<p>Bumi bulat</p>', correct: true, feedback: 'Umum' }],
      ['numeric', { prompt: '<p>Suhu</p>', answer: -5, tolerance: 0.5, feedback: 'Dingin sekali' }],
      ['numeric', { prompt: '<p>Tahun</p>', answer: 1945, tolerance: 0 }],
      ['numeric', { prompt: '<p>Rentang terbalik</p>', answer: 7, tolerance: 3 }],
    ]);
  });

  it('escapes plain prompts as HTML and keeps line breaks; [markdown] is plain text', () => {
    const [q] = parseOk('[markdown]Apakah a < b & "c"?\\nYa atau **tidak** {T}');
    expect(q.data.prompt).toBe('<p>Apakah a &lt; b &amp; &quot;c&quot;?<br>Ya atau **tidak**</p>');
  });

  it('options of an [html] question become plain text', () => {
    const [q] = parseOk('[html]<p>Pilih</p>{=<b>Satu</b> &amp; dua ~Tiga&lt;4}');
    expect(q.data.options).toEqual([
      { id: 'o1', text: 'Satu & dua', correct: true },
      { id: 'o2', text: 'Tiga<4', correct: false },
    ]);
  });

  it('weights: one full-credit option is single choice, several positive weights are multiple choice', () => {
    const [single, multi] = parseOk('Satu {~%100%a ~%-50%b ~c}\n\nDua {~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-100%d}');
    expect(single.type).toBe('single_choice');
    expect(single.data.options).toEqual([
      { id: 'o1', text: 'a', correct: true },
      { id: 'o2', text: 'b', correct: false },
      { id: 'o3', text: 'c', correct: false },
    ]);
    expect(multi.type).toBe('multiple_choice');
    expect(multi.data.partialCredit).toBe(true);
    expect((multi.data.options as { correct: boolean }[]).map((o) => o.correct)).toEqual([true, true, true, false]);
  });

  it('a category of just `top` (or empty) is the bank root; // in a name is a slash', () => {
    const qs = parseOk('$CATEGORY: $course$/top/A//B/C\n\nX {T}\n\n$CATEGORY: $course$/top\n\nY {T}\n\n$CATEGORY:\nZ {T}');
    expect(qs.map((q) => q.category)).toEqual([['A/B', 'C'], null, null]);
    expect(qs[2].line).toBe(10);
  });

  it('reports bad questions with the line they start on, in Indonesian, and still reads the rest', () => {
    const text = [
      '// bank rusak',
      '::Baik::Pertanyaan baik {T}',
      '',
      '::Kurawal::Pertanyaan tanpa penutup {',
      '=a',
      '~b',
      '',
      '::Tanpa benar::Pilih {',
      '~a',
      '~b',
      '}',
      '',
      '// komentar sebelum soal',
      '::Angka::Berapa? {#tiga}',
      '',
      'Tidak ada blok jawaban',
      '',
      '{=a ~b}',
      '',
      'Isian berbobot {=a =%50%b}',
      '',
      'Jodoh {=a -> b =c}',
      '',
      '// cakap:points=-1',
      'Poin {T}',
    ].join('\n');
    const { questions, errors } = parseGift(text);
    expect(questions.map((q) => q.title)).toEqual(['Baik']);
    expect(errors).toEqual([
      { line: 4, key: 'quiz.gift.unclosedBrace', params: {} },
      { line: 8, key: 'quiz.gift.noCorrect', params: {} },
      { line: 14, key: 'quiz.gift.numericFormat', params: { value: 'tiga' } },
      { line: 16, key: 'quiz.gift.noAnswerBlock', params: {} },
      { line: 18, key: 'quiz.gift.emptyPrompt', params: {} },
      { line: 20, key: 'quiz.gift.shortAnswerWeight', params: {} },
      { line: 22, key: 'quiz.gift.matchingPair', params: {} },
      { line: 25, key: 'quiz.gift.badPoints', params: { value: '-1' } },
    ]);
  });

  it('has a text in both languages for every error it reports', () => {
    for (const key of GIFT_ERROR_KEYS) {
      for (const lang of ['id', 'en'] as const) expect(t(key, lang, { value: 'x' })).not.toBe(key);
    }
    expect(t('quiz.gift.numericFormat', 'en', { value: 'tiga' })).toBe('numeric answer format not recognised: "tiga" (example: #3.14:0.01 or #1..5)');
  });

  it('refuses numbers it cannot read exactly', () => {
    for (const spec of ['#1e999', '#3,14', '#1..', '#..5', '#1:abc', '#=%50%3']) {
      const { errors } = parseGift(`Angka {${spec}}`);
      expect(errors).toHaveLength(1);
      expect(errors[0].line).toBe(1);
    }
  });
});

describe('exportGift', () => {
  /** One question of every type, as the question types store them (validated author data). */
  const BANK = [
    {
      category: ['Etika', 'Dasar/Lanjut'],
      title: 'Pilih satu: a=b?',
      type: 'single_choice',
      points: 2,
      data: {
        prompt: '<p>Nilai {dasar} ASN: <em>mana</em> yang benar? a = b # c ~ d: e</p>',
        options: [
          { id: 'k9', text: 'Netral -> tidak berpihak', correct: true, feedback: 'Ya: benar #1' },
          { id: 'k2', text: 'a < b & c', correct: false },
        ],
        feedback: 'Umum\nbaris dua',
      },
    },
    {
      category: ['Etika', 'Dasar/Lanjut'],
      type: 'multiple_choice',
      data: {
        prompt: '<p>Pilih semua</p>',
        options: [
          { id: 'a', text: 'Satu', correct: true },
          { id: 'b', text: 'Dua', correct: false, feedback: 'Bukan' },
          { id: 'c', text: 'Tiga', correct: true },
        ],
        partialCredit: true,
      },
    },
    {
      category: ['Etika', 'Dasar/Lanjut'],
      type: 'multiple_choice',
      data: {
        prompt: '<p>Satu benar, tetapi boleh memilih beberapa</p>',
        options: [
          { id: 'a', text: 'Satu', correct: true },
          { id: 'b', text: 'Dua', correct: false },
          { id: 'c', text: 'Tiga', correct: false },
        ],
        partialCredit: false,
      },
    },
    { category: null, type: 'true_false', data: { prompt: '<p>Benar?</p>', correct: true, feedbackFalse: 'Keliru' } },
    { category: null, type: 'true_false', data: { prompt: '<p>Salah?</p>', correct: false, feedbackTrue: 'X', feedbackFalse: 'Y', feedback: 'Z' } },
    { category: null, type: 'short_answer', data: { prompt: '<p>Kode</p>', accepted: ['NIP', 'N.I.P'], caseSensitive: true } },
    { category: ['Hitung'], type: 'numeric', data: { prompt: '<p>Pi</p>', answer: 3.14159, tolerance: 0.001, feedback: 'Kira-kira' } },
    { category: ['Hitung'], type: 'numeric', data: { prompt: '<p>Kecil</p>', answer: 1e-7, tolerance: 0 } },
    {
      category: ['Hitung'],
      type: 'matching',
      data: {
        prompt: '<p>Jodohkan</p>',
        pairs: [
          { id: 'x', left: 'BKN', right: 'Kepegawaian' },
          { id: 'y', left: 'LAN', right: 'Pelatihan: dasar' },
        ],
        distractors: ['Pajak'],
      },
    },
    {
      category: ['Hitung'],
      type: 'ordering',
      data: { prompt: '<p>Urutkan</p>', items: [{ id: 'q', text: 'Usulan' }, { id: 'r', text: 'Verifikasi' }, { id: 's', text: 'Penetapan' }] },
    },
    {
      category: ['Hitung'],
      type: 'essay',
      data: { prompt: '<p>Tulis</p>', rubric: 'tidak diekspor', minWords: 50, maxWords: 300, feedback: 'Terima kasih' },
    },
    { category: ['Hitung'], type: 'essay', data: { prompt: '<p>Bebas</p>' } },
  ];

  it('exports every type so that parsing gives the same questions back (ids renumbered)', () => {
    const text = exportGift(BANK);
    const back = parseOk(text);
    expect(back.map((q) => q.type)).toEqual(BANK.map((q) => q.type));
    back.forEach((q, i) => {
      const src = BANK[i];
      expect(q.category).toEqual(src.category);
      expect(q.title).toBe(src.title);
      expect(q.points).toBe(src.points);
      const { rubric: _rubric, ...data } = src.data as Record<string, unknown>;
      const renumber = (list: unknown, prefix: string) =>
        (list as { id: string }[]).map((item, n) => ({ ...item, id: `${prefix}${n + 1}` }));
      if (data.options) data.options = renumber(data.options, 'o');
      if (data.pairs) data.pairs = renumber(data.pairs, 'p');
      if (data.items) data.items = renumber(data.items, 'i');
      expect(q.data).toEqual(data);
    });
  });

  it('writes Moodle-readable GIFT', () => {
    const text = exportGift(BANK.slice(0, 2));
    expect(text).toContain('$CATEGORY: $course$/top/Etika/Dasar//Lanjut\n');
    expect(text).toContain('// cakap:points=2\n::Pilih satu\\: a\\=b?::[html]<p>Nilai \\{dasar\\} ASN');
    expect(text).toContain('=Netral -&gt; tidak berpihak#Ya\\: benar \\#1\n~a &lt; b &amp; c\n####Umum\\nbaris dua}');
    expect(text).toContain('~%50%Satu\n~%-50%Dua#Bukan\n~%50%Tiga');
  });

  it('round trip: parse, export and parse again gives the same questions, for every type', () => {
    const first = parseOk(MOODLE_SAMPLE);
    const again = parseOk(exportGift(first));
    expect(content(again)).toEqual(content(first));
    const second = parseOk(exportGift(BANK));
    expect(content(parseOk(exportGift(second)))).toEqual(content(second));
    expect(new Set(second.map((q) => q.type))).toEqual(
      new Set(['single_choice', 'multiple_choice', 'true_false', 'short_answer', 'numeric', 'matching', 'ordering', 'essay']),
    );
  });

  it('refuses a type GIFT cannot express', () => {
    expect(() => exportGift([{ category: null, type: 'hotspot', data: { prompt: '<p>x</p>' } }])).toThrow('hotspot');
  });
});
