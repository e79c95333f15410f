import type { FileKind } from './files.types';

/**
 * What a file really is, from its first bytes (never from the name or the client's
 * Content-Type). SVG is not an image here: it is a document that can carry scripts.
 */
export interface Sniffed {
  mimeType: string;
}

const startsWith = (head: Buffer, bytes: number[], offset = 0) =>
  head.length >= offset + bytes.length && bytes.every((b, i) => head[offset + i] === b);
const ascii = (head: Buffer, text: string, offset = 0) => startsWith(head, [...Buffer.from(text, 'latin1')], offset);

const OFFICE: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

export const ALLOWED_TYPES: Record<FileKind, string> = {
  image: 'JPEG, PNG, WebP, GIF',
  video: 'MP4, WebM',
  document: 'PDF, DOCX, XLSX, PPTX',
};

export function sniff(head: Buffer, kind: FileKind, fileName: string): Sniffed | null {
  switch (kind) {
    case 'image':
      if (startsWith(head, [0xff, 0xd8, 0xff])) return { mimeType: 'image/jpeg' };
      if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mimeType: 'image/png' };
      if (ascii(head, 'GIF87a') || ascii(head, 'GIF89a')) return { mimeType: 'image/gif' };
      if (ascii(head, 'RIFF') && ascii(head, 'WEBP', 8)) return { mimeType: 'image/webp' };
      return null;
    case 'video':
      if (ascii(head, 'ftyp', 4) && !ascii(head, 'qt  ', 8)) return { mimeType: 'video/mp4' };
      if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3]) && head.includes(Buffer.from('webm'))) return { mimeType: 'video/webm' };
      return null;
    case 'document': {
      if (ascii(head, '%PDF-')) return { mimeType: 'application/pdf' };
      const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
      // Office files are ZIP containers: accepted by signature plus their own extension.
      if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) && OFFICE[ext]) return { mimeType: OFFICE[ext] };
      return null;
    }
  }
}
