import type { LearnerViewContext, QuestionTypeDefinition } from '@cakap/plugin-sdk';
import plugin, { textId } from './index';

/**
 * Invariant 2: nothing a learner receives before submitting holds the key. For every
 * registered type, a realistic question is turned into learner views under many seeds, with
 * and without option shuffling, and each view is walked as the JSON the api would send.
 */

// The host's shuffle is seeded per attempt (mulberry32 + Fisher–Yates in @cakap/quiz); this
// is the same algorithm, so the views here are the ones learners get.
function seededCtx(seed: number, shuffleOptions: boolean): LearnerViewContext {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    shuffleOptions,
    shuffle: <T>(items: readonly T[]) => {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

const prompt = '<p>Menurut UU ASN, <em>manakah</em> yang benar?</p>';

/** A realistic question of each type, and the key material its learner view must never hold. */
const QUESTIONS: Record<string, { data: unknown; secrets: string[] }> = {
  single_choice: {
    data: {
      prompt,
      options: [
        { id: 'k1', text: 'Netralitas', correct: true, feedback: 'Benar, asas netralitas.' },
        { id: 'k2', text: 'Kekeluargaan', correct: false, feedback: 'Bukan asas ASN.' },
        { id: 'k3', text: 'Senioritas', correct: false },
        { id: 'k4', text: 'Kedaerahan', correct: false },
      ],
      feedback: 'Pasal 2 UU ASN.',
    },
    secrets: ['Benar, asas netralitas.', 'Bukan asas ASN.', 'Pasal 2 UU ASN.'],
  },
  multiple_choice: {
    data: {
      prompt,
      partialCredit: true,
      options: [
        { id: 'm1', text: 'Profesionalitas', correct: true },
        { id: 'm2', text: 'Akuntabilitas', correct: true, feedback: 'Ya.' },
        { id: 'm3', text: 'Primordialisme', correct: false, feedback: 'Tidak.' },
        { id: 'm4', text: 'Nepotisme', correct: false },
      ],
      feedback: 'Lihat modul 1.',
    },
    secrets: ['Ya.', 'Tidak.', 'Lihat modul 1.'],
  },
  true_false: {
    data: { prompt, correct: false, feedbackTrue: 'Keliru: itu asas lama.', feedbackFalse: 'Tepat sekali.', feedback: 'Umum.' },
    secrets: ['Keliru: itu asas lama.', 'Tepat sekali.', 'Umum.'],
  },
  short_answer: {
    data: { prompt, accepted: ['Badan Kepegawaian Negara', 'BKN'], feedback: 'Singkatan BKN.' },
    secrets: ['Badan Kepegawaian Negara', 'BKN', 'Singkatan BKN.'],
  },
  numeric: {
    data: { prompt, answer: 1974.25, tolerance: 0.75, feedback: 'Tahun 1974.' },
    secrets: ['1974.25', '0.75', 'Tahun 1974.'],
  },
  matching: {
    data: {
      prompt,
      pairs: [
        { id: 'p1', left: 'BKN', right: 'Manajemen kepegawaian' },
        { id: 'p2', left: 'LAN', right: 'Pelatihan aparatur' },
        { id: 'p3', left: 'KemenPAN-RB', right: 'Kebijakan reformasi birokrasi' },
        { id: 'p4', left: 'KASN', right: 'Pengawasan sistem merit' },
      ],
      distractors: ['Penerimaan pajak'],
      feedback: 'Lihat struktur kelembagaan.',
    },
    secrets: ['Lihat struktur kelembagaan.'],
  },
  ordering: {
    data: {
      prompt,
      items: [
        { id: 'i1', text: 'Perencanaan' },
        { id: 'i2', text: 'Pengadaan' },
        { id: 'i3', text: 'Seleksi' },
        { id: 'i4', text: 'Pengangkatan' },
        { id: 'i5', text: 'Orientasi' },
      ],
      feedback: 'Urutan manajemen ASN.',
    },
    secrets: ['Urutan manajemen ASN.'],
  },
  essay: {
    data: { prompt, rubric: 'Nilai penuh bila menyebut tiga asas dan contohnya.', minWords: 100, maxWords: 400, feedback: 'Terima kasih.' },
    secrets: ['Nilai penuh bila menyebut tiga asas dan contohnya.', 'Terima kasih.'],
  },
};

const FORBIDDEN_KEYS = ['correct', 'iscorrect', 'accepted', 'answer', 'tolerance', 'weight', 'score', 'fraction', 'feedback', 'rubric', 'pairs', 'key', 'right', 'solution'];

/** Every property name and every string (and number, as text) in the JSON. */
function walk(value: unknown, keys: string[] = [], strings: string[] = []): { keys: string[]; strings: string[] } {
  if (Array.isArray(value)) value.forEach((v) => walk(v, keys, strings));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      keys.push(k);
      walk(v, keys, strings);
    }
  } else if (typeof value === 'string' || typeof value === 'number') strings.push(String(value));
  return { keys, strings };
}

const types = plugin.questionTypes as QuestionTypeDefinition<unknown, unknown, unknown>[];
const SEEDS = Array.from({ length: 40 }, (_, i) => (i * 2654435761) >>> 0);

