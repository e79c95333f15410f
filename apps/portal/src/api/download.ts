import type { Query } from './client';
import { api } from './index';

/**
 * Fetches a file behind auth (a plain link would not carry the token) and hands it to the
 * browser as a download, named as the server says or `fallbackName`.
 */
export async function saveDownload(path: string, query: Query | undefined, fallbackName: string): Promise<void> {
  const { blob, fileName } = await api.download(path, query);
  saveBlob(blob, fileName ?? fallbackName);
}

/** Hands a file already fetched to the browser as a download (for callers that look at it first). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
