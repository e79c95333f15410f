import { definePlugin } from '@cakap/plugin-sdk';
import { messages } from './messages';
import { sttp } from './sttp';

/**
 * @cakap/plugin-certificates: the built-in certificate templates. Their keys (`sttp`) are
 * stored with every template configuration and must never change. The portal part is the
 * `./portal` entry (src/portal/index.tsx).
 */
export { messages, type CertificatePluginMessageKey } from './messages';
export { sttp, sttpConfigSchema, sttpDefaultConfig, sttpLayout, type SttpConfig } from './sttp';
export { contrastOnWhite } from './contrast';

export const PLUGIN_ID = '@cakap/plugin-certificates';
export const PLUGIN_VERSION = '0.1.0';

export default definePlugin({
  id: PLUGIN_ID,
  version: PLUGIN_VERSION,
  sdk: '^0.1.2',
  certificateTemplates: [sttp],
  /** The validation messages (also the named export `messages`), for the host to merge. */
  messages,
});
