import type { z } from 'zod';

/**
 * The extension points of Cakap (server side). A plugin is a workspace package whose
 * default export is `definePlugin({...})`, with an optional `./portal` entry for its React
 * parts (see ./portal.ts). Which plugins run is configuration (CAKAP_PLUGINS), never code.
 * This file is the SDK's public surface: keep it small, and bump SDK_VERSION (semver)
 * whenever it changes.
 */
export const SDK_VERSION = '0.1.2';

export type Localized = { id: string; en: string };

/** How a learner completes a block of a content type. */
export type CompletionRule =
  /** Shown to the learner (the lesson was opened and the block scrolled into view). */
  | { kind: 'viewed' }
  /** Media played to at least this fraction of its length (0–1). */
  | { kind: 'watched'; fraction: number }
  /** The learner marks it done. */
  | { kind: 'manual' }
  /** Decided by the plugin's own logic (e.g. a quiz passed); `key` names that rule. */
  | { kind: 'custom'; key: string };

export interface ContentTypeDefinition<TData = unknown> {
  /** Unique across all enabled plugins, e.g. `richtext`. Stored in every block: never rename. */
  key: string;
  title: Localized;
  description?: Localized;
  /**
   * Validates a block's data on the server (and may normalise it: the rich-text type
   * sanitises its HTML here). What it returns is what gets stored and published.
   */
  schema: z.ZodType<TData>;
  /**
   * A lenient schema for unfinished drafts (autosave keeps a half-filled block instead of
   * refusing it). Whatever it keeps must be as safe as what `schema` keeps: sanitise here too.
   * Submitting for review and publishing always use `schema`. Defaults to `schema`.
   */
  draftSchema?: z.ZodType<unknown>;
  completion: CompletionRule;
  /** Plain text for search indexing. */
  summarize?: (data: TData) => string;
  /** Ids of uploaded files the data refers to, so the host can check and sign them. */
  files?: (data: TData) => string[];
}

/** What a grader returns. `score` is between 0 and `max` (the type's own scale; the host scales it to the question's points). */
export interface GradeResult {
  score: number;
  max: number;
  /** True when a person must grade it (essay): `score` is 0 until they do. */
  needsGrading?: boolean;
  /** Shown to the learner after submission when the quiz's review policy allows. */
  feedback?: string;
}

/** Shuffling handed to `toLearnerView`: seeded per attempt, so a reload shows the same order. */
export interface LearnerViewContext {
  /** A new array in this attempt's order. Call it the same way every time (it is deterministic). */
  shuffle: <T>(items: readonly T[]) => T[];
  /**
   * Whether the quiz asked for options to be shuffled. `shuffle` always shuffles: a type whose
   * order is the key (ordering, matching) uses it regardless; the others check this first.
   */
  shuffleOptions: boolean;
}

/**
 * A question type (issue 5). The author data holds the key; the learner view is derived from
 * it and must hold nothing that reveals the key (invariant 2: no correct flags, no scores per
 * option, no accepted answers). Grading is pure and runs on the server only.
 */
export interface QuestionTypeDefinition<TAuthor = unknown, TLearner = unknown, TAnswer = unknown> {
  /** Unique across all enabled plugins, e.g. `single_choice`. Stored in every question: never rename. */
  key: string;
  title: Localized;
  description?: Localized;
  /** Validates (and normalises, e.g. sanitises the prompt) what an author saves, key included. */
  authorSchema: z.ZodType<TAuthor>;
  /** Validates a learner's answer; an answer that does not parse is refused, never graded. */
  answerSchema: z.ZodType<TAnswer>;
  /** What the learner sees before submitting: no key. */
  toLearnerView: (data: TAuthor, ctx: LearnerViewContext) => TLearner;
  /** Pure. An absent answer scores 0 (or needs grading, for a type graded by people). */
  grade: (data: TAuthor, answer: TAnswer | undefined) => GradeResult;
  /** What review shows after submission when the policy allows (e.g. the correct options). */
  toReview?: (data: TAuthor) => unknown;
  /** Plain text for bank search and statistics screens (the prompt, mostly). */
  summarize?: (data: TAuthor) => string;
  /** Graded by a person (essay): the attempt waits as "needs grading" until they do. */
  manualGrading?: boolean;
}

/** Types one question type with its data inferred from the schemas. */
export function defineQuestionType<TAuthor, TLearner, TAnswer>(
  def: QuestionTypeDefinition<TAuthor, TLearner, TAnswer>,
): QuestionTypeDefinition<TAuthor, TLearner, TAnswer> {
  return def;
}

/**
 * What varies per certificate. The core fills these (already formatted, in Indonesian) for
 * each recipient; a template places them. Everything else on the page is drawn once per
 * template, which is what makes bulk issuance fast.
 */
export const CERTIFICATE_FIELDS = [
  /** "800/0123/BKPSDMD-BH/XI/2026" */
  'number',
  'name',
  /** Printed in groups: "19860926 201505 1 001". */
  'nip',
  /** "Penata Muda (III/a)"; empty for PPPK without one. */
  'rank',
  'position',
  'orgUnit',
  'courseTitle',
  /** "20 (dua puluh) jam pelajaran" */
  'jpText',
  /** "1 s.d. 28 November 2026" */
  'courseDates',
  /** "Muara Bulian, 28 November 2026": the template's place and the issue date. */
  'placeDate',
  /** The verification code, also printed under the QR. */
  'code',
  /** The public verification URL the QR encodes. */
  'verifyUrl',
] as const;
export type CertificateField = (typeof CERTIFICATE_FIELDS)[number];

