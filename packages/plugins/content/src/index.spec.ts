import { createRegistry, loadPlugins } from '@cakap/plugin-sdk/host';
import { satisfiesSdk } from '@cakap/plugin-sdk';
import * as entry from './index';
import plugin, { messages, PLUGIN_ID, PLUGIN_VERSION } from './index';
import * as pkg from '../package.json';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

describe('@cakap/plugin-content', () => {
  it('is a plugin the host accepts, with the five persisted keys', () => {
    expect(plugin.id).toBe(pkg.name);
    expect(PLUGIN_ID).toBe(pkg.name);
    expect(PLUGIN_VERSION).toBe(pkg.version);
    expect(satisfiesSdk(plugin.sdk)).toBe(true);
    const registry = createRegistry([plugin]);
    expect([...registry.contentTypes.keys()]).toEqual(['richtext', 'video', 'file', 'image', 'embed']);
    for (const ct of plugin.contentTypes) {
      expect(ct.title.id && ct.title.en).toBeTruthy();
      expect(ct.description?.id && ct.description?.en).toBeTruthy();
    }
  });

  it('loads by package name as the host does', () => {
    const registry = loadPlugins([PLUGIN_ID], (name) => {
      if (name !== PLUGIN_ID) throw new Error(`Cannot find module '${name}'`);
      return entry;
    });
    expect(registry.contentType('embed')?.key).toBe('embed');
  });

  it('has every message in both languages, and every key the schemas use', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.id).sort());
    for (const lang of ['id', 'en'] as const) for (const text of Object.values(messages[lang])) expect(text.trim()).not.toBe('');
    expect(plugin.messages).toBe(messages);
    const used = new Set<string>();
    for (const f of readdirSync(__dirname).filter((n) => n.endsWith('.ts') && !n.endsWith('.spec.ts'))) {
      for (const m of readFileSync(join(__dirname, f), 'utf8').matchAll(/'(content\.[a-z]+\.[a-zA-Z]+)'/g)) used.add(m[1]);
    }
    expect([...used].sort()).toEqual(Object.keys(messages.id).sort());
  });
});
