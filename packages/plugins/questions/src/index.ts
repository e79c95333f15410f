import { definePlugin } from '@cakap/plugin-sdk';

export const PLUGIN_ID = '@cakap/plugin-questions';

// Filled in by the question types (issue 5).
export default definePlugin({
  id: PLUGIN_ID,
  version: '0.1.0',
  sdk: '^0.1.0',
  questionTypes: [],
});
