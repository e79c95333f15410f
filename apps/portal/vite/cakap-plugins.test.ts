import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cakapPlugins, pluginNames, virtualModuleSource, withPortalEntry, workspaceRoot } from './cakap-plugins';

describe('the cakap-plugins Vite plugin', () => {
  it('reads CAKAP_PLUGINS with the built-in content and question plugins as default', () => {
    const defaults = ['@cakap/plugin-content', '@cakap/plugin-questions', '@cakap/plugin-certificates', '@cakap/plugin-mail'];
    expect(pluginNames(undefined)).toEqual(defaults);
    expect(pluginNames('')).toEqual(defaults);
    expect(pluginNames(' @cakap/plugin-content , @acme/cakap-quiz ')).toEqual(['@cakap/plugin-content', '@acme/cakap-quiz']);
  });

  it('imports every plugin portal entry statically', () => {
    expect(virtualModuleSource(['@a/x', '@b/y'])).toBe('import p0 from "@a/x/portal";\nimport p1 from "@b/y/portal";\nexport default [p0, p1];\n');
  });

  it('imports only the plugins that export ./portal: the server-only mail channel has none', async () => {
    const plugin = cakapPlugins({ root: import.meta.dirname, names: ['@cakap/plugin-content', '@cakap/plugin-mail', '@cakap/plugin-certificates'] });
    const load = plugin.load as unknown as (this: object, id: string) => string | null;
    expect(load.call({}, '\0virtual:cakap-plugins')).toBe(virtualModuleSource(['@cakap/plugin-content', '@cakap/plugin-certificates']));
    const missing = (id: string): string => {
      throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
    };
    // A package that exports ./portal but whose entry cannot be found stays, so the build fails on it.
    expect(withPortalEntry(['@acme/broken'], missing)).toEqual(['@acme/broken']);
  });

  it('fails the build with a clear message when a plugin cannot be loaded', () => {
    const plugin = cakapPlugins({ root: import.meta.dirname, names: ['@cakap/no-such-plugin'] });
    const buildStart = plugin.buildStart as unknown as (this: object) => void;
    expect(() => buildStart.call({})).toThrow(/Plugin "@cakap\/no-such-plugin" named in CAKAP_PLUGINS cannot be loaded/);
  });

  it('finds the workspace root: the nearest folder above with pnpm-workspace.yaml', () => {
    const root = workspaceRoot(import.meta.dirname);
    expect(existsSync(join(root, 'pnpm-workspace.yaml'))).toBe(true);
    expect(import.meta.dirname.startsWith(root + sep)).toBe(true);
  });
});
