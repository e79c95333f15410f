import type { FollowUpQuestion } from '@cakap/contracts';
import {
  checkAnswers,
  closesAt,
  DEFAULT_LEARNER_FOLLOW_UP,
  DEFAULT_SUPERIOR_FOLLOW_UP,
  followUpDueAt,
  followUpQuestions,
  reminderAt,
  summarizeFollowUps,
  type StoredFollowUpResponse,
} from './index';

const COUNTS = { sent: 4, answered: 3, scheduled: 1 };

describe('the default follow-up questionnaires', () => {
  it.each([
    ['learner', DEFAULT_LEARNER_FOLLOW_UP],
    ['superior', DEFAULT_SUPERIOR_FOLLOW_UP],
  ] as const)('the %s is asked about each level-3 dimension twice, plus optional comments', (_role, qs) => {
    const ids = qs.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of ['application', 'improvement', 'support']) {
      expect(qs.filter((q) => q.type === 'likert' && q.dimension === d)).toHaveLength(2);
    }
    expect(qs.filter((q) => q.type === 'text').every((q) => !q.required)).toBe(true);
  });

  it('words the superior questions about the employee, and falls back to the defaults per role', () => {
    expect(DEFAULT_SUPERIOR_FOLLOW_UP.filter((q) => q.type === 'likert').every((q) => /pegawai ini/i.test(q.text))).toBe(true);
    expect(followUpQuestions('learner', null)).toBe(DEFAULT_LEARNER_FOLLOW_UP);
    expect(followUpQuestions('superior', undefined)).toBe(DEFAULT_SUPERIOR_FOLLOW_UP);
    const own: FollowUpQuestion[] = [{ id: 'x', type: 'text', text: 'Apa?', required: true }];
    expect(followUpQuestions('superior', own)).toBe(own);
  });

  it('checks answers with the survey rules', () => {
    const likert = Object.fromEntries(DEFAULT_LEARNER_FOLLOW_UP.filter((q) => q.type === 'likert').map((q) => [q.id, 4]));
    expect(checkAnswers(DEFAULT_LEARNER_FOLLOW_UP, { ...likert, hambatan: ' waktu ' })).toEqual({ ok: true, answers: { ...likert, hambatan: 'waktu' } });
    const bad = checkAnswers(DEFAULT_LEARNER_FOLLOW_UP, { ...likert, penerapan_1: 7, dukungan_2: undefined });
    expect(bad).toEqual({
      ok: false,
      issues: [
        { field: 'answers.penerapan_1', code: 'evaluation.likertRange' },
        { field: 'answers.dukungan_2', code: 'evaluation.answerRequired' },
      ],
    });
  });
});

describe('the follow-up schedule', () => {
  const sent = new Date('2026-03-01T00:00:00Z');
  it('falls due weeks after completion, reminds every period and closes one period after the last reminder', () => {
    expect(followUpDueAt(new Date('2026-01-01T03:00:00Z'), 8).toISOString()).toBe('2026-02-26T03:00:00.000Z');
    expect(reminderAt(sent, { reminderDays: 7, maxReminders: 2 }, 1).toISOString()).toBe('2026-03-08T00:00:00.000Z');
    expect(reminderAt(sent, { reminderDays: 7, maxReminders: 2 }, 2).toISOString()).toBe('2026-03-15T00:00:00.000Z');
    expect(closesAt(sent, { reminderDays: 7, maxReminders: 2 }).toISOString()).toBe('2026-03-22T00:00:00.000Z');
    expect(closesAt(sent, { reminderDays: 3, maxReminders: 0 }).toISOString()).toBe('2026-03-04T00:00:00.000Z');
  });
});

describe('summarizeFollowUps', () => {
  const Q = DEFAULT_SUPERIOR_FOLLOW_UP;
  const response = (score: number, comment?: string): StoredFollowUpResponse => ({
    questions: Q,
    answers: { ...Object.fromEntries(Q.filter((q) => q.type === 'likert').map((q) => [q.id, score])), ...(comment ? { contoh_perubahan: comment } : {}) },
  });

  it('shows counts only below three responses', () => {
    const s = summarizeFollowUps('superior', Q, [response(5, 'Lebih teliti'), response(3)], { sent: 2, answered: 2, scheduled: 0 });
    expect(s).toMatchObject({ role: 'superior', sent: 2, answered: 2, minimumResponses: 3, mean: null });
    expect(s.dimensions).toEqual([
      { dimension: 'application', mean: null, answered: 4 },
      { dimension: 'improvement', mean: null, answered: 4 },
      { dimension: 'support', mean: null, answered: 4 },
    ]);
    expect(JSON.stringify(s)).not.toContain('Lebih teliti');
  });

  it('pools every score of a dimension, each response with the questions it answered, and sorts comments', () => {
    const older: StoredFollowUpResponse = {
      questions: [{ id: 'lama', type: 'likert', dimension: 'application', text: 'Diterapkan?', required: true }],
      answers: { lama: 1 },
    };
    const s = summarizeFollowUps('superior', Q, [response(5, 'Lebih teliti'), response(3, 'Cepat'), response(4), older], COUNTS);
    // application: 5,5,3,3,4,4,1 -> 25 / 7 = 3.57; improvement: 5,5,3,3,4,4 -> 4
    expect(s.dimensions).toEqual([
      { dimension: 'application', mean: 3.57, answered: 7 },
      { dimension: 'improvement', mean: 4, answered: 6 },
      { dimension: 'support', mean: 4, answered: 6 },
    ]);
    expect(s.mean).toBe(3.84);
    expect(s.comments).toEqual([
      { questionId: 'contoh_perubahan', text: Q[6].text, answers: ['Cepat', 'Lebih teliti'] },
      { questionId: 'saran_pengembangan', text: Q[7].text, answers: [] },
    ]);
    expect(s).toMatchObject(COUNTS);
  });
});
