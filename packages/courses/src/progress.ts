import type { CourseContent } from '@cakap/contracts';
import type { CompletionRule } from '@cakap/plugin-sdk';
import type { ContentTypes } from './content';

/**
 * Progress and completion (issue 4). Pure: the api loads the pinned version's content, the
 * plugin registry and the recorded block progress, and asks these rules what is complete.
 *
 * A block is complete once its content type's rule is met, and stays complete (what a learner
 * did is never lost, whatever the client resends):
 * - `viewed`: the block was shown (any event for it);
 * - `watched`: the furthest point played reached the rule's fraction (e.g. 0.9 for video);
 * - `manual`: the learner marked it done (a `completed` event, or the lesson's "complete");
 * - `custom` (a quiz): decided by the server only (a quiz graded and passed, @cakap/learning
 *   records it); no client event completes it. A block whose type is no longer enabled is
 *   treated the same way, so it can no longer be completed.
 */

export interface BlockState {
  viewedAt: Date | null;
  /** Furthest fraction played, 0–1. */
  maxFraction: number;
  /** When the block's rule was met; null while it is not. */
  completedAt: Date | null;
}

export const EMPTY_BLOCK_STATE: Readonly<BlockState> = Object.freeze({ viewedAt: null, maxFraction: 0, completedAt: null });

/** The rule of a block's type; an unknown (disabled) type is custom, so no client event completes it. */
export function completionRuleOf(type: string, types: ContentTypes): CompletionRule {
  return types.contentType(type)?.completion ?? { kind: 'custom', key: `unknown:${type}` };
}

export function ruleLabel(rule: CompletionRule): string {
  switch (rule.kind) {
    case 'watched':
      return `watched ${Math.round(rule.fraction * 100)}%`;
    case 'custom':
      return `custom ${rule.key}`;
    default:
      return rule.kind;
  }
}

/**
 * Applies one client event to a block's state. Monotonic: nothing goes backwards, replays change
 * nothing. A custom block only records the view: its completion is the server's (a graded quiz).
 */
export function applyEvent(rule: CompletionRule, state: BlockState, event: { kind: 'viewed' | 'watched' | 'completed'; fraction?: number }, at: Date): BlockState {
  const next: BlockState = {
    viewedAt: state.viewedAt ?? at,
    maxFraction: state.maxFraction,
    completedAt: state.completedAt,
  };
  if (event.kind === 'watched' && event.fraction !== undefined) next.maxFraction = Math.max(next.maxFraction, Math.min(1, Math.max(0, event.fraction)));
  if (next.completedAt) return next;
  const met =
    rule.kind === 'viewed' ||
    (rule.kind === 'watched' && next.maxFraction >= rule.fraction) ||
    (rule.kind === 'manual' && event.kind === 'completed');
  if (met) next.completedAt = at;
  return next;
}

/** Whether finishing a lesson may complete this block (viewed/manual), or it must be earned first (watched/custom). */
export function completableByLesson(rule: CompletionRule): boolean {
  return rule.kind === 'viewed' || rule.kind === 'manual';
}

export interface LessonCompletionInput {
  key: string;
  rule: CompletionRule;
  state: BlockState;
}

export type LessonCompletion =
  | { ok: true; blocks: { key: string; state: BlockState; changed: boolean }[] }
  | { ok: false; pending: { key: string; rule: CompletionRule }[] };

/**
 * "I finished this lesson": completes its viewed and manual blocks; refused (nothing changes)
 * when a watched or custom block of the lesson is not complete yet, naming those blocks.
 */
export function completeLesson(blocks: LessonCompletionInput[], at: Date): LessonCompletion {
  const pending = blocks.filter((b) => !b.state.completedAt && !completableByLesson(b.rule)).map((b) => ({ key: b.key, rule: b.rule }));
  if (pending.length) return { ok: false, pending };
  return {
    ok: true,
    blocks: blocks.map((b) => {
      if (b.state.completedAt) return { key: b.key, state: b.state, changed: false };
      return { key: b.key, state: applyEvent(b.rule, b.state, { kind: 'completed' }, at), changed: true };
    }),
  };
}

export interface BlockSummary {
  key: string;
  lessonKey: string;
  rule: CompletionRule;
  state: BlockState;
  completed: boolean;
}

