import type { PluginDefinition } from '@cakap/plugin-sdk';
import type { DataSource } from 'typeorm';
import { SAMPLE_COURSE } from './sample-course';

/** The demo's default certificate template (the built-in "sttp" type with BKPSDMD Batanghari's texts). */
export const DEMO_TEMPLATE = {
  name: 'Sertifikat E-Learning BKPSDMD',
  templateKey: 'sttp',
  numberPattern: '{seq:4}/BKPSDMD-BH/{month-roman}/{year}',
} as const;

export interface CertificateSeed {
  template: 'created' | 'existing' | 'skipped';
  autoCourse: boolean;
}

/**
 * The default template (when the template type is enabled) and automatic issuance for the
 * sample course. Idempotent: an existing template of that name is left as the admin made it,
 * and it only becomes the default when there is none.
 */
export async function seedCertificates(ds: DataSource, plugins: readonly PluginDefinition[], adminId: string): Promise<CertificateSeed> {
  const type = plugins.flatMap((p) => p.certificateTemplates ?? []).find((t) => t.key === DEMO_TEMPLATE.templateKey);
  if (!type) return { template: 'skipped', autoCourse: false };
  return ds.transaction(async (m) => {
    const inserted: unknown[] = await m.query(
      `INSERT INTO certificate_templates (name, template_key, config, number_pattern, is_default, created_by)
       SELECT $1, $2, $3, $4, NOT EXISTS (SELECT 1 FROM certificate_templates WHERE is_default), $5
       ON CONFLICT DO NOTHING RETURNING id`,
      [DEMO_TEMPLATE.name, DEMO_TEMPLATE.templateKey, JSON.stringify(type.defaultConfig), DEMO_TEMPLATE.numberPattern, adminId],
    );
    const courses: unknown[] = await m.query(
      `UPDATE courses SET certificate_auto = true WHERE title = $1 AND NOT certificate_auto AND published_version IS NOT NULL RETURNING id`,
      [SAMPLE_COURSE.title],
    );
    return { template: inserted.length ? 'created' : 'existing', autoCourse: courses.length > 0 };
  });
}
