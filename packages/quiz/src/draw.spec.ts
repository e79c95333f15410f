import { drawQuestions, learnerViewContext, orderItems } from './draw';

const pool = Array.from({ length: 20 }, (_, i) => ({ questionId: `q${String(i).padStart(2, '0')}`, versionId: `v${i}`, points: 1 }));

describe('drawing and ordering an attempt', () => {
  it('draws the same questions for the same seed, whatever order the pool comes in', () => {
    const a = drawQuestions(pool, 5, 42)!;
    const b = drawQuestions([...pool].reverse(), 5, 42)!;
    expect(a).toHaveLength(5);
    expect(b.map((q) => q.questionId)).toEqual(a.map((q) => q.questionId));
    expect(new Set(a.map((q) => q.questionId)).size).toBe(5);
    const others = [1, 2, 3, 4].map((s) => drawQuestions(pool, 5, s)!.map((q) => q.questionId).join());
    expect(new Set([a.map((q) => q.questionId).join(), ...others]).size).toBeGreaterThan(1);
  });

  it('refuses a pool smaller than the count', () => {
    expect(drawQuestions(pool.slice(0, 3), 4, 1)).toBeNull();
    expect(drawQuestions(pool.slice(0, 3), 3, 1)).toHaveLength(3);
  });

  it('numbers slots in the seed order when shuffling, in the listed order otherwise', () => {
    const fixed = orderItems(pool.slice(0, 6), 7, false);
    expect(fixed.map((i) => [i.slot, i.questionId])).toEqual(pool.slice(0, 6).map((q, i) => [i, q.questionId]));
    const shuffled = orderItems(pool.slice(0, 6), 7, true);
    expect(shuffled.map((i) => i.slot)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(orderItems(pool.slice(0, 6), 7, true)).toEqual(shuffled);
    expect(new Set(shuffled.map((i) => i.questionId))).toEqual(new Set(pool.slice(0, 6).map((q) => q.questionId)));
    const orders = new Set([7, 8, 9, 10].map((s) => orderItems(pool.slice(0, 6), s, true).map((i) => i.questionId).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('gives each slot its own stable option order, and still shuffles when options are kept in place (ordering needs it)', () => {
    const opts = ['a', 'b', 'c', 'd', 'e', 'f'];
    const once = learnerViewContext(99, 3, true);
    const first = [once.shuffle(opts), once.shuffle(opts)];
    const again = learnerViewContext(99, 3, true);
    expect([again.shuffle(opts), again.shuffle(opts)]).toEqual(first);
    expect([...first[0]].sort()).toEqual(opts);
    const slots = new Set([0, 1, 2, 4, 5].map((slot) => learnerViewContext(99, slot, true).shuffle(opts).join()));
    expect(slots.size).toBeGreaterThan(1);
    const plain = learnerViewContext(99, 3, false);
    expect(plain.shuffleOptions).toBe(false);
    expect(plain.shuffle(opts)).toEqual(learnerViewContext(99, 3, true).shuffle(opts));
    expect(plain.shuffle(opts)).not.toEqual(opts);
  });
});