describe('learner views hold no key (invariant 2)', () => {
  it('has a realistic question for every registered type', () => {
    expect(Object.keys(QUESTIONS).sort()).toEqual(types.map((t) => t.key).sort());
  });

  describe.each(types.map((t) => [t.key, t] as const))('%s', (key, type) => {
    const data = type.authorSchema.parse(QUESTIONS[key].data);

    it.each([true, false])('no key material under any seed (shuffleOptions %s)', (shuffleOptions) => {
      for (const seed of SEEDS) {
        const view = JSON.parse(JSON.stringify(type.toLearnerView(data, seededCtx(seed, shuffleOptions))));
        const { keys, strings } = walk(view);
        for (const k of keys) expect(FORBIDDEN_KEYS).not.toContain(k.toLowerCase());
        for (const secret of QUESTIONS[key].secrets) {
          for (const s of strings) expect(s).not.toContain(secret);
        }
        expect(view.prompt).toBe(data && (data as { prompt: string }).prompt);
        expect(JSON.stringify(view)).not.toMatch(/true|false/); // no boolean anywhere, flags included
      }
    });

    it('the same seed gives the same view; views are plain JSON', () => {
      for (const seed of SEEDS.slice(0, 10)) {
        const a = type.toLearnerView(data, seededCtx(seed, true));
        const b = type.toLearnerView(data, seededCtx(seed, true));
        expect(b).toEqual(a);
        expect(JSON.parse(JSON.stringify(a))).toEqual(a);
      }
    });
  });

  it('choice options are shuffled only when the quiz asks, and then vary with the seed', () => {
    for (const key of ['single_choice', 'multiple_choice']) {
      const type = types.find((t) => t.key === key)!;
      const data = type.authorSchema.parse(QUESTIONS[key].data);
      const order = (seed: number, shuffle: boolean) =>
        (type.toLearnerView(data, seededCtx(seed, shuffle)) as { options: { id: string }[] }).options.map((o) => o.id).join();
      expect(new Set(SEEDS.map((s) => order(s, false))).size).toBe(1);
      expect(new Set(SEEDS.map((s) => order(s, true))).size).toBeGreaterThan(5);
    }
  });

  it('ordering is always shuffled and never shows the right order of three or more', () => {
    const type = types.find((t) => t.key === 'ordering')!;
    const data = type.authorSchema.parse(QUESTIONS.ordering.data) as { items: { id: string; text: string }[] };
    const right = data.items.map((i) => textId(i.text)).join();
    const orders = SEEDS.flatMap((s) => [true, false].map((sh) => (type.toLearnerView(data, seededCtx(s, sh)) as { items: { id: string }[] }).items.map((i) => i.id).join()));
    expect(orders).not.toContain(right);
    expect(new Set(orders).size).toBeGreaterThan(10);
  });

  it('ordering: neither the ids nor the order shown depend on the key, even with a shuffle that changes nothing', () => {
    const type = types.find((t) => t.key === 'ordering')!;
    const identity: LearnerViewContext = { shuffleOptions: false, shuffle: (items) => items.slice() };
    // GIFT import numbers items in the right order (i1, i2, ...): those ids must not reach learners
    const texts = ['Perencanaan', 'Pengadaan', 'Seleksi', 'Pengangkatan'];
    const permutations = (xs: string[]): string[][] =>
      xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
    const shown = new Map<string, string[]>();
    for (const key of permutations(texts)) {
      const data = type.authorSchema.parse({ prompt, items: key.map((text, i) => ({ id: `i${i + 1}`, text })) });
      for (const ctx of [identity, seededCtx(7, false)]) {
        const view = type.toLearnerView(data, ctx) as { items: { id: string; text: string }[] };
        for (const item of view.items) expect(item.id).toBe(textId(item.text));
        expect(view.items.map((i) => i.text)).not.toEqual(key);
        const label = ctx === identity ? 'identity' : 'seeded';
        shown.set(`${label}:${key.join()}`, view.items.map((i) => i.text));
      }
    }
    // Every key shows the same order, except the one key that order would give away (rotated).
    for (const label of ['identity', 'seeded']) {
      const views = [...shown].filter(([k]) => k.startsWith(label)).map(([, v]) => v.join());
      const counts = [...views.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>()).values()].sort((a, b) => a - b);
      expect(counts).toEqual([1, 23]);
    }
  });

  it('matching: right ids are not left ids, rights never line up with their lefts', () => {
    const type = types.find((t) => t.key === 'matching')!;
    const data = type.authorSchema.parse(QUESTIONS.matching.data) as { pairs: { id: string; right: string }[] };
    const leftIds = data.pairs.map((p) => p.id);
    for (const seed of SEEDS) {
      for (const shuffleOptions of [true, false]) {
        const view = type.toLearnerView(data, seededCtx(seed, shuffleOptions)) as { lefts: { id: string }[]; rights: { id: string; text: string }[] };
        expect(view.lefts.map((l) => l.id).sort()).toEqual([...leftIds].sort());
        expect(view.rights).toHaveLength(5);
        for (const r of view.rights) {
          expect(leftIds).not.toContain(r.id);
          expect(r.id).toBe(textId(r.text)); // computable from the text alone, so it says nothing more
        }
        const pairOf = new Map(data.pairs.map((p) => [p.id, textId(p.right)]));
        expect(view.lefts.every((l, i) => view.rights[i].id === pairOf.get(l.id))).toBe(false);
      }
    }
  });

  it('matching: the order of the rights does not depend on the pairs, even with a shuffle that changes nothing', () => {
    const type = types.find((t) => t.key === 'matching')!;
    const identity: LearnerViewContext = { shuffleOptions: false, shuffle: (items) => items.slice() };
    const lefts = ['BKN', 'LAN', 'KASN'];
    const rights = ['Kepegawaian', 'Pelatihan', 'Merit'];
    const orders = new Set<string>();
    for (const shift of [0, 1, 2]) {
      const pairs = lefts.map((left, i) => ({ id: `p${i + 1}`, left, right: rights[(i + shift) % 3] }));
      const view = type.toLearnerView(type.authorSchema.parse({ prompt, pairs, distractors: ['Pajak'] }), identity) as { rights: { text: string }[] };
      orders.add(view.rights.map((r) => r.text).join());
    }
    expect(orders.size).toBe(1);
  });
});
