import type { CourseContent } from '@cakap/contracts';
import type { CompletionRule, ContentTypeDefinition } from '@cakap/plugin-sdk';
import { z } from 'zod';
import type { ContentTypes } from './content';
import {
  EMPTY_BLOCK_STATE,
  applyEvent,
  blockIndex,
  completeLesson,
  completionRuleOf,
  jakartaDate,
  jakartaYear,
  minutesToJp,
  resumeLesson,
  summarizeProgress,
  type BlockState,
} from './progress';

const def = (key: string, completion: CompletionRule): ContentTypeDefinition => ({
  key,
  title: { id: key, en: key },
  schema: z.unknown(),
  completion,
});
const defs: Record<string, ContentTypeDefinition> = {
  text: def('text', { kind: 'viewed' }),
  video: def('video', { kind: 'watched', fraction: 0.9 }),
  check: def('check', { kind: 'manual' }),
  quiz: def('quiz', { kind: 'custom', key: 'quiz.passed' }),
};
const types: ContentTypes = { contentType: (k) => defs[k] };

const content: CourseContent = {
  modules: [
    {
      key: 'm1',
      title: 'Modul 1',
      lessons: [
        { key: 'l1', title: 'Pelajaran 1', blocks: [{ key: 'b1', type: 'text', data: {} }, { key: 'b2', type: 'video', data: {} }] },
        { key: 'l2', title: 'Pelajaran 2', blocks: [{ key: 'b3', type: 'check', data: {} }] },
      ],
    },
    { key: 'm2', title: 'Modul 2', lessons: [{ key: 'l3', title: 'Pelajaran 3', blocks: [{ key: 'b4', type: 'quiz', data: {} }] }] },
  ],
};

const T0 = new Date('2026-03-01T02:00:00Z');
const T1 = new Date('2026-03-01T03:00:00Z');
const rule = (type: string) => completionRuleOf(type, types);

describe('block completion rules', () => {
  it('viewed: any event completes it, once', () => {
    const s = applyEvent(rule('text'), EMPTY_BLOCK_STATE, { kind: 'viewed' }, T0);
    expect(s).toEqual({ viewedAt: T0, maxFraction: 0, completedAt: T0 });
    expect(applyEvent(rule('text'), s, { kind: 'viewed' }, T1)).toEqual(s);
  });

  it('watched: completes at the fraction (0.9 for video), never by a bare "completed" claim, and never goes back', () => {
    let s = applyEvent(rule('video'), EMPTY_BLOCK_STATE, { kind: 'watched', fraction: 0.5 }, T0);
    expect(s).toMatchObject({ viewedAt: T0, maxFraction: 0.5, completedAt: null });
    s = applyEvent(rule('video'), s, { kind: 'completed' }, T0);
    expect(s.completedAt).toBeNull();
    s = applyEvent(rule('video'), s, { kind: 'watched', fraction: 0.89 }, T0);
    expect(s.completedAt).toBeNull();
    s = applyEvent(rule('video'), s, { kind: 'watched', fraction: 0.9 }, T1);
    expect(s).toMatchObject({ maxFraction: 0.9, completedAt: T1 });
    // A resent older event (seek back, dropped connection) changes nothing.
    expect(applyEvent(rule('video'), s, { kind: 'watched', fraction: 0.2 }, T1)).toEqual(s);
  });

  it('manual: viewing is not enough, marking it done is', () => {
    let s = applyEvent(rule('check'), EMPTY_BLOCK_STATE, { kind: 'viewed' }, T0);
    expect(s.completedAt).toBeNull();
    s = applyEvent(rule('check'), s, { kind: 'completed' }, T1);
    expect(s.completedAt).toEqual(T1);
  });

  it('custom and disabled types are never completed by a client event (the server decides: a graded quiz)', () => {
    expect(rule('gone')).toEqual({ kind: 'custom', key: 'unknown:gone' });
    expect(applyEvent(rule('quiz'), EMPTY_BLOCK_STATE, { kind: 'viewed' }, T0).completedAt).toBeNull();
    const claimed = applyEvent(rule('quiz'), EMPTY_BLOCK_STATE, { kind: 'completed' }, T0);
    expect(claimed).toEqual({ viewedAt: T0, maxFraction: 0, completedAt: null });
    expect(applyEvent(rule('gone'), EMPTY_BLOCK_STATE, { kind: 'completed' }, T0).completedAt).toBeNull();
    // A block the server completed stays complete whatever the client sends.
    const done: BlockState = { viewedAt: T0, maxFraction: 0, completedAt: T0 };
    expect(applyEvent(rule('quiz'), done, { kind: 'viewed' }, T1)).toEqual(done);
  });
});

