import { SDK_VERSION } from '@cakap/plugin-sdk';
import { PluginError } from '@cakap/plugin-sdk/host';
import { rmSync } from 'node:fs';
import { bearer, createPerson, startApi, type Api, type Person } from './harness';
import { createCourse, publish, putContent, richtext, tempDataDir, tree } from './course-fixtures';

// Packages a deployment might name in CAKAP_PLUGINS, resolved by name exactly as real ones are.
jest.mock('@acme/plugin-old-sdk', () => jest.requireActual('./fixtures/plugins/old-sdk.js'), { virtual: true });
jest.mock('@other/plugin-callout-twin', () => jest.requireActual('./fixtures/plugins/callout-twin.js'), { virtual: true });

describe('plugins: loading and refusal', () => {
  it.each([
    ['@cakap/plugin-content,@acme/plugin-not-installed', /Plugin "@acme\/plugin-not-installed" named in CAKAP_PLUGINS cannot be loaded/],
    ['@cakap/plugin-content,@acme/plugin-old-sdk', new RegExp(`Plugin "@acme/plugin-old-sdk" 3\\.1\\.0 needs Cakap plugin SDK \\^2\\.0\\.0, but this Cakap provides ${SDK_VERSION.replaceAll('.', '\\.')}`)],
    ['@acme/plugin-callout,@other/plugin-callout-twin', /Content type "callout" is claimed by both "@acme\/plugin-callout" and "@other\/plugin-callout-twin"/],
    ['@cakap/plugin-content,@cakap/plugin-content', /Plugin "@cakap\/plugin-content" is enabled twice/],
  ])('refuses to start with CAKAP_PLUGINS=%s', async (plugins, message) => {
    const start = startApi({ CAKAP_PLUGINS: plugins });
    await expect(start).rejects.toThrow(PluginError);
    await expect(startApi({ CAKAP_PLUGINS: plugins })).rejects.toThrow(message);
  });
});

/**
 * The end-to-end proof that a plugin outside core works with no change to core: the
 * fixture package @acme/plugin-callout (plain JavaScript, linked like any third-party
 * package) is only named in the configuration.
 */
describe('a third-party content type, end to end', () => {
  let api: Api;
  let author: Person;
  let admin: Person;
  let learner: Person;
  const dataDir = tempDataDir();

  beforeAll(async () => {
    api = await startApi({ CAKAP_PLUGINS: '@cakap/plugin-content,@acme/plugin-callout', CAKAP_DATA_DIR: dataDir });
    [author, admin, learner] = await Promise.all([
      createPerson(api, ['author'], undefined, 'Penulis Plugin'),
      createPerson(api, ['admin']),
      createPerson(api, ['learner']),
    ]);
  });
  afterAll(async () => {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists the content types of every enabled plugin with their data schemas', async () => {
    const res = await api.http().get('/api/v1/content-types').set(bearer(learner)).expect(200);
    const byKey = Object.fromEntries(res.body.map((t: { key: string }) => [t.key, t]));
    expect(Object.keys(byKey).sort()).toEqual(['callout', 'embed', 'file', 'image', 'quiz', 'richtext', 'video']);
    expect(byKey.callout).toMatchObject({
      plugin: '@acme/plugin-callout',
      title: { id: 'Kotak perhatian', en: 'Callout' },
      completion: { kind: 'viewed' },
      dataSchema: { type: 'object', properties: { tone: { enum: ['info', 'warning'] }, text: { type: 'string' } } },
    });
    expect(byKey.richtext.plugin).toBe('@cakap/plugin-content');
    expect(byKey.video.completion).toMatchObject({ kind: 'watched' });
  });

  it('validates, publishes, versions and lists a course with a callout block', async () => {
    const id = await createCourse(api, author, { title: 'Tata Naskah Dinas', category: 'Teknis' });
    const bad = await putContent(api, author, id, tree([{ key: 'c1', type: 'callout', data: { tone: 'loud', text: '' } }])).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'modules.0.lessons.0.blocks.0.data.text',
      'modules.0.lessons.0.blocks.0.data.tone',
    ]);
    const callout = { key: 'c1', type: 'callout', data: { tone: 'warning', text: '  Perhatikan kop surat dinas  ' } };
    const saved = await putContent(api, author, id, tree([richtext('r1', '<p>Pengantar</p>'), callout])).expect(200);
    // Stored as the plugin's schema output it (trimmed).
    expect(saved.body.content.modules[0].lessons[0].blocks[1]).toEqual({ ...callout, data: { tone: 'warning', text: 'Perhatikan kop surat dinas' } });

    expect(await publish(api, author, admin, id)).toBe(1);
    const version = await api.http().get(`/api/v1/courses/${id}/versions/1`).set(bearer(author)).expect(200);
    expect(version.body.content.modules[0].lessons[0].blocks[1]).toMatchObject({ type: 'callout', data: { tone: 'warning' } });

    // The catalog finds it by the plugin's summary of its data.
    const found = await api.http().get('/api/v1/catalog?q=kop%20surat').set(bearer(learner)).expect(200);
    expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    const page = await api.http().get(`/api/v1/catalog/${id}`).set(bearer(learner)).expect(200);
    expect(page.body).toMatchObject({ id, version: 1, title: 'Tata Naskah Dinas', moduleCount: 1, lessonCount: 1 });
    expect(page.body.outline).toEqual([{ key: 'm1', title: 'Modul 1', lessons: [{ key: 'l1', title: 'Pelajaran 1', blockCount: 2 }] }]);
  });
});
