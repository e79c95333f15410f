import { describe, expect, it } from 'vitest';
import { mapContentErrors, move, newKey } from './draft';

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
