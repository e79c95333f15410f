import { z } from 'zod';
import { defineContentType } from '@cakap/plugin-sdk';
import { parseVideoUrl } from './urls';

/**
 * A video: either an uploaded file (`{fileId}`, served by the host with range requests) or a
 * YouTube/Vimeo link (`{url}`, stored in its canonical form). Exactly one of the two.
 */
export const videoSchema = z
  .object({
    url: z.string().trim().max(2000).optional(),
    fileId: z.uuid().optional(),
    title: z.string().trim().max(200).optional(),
  })
  .transform((data, ctx) => {
    const title = data.title ? { title: data.title } : {};
    const hasUrl = data.url !== undefined && data.url !== '';
    if (hasUrl === (data.fileId !== undefined)) {
      ctx.issues.push({ code: 'custom', message: 'content.video.source', path: [], input: data });
      return z.NEVER;
    }
    if (data.fileId !== undefined) return { fileId: data.fileId, ...title };
    const link = parseVideoUrl(data.url as string);
    if (!link) {
      ctx.issues.push({ code: 'custom', message: 'content.video.url', path: ['url'], input: data.url });
      return z.NEVER;
    }
    return { url: link.url, ...title };
  });

/**
 * Unfinished drafts: a link as typed so far (kept as text, never rendered unless it parses)
 * or an uploaded file, or neither yet.
 */
export const videoDraftSchema = z.object({
  url: z.string().trim().max(2000).optional(),
  fileId: z.uuid().optional(),
  title: z.string().trim().max(200).optional(),
});

export type VideoData = { url: string; title?: string } | { fileId: string; title?: string };

export const video = defineContentType<VideoData>({
  key: 'video',
  title: { id: 'Video', en: 'Video' },
  description: {
    id: 'Video yang diunggah, atau tautan YouTube/Vimeo.',
    en: 'An uploaded video, or a YouTube/Vimeo link.',
  },
  schema: videoSchema,
  draftSchema: videoDraftSchema,
  completion: { kind: 'watched', fraction: 0.9 },
  summarize: (data) => data.title ?? '',
  files: (data) => ('fileId' in data ? [data.fileId] : []),
});