describe('completing a lesson', () => {
  it('completes viewed and manual blocks', () => {
    const r = completeLesson(
      [
        { key: 'a', rule: rule('text'), state: EMPTY_BLOCK_STATE },
        { key: 'b', rule: rule('check'), state: EMPTY_BLOCK_STATE },
      ],
      T0,
    );
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.blocks.map((b) => [b.key, b.changed, b.state.completedAt])).toEqual([['a', true, T0], ['b', true, T0]]);
  });

  it('refuses while a watched or custom block is unfinished, naming them', () => {
    const r = completeLesson(
      [
        { key: 'a', rule: rule('text'), state: EMPTY_BLOCK_STATE },
        { key: 'v', rule: rule('video'), state: { viewedAt: T0, maxFraction: 0.5, completedAt: null } },
        { key: 'q', rule: rule('quiz'), state: EMPTY_BLOCK_STATE },
      ],
      T0,
    );
    expect(r).toEqual({ ok: false, pending: [{ key: 'v', rule: rule('video') }, { key: 'q', rule: rule('quiz') }] });
  });

  it('accepts a lesson whose media was already watched, and leaves done blocks unchanged', () => {
    const done: BlockState = { viewedAt: T0, maxFraction: 0.95, completedAt: T0 };
    const r = completeLesson([{ key: 'v', rule: rule('video'), state: done }], T1);
    expect(r).toEqual({ ok: true, blocks: [{ key: 'v', state: done, changed: false }] });
  });
});

describe('summarizeProgress', () => {
  it('counts blocks, lessons and modules and finds the course incomplete until every block is', () => {
    const states = new Map<string, BlockState>([['b1', { viewedAt: T0, maxFraction: 0, completedAt: T0 }]]);
    const s = summarizeProgress(content, types, states, 'l1');
    expect(s).toMatchObject({ completedBlocks: 1, totalBlocks: 4, percent: 25, completedLessons: 0, totalLessons: 3, courseComplete: false, resumeLessonKey: 'l1' });
    expect(s.lessons[0]).toEqual({ key: 'l1', moduleKey: 'm1', completed: false, completedBlocks: 1, totalBlocks: 2 });
    expect(s.blocks.map((b) => b.rule.kind)).toEqual(['viewed', 'watched', 'manual', 'custom']);

    const all = new Map<string, BlockState>(['b1', 'b2', 'b3', 'b4'].map((k) => [k, { viewedAt: T0, maxFraction: 1, completedAt: T0 }]));
    const done = summarizeProgress(content, types, all, 'l3');
    expect(done).toMatchObject({ percent: 100, completedLessons: 3, courseComplete: true });
    expect(done.modules).toEqual([
      { key: 'm1', completed: true, completedLessons: 2, totalLessons: 2 },
      { key: 'm2', completed: true, completedLessons: 1, totalLessons: 1 },
    ]);
  });

  it('rounds the percent down, so 100 means done', () => {
    const states = new Map<string, BlockState>(['b1', 'b2', 'b3'].map((k) => [k, { viewedAt: T0, maxFraction: 1, completedAt: T0 }]));
    expect(summarizeProgress(content, types, states).percent).toBe(75);
    const many: CourseContent = {
      modules: [{ key: 'm', title: 'M', lessons: [{ key: 'l', title: 'L', blocks: Array.from({ length: 200 }, (_, i) => ({ key: `k${i}`, type: 'text', data: {} })) }] }],
    };
    const almost = new Map<string, BlockState>(Array.from({ length: 199 }, (_, i) => [`k${i}`, { viewedAt: T0, maxFraction: 0, completedAt: T0 }]));
    expect(summarizeProgress(many, types, almost).percent).toBe(99);
  });

  it('never completes a course without blocks', () => {
    expect(summarizeProgress({ modules: [] }, types, new Map())).toMatchObject({ percent: 0, courseComplete: false, resumeLessonKey: null });
  });

  it('indexes blocks by key', () => {
    expect(blockIndex(content).get('b3')).toEqual({ lessonKey: 'l2', type: 'check' });
  });
});

describe('resumeLesson', () => {
  const ls = (done: boolean[]) => done.map((completed, i) => ({ key: `l${i + 1}`, completed, totalBlocks: 1 }));
  it('resumes the last opened lesson while unfinished, else the next unfinished one', () => {
    expect(resumeLesson(ls([false, false, false]), null)).toBe('l1');
    expect(resumeLesson(ls([true, false, false]), 'l2')).toBe('l2');
    expect(resumeLesson(ls([false, true, false]), 'l2')).toBe('l3');
    expect(resumeLesson(ls([false, true, true]), 'l3')).toBe('l1');
    expect(resumeLesson(ls([true, true, true]), 'l2')).toBe('l2');
    expect(resumeLesson(ls([true, true, true]), null)).toBe('l1');
    expect(resumeLesson(ls([true, false]), 'gone')).toBe('l2');
  });
});

describe('JP years (Asia/Jakarta)', () => {
  it('takes the calendar year in WIB, not UTC', () => {
    // 31 Dec 2025 18:00 UTC is 1 Jan 2026 01:00 WIB.
    expect(jakartaYear(new Date('2025-12-31T18:00:00Z'))).toBe(2026);
    expect(jakartaDate(new Date('2025-12-31T18:00:00Z'))).toBe('2026-01-01');
    expect(jakartaYear(new Date('2025-12-31T16:59:59Z'))).toBe(2025);
  });
  it('counts 45 minutes as one JP', () => {
    expect(minutesToJp(90)).toBe(2);
    expect(minutesToJp(44)).toBe(0);
  });
});
