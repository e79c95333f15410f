import type { CourseContent, CourseMeta, VersionSnapshot } from '@cakap/contracts';
import { createHash } from 'node:crypto';
import type { $ZodIssue } from 'zod/v4/core';
import { contentSearchText, outlineStats, validateContent, type ContentTypes } from './content';

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

/** Everything a new version row holds, derived from the course as it is at publication. */
export interface Publication {
  snapshot: VersionSnapshot;
  hash: string;
  /** Lower-case text the catalog searches: metadata plus what each content type summarises. */
  searchText: string;
  moduleCount: number;
  lessonCount: number;
}

/**
 * Freezes a course into version `input.version`. The content must pass the strict schemas
 * (what is published is their output, e.g. canonical video links); otherwise the issues
 * say which blocks are unfinished.
 */
export function preparePublication(
  input: SnapshotInput,
  types: ContentTypes,
): { ok: true; publication: Publication } | { ok: false; issues: $ZodIssue[] } {
  const final = validateContent(input.content, types, 'final');
  if (!final.ok) return final;
  const { snapshot, hash } = buildSnapshot({ ...input, content: final.content });
  const stats = outlineStats(snapshot.content);
  const m = snapshot.meta;
  const searchText = [m.title, m.summary, m.category ?? '', ...m.tags, contentSearchText(snapshot.content, types)]
    .join(' ')
    .toLowerCase();
  return { ok: true, publication: { snapshot, hash, searchText, moduleCount: stats.moduleCount, lessonCount: stats.lessonCount } };
}
