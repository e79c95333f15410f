import { buildSnapshot, canonicalJson, sha256Hex, snapshotHash } from './snapshot';

const meta = {
  title: 'Pelayanan Publik Prima',
  summary: 'Ringkas',
  jp: 2,
  category: null,
  coverFileId: null,
  durationMinutes: 90,
  language: 'id' as const,
  developmentForm: 'NKL03' as const,
  tags: ['pelayanan'],
};
const input = {
  courseId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  version: 1,
  meta,
  content: { modules: [{ key: 'm', title: 'M', lessons: [{ key: 'l', title: 'L', blocks: [{ key: 'b', type: 'x', data: { z: 1, a: [1, { d: 2, c: 3 }] } }] }] }] },
  authors: [{ id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', name: 'Budi' }],
  publishedAt: new Date('2026-11-28T10:00:00Z'),
};

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { y: 1, x: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"x":2,"y":1}]},"b":1}');
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
  });

  it('hashes with SHA-256 in hex', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('buildSnapshot', () => {
  it('freezes metadata, content and authors and hashes them', () => {
    const { snapshot, hash } = buildSnapshot(input);
    expect(snapshot.publishedAt).toBe('2026-11-28T10:00:00.000Z');
    expect(snapshot.meta.title).toBe('Pelayanan Publik Prima');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    // Key order of the stored form (Postgres jsonb reorders keys) never changes the hash.
    const reordered = JSON.parse(JSON.stringify(snapshot, Object.keys(snapshot).reverse()));
    expect(snapshotHash({ ...reordered, ...snapshot })).toBe(hash);
  });

  it('gives a different hash when anything changes, and the same for the same input', () => {
    expect(buildSnapshot(input).hash).toBe(buildSnapshot({ ...input }).hash);
    expect(buildSnapshot({ ...input, version: 2 }).hash).not.toBe(buildSnapshot(input).hash);
    expect(buildSnapshot({ ...input, meta: { ...meta, jp: 3 } }).hash).not.toBe(buildSnapshot(input).hash);
  });
});
