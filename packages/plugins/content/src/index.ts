import { definePlugin } from '@cakap/plugin-sdk';
import { richtext } from './richtext';
import { video } from './video';
import { file } from './file';
import { image } from './image';
import { embed } from './embed';

/**
 * @cakap/plugin-content: the built-in content types. Their keys (`richtext`, `video`,
 * `file`, `image`, `embed`) are stored in every block and must never change.
 * The portal part is the `./portal` entry (src/portal/index.tsx).
 */
import { messages } from './messages';

export { messages, type ContentMessageKey } from './messages';
export { EMBED_HOSTS, parseVideoUrl, checkEmbedUrl, type VideoLink } from './urls';
export { sanitizeRichText, richTextToPlain, RICHTEXT_MAX_LENGTH, RICHTEXT_TAGS, type RichTextData } from './richtext';
export type { VideoData } from './video';
export type { FileData } from './file';
export type { ImageData } from './image';
export type { EmbedData } from './embed';

export const PLUGIN_ID = '@cakap/plugin-content';
export const PLUGIN_VERSION = '0.1.0';

export default definePlugin({
  id: PLUGIN_ID,
  version: PLUGIN_VERSION,
  sdk: '^0.1.0',
  contentTypes: [richtext, video, file, image, embed],
  /** The validation messages (also the named export `messages`), for the host to merge. */
  messages,
});
