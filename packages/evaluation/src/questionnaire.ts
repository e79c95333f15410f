import type { SurveyQuestion } from '@cakap/contracts';

/**
 * The default post-course questionnaire (Kirkpatrick level 1, reaction). Two Likert questions
 * per dimension so that a dimension mean never rests on one wording, plus two optional comments.
 * The ids are stable: responses and reports refer to them, so never renumber or reuse one.
 * For e-learning the "presenters" are the narrators/authors of the material.
 */
export const DEFAULT_SURVEY: readonly SurveyQuestion[] = Object.freeze([
  likert('relevansi_1', 'relevance', 'Materi kursus ini relevan dengan tugas dan fungsi jabatan saya.'),
  likert('relevansi_2', 'relevance', 'Materi kursus ini sesuai dengan kebutuhan pengembangan kompetensi saya.'),
  likert('konten_1', 'content', 'Materi disajikan secara jelas, runtut, dan mudah dipahami.'),
  likert('konten_2', 'content', 'Contoh, latihan, dan kuis membantu saya memahami materi.'),
  likert('penyaji_1', 'presenter', 'Penyaji/penyusun materi menguasai topik yang dibawakan.'),
  likert('penyaji_2', 'presenter', 'Cara penyaji/penyusun menyampaikan materi menarik dan komunikatif.'),
  likert('manfaat_1', 'usefulness', 'Saya dapat menerapkan hasil kursus ini dalam pekerjaan sehari-hari.'),
  likert('manfaat_2', 'usefulness', 'Kursus ini akan meningkatkan kinerja saya dalam melayani masyarakat.'),
  likert('platform_1', 'platform', 'Platform Cakap mudah digunakan untuk mengikuti kursus ini.'),
  likert('platform_2', 'platform', 'Platform Cakap berjalan lancar dan cepat di perangkat saya.'),
  likert('keseluruhan_1', 'overall', 'Secara keseluruhan, saya puas dengan kursus ini.'),
  likert('keseluruhan_2', 'overall', 'Saya akan merekomendasikan kursus ini kepada rekan kerja saya.'),
  { id: 'saran_manfaat', type: 'text', text: 'Apa yang paling bermanfaat dari kursus ini?', required: false },
  { id: 'saran_perbaikan', type: 'text', text: 'Apa yang perlu diperbaiki dari kursus ini?', required: false },
] satisfies SurveyQuestion[]);

function likert(id: string, dimension: Extract<SurveyQuestion, { type: 'likert' }>['dimension'], text: string): SurveyQuestion {
  return { id, type: 'likert', dimension, text, required: true };
}
