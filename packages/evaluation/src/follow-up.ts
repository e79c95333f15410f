import {
  FOLLOW_UP_DIMENSIONS,
  type FollowUpQuestion,
  type FollowUpRole,
  type FollowUpRoleSummary,
} from '@cakap/contracts';
import { LIKERT_MAX, LIKERT_MIN, type SurveyAnswers } from './answers';
import { MINIMUM_RESPONSES } from './summary';

/**
 * Level 3 (behaviour): the follow-up some weeks after a course, asked of the learner and of
 * their direct superior. Both questionnaires measure the same three dimensions — applying what
 * was learnt, improvement of the work's results, support from the workplace — two Likert
 * questions each, so the two views can be set side by side, plus two optional comments. The
 * superior's wording is about the employee, whom the form names above the questions. The ids are
 * stable: responses and reports refer to them.
 */
export const DEFAULT_LEARNER_FOLLOW_UP: readonly FollowUpQuestion[] = Object.freeze([
  likert('penerapan_1', 'application', 'Saya menerapkan pengetahuan dan keterampilan dari kursus ini dalam pekerjaan sehari-hari.'),
  likert('penerapan_2', 'application', 'Saya mengubah cara kerja saya berdasarkan apa yang saya pelajari dalam kursus ini.'),
  likert('peningkatan_1', 'improvement', 'Hasil kerja saya meningkat sejak saya mengikuti kursus ini.'),
  likert('peningkatan_2', 'improvement', 'Pelayanan saya kepada masyarakat atau rekan kerja menjadi lebih baik setelah kursus ini.'),
  likert('dukungan_1', 'support', 'Atasan saya mendukung saya menerapkan hasil kursus ini.'),
  likert('dukungan_2', 'support', 'Sarana dan beban kerja di unit saya memungkinkan saya menerapkan hasil kursus ini.'),
  { id: 'contoh_penerapan', type: 'text', text: 'Berikan satu contoh penerapan hasil kursus ini dalam pekerjaan Anda.', required: false },
  { id: 'hambatan', type: 'text', text: 'Apa hambatan Anda dalam menerapkan hasil kursus ini?', required: false },
] satisfies FollowUpQuestion[]);

export const DEFAULT_SUPERIOR_FOLLOW_UP: readonly FollowUpQuestion[] = Object.freeze([
  likert('penerapan_1', 'application', 'Pegawai ini menerapkan pengetahuan dan keterampilan dari kursus dalam pekerjaannya sehari-hari.'),
  likert('penerapan_2', 'application', 'Saya melihat perubahan cara kerja pegawai ini sesuai dengan materi kursus.'),
  likert('peningkatan_1', 'improvement', 'Hasil kerja pegawai ini meningkat sejak ia mengikuti kursus.'),
  likert('peningkatan_2', 'improvement', 'Pelayanan pegawai ini kepada masyarakat atau rekan kerja menjadi lebih baik.'),
  likert('dukungan_1', 'support', 'Unit kerja memberi pegawai ini kesempatan untuk menerapkan hasil kursus.'),
  likert('dukungan_2', 'support', 'Sarana dan beban kerja di unit memungkinkan pegawai ini menerapkan hasil kursus.'),
  { id: 'contoh_perubahan', type: 'text', text: 'Perubahan apa yang paling Anda lihat pada pegawai ini?', required: false },
  { id: 'saran_pengembangan', type: 'text', text: 'Pengembangan apa lagi yang dibutuhkan pegawai ini?', required: false },
] satisfies FollowUpQuestion[]);

/** The questions a respondent of this role is asked: the course's own, else the default questionnaire. */
export function followUpQuestions(role: FollowUpRole, saved: readonly FollowUpQuestion[] | null | undefined): readonly FollowUpQuestion[] {
  return saved ?? (role === 'learner' ? DEFAULT_LEARNER_FOLLOW_UP : DEFAULT_SUPERIOR_FOLLOW_UP);
}

const DAY_MS = 86_400_000;

/** The reminder rhythm of a course (its settings or the defaults). */
export interface ReminderPolicy {
  reminderDays: number;
  maxReminders: number;
}

/**
 * When a sent follow-up's reminders fall due and when it closes: reminder k (1-based) comes
 * k × reminderDays after sending, and the request expires one more period after the last
 * reminder (or one period after sending when no reminder is wanted), so every reminder leaves
 * as much time to answer as the first notice.
 */
export function reminderAt(sentAt: Date, policy: ReminderPolicy, reminder: number): Date {
  return new Date(sentAt.getTime() + reminder * policy.reminderDays * DAY_MS);
}
export function closesAt(sentAt: Date, policy: ReminderPolicy): Date {
  return reminderAt(sentAt, policy, policy.maxReminders + 1);
}

/** When a completion's follow-up falls due. */
export function followUpDueAt(completedAt: Date, weeksAfter: number): Date {
  return new Date(completedAt.getTime() + weeksAfter * 7 * DAY_MS);
}

/** A stored follow-up response: the questions it answered (the questionnaire may have changed since) and its answers. */
export interface StoredFollowUpResponse {
  questions: readonly FollowUpQuestion[];
  answers: SurveyAnswers;
}

export interface FollowUpCounts {
  sent: number;
  answered: number;
  scheduled: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const meanOf = (xs: number[]) => (xs.length ? round2(xs.reduce((a, b) => a + b, 0) / xs.length) : null);

/**
 * The anonymous results of one respondent role. As in the post-course survey's summary, a
 * dimension mean pools every score of that dimension (each answer weighs the same), and each
 * response counts with the questions it answered (their dimension is stored with them). Comments
 * are grouped by the current questionnaire's text questions and sorted, so their order never
 * tells who wrote what; below the minimum only the counts are shown.
 */
export function summarizeFollowUps(
  role: FollowUpRole,
  questions: readonly FollowUpQuestion[],
  responses: readonly StoredFollowUpResponse[],
  counts: FollowUpCounts,
  minimum = MINIMUM_RESPONSES,
): FollowUpRoleSummary {
  const shown = responses.length >= minimum;
  const byDimension = new Map<string, number[]>();
  for (const r of responses) {
    for (const q of r.questions) {
      if (q.type !== 'likert') continue;
      const v = r.answers[q.id];
      if (typeof v === 'number' && v >= LIKERT_MIN && v <= LIKERT_MAX) byDimension.set(q.dimension, [...(byDimension.get(q.dimension) ?? []), v]);
    }
  }
  const dimensions = FOLLOW_UP_DIMENSIONS.filter((d) => byDimension.has(d)).map((d) => {
    const scores = byDimension.get(d) ?? [];
    return { dimension: d, mean: shown ? meanOf(scores) : null, answered: scores.length };
  });
  const all = [...byDimension.values()].flat();
  const comments = questions
    .filter((q) => q.type === 'text')
    .map((q) => ({
      questionId: q.id,
      text: q.text,
      answers: shown
        ? responses
            .filter((r) => r.questions.some((asked) => asked.id === q.id && asked.type === 'text'))
            .map((r) => r.answers[q.id])
            .filter((v): v is string => typeof v === 'string' && v.length > 0)
            .sort((a, b) => a.localeCompare(b, 'id'))
        : [],
    }));
  return { role, ...counts, minimumResponses: minimum, mean: shown ? meanOf(all) : null, dimensions, comments };
}

function likert(id: string, dimension: (typeof FOLLOW_UP_DIMENSIONS)[number], text: string): FollowUpQuestion {
  return { id, type: 'likert', dimension, text, required: true };
}
