import type { PluginRegistry } from '@cakap/plugin-sdk/host';
import type { DataSource } from 'typeorm';
import { QuestionBanksRepository } from '../question-banks/question-banks.repository';

/**
 * The demo's question bank for the sample course, owned by the demo author: a few categories
 * and a dozen questions in Indonesian across the built-in question types, each validated by
 * its type's author schema exactly as the bank editor's questions are.
 */
export const DEMO_BANK = {
  title: 'Bank Soal Pelayanan Publik Prima',
  description: 'Soal latihan, pre-test dan post-test untuk kursus "Pelayanan Publik Prima" (kompetensi Pelayanan Publik M.5).',
};

interface SeedQuestion {
  /** A top-level category of the bank. */
  category: string;
  type: string;
  points?: number;
  tags?: string[];
  data: Record<string, unknown>;
}

const p = (text: string) => `<p>${text}</p>`;
const options = (...items: [string, boolean][]) => items.map(([text, correct], i) => ({ id: `o${i + 1}`, text, correct }));

const NILAI = 'Nilai Dasar ASN';
const KOMUNIKASI = 'Komunikasi Pelayanan';
const PENGADUAN = 'Penanganan Pengaduan';
const INOVASI = 'Inovasi Pelayanan';

export const DEMO_QUESTIONS: SeedQuestion[] = [
  {
    category: NILAI,
    type: 'single_choice',
    tags: ['BerAKHLAK'],
    data: {
      prompt: p('Apa kepanjangan huruf <strong>B</strong> pada nilai dasar ASN BerAKHLAK?'),
      options: options(['Berorientasi Pelayanan', true], ['Bertanggung Jawab', false], ['Bersih', false], ['Berintegritas', false]),
      feedback: 'BerAKHLAK: Berorientasi Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif.',
    },
  },
  {
    category: NILAI,
    type: 'multiple_choice',
    tags: ['BerAKHLAK'],
    data: {
      prompt: p('Manakah yang termasuk perilaku <em>berorientasi pelayanan</em>? Pilih semua yang benar.'),
      options: options(
        ['Memahami dan memenuhi kebutuhan masyarakat', true],
        ['Ramah, cekatan, solutif, dan dapat diandalkan', true],
        ['Melakukan perbaikan tiada henti', true],
        ['Mendahulukan warga yang dikenal secara pribadi', false],
      ),
      partialCredit: true,
    },
  },
  {
    category: NILAI,
    type: 'matching',
    data: {
      prompt: p('Pasangkan nilai BerAKHLAK dengan contoh perilakunya.'),
      pairs: [
        { id: 'p1', left: 'Akuntabel', right: 'Melaksanakan tugas dengan jujur dan bertanggung jawab' },
        { id: 'p2', left: 'Adaptif', right: 'Cepat menyesuaikan diri menghadapi perubahan' },
        { id: 'p3', left: 'Kolaboratif', right: 'Membangun kerja sama yang sinergis' },
      ],
      distractors: ['Menunda pekerjaan sampai ada perintah'],
    },
  },
  {
    category: KOMUNIKASI,
    type: 'true_false',
    data: {
      prompt: p('Mendengar aktif berarti segera memotong pembicaraan warga agar antrean cepat selesai.'),
      correct: false,
      feedbackTrue: 'Kurang tepat: mendengar aktif berarti mendengarkan sampai selesai sebelum menjawab.',
      feedbackFalse: 'Tepat: dengarkan sampai selesai, lalu ulangi inti permintaannya.',
    },
  },
  {
    category: KOMUNIKASI,
    type: 'single_choice',
    data: {
      prompt: p('Seorang warga menggunakan istilah yang tidak Anda pahami. Apa langkah yang paling tepat?'),
      options: options(
        ['Menanyakan maksudnya dengan sopan dan mengulang inti permintaannya', true],
        ['Menebak maksudnya agar warga tidak tersinggung', false],
        ['Meminta warga kembali lagi besok', false],
      ),
    },
  },
  {
    category: KOMUNIKASI,
    type: 'short_answer',
    data: {
      prompt: p('Singkatan internal sebaiknya dihindari. Kepanjangan dari <strong>SOP</strong> adalah ...'),
      accepted: ['Standar Operasional Prosedur', 'Standard Operating Procedure', 'Standar Operasi Prosedur'],
    },
  },
  {
    category: PENGADUAN,
    type: 'ordering',
    points: 2,
    data: {
      prompt: p('Urutkan langkah penanganan pengaduan berikut.'),
      items: [
        { id: 'i1', text: 'Menerima dan mencatat pengaduan' },
        { id: 'i2', text: 'Memverifikasi dan menelaah pengaduan' },
        { id: 'i3', text: 'Menindaklanjuti bersama unit terkait' },
        { id: 'i4', text: 'Memberi kabar hasilnya kepada pelapor' },
      ],
    },
  },
  {
    category: PENGADUAN,
    type: 'numeric',
    data: {
      prompt: p('Menurut ketentuan SP4N-LAPOR!, paling lama berapa hari kerja pengaduan harus ditindaklanjuti?'),
      answer: 14,
      tolerance: 0,
    },
  },
  {
    category: PENGADUAN,
    type: 'short_answer',
    tags: ['SP4N-LAPOR!'],
    data: {
      prompt: p('Sebutkan nama kanal pengaduan pelayanan publik nasional.'),
      accepted: ['SP4N-LAPOR!', 'SP4N LAPOR', 'LAPOR!', 'LAPOR'],
    },
  },
  {
    category: PENGADUAN,
    type: 'essay',
    points: 5,
    data: {
      prompt: p('Seorang warga mengadukan hal yang sama untuk ketiga kalinya. Jelaskan langkah Anda agar masalahnya tuntas.'),
      rubric: 'Nilai penuh: mengakui keterlambatan, menelusuri penyebab, menetapkan tindak lanjut dan tenggat, serta mengabari pelapor.',
      minWords: 50,
      maxWords: 300,
    },
  },
  {
    category: INOVASI,
    type: 'multiple_choice',
    data: {
      prompt: p('Inovasi pelayanan yang sederhana namun berdampak contohnya adalah ...'),
      options: options(
        ['Formulir yang dapat diisi sebelum datang', true],
        ['Antrean dengan nomor dan perkiraan waktu tunggu', true],
        ['Menambah jumlah persyaratan berkas', false],
      ),
      partialCredit: false,
    },
  },
  {
    category: INOVASI,
    type: 'true_false',
    data: {
      prompt: p('Inovasi pelayanan yang berhasil di satu OPD layak dibagikan agar dapat direplikasi OPD lain.'),
      correct: true,
    },
  },
];

