import { z } from 'zod';
import { definePlugin } from './index';
import { createRegistry, loadPlugins, PluginError } from './host';

const text = (id: string, key = 'text', sdk = '^0.1.0') =>
  definePlugin({
    id,
    version: '1.0.0',
    sdk,
    contentTypes: [{ key, title: { id: 'Teks', en: 'Text' }, schema: z.object({ s: z.string() }), completion: { kind: 'viewed' } }],
  });

describe('plugin registry', () => {
  it('indexes content types by key', () => {
    const reg = createRegistry([text('@a/one')]);
    expect(reg.contentType('text')?.title.en).toBe('Text');
    expect(reg.contentTypes.get('text')?.plugin).toBe('@a/one');
  });

  it('refuses a plugin whose SDK range this core does not satisfy, naming both versions', () => {
    expect(() => createRegistry([text('@a/old', 'text', '^2.0.0')])).toThrow(
      /Plugin "@a\/old" 1\.0\.0 needs Cakap plugin SDK \^2\.0\.0, but this Cakap provides 0\.1\.2/,
    );
  });

  it('refuses two plugins claiming one key', () => {
    expect(() => createRegistry([text('@a/one'), text('@b/two')])).toThrow(
      new PluginError('Content type "text" is claimed by both "@a/one" and "@b/two"; enable only one of them.'),
    );
  });

  it('indexes question types and refuses two plugins claiming one question key', () => {
    const choice = (id: string) =>
      definePlugin({
        id,
        version: '1.0.0',
        sdk: '^0.1.0',
        questionTypes: [
          {
            key: 'choice',
            title: { id: 'Pilihan', en: 'Choice' },
            authorSchema: z.object({ correct: z.string() }),
            answerSchema: z.string(),
            toLearnerView: () => ({}),
            grade: (d: { correct: string }, a: string | undefined) => ({ score: a === d.correct ? 1 : 0, max: 1 }),
          },
        ],
      });
    const reg = createRegistry([choice('@a/one')]);
    expect(reg.questionType('choice')?.grade({ correct: 'x' }, 'x')).toEqual({ score: 1, max: 1 });
    expect(reg.questionTypes.get('choice')?.plugin).toBe('@a/one');
    expect(() => createRegistry([choice('@a/one'), choice('@b/two')])).toThrow(
      new PluginError('Question type "choice" is claimed by both "@a/one" and "@b/two"; enable only one of them.'),
    );
  });

  it('indexes certificate templates and refuses two plugins claiming one template key', () => {
    const sttp = (id: string) =>
      definePlugin({
        id,
        version: '1.0.0',
        sdk: '^0.1.2',
        certificateTemplates: [
          {
            key: 'sttp',
            title: { id: 'STTP', en: 'Training certificate' },
            configSchema: z.object({ place: z.string() }),
            defaultConfig: { place: 'Muara Bulian' },
            layout: () => ({ width: 842, height: 595, elements: [] }),
          },
        ],
      });
    const reg = createRegistry([sttp('@a/one')]);
    expect(reg.certificateTemplate('sttp')?.defaultConfig).toEqual({ place: 'Muara Bulian' });
    expect(reg.certificateTemplates.get('sttp')?.plugin).toBe('@a/one');
    expect(() => createRegistry([sttp('@a/one'), sttp('@b/two')])).toThrow(
      new PluginError('Certificate template "sttp" is claimed by both "@a/one" and "@b/two"; enable only one of them.'),
    );
  });

  it('indexes notification channels and refuses two plugins claiming one channel key', () => {
    const mail = (id: string) =>
      definePlugin({
        id,
        version: '1.0.0',
        sdk: '^0.1.2',
        notificationChannels: [{ key: 'email', title: { id: 'Surel', en: 'E-mail' }, create: () => null }],
      });
    const reg = createRegistry([mail('@a/one')]);
    expect(reg.notificationChannels.get('email')?.plugin).toBe('@a/one');
    expect(reg.notificationChannels.get('email')?.def.create({ mailFrom: 'x@y', publicBaseUrl: 'http://localhost' })).toBeNull();
    expect(() => createRegistry([mail('@a/one'), mail('@b/two')])).toThrow(
      new PluginError('Notification channel "email" is claimed by both "@a/one" and "@b/two"; enable only one of them.'),
    );
  });

  it('explains a package that cannot be loaded or that is not a plugin', () => {
    const missing = () => {
      throw new Error("Cannot find module '@nope/missing'");
    };
    expect(() => loadPlugins(['@nope/missing'], missing)).toThrow(
      /Plugin "@nope\/missing" named in CAKAP_PLUGINS cannot be loaded/,
    );
    expect(() => loadPlugins(['x'], () => ({ default: 42 }))).toThrow(/must default-export definePlugin/);
    expect(() => loadPlugins(['@a/pkg'], () => ({ default: text('@other/id') }))).toThrow(/id must be the package name/);
  });
});
