import { definePortalPlugin } from '@cakap/plugin-sdk/portal';

export default definePortalPlugin({ id: '@cakap/plugin-questions', questionTypes: [] });
