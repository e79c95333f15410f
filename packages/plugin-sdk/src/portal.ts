import type { ComponentType } from 'react';
import type { Localized } from './index';

/**
 * The portal side of a plugin: React components, in an entry point of their own
 * (`<package>/portal`) so that server code never reaches the browser. The portal build
 * imports the `./portal` entry of every plugin named in CAKAP_PLUGINS.
 */
export type Lang = 'id' | 'en';

export interface UploadedFile {
  id: string;
  url: string;
  fileName: string;
  mimeType: string;
}

export interface ViewerProps<TData> {
  data: TData;
  lang: Lang;
  /** A URL the browser can load for an uploaded file the data refers to (signed, expiring). */
  fileUrl: (fileId: string) => string | undefined;
  /** Report completion for `manual` and `custom` rules. */
  onComplete: () => void;
  /** Report media progress (0–1) for `watched` rules. */
  onProgress: (fraction: number) => void;
}

export interface EditorProps<TData> {
  data: TData;
  onChange: (data: TData) => void;
  lang: Lang;
  /** Uploads a file for this course through the host (size and type limits apply). */
  upload: (file: File, kind: 'image' | 'video' | 'document') => Promise<UploadedFile>;
  fileUrl: (fileId: string) => string | undefined;
  /** Server validation messages for this block, by field path. */
  errors: Record<string, string>;
}

export interface ContentTypePortal<TData = unknown> {
  key: string;
  title: Localized;
  /** A new, empty block of this type. */
  initialData: () => TData;
  Viewer: ComponentType<ViewerProps<TData>>;
  Editor: ComponentType<EditorProps<TData>>;
}

/** The learner answering one question (before submission: the view holds no key). */
export interface QuestionAnswerProps<TView, TAnswer> {
  /** The learner view the api sent (already in this attempt's order). */
  view: TView;
  /** The answer saved so far; undefined when not answered. */
  answer: TAnswer | undefined;
  onChange: (answer: TAnswer | undefined) => void;
  /** After submission, or past the deadline: show, do not edit. */
  readOnly: boolean;
  lang: Lang;
  /** Prefix for element ids (a page may show several questions). */
  idPrefix: string;
}

/** After submission, when the quiz's review policy allows: the learner's answer against the key. */
export interface QuestionReviewProps<TView, TAnswer, TReview> {
  view: TView;
  answer: TAnswer | undefined;
  /** What the type's `toReview` returned (e.g. the correct options). */
  review: TReview;
  lang: Lang;
}

export interface QuestionEditorProps<TData> {
  data: TData;
  onChange: (data: TData) => void;
  lang: Lang;
  /** Server validation messages for this question's data, by field path (e.g. `options.1.text`). */
  errors: Record<string, string>;
}

export interface QuestionTypePortal<TData = unknown, TView = unknown, TAnswer = unknown, TReview = unknown> {
  key: string;
  title: Localized;
  /** A new question of this type, ready for the author to fill in. */
  initialData: () => TData;
  Editor: ComponentType<QuestionEditorProps<TData>>;
  Answer: ComponentType<QuestionAnswerProps<TView, TAnswer>>;
  Review: ComponentType<QuestionReviewProps<TView, TAnswer, TReview>>;
}

/** The admin editing a certificate template's configuration (the portal shows a live preview beside it). */
export interface CertificateConfigEditorProps<TConfig> {
  value: TConfig;
  onChange: (value: TConfig) => void;
  /** Server validation messages of the configuration, by field path (e.g. `signerNip`, `issuerLines.1`). */
  errors: Record<string, string>;
  lang: Lang;
}

/** The portal part of a certificate template (SDK 0.1.2): the form for its configuration. */
export interface CertificateTemplatePortal<TConfig = unknown> {
  /** The `key` of the server's CertificateTemplateDefinition. */
  key: string;
  ConfigEditor: ComponentType<CertificateConfigEditorProps<TConfig>>;
}

export interface PortalPluginDefinition {
  id: string;
  /* eslint-disable @typescript-eslint/no-explicit-any -- each entry has its own data types */
  contentTypes?: ContentTypePortal<any>[];
  questionTypes?: QuestionTypePortal<any, any, any, any>[];
  certificateTemplates?: CertificateTemplatePortal<any>[];
  /* eslint-enable @typescript-eslint/no-explicit-any */
}

export function definePortalPlugin<T extends PortalPluginDefinition>(plugin: T): T {
  return plugin;
}

/** Fills `{name}` placeholders of a plugin's UI texts (unknown names stay as they are). */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (params[name] === undefined ? m : String(params[name])));
}
