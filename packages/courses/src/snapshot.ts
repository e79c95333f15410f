import type { CourseContent, CourseMeta, VersionSnapshot } from '@cakap/contracts';
import { createHash } from 'node:crypto';

/**
 * Canonical JSON: object keys sorted at every depth, no whitespace, `undefined` members
 * dropped. Two snapshots with the same meaning have the same text, hence the same hash.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The SHA-256 of a snapshot's canonical JSON (stored with the version; equal hashes, identical versions). */
export function snapshotHash(snapshot: VersionSnapshot): string {
  return sha256Hex(canonicalJson(snapshot));
}

export interface SnapshotInput {
  courseId: string;
  version: number;
  meta: CourseMeta;
  content: CourseContent;
  authors: { id: string; name: string }[];
  publishedAt: Date | string;
}

/** The frozen form of a course at publication: only the fields learners receive, in a fixed shape. */
export function buildSnapshot(input: SnapshotInput): { snapshot: VersionSnapshot; hash: string } {
  const m = input.meta;
  const snapshot: VersionSnapshot = {
    courseId: input.courseId,
    version: input.version,
    meta: {
      title: m.title,
      summary: m.summary,
      jp: m.jp,
      category: m.category ?? null,
      coverFileId: m.coverFileId ?? null,
      durationMinutes: m.durationMinutes ?? null,
      language: m.language,
      developmentForm: m.developmentForm,
      tags: [...m.tags],
    },
    content: {
      modules: input.content.modules.map((mod) => ({
        key: mod.key,
        title: mod.title,
        lessons: mod.lessons.map((l) => ({
          key: l.key,
          title: l.title,
          blocks: l.blocks.map((b) => ({ key: b.key, type: b.type, data: b.data })),
        })),
      })),
    },
    authors: input.authors.map((a) => ({ id: a.id, name: a.name })),
    publishedAt: typeof input.publishedAt === 'string' ? input.publishedAt : input.publishedAt.toISOString(),
  };
  // Through canonical JSON once, so what is hashed is exactly what is stored (no undefined, no Dates).
  const frozen = JSON.parse(canonicalJson(snapshot)) as VersionSnapshot;
  return { snapshot: frozen, hash: snapshotHash(frozen) };
}
