import type { CourseContent } from '@cakap/contracts';
import { preparePublication, validateContent, type ContentTypes } from '@cakap/courses';
import type { DataSource } from 'typeorm';
import { metaOf } from '../courses/courses.service';
import { CoursesRepository } from '../courses/courses.repository';
import { seededCompetencyId } from './competencies';

/**
 * The demo's sample course, "Pelayanan Publik Prima", written by the demo author and
 * published as version 1 by the demo admin — through the same repository and rules as the
 * studio, so the demo shows what real courses look like.
 */
export const SAMPLE_COURSE = {
  title: 'Pelayanan Publik Prima',
  summary:
    'Komunikasi yang melayani, penanganan pengaduan yang tuntas, dan inovasi pelayanan: kompetensi ' +
    'Pelayanan Publik (M.5) bagi ASN Kabupaten Batanghari, dengan nilai dasar BerAKHLAK.',
  jp: 6,
  durationMinutes: 270,
  category: 'Pelayanan Publik',
  tags: ['pelayanan publik', 'BerAKHLAK', 'komunikasi', 'pengaduan', 'inovasi'],
};

/** A demo course's competency targets, by code in the SKJ dictionary. */
export type SeedTargets = readonly { code: string; level: number }[];

/** Completing it closes a pelaksana's gaps in M.5 Pelayanan Publik and M.3 Komunikasi (required level 1). */
export const SAMPLE_COURSE_TARGETS: SeedTargets = [
  { code: 'M.5', level: 2 },
  { code: 'M.3', level: 2 },
];

const p = (...paras: string[]) => paras.map((t) => `<p>${t}</p>`).join('');
const ul = (...items: string[]) => `<ul>${items.map((t) => `<li>${t}</li>`).join('')}</ul>`;
const text = (key: string, html: string) => ({ key, type: 'richtext', data: { html } });

const PENGADUAN_HTML =
  '<h2>Lima langkah menangani pengaduan</h2>' +
  '<ol><li>Terima dan catat pengaduan, termasuk kanal SP4N-LAPOR!.</li>' +
  '<li>Sampaikan terima kasih dan empati; jangan membela diri.</li>' +
  '<li>Verifikasi fakta dan tentukan penanggung jawab.</li>' +
  '<li>Tindak lanjuti dalam batas waktu yang dijanjikan, dan kabari pelapor.</li>' +
  '<li>Catat akar masalah agar tidak terulang.</li></ol>' +
  p('Pengaduan adalah masukan gratis untuk memperbaiki layanan. Unit yang paling banyak menerima pengaduan sering kali yang paling cepat membaik.');

export const SAMPLE_CONTENT: CourseContent = {
  modules: [
    {
      key: 'm-komunikasi',
      title: 'Komunikasi dalam pelayanan',
      lessons: [
        {
          key: 'l-berakhlak',
          title: 'Berorientasi pelayanan: nilai BerAKHLAK',
          blocks: [
            text(
              'b-berakhlak',
              '<h2>Bangga Melayani Bangsa</h2>' +
                p(
                  'BerAKHLAK adalah nilai dasar ASN: <strong>Berorientasi Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif</strong>.',
                  'Berorientasi pelayanan berarti memahami dan memenuhi kebutuhan masyarakat, ramah, cekatan, solutif, dan dapat diandalkan, serta terus melakukan perbaikan.',
                ) +
                ul(
                  'Sapa warga dengan nama dan salam; perkenalkan diri Anda.',
                  'Dengarkan sampai selesai sebelum menjawab.',
                  'Jelaskan langkah berikutnya dan berapa lama waktunya.',
                ),
            ),
          ],
        },
        {
          key: 'l-mendengar',
          title: 'Mendengar aktif dan bahasa yang jelas',
          blocks: [
            text(
              'b-mendengar',
              p(
                'Mendengar aktif: beri perhatian penuh, ulangi inti permintaan dengan kata-kata Anda sendiri, dan tanyakan apa yang belum jelas.',
                'Gunakan bahasa yang sederhana. Hindari singkatan internal (misalnya "SKP", "SPT") tanpa penjelasan.',
              ) +
                '<blockquote>"Jadi Bapak memerlukan surat keterangan domisili untuk pendaftaran sekolah anak, dan berkasnya harus selesai minggu ini. Benar begitu?"</blockquote>',
            ),
          ],
        },
      ],
    },
    {
      key: 'm-pengaduan',
      title: 'Penanganan pengaduan',
      lessons: [
        {
          key: 'l-pengaduan',
          title: 'Dari keluhan menjadi perbaikan',
          blocks: [
            text('b-pengaduan', PENGADUAN_HTML),
          ],
        },
      ],
    },
    {
      key: 'm-inovasi',
      title: 'Inovasi pelayanan',
      lessons: [
        {
          key: 'l-inovasi',
          title: 'Memulai inovasi kecil di unit Anda',
          blocks: [
            text(
              'b-inovasi',
              p(
                'Inovasi pelayanan tidak harus mahal. Mulailah dari satu langkah layanan yang paling sering dikeluhkan, lalu ukur sebelum dan sesudah perubahan.',
              ) +
                ul(
                  'Formulir yang dapat diisi sebelum datang.',
                  'Informasi persyaratan yang jelas di papan layanan dan media sosial unit.',
                  'Antrean dengan nomor dan perkiraan waktu tunggu.',
                ) +
                p('Bagikan hasilnya kepada rekan di OPD lain: inovasi yang berhasil layak direplikasi.'),
            ),
          ],
        },
      ],
    },
  ],
};