/**
 * Creates the demo bank once: an existing bank of that title owned by the demo author is left
 * as it is. Answers 'skipped' when a question type it uses is not enabled (CAKAP_PLUGINS).
 */
export async function seedQuestionBank(
  ds: DataSource,
  types: Pick<PluginRegistry, 'questionType'>,
  authorId: string,
): Promise<'created' | 'existing' | 'skipped'> {
  const [existing] = await ds.query(`SELECT id FROM question_banks WHERE owner_id = $1 AND title = $2 AND deleted_at IS NULL`, [
    authorId,
    DEMO_BANK.title,
  ]);
  if (existing) return 'existing';
  const prepared: (Omit<SeedQuestion, 'data'> & { data: unknown; summary: string })[] = [];
  for (const q of DEMO_QUESTIONS) {
    const def = types.questionType(q.type);
    if (!def) return 'skipped';
    const parsed = def.authorSchema.safeParse(q.data);
    if (!parsed.success) throw new Error(`Demo question "${q.data.prompt}" is invalid: ${JSON.stringify(parsed.error.issues)}`);
    prepared.push({ ...q, data: parsed.data, summary: def.summarize?.(parsed.data) ?? '' });
  }
  const repo = new QuestionBanksRepository(ds);
  await repo.transaction(async (tx) => {
    const bankId = await repo.createBank(authorId, DEMO_BANK.title, DEMO_BANK.description, tx);
    const categories = new Map<string, string>();
    for (const q of prepared) {
      let categoryId = categories.get(q.category);
      if (!categoryId) {
        categoryId = await repo.insertCategory(bankId, null, q.category, tx);
        categories.set(q.category, categoryId);
      }
      await repo.insertQuestion(
        tx,
        bankId,
        { type: q.type, points: q.points ?? 1, categoryId, tags: q.tags ?? [], competencyTags: ['M.5'], summary: q.summary, data: q.data },
        authorId,
      );
    }
  });
  return 'created';
}
