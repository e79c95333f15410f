import { type DynamicModule, Global, Module } from '@nestjs/common';
import { registerMessages, type MessageCatalogue } from '@cakap/contracts';
import { loadPlugins, type PluginRegistry } from '@cakap/plugin-sdk/host';
import { coreQuizPlugin } from '@cakap/quiz';
import { PluginsController } from './plugins.controller';
import { PLUGINS } from './plugins.tokens';

export { PLUGINS, InjectPlugins } from './plugins.tokens';

/**
 * Loads the configured plugin packages, resolving them from the app as a third party would
 * be installed next to it. A plugin the core refuses (SDK range, duplicate key, missing
 * package) throws PluginError here, which stops start-up with its message (main.ts).
 * Each plugin's message catalogue (`messages` on the definition or the module) joins the
 * contracts' catalogue, so the problem filter translates the plugins' validation keys.
 */
export function buildPluginRegistry(names: string[]): PluginRegistry {
  const modules = new Map<string, unknown>();
  const registry = loadPlugins(names, (name) => {
    // Resolved where the api lives (require, not import(): jest and the CommonJS build both honour it).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod: unknown = require(name);
    modules.set(name, mod);
    return mod;
  }, undefined, [coreQuizPlugin]);
  for (const plugin of registry.plugins) {
    const mod = modules.get(plugin.id) as { messages?: MessageCatalogue } | undefined;
    registerMessages((plugin as { messages?: MessageCatalogue }).messages ?? mod?.messages);
  }
  return registry;
}

/**
 * The registry is built before Nest starts (AppModule.forRoot), so a refused plugin stops
 * start-up before any connection to Postgres or Redis is opened.
 */
@Global()
@Module({})
export class PluginsModule {
  static forRoot(registry: PluginRegistry): DynamicModule {
    return {
      module: PluginsModule,
      controllers: [PluginsController],
      providers: [{ provide: PLUGINS, useValue: registry }],
      exports: [PLUGINS],
    };
  }
}
