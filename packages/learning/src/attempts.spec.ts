import type { VersionSnapshot } from '@cakap/contracts';
import { QuestionVersionCache, quizBlockOf } from './attempts';

describe('question version cache', () => {
  const fakeDb = () => {
    const calls: string[][] = [];
    return {
      calls,
      query: async (_sql: string, params?: unknown[]) => {
        const ids = (params![0] as string[]).slice();
        calls.push(ids);
        return ids.filter((id) => id !== 'gone').map((id) => ({ id, questionId: `q-${id}`, type: 'true_false', points: '2.50', data: { id } }));
      },
    };
  };

  it('reads each version once, even for a burst of concurrent misses, and converts points', async () => {
    const db = fakeDb();
    const cache = new QuestionVersionCache(db);
    const all = await Promise.all(Array.from({ length: 50 }, () => cache.get(['v1', 'v2'])));
    expect(db.calls).toEqual([['v1', 'v2']]);
    expect(all[49].get('v2')).toEqual({ id: 'v2', questionId: 'q-v2', type: 'true_false', points: 2.5, data: { id: 'v2' } });
    await cache.get(['v2', 'v3']);
    expect(db.calls).toEqual([['v1', 'v2'], ['v3']]);
  });

  it('forgets a failed read and stays within its size', async () => {
    const db = fakeDb();
    const cache = new QuestionVersionCache(db, 2);
    await expect(cache.get(['gone'])).rejects.toThrow('question version gone not found');
    await expect(cache.get(['gone'])).rejects.toThrow();
    expect(db.calls).toEqual([['gone'], ['gone']]);
    await cache.get(['a', 'b', 'c']);
    await cache.get(['c']);
    expect(db.calls).toHaveLength(3);
    await cache.get(['a']);
    expect(db.calls).toHaveLength(4);
  });
});

describe('quizBlockOf', () => {
  const snapshot = {
    content: {
      modules: [
        {
          key: 'm',
          title: 'M',
          lessons: [
            {
              key: 'l',
              title: 'L',
              blocks: [
                { key: 't', type: 'richtext', data: {} },
                { key: 'q', type: 'quiz', data: { selection: { mode: 'fixed', questionIds: ['00000000-0000-4000-8000-000000000001'] } } },
              ],
            },
          ],
        },
      ],
    },
  } as unknown as VersionSnapshot;

  it('finds the quiz with its defaults, and tells a missing block from another type', () => {
    const found = quizBlockOf(snapshot, 'q');
    expect(found).toMatchObject({ kind: 'quiz', quiz: { passPercent: 70, requirePass: true, reviewPolicy: 'after_submit', maxAttempts: null } });
    expect(quizBlockOf(snapshot, 'q')).toEqual(found);
    expect(quizBlockOf(snapshot, 't')).toEqual({ kind: 'other' });
    expect(quizBlockOf(snapshot, 'x')).toEqual({ kind: 'missing' });
  });
});
