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

export interface PortalPluginDefinition {
  id: string;
  /* eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry has its own data type */
  contentTypes?: ContentTypePortal<any>[];
}

export function definePortalPlugin<T extends PortalPluginDefinition>(plugin: T): T {
  return plugin;
}
