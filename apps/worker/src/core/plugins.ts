import { loadPlugins, type PluginRegistry } from '@cakap/plugin-sdk/host';
import { coreQuizPlugin } from '@cakap/quiz';

/**
 * The enabled plugins (CAKAP_PLUGINS), loaded at boot exactly as the api loads them, so a
 * refused plugin (SDK range, duplicate key, missing package) stops the worker with the
 * same clear message. Job handlers that need plugins (certificate templates, notification
 * channels) inject PLUGINS.
 */
export function loadWorkerPlugins(names: string[]): PluginRegistry {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return loadPlugins(names, (name) => require(name), undefined, [coreQuizPlugin]);
}
