import {
  SDK_VERSION,
  satisfiesSdk,
  type CertificateTemplateDefinition,
  type ContentTypeDefinition,
  type NotificationChannelDefinition,
  type PluginDefinition,
  type QuestionTypeDefinition,
} from './index';

/**
 * The core's side of plugins: load the configured packages, refuse what does not fit, and
 * index their extension points by key. The api, the worker and the portal build all go
 * through here, so they agree on what is enabled.
 */
export class PluginError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PluginError';
  }
}

export interface PluginRegistry {
  plugins: PluginDefinition[];
  contentTypes: Map<string, { plugin: string; def: ContentTypeDefinition }>;
  contentType(key: string): ContentTypeDefinition | undefined;
  questionTypes: Map<string, { plugin: string; def: QuestionTypeDefinition }>;
  questionType(key: string): QuestionTypeDefinition | undefined;
  certificateTemplates: Map<string, { plugin: string; def: CertificateTemplateDefinition }>;
  certificateTemplate(key: string): CertificateTemplateDefinition | undefined;
  notificationChannels: Map<string, { plugin: string; def: NotificationChannelDefinition }>;
}

/** Indexes one extension point's entries by key; a key two plugins claim is refused. */
function claim<T extends { key: string }>(index: Map<string, { plugin: string; def: T }>, entries: readonly T[] | undefined, what: string, plugin: string): void {
  for (const def of entries ?? []) {
    const other = index.get(def.key);
    if (other) throw new PluginError(`${what} "${def.key}" is claimed by both "${other.plugin}" and "${plugin}"; enable only one of them.`);
    index.set(def.key, { plugin, def });
  }
}

/** Checks a set of plugin definitions and indexes them; throws PluginError with a clear message. */
export function createRegistry(plugins: PluginDefinition[], sdkVersion = SDK_VERSION): PluginRegistry {
  const seen = new Set<string>();
  const contentTypes = new Map<string, { plugin: string; def: ContentTypeDefinition }>();
  const questionTypes = new Map<string, { plugin: string; def: QuestionTypeDefinition }>();
  const certificateTemplates = new Map<string, { plugin: string; def: CertificateTemplateDefinition }>();
  const notificationChannels = new Map<string, { plugin: string; def: NotificationChannelDefinition }>();
  for (const p of plugins) {
    if (!p || typeof p !== 'object' || typeof p.id !== 'string' || typeof p.sdk !== 'string') {
      throw new PluginError('A plugin must default-export definePlugin({ id, version, sdk, ... })');
    }
    if (seen.has(p.id)) throw new PluginError(`Plugin "${p.id}" is enabled twice`);
    seen.add(p.id);
    if (!satisfiesSdk(p.sdk, sdkVersion)) {
      throw new PluginError(
        `Plugin "${p.id}" ${p.version} needs Cakap plugin SDK ${p.sdk}, but this Cakap provides ${sdkVersion}. ` +
          `Upgrade the plugin or remove it from CAKAP_PLUGINS.`,
      );
    }
    claim(contentTypes, p.contentTypes, 'Content type', p.id);
    claim(questionTypes, p.questionTypes, 'Question type', p.id);
    claim(certificateTemplates, p.certificateTemplates, 'Certificate template', p.id);
    claim(notificationChannels, p.notificationChannels, 'Notification channel', p.id);
  }
  return {
    plugins,
    contentTypes,
    contentType: (key) => contentTypes.get(key)?.def,
    questionTypes,
    questionType: (key) => questionTypes.get(key)?.def,
    certificateTemplates,
    certificateTemplate: (key) => certificateTemplates.get(key)?.def,
    notificationChannels,
  };
}

/**
 * Loads the named packages (CAKAP_PLUGINS) with the given require (so that resolution starts
 * where the app lives) and builds the registry.
 */
export function loadPlugins(
  names: string[],
  load: (name: string) => unknown,
  sdkVersion = SDK_VERSION,
  /** Core extension points registered like plugins, ahead of the configured ones (e.g. the quiz block). */
  builtins: PluginDefinition[] = [],
): PluginRegistry {
  const plugins = names.map((name) => {
    let mod: unknown;
    try {
      mod = load(name);
    } catch (e) {
      throw new PluginError(`Plugin "${name}" named in CAKAP_PLUGINS cannot be loaded: ${(e as Error).message.split('\n')[0]}`);
    }
    const def = ((mod as { default?: unknown })?.default ?? mod) as PluginDefinition;
    if (def && typeof def === 'object' && typeof def.id === 'string' && def.id !== name) {
      throw new PluginError(`Package "${name}" declares itself as plugin "${def.id}"; the id must be the package name.`);
    }
    return def;
  });
  return createRegistry([...builtins, ...plugins], sdkVersion);
}
