import { z } from 'zod';
import { defineContentType } from '@cakap/plugin-sdk';

/**
 * An uploaded image. Alternative text is required (WCAG 2.1, 1.1.1) unless the author marks
 * the image as decorative, in which case it is stored empty and read as `alt=""`.
 */
export const imageSchema = z
  .object({
    fileId: z.uuid(),
    alt: z.string().trim().max(300).default(''),
    caption: z.string().trim().max(500).optional(),
    decorative: z.boolean().default(false),
  })
  .transform((data, ctx) => {
    if (!data.decorative && !data.alt) {
      ctx.issues.push({ code: 'custom', message: 'content.image.alt', path: ['alt'], input: data.alt });
      return z.NEVER;
    }
    return {
      fileId: data.fileId,
      alt: data.decorative ? '' : data.alt,
      ...(data.caption ? { caption: data.caption } : {}),
      decorative: data.decorative,
    };
  });

/** Unfinished drafts: the image or its alternative text may still be missing. */
export const imageDraftSchema = z.object({
  fileId: z.uuid().optional(),
  alt: z.string().trim().max(300).default(''),
  caption: z.string().trim().max(500).optional(),
  decorative: z.boolean().default(false),
});

export type ImageData = { fileId: string; alt: string; caption?: string; decorative: boolean };

export const image = defineContentType<ImageData>({
  key: 'image',
  title: { id: 'Gambar', en: 'Image' },
  description: {
    id: 'Gambar dengan teks alternatif dan keterangan.',
    en: 'An image with alternative text and a caption.',
  },
  schema: imageSchema,
  draftSchema: imageDraftSchema,
  completion: { kind: 'viewed' },
  summarize: (data) => [data.alt, data.caption].filter(Boolean).join(' '),
  files: (data) => [data.fileId],
});
