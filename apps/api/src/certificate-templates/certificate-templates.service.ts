import { Injectable } from '@nestjs/common';
import { validateNumberPattern } from '@cakap/certificates';
import {
  CERTIFICATE_MESSAGES,
  ErrorCode,
  type CertificateTemplate,
  type Page,
  type TemplateInput,
  type TemplatePatch,
  type TemplateType,
} from '@cakap/contracts';
import type { CertificateTemplateDefinition } from '@cakap/plugin-sdk';
import type { PluginRegistry } from '@cakap/plugin-sdk/host';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { AppError, isForeignKeyViolation, isUniqueViolation, ZodValidationError } from '../common/app-error';
import { InjectPlugins } from '../plugins/plugins.tokens';
import { CertificateTemplatesRepository, toTemplate, type TemplateRow } from './certificate-templates.repository';

/** Logos are drawn into the PDF, which embeds PNG and JPEG only. */
const LOGO_TYPES = new Set(['image/png', 'image/jpeg']);

@Injectable()
export class CertificateTemplatesService {
  private readonly types: PluginRegistry['certificateTemplates'];
  readonly typeInfos: TemplateType[];

  constructor(
    private readonly repo: CertificateTemplatesRepository,
    private readonly ds: DataSource,
    @InjectPlugins() registry: PluginRegistry,
  ) {
    this.types = registry.certificateTemplates;
    // Computed once: the enabled set never changes while the process runs.
    this.typeInfos = [...this.types.values()].map(({ plugin, def }) => ({
      key: def.key,
      plugin,
      title: def.title,
      ...(def.description ? { description: def.description } : {}),
      defaultConfig: def.defaultConfig,
      configSchema: z.toJSONSchema(def.configSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
    }));
  }

  async list(q: { page: number; pageSize: number; archived?: boolean }): Promise<Page<CertificateTemplate>> {
    const { rows, total } = await this.repo.list(q);
    return { items: rows.map(toTemplate), total, page: q.page, pageSize: q.pageSize };
  }

  async get(id: string): Promise<CertificateTemplate> {
    return toTemplate(await this.row(id));
  }

  async row(id: string): Promise<TemplateRow> {
    const row = await this.repo.find(id);
    if (!row) throw AppError.notFound();
    return row;
  }

  async create(input: TemplateInput, createdBy: string): Promise<CertificateTemplate> {
    const config = await this.checked(input.templateKey, input.config, input.numberPattern, input.logoFileId);
    const id = await this.write(async (em) => {
      if (input.isDefault) await this.repo.clearDefault(em);
      return this.repo.insert(em, { ...input, config, logoFileId: input.logoFileId ?? null }, createdBy);
    });
    return this.get(id);
  }

  async update(id: string, patch: TemplatePatch): Promise<CertificateTemplate> {
    const current = await this.row(id);
    const config =
      patch.config !== undefined || patch.numberPattern !== undefined || patch.logoFileId
        ? await this.checked(current.template_key, patch.config ?? current.config, patch.numberPattern ?? current.number_pattern, patch.logoFileId)
        : undefined;
    // The default cannot be archived (a check constraint): archiving it lets the default go.
    const isDefault = patch.archived ? false : patch.isDefault;
    await this.write(async (em) => {
      if (isDefault) await this.repo.clearDefault(em, id);
      await this.repo.update(em, id, { ...patch, ...(config !== undefined ? { config } : {}), isDefault });
    });
    return this.get(id);
  }

  /** A template that printed certificates stays for their record: archive it instead. */
  async delete(id: string): Promise<void> {
    const row = await this.row(id);
    if (row.issued_count > 0) throw this.inUse();
    try {
      await this.repo.delete(id);
    } catch (e) {
      // A batch (or a certificate written meanwhile) still points at it.
      if (isForeignKeyViolation(e)) throw this.inUse();
      throw e;
    }
  }

  /** The plugin's definition of a type; unknown to the enabled plugins is a field error. */
  typeOf(key: string): { plugin: string; def: CertificateTemplateDefinition } {
    const entry = this.types.get(key);
    if (!entry) throw AppError.invalidField('templateKey', CERTIFICATE_MESSAGES.unknownTemplateType, { key });
    return entry;
  }

  /**
   * Everything a template must satisfy before it is stored or previewed: the plugin's config
   * schema (issues under `config.*`), the number pattern, the logo's type. Returns the parsed config.
   */
  async checked(templateKey: string, config: unknown, numberPattern: string, logoFileId?: string | null): Promise<unknown> {
    const { def } = this.typeOf(templateKey);
    const parsed = def.configSchema.safeParse(config ?? def.defaultConfig);
    if (!parsed.success) {
      throw new ZodValidationError(
        parsed.error.issues.map((i) => ({ ...i, path: ['config', ...i.path] })),
        { config },
      );
    }
    const pattern = validateNumberPattern(numberPattern);
    if (!pattern.ok) throw AppError.invalidField('numberPattern', pattern.code, pattern.params);
    if (logoFileId) {
      const mime = await this.repo.fileMime(logoFileId);
      if (!mime || !LOGO_TYPES.has(mime)) throw AppError.invalidField('logoFileId', CERTIFICATE_MESSAGES.logoType);
    }
    return parsed.data;
  }

  private inUse(): AppError {
    return new AppError(ErrorCode.Conflict, {}, [{ field: '_', code: CERTIFICATE_MESSAGES.templateInUse }]);
  }

  /** One transaction; the unique indexes answer name and pattern clashes as 409 on the field. */
  private async write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.ds.transaction(work);
    } catch (e) {
      if (isUniqueViolation(e, 'certificate_templates_name_key')) {
        throw new AppError(ErrorCode.Conflict, {}, [{ field: 'name', code: CERTIFICATE_MESSAGES.templateNameTaken }]);
      }
      if (isUniqueViolation(e, 'certificate_templates_pattern_key')) {
        throw new AppError(ErrorCode.Conflict, {}, [{ field: 'numberPattern', code: CERTIFICATE_MESSAGES.patternTaken }]);
      }
      throw e;
    }
  }
}
