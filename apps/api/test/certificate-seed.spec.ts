import { createDataSource, createTestDatabase, type TestDatabase } from '@cakap/db';
import type { DataSource } from 'typeorm';
import { buildPluginRegistry } from '../src/plugins/plugins.module';
import { DEMO_TEMPLATE } from '../src/seed/certificates';
import { SAMPLE_COURSE } from '../src/seed/sample-course';
import { seed } from '../src/seed/seed';

/** The demo's certificate template, on a database of its own (the seed sets the one default). */
let db: TestDatabase;
let ds: DataSource;

beforeAll(async () => {
  db = await createTestDatabase(process.env.DATABASE_URL, 'cakap_cert_seed_test');
  ds = createDataSource({ url: db.url, applicationName: 'cakap-cert-seed-test', poolSize: 2 });
  await ds.initialize();
});

afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

describe('demo seed: certificates', () => {
  it('creates the default template once and turns on automatic issuance for the sample course', async () => {
    const plugins = buildPluginRegistry(['@cakap/plugin-content', '@cakap/plugin-questions', '@cakap/plugin-certificates']);
    await seed(ds, undefined, plugins);
    await seed(ds, undefined, plugins);
    const templates = await ds.query(`SELECT name, template_key, number_pattern, is_default, config FROM certificate_templates`);
    expect(templates).toHaveLength(1);
    expect(templates[0]).toMatchObject({ name: DEMO_TEMPLATE.name, template_key: 'sttp', number_pattern: '{seq:4}/BKPSDMD-BH/{month-roman}/{year}', is_default: true });
    expect(templates[0].config).toMatchObject({ place: 'Muara Bulian', signerTitle: 'Kepala BKPSDMD Kabupaten Batanghari' });
    const [course] = await ds.query(`SELECT certificate_auto FROM courses WHERE title = $1`, [SAMPLE_COURSE.title]);
    expect(course.certificate_auto).toBe(true);
  });
});