export interface ProgressSummaryResult {
  blocks: BlockSummary[];
  lessons: { key: string; moduleKey: string; completed: boolean; completedBlocks: number; totalBlocks: number }[];
  modules: { key: string; completed: boolean; completedLessons: number; totalLessons: number }[];
  completedLessons: number;
  totalLessons: number;
  completedBlocks: number;
  totalBlocks: number;
  /** Completed blocks over all blocks, rounded down: 100 only when everything is done. */
  percent: number;
  /** Every block of the course complete (a course without blocks never completes). */
  courseComplete: boolean;
  resumeLessonKey: string | null;
}

/**
 * Progress of a learner in a version's content. A lesson is complete when all its blocks are
 * (a lesson without blocks counts as complete); a module when all its lessons are.
 */
export function summarizeProgress(
  content: CourseContent,
  types: ContentTypes,
  states: ReadonlyMap<string, BlockState>,
  lastLessonKey: string | null = null,
): ProgressSummaryResult {
  const blocks: BlockSummary[] = [];
  const lessons: ProgressSummaryResult['lessons'] = [];
  const modules: ProgressSummaryResult['modules'] = [];
  for (const m of content.modules) {
    let done = 0;
    for (const l of m.lessons) {
      let completedBlocks = 0;
      for (const b of l.blocks) {
        const state = states.get(b.key) ?? EMPTY_BLOCK_STATE;
        const completed = state.completedAt !== null;
        if (completed) completedBlocks++;
        blocks.push({ key: b.key, lessonKey: l.key, rule: completionRuleOf(b.type, types), state, completed });
      }
      const completed = completedBlocks === l.blocks.length;
      if (completed) done++;
      lessons.push({ key: l.key, moduleKey: m.key, completed, completedBlocks, totalBlocks: l.blocks.length });
    }
    modules.push({ key: m.key, completed: done === m.lessons.length, completedLessons: done, totalLessons: m.lessons.length });
  }
  const completedBlocks = blocks.filter((b) => b.completed).length;
  const totalBlocks = blocks.length;
  const completedLessons = lessons.filter((l) => l.completed).length;
  return {
    blocks,
    lessons,
    modules,
    completedLessons,
    totalLessons: lessons.length,
    completedBlocks,
    totalBlocks,
    percent: totalBlocks ? Math.floor((completedBlocks * 100) / totalBlocks) : 0,
    courseComplete: totalBlocks > 0 && completedBlocks === totalBlocks,
    resumeLessonKey: resumeLesson(lessons, lastLessonKey),
  };
}

/**
 * Where "continue learning" opens: the lesson opened last while it is unfinished; otherwise
 * the first unfinished lesson after it (then from the start); the last opened (or first)
 * lesson once everything is done.
 */
export function resumeLesson(lessons: { key: string; completed: boolean; totalBlocks: number }[], lastLessonKey: string | null): string | null {
  if (!lessons.length) return null;
  const at = lastLessonKey ? lessons.findIndex((l) => l.key === lastLessonKey) : -1;
  const open = (l: { completed: boolean; totalBlocks: number }) => !l.completed && l.totalBlocks > 0;
  if (at >= 0 && open(lessons[at])) return lessons[at].key;
  const after = lessons.slice(at + 1).find(open) ?? lessons.slice(0, Math.max(at, 0)).find(open);
  if (after) return after.key;
  return at >= 0 ? lessons[at].key : lessons[0].key;
}

/** The blocks of a version, by key, with their lesson and type (progress refers to keys). */
export function blockIndex(content: CourseContent): Map<string, { lessonKey: string; type: string }> {
  const index = new Map<string, { lessonKey: string; type: string }>();
  for (const m of content.modules) for (const l of m.lessons) for (const b of l.blocks) index.set(b.key, { lessonKey: l.key, type: b.type });
  return index;
}

export function findLesson(content: CourseContent, lessonKey: string) {
  for (const m of content.modules) for (const l of m.lessons) if (l.key === lessonKey) return l;
  return undefined;
}

/** Asia/Jakarta (WIB) is UTC+7 all year (no daylight saving). */
const WIB_OFFSET_MS = 7 * 3600 * 1000;

/** The calendar date in Asia/Jakarta, `YYYY-MM-DD`. */
export function jakartaDate(at: Date): string {
  return new Date(at.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** The JP year of a completion: the calendar year in Asia/Jakarta (invariant 8). */
export function jakartaYear(at: Date): number {
  return new Date(at.getTime() + WIB_OFFSET_MS).getUTCFullYear();
}

/** Minutes to JP, rounded down (1 JP = 45 minutes). */
export function minutesToJp(minutes: number): number {
  return Math.floor(minutes / 45);
}