/**
 * The demo's quiz course, "Penanganan Pengaduan Masyarakat": a pre-test, one lesson and a timed
 * post-test that must be passed, both drawing from the demo question bank.
 */
export const QUIZ_COURSE = {
  title: 'Penanganan Pengaduan Masyarakat',
  summary:
    'Kursus singkat dengan pre-test dan post-test: menerima, menindaklanjuti dan belajar dari pengaduan masyarakat ' +
    '(SP4N-LAPOR!). Post-test berwaktu 15 menit dan harus lulus dengan nilai minimal 70.',
  jp: 2,
  durationMinutes: 90,
  category: 'Pelayanan Publik',
  tags: ['pengaduan', 'SP4N-LAPOR!', 'kuis'],
};

/** Proven only once its post-test is passed. */
export const QUIZ_COURSE_TARGETS: SeedTargets = [{ code: 'M.5', level: 3 }];

/**
 * `questionIds`: the demo bank's automatically graded questions (an essay would hold the
 * post-test result until someone grades it). The pre-test draws five of them; the post-test
 * asks them all, shuffled.
 */
export function quizCourseContent(questionIds: string[]): CourseContent {
  const test = (key: string, role: 'pretest' | 'posttest', title: string, extra: Record<string, unknown>) => ({
    key,
    type: 'quiz',
    data: { title, role, reviewPolicy: 'after_submit', ...extra },
  });
  return {
    modules: [
      {
        key: 'm-pengaduan',
        title: 'Pengaduan sebagai masukan',
        lessons: [
          {
            key: 'l-pretest',
            title: 'Pre-test',
            blocks: [test('q-pretest', 'pretest', 'Pre-test', { selection: { mode: 'fixed', questionIds: questionIds.slice(0, 5) }, requirePass: false, maxAttempts: 1 })],
          },
          {
            key: 'l-langkah',
            title: 'Lima langkah menangani pengaduan',
            blocks: [text('b-langkah', PENGADUAN_HTML)],
          },
          {
            key: 'l-posttest',
            title: 'Post-test',
            blocks: [
              test('q-posttest', 'posttest', 'Post-test', {
                selection: { mode: 'fixed', questionIds },
                requirePass: true,
                passPercent: 70,
                maxAttempts: 3,
                timeLimitMinutes: 15,
              }),
            ],
          },
        ],
      },
    ],
  };
}

/**
 * Creates and publishes a demo course once (idempotent: an existing course of that title by
 * that author is left as it is) through the same repository and rules as the studio, its
 * competency targets (of the seeded dictionary) set before publication. Answers whether it
 * was created.
 */
export async function seedCourse(
  ds: DataSource,
  types: ContentTypes,
  authorId: string,
  adminId: string,
  course: typeof SAMPLE_COURSE,
  content: CourseContent,
  targets: SeedTargets,
): Promise<boolean> {
  const [existing] = await ds.query(`SELECT id FROM courses WHERE owner_id = $1 AND title = $2`, [authorId, course.title]);
  if (existing) return false;
  const draft = validateContent(content, types, 'draft');
  if (!draft.ok) throw new Error(`Demo course "${course.title}" content is invalid: ${JSON.stringify(draft.issues)}`);
  const repo = new CoursesRepository(ds);
  const id = await repo.create(authorId, { ...course, language: 'id', developmentForm: 'NKL03', status: 'draft' });
  await repo.putContent(id, 0, draft.content);
  const competencies = await Promise.all(targets.map(async (t) => ({ competencyId: await seededCompetencyId(ds, t.code), level: t.level })));
  await repo.updateMeta(id, {}, 'draft', competencies);
  await repo.changeStatus(id, 'draft', 'in_review', authorId, 'submitted');
  const version = await repo.publish(id, adminId, 'Kursus contoh', (c, authors, n, publishedAt) => {
    const prepared = preparePublication(
      { courseId: c.id, version: n, meta: metaOf(c), content: c.content, authors: authors.map((a) => ({ id: a.id, name: a.name })), publishedAt },
      types,
    );
    if (!prepared.ok) throw new Error(`Demo course "${course.title}" cannot be published: ${JSON.stringify(prepared.issues)}`);
    return prepared.publication;
  });
  if (version !== 1) throw new Error(`Demo course "${course.title}" was not published as version 1`);
  return true;
}

export function seedSampleCourse(ds: DataSource, types: ContentTypes, authorId: string, adminId: string): Promise<boolean> {
  return seedCourse(ds, types, authorId, adminId, SAMPLE_COURSE, SAMPLE_CONTENT, SAMPLE_COURSE_TARGETS);
}
