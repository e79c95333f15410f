import { textId } from '@cakap/plugin-questions';
import type { PluginRegistry } from '@cakap/plugin-sdk/host';
import { PLUGINS } from '../src/plugins/plugins.tokens';
import { createCourse, publish, putContent, tree, type Block } from './course-fixtures';
import { bearer, type Api, type Person } from './harness';

/**
 * Quiz fixtures of the attempt specs: questions written with SQL (a bank, a question, its
 * version 1), their data normalised by the type's own author schema as the banks api would,
 * and published courses holding a quiz block.
 */

/**
 * One sample question per built-in type: author data (with its key), a right and a wrong
 * answer, and strings that exist only in the key material (they must never reach a learner
 * before submission, nor after it when review is not allowed).
 */
export const SAMPLES: Record<string, { data: unknown; right: unknown; wrong: unknown; secrets: string[] }> = {
  single_choice: {
    data: {
      prompt: '<p>Ibu kota Provinsi Jambi?</p>',
      options: [
        { id: 'a', text: 'Kota Jambi', correct: true, feedback: 'KUNCI-SC-BENAR' },
        { id: 'b', text: 'Muara Bulian', feedback: 'KUNCI-SC-SALAH' },
        { id: 'c', text: 'Sengeti' },
      ],
      feedback: 'KUNCI-SC-UMUM',
    },
    right: 'a',
    wrong: 'b',
    secrets: ['KUNCI-SC-BENAR', 'KUNCI-SC-SALAH', 'KUNCI-SC-UMUM'],
  },
  multiple_choice: {
    data: {
      prompt: '<p>Nilai dasar ASN BerAKHLAK?</p>',
      options: [
        { id: 'a', text: 'Berorientasi pelayanan', correct: true },
        { id: 'b', text: 'Akuntabel', correct: true },
        { id: 'c', text: 'Birokratis', feedback: 'KUNCI-MC-SALAH' },
      ],
      partialCredit: true,
      feedback: 'KUNCI-MC-UMUM',
    },
    right: ['a', 'b'],
    wrong: ['c'],
    secrets: ['KUNCI-MC-SALAH', 'KUNCI-MC-UMUM'],
  },
  true_false: {
    data: { prompt: '<p>ASN wajib netral dalam pemilu.</p>', correct: true, feedbackTrue: 'KUNCI-TF-BENAR', feedbackFalse: 'KUNCI-TF-SALAH' },
    right: true,
    wrong: false,
    secrets: ['KUNCI-TF-BENAR', 'KUNCI-TF-SALAH'],
  },
  short_answer: {
    data: { prompt: '<p>Singkatan Badan Kepegawaian Negara?</p>', accepted: ['BKNRAHASIA', 'Badan Kepegawaian Rahasia'], feedback: 'KUNCI-SA-UMUM' },
    right: 'bknrahasia',
    wrong: 'BKD',
    secrets: ['BKNRAHASIA', 'Badan Kepegawaian Rahasia', 'KUNCI-SA-UMUM'],
  },
  numeric: {
    data: { prompt: '<p>Berapa JP setahun?</p>', answer: 20.125, tolerance: 0.5, feedback: 'KUNCI-NUM-UMUM' },
    right: 20,
    wrong: 5,
    secrets: ['20.125', 'KUNCI-NUM-UMUM'],
  },
  matching: {
    data: {
      prompt: '<p>Pasangkan.</p>',
      pairs: [
        { id: 'p1', left: 'BKN', right: 'Kepegawaian' },
        { id: 'p2', left: 'LAN', right: 'Administrasi' },
      ],
      distractors: ['Keuangan'],
      feedback: 'KUNCI-MATCH-UMUM',
    },
    right: null,
    wrong: {},
    secrets: ['KUNCI-MATCH-UMUM'],
  },
  ordering: {
    data: {
      prompt: '<p>Urutkan.</p>',
      items: [
        { id: 'i1', text: 'Perencanaan' },
        { id: 'i2', text: 'Pelaksanaan' },
        { id: 'i3', text: 'Evaluasi' },
      ],
      feedback: 'KUNCI-ORD-UMUM',
    },
    // The learner view names ordering items by their text (the stored ids follow the key order).
    right: ['Perencanaan', 'Pelaksanaan', 'Evaluasi'].map(textId),
    wrong: ['Evaluasi', 'Pelaksanaan', 'Perencanaan'].map(textId),
    secrets: ['KUNCI-ORD-UMUM'],
  },
  essay: {
    data: { prompt: '<p>Jelaskan makna pelayanan prima.</p>', rubric: 'KUNCI-ESAI-RUBRIK', feedback: 'KUNCI-ESAI-UMUM' },
    right: 'Pelayanan yang cepat, tepat dan ramah.',
    wrong: '',
    secrets: ['KUNCI-ESAI-RUBRIK', 'KUNCI-ESAI-UMUM'],
  },
};

