import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';
import { loadPlugins } from '@cakap/plugin-sdk/host';

/**
 * Puts the enabled Cakap plugins into the portal build.
 *
 * CAKAP_PLUGINS (comma separated, read at build time; default `@cakap/plugin-content`) names
 * the plugin packages, exactly as the api and the worker read it. Each package's server entry
 * is checked with the SDK host first, so a plugin needing another SDK range, a package that
 * cannot be found or two plugins claiming one content-type key FAIL THE BUILD with the host's
 * message. Then `virtual:cakap-plugins` statically imports the `<name>/portal` default export
 * of every plugin that has one, in configuration order (a server-only plugin, such as the mail
 * channel, exports no `./portal` and is left out). Packages resolve from the workspace root (the
 * root package.json depends on them), not from this app.
 */
export const VIRTUAL_ID = 'virtual:cakap-plugins';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
export const DEFAULT_PLUGINS = '@cakap/plugin-content,@cakap/plugin-questions,@cakap/plugin-certificates,@cakap/plugin-mail';

export function pluginNames(env: string | undefined = process.env.CAKAP_PLUGINS): string[] {
  const raw = env === undefined || env.trim() === '' ? DEFAULT_PLUGINS : env;
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The directory with pnpm-workspace.yaml above `from` (else `from`). */
export function workspaceRoot(from: string): string {
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return path.resolve(from);
    dir = up;
  }
}

/** The generated module: one static import per plugin's portal entry. */
export function virtualModuleSource(names: string[]): string {
  const imports = names.map((n, i) => `import p${i} from ${JSON.stringify(`${n}/portal`)};`);
  return `${imports.join('\n')}\nexport default [${names.map((_, i) => `p${i}`).join(', ')}];\n`;
}

/**
 * The plugins whose package exports `./portal`. Only a package that does not export it is left
 * out: one that exports it but cannot be resolved stays, so the build fails on it with a message.
 */
export function withPortalEntry(names: string[], resolve: (id: string) => string): string[] {
  return names.filter((name) => {
    try {
      resolve(`${name}/portal`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return false;
    }
    return true;
  });
}

export function cakapPlugins(options: { root?: string; names?: string[] } = {}): Plugin {
  const root = workspaceRoot(options.root ?? process.cwd());
  const anchor = path.join(root, 'package.json');
  const names = options.names ?? pluginNames();
  const require = createRequire(anchor);
  return {
    name: 'cakap-plugins',
    enforce: 'pre',
    buildStart() {
      // Throws PluginError ("Plugin "x" 1.0.0 needs Cakap plugin SDK ^2.0.0, ...") and stops the build.
      const registry = loadPlugins(names, (name) => require(name));
      this.info?.(`plugins: ${registry.plugins.map((p) => p.id).join(', ')} (${[...registry.contentTypes.keys()].join(', ')})`);
    },
    async resolveId(source, importer) {
      if (source === VIRTUAL_ID) return RESOLVED_ID;
      // The plugins' portal entries resolve from the workspace root.
      if (importer === RESOLVED_ID) {
        const resolved = await this.resolve(source, anchor, { skipSelf: true });
        if (!resolved) this.error(`Plugin "${source.replace(/\/portal$/, '')}" named in CAKAP_PLUGINS has no "./portal" entry the portal can import.`);
        return resolved;
      }
      return null;
    },
    load(id) {
      if (id === RESOLVED_ID) return virtualModuleSource(withPortalEntry(names, (name) => require.resolve(name)));
      return null;
    },
  };
}
