import type { CourseContent } from '@cakap/contracts';
import type { ContentTypeDefinition } from '@cakap/plugin-sdk';
import type { $ZodIssue } from 'zod/v4/core';

/** What the content rules need of the plugin registry (the api passes the real one). */
export interface ContentTypes {
  contentType(key: string): ContentTypeDefinition | undefined;
}

export type ContentPath = (string | number)[];

/** Message keys of the content rules (catalogue in @cakap/contracts). */
export const CONTENT_MESSAGES = {
  unknownType: 'content.unknownType',
  duplicateKey: 'content.duplicateKey',
  fileNotFound: 'content.fileNotFound',
  empty: 'content.empty',
} as const;

/**
 * `draft`: what autosave accepts — each type's lenient draftSchema, so unfinished blocks are
 * kept (and sanitised). `final`: what review and publication need — each type's strict
 * schema, and at least one lesson with content.
 */
export type ValidationMode = 'draft' | 'final';

export type ValidateResult = { ok: true; content: CourseContent } | { ok: false; issues: $ZodIssue[] };

const custom = (path: ContentPath, message: string, input?: unknown): $ZodIssue =>
  ({ code: 'custom', path, message, input }) as $ZodIssue;

/**
 * Checks a content tree against the enabled content types: every block's type must be
 * enabled, its data must pass the type's schema, and keys must be unique across the whole
 * course (progress refers to lesson and block keys). Returns the tree as it will be
 * stored — each block's data as its schema output it (e.g. sanitised HTML) — or zod issues
 * whose paths point into the request body (`modules.0.lessons.1.blocks.2.data.url`).
 */
export function validateContent(content: CourseContent, types: ContentTypes, mode: ValidationMode = 'final'): ValidateResult {
  const issues: $ZodIssue[] = [];
  if (mode === 'final' && !content.modules.some((m) => m.lessons.some((l) => l.blocks.length > 0))) {
    issues.push(custom(['modules'], CONTENT_MESSAGES.empty));
  }
  const seen = new Set<string>();
  const unique = (key: string, path: ContentPath) => {
    if (seen.has(key)) issues.push(custom([...path, 'key'], CONTENT_MESSAGES.duplicateKey, key));
    seen.add(key);
  };
  const modules = content.modules.map((m, mi) => {
    unique(m.key, ['modules', mi]);
    return {
      key: m.key,
      title: m.title,
      lessons: m.lessons.map((l, li) => {
        unique(l.key, ['modules', mi, 'lessons', li]);
        return {
          key: l.key,
          title: l.title,
          blocks: l.blocks.map((b, bi) => {
            const path: ContentPath = ['modules', mi, 'lessons', li, 'blocks', bi];
            unique(b.key, path);
            const def = types.contentType(b.type);
            if (!def) {
              issues.push(custom([...path, 'type'], CONTENT_MESSAGES.unknownType, b.type));
              return { key: b.key, type: b.type, data: b.data };
            }
            const schema = mode === 'draft' ? (def.draftSchema ?? def.schema) : def.schema;
            const parsed = schema.safeParse(b.data);
            if (!parsed.success) {
              for (const issue of parsed.error.issues) issues.push({ ...issue, path: [...path, 'data', ...issue.path] } as $ZodIssue);
              return { key: b.key, type: b.type, data: b.data };
            }
            return { key: b.key, type: b.type, data: parsed.data };
          }),
        };
      }),
    };
  });
  return issues.length ? { ok: false, issues } : { ok: true, content: { modules } };
}

export interface FileReference {
  fileId: string;
  /** The block that refers to it. */
  path: ContentPath;
}

/** Every uploaded file the content refers to, as the content types report them. */
export function fileReferences(content: CourseContent, types: ContentTypes): FileReference[] {
  const out: FileReference[] = [];
  content.modules.forEach((m, mi) =>
    m.lessons.forEach((l, li) =>
      l.blocks.forEach((b, bi) => {
        const def = types.contentType(b.type);
        for (const fileId of def?.files?.(b.data) ?? []) {
          out.push({ fileId, path: ['modules', mi, 'lessons', li, 'blocks', bi, 'data'] });
        }
      }),
    ),
  );
  return out;
}

/** The distinct file ids the content refers to. */
export function referencedFiles(content: CourseContent, types: ContentTypes): string[] {
  return [...new Set(fileReferences(content, types).map((r) => r.fileId))];
}

export interface OutlineStats {
  moduleCount: number;
  lessonCount: number;
  blockCount: number;
}

export function outlineStats(content: CourseContent): OutlineStats {
  let lessonCount = 0;
  let blockCount = 0;
  for (const m of content.modules) {
    lessonCount += m.lessons.length;
    for (const l of m.lessons) blockCount += l.blocks.length;
  }
  return { moduleCount: content.modules.length, lessonCount, blockCount };
}

export interface OutlineModule {
  key: string;
  title: string;
  lessons: { key: string; title: string; blockCount: number }[];
}

/** Module and lesson titles only: what a course page shows before enrolment (no block data). */
export function outline(content: CourseContent): OutlineModule[] {
  return content.modules.map((m) => ({
    key: m.key,
    title: m.title,
    lessons: m.lessons.map((l) => ({ key: l.key, title: l.title, blockCount: l.blocks.length })),
  }));
}

/** Plain text for search: titles plus what each content type's summarize() says of its data. */
export function contentSearchText(content: CourseContent, types: ContentTypes): string {
  const parts: string[] = [];
  for (const m of content.modules) {
    parts.push(m.title);
    for (const l of m.lessons) {
      parts.push(l.title);
      for (const b of l.blocks) {
        const def = types.contentType(b.type);
        try {
          const text = def?.summarize?.(b.data);
          if (text) parts.push(text);
        } catch {
          // A plugin's summary is a convenience for search; it never blocks publishing.
        }
      }
    }
  }
  return parts
    .join(' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
