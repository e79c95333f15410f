import type { CourseContent } from '@cakap/contracts';
import type { ContentTypeDefinition } from '@cakap/plugin-sdk';
import { z } from 'zod';
import { contentSearchText, outline, outlineStats, referencedFiles, validateContent, type ContentTypes } from './content';

const defs: Record<string, ContentTypeDefinition> = {
  text: {
    key: 'text',
    title: { id: 'Teks', en: 'Text' },
    schema: z.object({ html: z.string().transform((s) => s.replace(/<script[\s\S]*?<\/script>/gi, '')) }),
    completion: { kind: 'viewed' },
    summarize: (d) => (d as { html: string }).html,
  },
  link: {
    key: 'link',
    title: { id: 'Tautan', en: 'Link' },
    schema: z.object({ url: z.url() }),
    draftSchema: z.object({ url: z.string().max(100).default('') }),
    completion: { kind: 'viewed' },
  },
  doc: {
    key: 'doc',
    title: { id: 'Berkas', en: 'File' },
    schema: z.object({ fileId: z.uuid() }),
    completion: { kind: 'manual' },
    files: (d) => [(d as { fileId: string }).fileId],
    summarize: () => {
      throw new Error('broken plugin');
    },
  },
};
const types: ContentTypes = { contentType: (k) => defs[k] };
const FILE = '0f8fad5b-d9cb-469f-a165-70867728950e';

const tree = (blocks: { key: string; type: string; data: unknown }[], more: CourseContent['modules'] = []): CourseContent => ({
  modules: [{ key: 'm1', title: 'Modul 1', lessons: [{ key: 'l1', title: 'Pelajaran 1', blocks }] }, ...more],
});

describe('validateContent', () => {
  it('returns the content as the schemas output it', () => {
    const r = validateContent(tree([{ key: 'b1', type: 'text', data: { html: '<p>Hai</p><script>alert(1)</script>' } }]), types);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.content.modules[0].lessons[0].blocks[0].data).toEqual({ html: '<p>Hai</p>' });
  });

  it('names each problem by its path in the request body', () => {
    const r = validateContent(
      tree(
        [
          { key: 'b1', type: 'text', data: { html: 'ok' } },
          { key: 'b2', type: 'video', data: {} },
          { key: 'b3', type: 'link', data: { url: 'not a url' } },
        ],
        [{ key: 'm2', title: 'Modul 2', lessons: [{ key: 'b1', title: 'Dup', blocks: [] }] }],
      ),
      types,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const found = r.issues.map((i) => [i.path.join('.'), i.message]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['modules.0.lessons.0.blocks.1.type', 'content.unknownType'],
        ['modules.0.lessons.0.blocks.2.data.url', expect.any(String)],
        ['modules.1.lessons.0.key', 'content.duplicateKey'],
      ]),
    );
    expect(found).toHaveLength(3);
  });
});

describe('validation modes', () => {
  it('keeps unfinished blocks in a draft through the draft schema, and refuses them for review', () => {
    const half = tree([{ key: 'b1', type: 'link', data: { url: 'exa' } }]);
    expect(validateContent(half, types, 'draft')).toEqual({ ok: true, content: half });
    const final = validateContent(half, types, 'final');
    expect(final.ok).toBe(false);
    if (!final.ok) expect(final.issues[0].path).toEqual(['modules', 0, 'lessons', 0, 'blocks', 0, 'data', 'url']);
  });

  it('uses the strict schema for drafts of types without a draft schema, and still refuses garbage', () => {
    expect(validateContent(tree([{ key: 'b1', type: 'doc', data: {} }]), types, 'draft').ok).toBe(false);
    expect(validateContent(tree([{ key: 'b1', type: 'link', data: { url: 42 } }]), types, 'draft').ok).toBe(false);
  });

  it('needs some content for review, not for a draft', () => {
    const empty: CourseContent = { modules: [{ key: 'm1', title: 'Modul', lessons: [{ key: 'l1', title: 'P', blocks: [] }] }] };
    expect(validateContent(empty, types, 'draft').ok).toBe(true);
    const final = validateContent(empty, types, 'final');
    expect(!final.ok && final.issues[0].message).toBe('content.empty');
  });
});

describe('content helpers', () => {
  const content = tree([
    { key: 'b1', type: 'text', data: { html: '<p>Pelayanan <b>publik</b></p>' } },
    { key: 'b2', type: 'doc', data: { fileId: FILE } },
    { key: 'b3', type: 'doc', data: { fileId: FILE } },
  ]);

  it('collects the distinct files referenced', () => {
    expect(referencedFiles(content, types)).toEqual([FILE]);
  });

  it('counts modules, lessons and blocks and gives an outline without block data', () => {
    expect(outlineStats(content)).toEqual({ moduleCount: 1, lessonCount: 1, blockCount: 3 });
    expect(outline(content)).toEqual([{ key: 'm1', title: 'Modul 1', lessons: [{ key: 'l1', title: 'Pelajaran 1', blockCount: 3 }] }]);
  });

  it('builds search text from titles and summaries, tolerating a broken summarize()', () => {
    expect(contentSearchText(content, types)).toBe('Modul 1 Pelajaran 1 Pelayanan publik');
  });
});
