import { definePortalPlugin } from '@cakap/plugin-sdk/portal';
import { richtextPortal } from './richtext';
import { videoPortal } from './video';
import { filePortal } from './file';
import { imagePortal } from './image';
import { embedPortal } from './embed';

/**
 * The portal part of @cakap/plugin-content: a viewer (learners) and an editor (studio) per
 * content type. Imports nothing from the server entry but types and the dependency-free URL
 * rules and messages, so sanitize-html and zod schemas never reach the browser bundle.
 */
export { messages } from '../messages';
export { EMBED_HOSTS, parseVideoUrl, checkEmbedUrl } from '../urls';

export default definePortalPlugin({
  id: '@cakap/plugin-content',
  contentTypes: [richtextPortal, videoPortal, filePortal, imagePortal, embedPortal],
});
