import type { CourseContent, FieldError } from '@cakap/contracts';

/** A new stable key for a module, lesson or block: 12 url-safe random characters. */
export function newKey(): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-';
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  let key = '';
  for (const b of bytes) key += alphabet[b & 63];
  return key;
}

/** What survives a crash or a reload: the edited tree and the revision it was based on. */
export interface LocalDraft {
  content: CourseContent;
  revision: number;
  fileUrls?: Record<string, string>;
  savedAt: string;
}

const draftKey = (courseId: string) => `cakap.draft.${courseId}`;
const backupKey = (courseId: string) => `cakap.draft.${courseId}.backup`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function readLocalDraft(courseId: string): LocalDraft | null {
  try {
    const raw = storage()?.getItem(draftKey(courseId));
    if (!raw) return null;
    const d = JSON.parse(raw) as LocalDraft;
    return d && d.content && Array.isArray(d.content.modules) && typeof d.revision === 'number' ? d : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(courseId: string, draft: Omit<LocalDraft, 'savedAt'>) {
  try {
    storage()?.setItem(draftKey(courseId), JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
  } catch {
    // storage full or disabled: the draft still lives in memory
  }
}

export function clearLocalDraft(courseId: string) {
  storage()?.removeItem(draftKey(courseId));
}

/** Keeps a copy of edits the author chose to drop (a conflict resolved by reloading). */
export function backupLocalDraft(courseId: string, draft: Omit<LocalDraft, 'savedAt'>) {
  try {
    storage()?.setItem(backupKey(courseId), JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
  } catch {
    // ignore
  }
}

/** JSON with object keys sorted: equal trees, equal strings (whatever order the api used). */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function sameContent(a: CourseContent, b: CourseContent): boolean {
  return stableStringify(a?.modules ?? []) === stableStringify(b?.modules ?? []);
}

/** Server errors of a content save, placed where the author can see them. */
export interface ContentErrors {
  /** By block key: the plugin editor's `errors` (field path inside data → message). */
  blocks: Record<string, Record<string, string>>;
  /** By module or lesson key: the title's message. */
  titles: Record<string, string>;
  /** Anything that found no place. */
  other: string[];
}

/**
 * Maps problem `errors[]` with paths like `modules.0.lessons.1.blocks.2.data.url` onto the
 * keys of the tree that was sent.
 */
export function mapContentErrors(errors: FieldError[], content: CourseContent): ContentErrors {
  const out: ContentErrors = { blocks: {}, titles: {}, other: [] };
  for (const e of errors) {
    const path = e.field.replace(/^body\./, '').replace(/\[(\d+)\]/g, '.$1');
    const m = /^modules\.(\d+)(?:\.lessons\.(\d+)(?:\.blocks\.(\d+))?)?(?:\.(.*))?$/.exec(path);
    if (!m) {
      out.other.push(e.message);
      continue;
    }
    const mod = content.modules[Number(m[1])];
    const lesson = m[2] !== undefined ? mod?.lessons[Number(m[2])] : undefined;
    const block = m[3] !== undefined ? lesson?.blocks[Number(m[3])] : undefined;
    const rest = m[4] ?? '';
    if (block) {
      const field = rest.replace(/^data\.?/, '') || '_';
      const map = (out.blocks[block.key] ??= {});
      if (!(field in map)) map[field] = e.message;
    } else if (lesson && m[3] === undefined) {
      out.titles[lesson.key] ??= e.message;
    } else if (mod && m[2] === undefined) {
      out.titles[mod.key] ??= e.message;
    } else {
      out.other.push(e.message);
    }
  }
  return out;
}

/** Moves an item of an array (returns a new array). */
export function move<T>(list: T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return list;
  const next = list.slice();
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/**
 * Moves a lesson (by key) into another module (or within its own), at `index` of the target's
 * lessons after removal (the end when absent or out of range). Returns a new tree; the same
 * tree when the lesson or the module is unknown or nothing would change. Keys stay as they are.
 */
export function moveLesson(tree: CourseContent, lessonKey: string, toModuleKey: string, index?: number): CourseContent {
  const fromMi = tree.modules.findIndex((m) => m.lessons.some((l) => l.key === lessonKey));
  const toMi = tree.modules.findIndex((m) => m.key === toModuleKey);
  if (fromMi < 0 || toMi < 0) return tree;
  const fromLi = tree.modules[fromMi].lessons.findIndex((l) => l.key === lessonKey);
  const lesson = tree.modules[fromMi].lessons[fromLi];
  const modules = tree.modules.map((m) => ({ ...m, lessons: m.lessons.slice() }));
  modules[fromMi].lessons.splice(fromLi, 1);
  const target = modules[toMi].lessons;
  const at = index === undefined || index < 0 || index > target.length ? target.length : index;
  if (fromMi === toMi && at === fromLi) return tree;
  target.splice(at, 0, lesson);
  return { ...tree, modules };
}
