import { z } from 'zod';
import { defineContentType } from '@cakap/plugin-sdk';

/**
 * A document (PDF, office files) uploaded for the course, shown inline and offered for download.
 * `fileName` and `mimeType` are display hints copied from the upload by the editor (the name
 * on the download button, whether to show it inline); the host's file record stays the
 * authority for what is served.
 */
export const fileSchema = z.object({
  fileId: z.uuid(),
  title: z.string().trim().max(200).optional(),
  allowDownload: z.boolean().default(true),
  fileName: z
    .string()
    .trim()
    .max(255)
    // eslint-disable-next-line no-control-regex -- control characters are what it refuses
    .regex(/^[^<>:"/\\|?*\u0000-\u001f]+$/, 'validation.format')
    .optional(),
  mimeType: z
    .string()
    .max(127)
    .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i, 'validation.format')
    .optional(),
});

export type FileData = z.output<typeof fileSchema>;

/** Unfinished drafts: the file may not be uploaded yet. */
export const fileDraftSchema = fileSchema.extend({ fileId: z.uuid().optional() });

export const file = defineContentType<FileData>({
  key: 'file',
  title: { id: 'Berkas/PDF', en: 'File/PDF' },
  description: {
    id: 'Dokumen PDF atau berkas lain yang dibaca di halaman dan dapat diunduh.',
    en: 'A PDF or other document, read on the page and available for download.',
  },
  schema: fileSchema,
  draftSchema: fileDraftSchema,
  // Reading a document cannot be measured (on phones it opens outside Cakap): being shown is
  // what counts, as for text. The lesson's quiz is the real check. See docs/plugins.md.
  completion: { kind: 'viewed' },
  summarize: (data) => data.title ?? data.fileName ?? '',
  files: (data) => [data.fileId],
});
