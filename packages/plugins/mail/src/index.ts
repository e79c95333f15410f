import { definePlugin } from '@cakap/plugin-sdk';
import { emailChannel } from './email-channel';

/** @cakap/plugin-mail: the e-mail notification channel (SMTP). */
export const PLUGIN_ID = '@cakap/plugin-mail';
export const PLUGIN_VERSION = '0.1.0';

export { emailChannel } from './email-channel';
export { renderEmail } from './email-message';

export default definePlugin({
  id: PLUGIN_ID,
  version: PLUGIN_VERSION,
  sdk: '^0.1.2',
  notificationChannels: [emailChannel],
});
