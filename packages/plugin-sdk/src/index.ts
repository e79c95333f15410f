import type { z } from 'zod';

/**
 * The extension points of Cakap. A plugin is a workspace package whose default export is
 * `definePlugin({...})`; which plugins run is configuration (CAKAP_PLUGINS), never code.
 * This file is the SDK's whole public surface: keep it small and bump SDK_VERSION
 * (semver) whenever it changes.
 */
export const SDK_VERSION = '0.1.0';

/** How a learner completes a block of a content type. */
export type CompletionRule =
  | { kind: 'viewed' }
  | { kind: 'watched'; fraction: number }
  | { kind: 'manual' }
  | { kind: 'custom'; key: string };

export interface ContentTypeDefinition<TData = unknown> {
  /** Unique across all enabled plugins, e.g. `richtext`. */
  key: string;
  title: { id: string; en: string };
  /** Validates (and may normalise, e.g. sanitise) the block's data on the server. */
  schema: z.ZodType<TData>;
  completion: CompletionRule;
  /** Plain text for search indexing. */
  summarize?: (data: TData) => string;
}

export interface QuestionTypeDefinition<TAuthor = unknown, TLearner = unknown, TAnswer = unknown> {
  key: string;
  title: { id: string; en: string };
  authorSchema: z.ZodType<TAuthor>;
  answerSchema: z.ZodType<TAnswer>;
  /** What the learner sees: derived from the author data, without any key. */
  toLearnerView: (data: TAuthor) => TLearner;
  grade: (data: TAuthor, answer: TAnswer | undefined) => { score: number; max: number; feedback?: string };
}

export interface CertificateTemplateDefinition {
  key: string;
  title: { id: string; en: string };
}

export interface NotificationChannelDefinition {
  key: string;
  title: { id: string; en: string };
}

export interface PluginDefinition {
  /** npm-style package id, e.g. `@cakap/plugin-richtext`. */
  id: string;
  version: string;
  /** The SDK range this plugin was written for, e.g. `^0.1.0`. */
  sdk: string;
  contentTypes?: ContentTypeDefinition<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  questionTypes?: QuestionTypeDefinition<any, any, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  certificateTemplates?: CertificateTemplateDefinition[];
  notificationChannels?: NotificationChannelDefinition[];
}

export function definePlugin<T extends PluginDefinition>(plugin: T): T {
  return plugin;
}

/** A minimal semver range check (`^x.y.z`, `~x.y.z`, `x.y.z`, `>=x.y.z`) — enough for SDK ranges. */
export function satisfiesSdk(range: string, version = SDK_VERSION): boolean {
  const parse = (v: string) => v.split('.').map((n) => Number.parseInt(n, 10));
  const m = /^(\^|~|>=)?(\d+\.\d+\.\d+)$/.exec(range.trim());
  if (!m) return false;
  const [op, base] = [m[1] ?? '', parse(m[2])];
  const v = parse(version);
  const cmp = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  if (op === '') return cmp(v, base) === 0;
  if (op === '>=') return cmp(v, base) >= 0;
  if (cmp(v, base) < 0) return false;
  if (op === '~') return v[0] === base[0] && v[1] === base[1];
  // ^: same major, or for 0.x the same minor
  return base[0] === 0 ? v[0] === 0 && v[1] === base[1] : v[0] === base[0];
}