/** Fonts every template can use: the core embeds them (subset to the Latin scripts Indonesian names use). */
export type CertificateFont = 'serif' | 'serif-bold' | 'sans' | 'sans-bold' | 'sans-italic';

/** An RGB colour as "#rrggbb". */
export type HexColor = string;

/**
 * One thing on the page, in PDF points from the bottom-left corner. Text may hold
 * `{field}` placeholders (`'Nomor: {number}'`); text without placeholders is static.
 */
export type CertificateElement =
  | {
      kind: 'text';
      text: string;
      x: number;
      y: number;
      size: number;
      font: CertificateFont;
      color?: HexColor;
      align?: 'left' | 'center' | 'right';
      /** Shrinks the font (down to 60%) so that a long value fits this width. */
      maxWidth?: number;
      /** Letter spacing in points (titles). */
      spacing?: number;
    }
  | { kind: 'rect'; x: number; y: number; width: number; height: number; stroke?: HexColor; fill?: HexColor; lineWidth?: number }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; color?: HexColor; lineWidth?: number }
  /** The uploaded logo, scaled to fit the box and centred in it (nothing when there is none). */
  | { kind: 'logo'; x: number; y: number; width: number; height: number }
  /** The QR code of `verifyUrl`, a square of this size. */
  | { kind: 'qr'; x: number; y: number; size: number; color?: HexColor };

export interface CertificateLayout {
  /** Page size in points (A4 landscape is 842 × 595). */
  width: number;
  height: number;
  elements: CertificateElement[];
}

/**
 * A certificate template: what an admin configures (signer, colours, place...) and the page
 * it lays out. The core renders it (fonts, logo, QR, signature metadata) and validates the
 * configuration with `configSchema` before saving it.
 */
export interface CertificateTemplateDefinition<TConfig = unknown> {
  /** Unique across the enabled plugins, stored with each template: never rename. */
  key: string;
  title: Localized;
  description?: Localized;
  configSchema: z.ZodType<TConfig>;
  defaultConfig: TConfig;
  layout(config: TConfig): CertificateLayout;
}

/** Types one certificate template with its configuration inferred from the schema. */
export function defineCertificateTemplate<TConfig>(def: CertificateTemplateDefinition<TConfig>): CertificateTemplateDefinition<TConfig> {
  return def;
}

/** What the core hands a notification channel when it starts it (from the worker's configuration). */
export interface NotificationChannelSettings {
  /** SMTP_URL: unset means mail is not configured. */
  smtpUrl?: string;
  /** MAIL_FROM, e.g. `Cakap <no-reply@bkpsdmd.batangharikab.go.id>`. */
  mailFrom: string;
  /** PUBLIC_BASE_URL: links in a message are made absolute with it. */
  publicBaseUrl: string;
}

/**
 * One notification for one recipient, its texts rendered by the core from the notification's
 * message keys. Plain text only: each channel formats it its own way (the mail channel builds
 * its HTML from it and escapes it), so no channel has to trust markup from another.
 */
export interface OutgoingMessage {
  /** `email` is null when the user has none: the channel then throws NoAddressError. */
  to: { name: string; email: string | null };
  /** The language the texts were rendered in, for the channel's own words around them. */
  lang: 'id' | 'en';
  subject: string;
  text: string;
  /** The portal path the notification points to (`/sertifikat`), or null; channels make it absolute with publicBaseUrl. */
  link: string | null;
}

/** Thrown by `send` when the recipient cannot be reached on this channel: the delivery is skipped, never retried. */
export class NoAddressError extends Error {
  constructor(channel: string) {
    super(`The recipient has no address for the ${channel} channel`);
    this.name = 'NoAddressError';
  }
}

export interface NotificationSender {
  /** Delivers one message; throws to have the worker retry it later (with backoff). */
  send(message: OutgoingMessage): Promise<void>;
  /** Releases connections at shutdown. */
  close(): Promise<void>;
}

/**
 * A way to reach people besides the in-app list (issue 7/8): e-mail, later perhaps WhatsApp.
 * The in-app channel is not a plugin: it is the core's `notifications` table, which every
 * channel delivers from. The worker creates each channel once at start-up and delivers every
 * new notification through each channel that `create` returned a sender for.
 */
export interface NotificationChannelDefinition {
  /** Unique across the enabled plugins, stored with each delivery: never rename. */
  key: string;
  title: Localized;
  /** A sender, or null when the channel is not configured (it is then off). */
  create(settings: NotificationChannelSettings): NotificationSender | null;
}

export interface PluginDefinition {
  /** The package name, e.g. `@cakap/plugin-content`. */
  id: string;
  version: string;
  /** The SDK range this plugin was written for, e.g. `^0.1.0`. */
  sdk: string;
  /* eslint-disable @typescript-eslint/no-explicit-any -- each entry has its own data types */
  contentTypes?: ContentTypeDefinition<any>[];
  questionTypes?: QuestionTypeDefinition<any, any, any>[];
  certificateTemplates?: CertificateTemplateDefinition<any>[];
  /* eslint-enable @typescript-eslint/no-explicit-any */
  notificationChannels?: NotificationChannelDefinition[];
  /** Texts of the message keys the plugin's schemas use, merged into the host's catalogue. */
  messages?: { id: Record<string, string>; en: Record<string, string> };
}

export function definePlugin<T extends PluginDefinition>(plugin: T): T {
  return plugin;
}

/** Types one content type with its data inferred from the schema. */
export function defineContentType<TData>(def: ContentTypeDefinition<TData>): ContentTypeDefinition<TData> {
  return def;
}

/** A minimal semver range check (`^x.y.z`, `~x.y.z`, `x.y.z`, `>=x.y.z`): enough for SDK ranges. */
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
