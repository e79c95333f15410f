import { Injectable } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';
import {
  dateRangeId,
  formatDateId,
  formatNumber,
  jpText,
  loadCertificateFonts,
  pangkatOf,
  prepareTemplate,
  renderCertificate,
} from '@cakap/certificates';
import { formatNip, type TemplatePreview } from '@cakap/contracts';
import { jakartaDate } from '@cakap/courses';
import { templateTexts } from '@cakap/issuance';
import type { CertificateField } from '@cakap/plugin-sdk';
import type { FileStorage } from '@cakap/storage';
import { DataSource } from 'typeorm';
import { InjectConfig } from '../config/config.module';
import { InjectStorage } from '../storage/storage.module';
import { CertificateTemplatesService } from './certificate-templates.service';

/** The sample learner of every preview: a long name with an apostrophe and an accent, as real ones have. */
const SAMPLE = {
  name: "Ahmad Khoiru'l Éndah, S.H., M.H.",
  nip: '198609262015051001',
  golongan: 'III/a',
  position: 'Analis Sumber Daya Manusia Aparatur',
  orgUnit: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah',
  courseTitle: 'Pelayanan Publik Prima',
  courseCode: 'PPP',
  jp: 20,
  code: 'PRATINJAU0',
};

/**
 * Sample certificates for the template editor. A preview is not signed (it is never a
 * certificate): the embedded payload says so.
 */
@Injectable()
export class TemplatePreviewService {
  constructor(
    private readonly templates: CertificateTemplatesService,
    private readonly ds: DataSource,
    @InjectStorage() private readonly storage: FileStorage,
    @InjectConfig() private readonly cfg: AppConfig,
  ) {}

  async unsaved(p: TemplatePreview): Promise<Uint8Array> {
    const config = await this.templates.checked(p.templateKey, p.config, p.numberPattern, p.logoFileId);
    return this.render(p.templateKey, config, p.numberPattern, p.logoFileId ?? null);
  }

  async saved(id: string): Promise<Uint8Array> {
    const t = await this.templates.row(id);
    return this.render(t.template_key, t.config, t.number_pattern, t.logo_file_id);
  }

  private async render(templateKey: string, config: unknown, numberPattern: string, logoFileId: string | null): Promise<Uint8Array> {
    const { def } = this.templates.typeOf(templateKey);
    const layout = def.layout(def.configSchema.parse(config));
    const prepared = await prepareTemplate(layout, { fonts: loadCertificateFonts(), logo: await this.logo(logoFileId) });
    const today = jakartaDate(new Date());
    const [year, month] = today.split('-').map(Number);
    const start = `${year}-${String(month).padStart(2, '0')}-01`;
    const { place } = templateTexts(config);
    const fields: Record<CertificateField, string> = {
      number: formatNumber(numberPattern, { seq: 1, year, month, courseCode: SAMPLE.courseCode }),
      name: SAMPLE.name,
      nip: formatNip(SAMPLE.nip),
      rank: pangkatOf(SAMPLE.golongan) ?? '',
      position: SAMPLE.position,
      orgUnit: SAMPLE.orgUnit,
      courseTitle: SAMPLE.courseTitle,
      jpText: jpText(SAMPLE.jp),
      courseDates: dateRangeId(start, today),
      placeDate: place ? `${place}, ${formatDateId(today)}` : formatDateId(today),
      code: SAMPLE.code,
      verifyUrl: `${this.cfg.PUBLIC_BASE_URL}/verify/${SAMPLE.code}`,
    };
    return renderCertificate(prepared, fields, { payload: '{"preview":true}', signature: '', keyId: 'preview' });
  }

  private async logo(fileId: string | null): Promise<{ bytes: Uint8Array; mime: string } | undefined> {
    if (!fileId) return undefined;
    const [file] = await this.ds.query(`SELECT storage_key, mime_type FROM files WHERE id = $1`, [fileId]);
    if (!file) return undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of await this.storage.open(file.storage_key)) chunks.push(chunk as Buffer);
    return { bytes: Buffer.concat(chunks), mime: file.mime_type };
  }
}
