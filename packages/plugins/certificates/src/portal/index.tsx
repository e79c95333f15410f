import { definePortalPlugin } from '@cakap/plugin-sdk/portal';
import { sttpPortal } from './sttp-editor';

/**
 * The portal part of @cakap/plugin-certificates: each template's configuration editor. Imports
 * nothing from the server entry but types and the dependency-free rules (contrast, NIP shape)
 * and messages, so the zod schema never reaches the browser bundle.
 */
export { messages } from '../messages';

export default definePortalPlugin({
  id: '@cakap/plugin-certificates',
  certificateTemplates: [sttpPortal],
});
