import { z } from 'zod';
import { defineContentType } from '@cakap/plugin-sdk';
import { checkEmbedUrl } from './urls';

export { EMBED_HOSTS } from './urls';

export const EMBED_MIN_HEIGHT = 200;
export const EMBED_MAX_HEIGHT = 2000;

/**
 * Content from another site in a sandboxed iframe: https only, host exactly on EMBED_HOSTS.
 * The title is required: it is the iframe's accessible name.
 */
export const embedSchema = z
  .object({
    url: z.string().trim().min(1).max(2000),
    title: z.string().trim().min(1).max(200),
    height: z.number().int().min(EMBED_MIN_HEIGHT).max(EMBED_MAX_HEIGHT).optional(),
  })
  .transform((data, ctx) => {
    const check = checkEmbedUrl(data.url);
    if (!check.ok) {
      ctx.issues.push({ code: 'custom', message: check.reason, path: ['url'], input: data.url });
      return z.NEVER;
    }
    return { url: check.url, title: data.title, ...(data.height !== undefined ? { height: data.height } : {}) };
  });

/** Unfinished drafts: the address and title as typed so far (the viewer re-checks the host before framing it). */
export const embedDraftSchema = z.object({
  url: z.string().trim().max(2000).default(''),
  title: z.string().trim().max(200).default(''),
  height: z.number().int().min(EMBED_MIN_HEIGHT).max(EMBED_MAX_HEIGHT).optional(),
});

export type EmbedData = { url: string; title: string; height?: number };

export const embed = defineContentType<EmbedData>({
  key: 'embed',
  title: { id: 'Sematan', en: 'Embed' },
  description: {
    id: 'Konten dari situs yang diizinkan: Google Dokumen/Formulir, Canva, Padlet, H5P, dan lainnya.',
    en: 'Content from an allowed site: Google Docs/Forms, Canva, Padlet, H5P and more.',
  },
  schema: embedSchema,
  draftSchema: embedDraftSchema,
  completion: { kind: 'viewed' },
  summarize: (data) => data.title,
  files: () => [],
});
