import type { AppConfig } from '@cakap/config';

export type FileKind = 'image' | 'video' | 'document';

export function limitOf(cfg: AppConfig, kind: FileKind): number {
  return kind === 'image' ? cfg.FILE_MAX_IMAGE_BYTES : kind === 'video' ? cfg.FILE_MAX_VIDEO_BYTES : cfg.FILE_MAX_DOCUMENT_BYTES;
}

/** `5242880` -> `5 MB`, for messages. */
export function humanBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MB`;
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.floor(n / 1024)} KB`;
  return `${n} B`;
}
