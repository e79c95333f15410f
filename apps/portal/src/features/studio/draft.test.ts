import { describe, expect, it } from 'vitest';
import { mapContentErrors, move, moveLesson, newKey } from './draft';
import type { CourseContent } from '@cakap/contracts';

const content = {
  modules: [
    {
      key: 'm1',
      title: 'Modul',
      lessons: [
        { key: 'l1', title: 'A', blocks: [] },
        { key: 'l2', title: '', blocks: [{ key: 'b1', type: 'richtext', data: {} }, { key: 'b2', type: 'embed', data: {} }, { key: 'b3', type: 'video', data: {} }] },
      ],
    },
  ],
};

describe('draft helpers', () => {
  it('makes url-safe keys the contract accepts', () => {
    const keys = new Set(Array.from({ length: 200 }, newKey));
    expect(keys.size).toBe(200);
    for (const k of keys) expect(k).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });

  it('maps server field paths onto blocks and titles', () => {
    const mapped = mapContentErrors(
      [
        { field: 'modules.0.lessons.1.blocks.2.data.url', code: 'x', message: 'URL tidak valid' },
        { field: 'modules.0.lessons.1.title', code: 'x', message: 'Wajib diisi' },
        { field: 'body.modules[0].lessons[1].blocks[0].data', code: 'x', message: 'Isi kosong' },
        { field: 'revision', code: 'x', message: 'x' },
      ],
      content,
    );
    expect(mapped.blocks).toEqual({ b3: { url: 'URL tidak valid' }, b1: { _: 'Isi kosong' } });
    expect(mapped.titles).toEqual({ l2: 'Wajib diisi' });
    expect(mapped.other).toEqual(['x']);
  });

  it('moves items', () => {
    expect(move([1, 2, 3], 0, 2)).toEqual([2, 3, 1]);
    expect(move([1, 2, 3], 2, 0)).toEqual([3, 1, 2]);
    expect(move([1, 2, 3], 0, 5)).toEqual([1, 2, 3]);
  });
});

describe('moveLesson', () => {
  const lesson = (key: string) => ({ key, title: key.toUpperCase(), blocks: [{ key: `b-${key}`, type: 'richtext', data: { html: `<p>${key}</p>` } }] });
  const tree: CourseContent = {
    modules: [
      { key: 'm1', title: 'Modul 1', lessons: [lesson('a'), lesson('b'), lesson('c')] },
      { key: 'm2', title: 'Modul 2', lessons: [lesson('d')] },
      { key: 'm3', title: 'Modul 3', lessons: [] },
    ],
  };
  const shape = (t: CourseContent) => t.modules.map((m) => `${m.key}:${m.lessons.map((l) => l.key).join('')}`).join(' ');

  it('moves a lesson to the end of another module by default, keeping its key and blocks', () => {
    const next = moveLesson(tree, 'b', 'm2');
    expect(shape(next)).toBe('m1:ac m2:db m3:');
    expect(next.modules[1].lessons[1]).toEqual(lesson('b'));
    expect(shape(tree)).toBe('m1:abc m2:d m3:'); // the input is not touched
  });

  it('puts it at an index, into an empty module, or back within its own module', () => {
    expect(shape(moveLesson(tree, 'c', 'm2', 0))).toBe('m1:ab m2:cd m3:');
    expect(shape(moveLesson(tree, 'a', 'm3'))).toBe('m1:bc m2:d m3:a');
    expect(shape(moveLesson(tree, 'a', 'm1', 2))).toBe('m1:bca m2:d m3:');
    expect(shape(moveLesson(tree, 'a', 'm2', 99))).toBe('m1:bc m2:da m3:');
  });

  it('returns the same tree when nothing changes or a key is unknown', () => {
    expect(moveLesson(tree, 'a', 'm1', 0)).toBe(tree);
    expect(moveLesson(tree, 'x', 'm2')).toBe(tree);
    expect(moveLesson(tree, 'a', 'mx')).toBe(tree);
  });
});