export const registryOf = (api: Api) => api.app.get<PluginRegistry>(PLUGINS);

export async function createBank(api: Api, owner: Person): Promise<string> {
  const [b] = await api.ds.query(`INSERT INTO question_banks (title, owner_id) VALUES ('Bank Uji', $1) RETURNING id`, [owner.id]);
  return b.id;
}

/** A question (version 1) of a type, its data normalised by the type's author schema. */
export async function insertQuestion(api: Api, bankId: string, type: string, data: unknown, points = 1, categoryId: string | null = null): Promise<string> {
  const def = registryOf(api).questionType(type);
  if (!def) throw new Error(`question type ${type} is not enabled`);
  const clean = def.authorSchema.parse(data);
  const [q] = await api.ds.query(`INSERT INTO questions (bank_id, category_id, type, points, summary) VALUES ($1, $2, $3::text, $4, $3::text) RETURNING id`, [
    bankId,
    categoryId,
    type,
    points,
  ]);
  await api.ds.query(`INSERT INTO question_versions (question_id, version, type, points, data) VALUES ($1, 1, $2, $3, $4)`, [
    q.id,
    type,
    points,
    JSON.stringify(clean),
  ]);
  return q.id;
}

export const quizBlock = (key: string, data: Record<string, unknown>): Block => ({ key, type: 'quiz', data: { title: 'Kuis Uji', ...data } });

/** A published course with the given blocks in one lesson; answers its id. */
export async function publishedCourse(api: Api, author: Person, admin: Person, blocks: Block[], body: Record<string, unknown> = {}): Promise<string> {
  const id = await createCourse(api, author, body);
  await putContent(api, author, id, tree(blocks)).expect(200);
  await publish(api, author, admin, id);
  return id;
}

export async function enroll(api: Api, who: Person, courseId: string): Promise<string> {
  const res = await api.http().post('/api/v1/enrollments').set(bearer(who)).send({ courseId });
  if (res.status !== 201 && res.status !== 200) throw new Error(`enrol: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** The learner-facing quiz routes. */
export const quizApi = (api: Api) => ({
  state: (who: Person, enrollmentId: string, blockKey: string) => api.http().get(`/api/v1/enrollments/${enrollmentId}/quizzes/${blockKey}`).set(bearer(who)),
  start: (who: Person, enrollmentId: string, blockKey: string) =>
    api.http().post(`/api/v1/enrollments/${enrollmentId}/quizzes/${blockKey}/attempts`).set(bearer(who)).send({}),
  get: (who: Person, attemptId: string) => api.http().get(`/api/v1/attempts/${attemptId}`).set(bearer(who)),
  save: (who: Person, attemptId: string, answers: object[]) => api.http().put(`/api/v1/attempts/${attemptId}/answers`).set(bearer(who)).send({ answers }),
  submit: (who: Person, attemptId: string) => api.http().post(`/api/v1/attempts/${attemptId}/submit`).set(bearer(who)).send({}),
  testResults: (who: Person, enrollmentId: string) => api.http().get(`/api/v1/enrollments/${enrollmentId}/test-results`).set(bearer(who)),
  pending: (who: Person, query = '') => api.http().get(`/api/v1/grading${query}`).set(bearer(who)),
  grade: (who: Person, attemptId: string, slot: number, body: object) =>
    api.http().post(`/api/v1/attempts/${attemptId}/answers/${slot}/grade`).set(bearer(who)).send(body),
});
