import { Injectable } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';
import { ErrorCode, type CompetencyNode, type FrameworkFormat, type FrameworkTree } from '@cakap/contracts';
import {
  frameworkToCase,
  frameworkToCsv,
  parseFrameworkCase,
  parseFrameworkCsv,
  type CompetencyDocumentNode,
  type FrameworkDocument,
} from '@cakap/competencies';
import { DataSource } from 'typeorm';
import { AppError, isUniqueViolation } from '../common/app-error';
import type { Principal } from '../common/request';
import { InjectConfig } from '../config/config.module';
import { CompetencyFrameworksRepository } from './competency-frameworks.repository';
import { CompetencyFrameworksService, frameworkTaken } from './competency-frameworks.service';

/** Largest framework file accepted: the SKJ dictionary is about 100 KB as CASE JSON. */
export const FRAMEWORK_FILE_MAX_BYTES = 5 * 1024 * 1024;
export const FRAMEWORK_FILE_MAX_LABEL = '5 MB';

export interface FrameworkFile {
  fileName: string;
  contentType: string;
  body: string;
}

/** File names people can read: the framework's name and version, ASCII, no separators. */
export function frameworkFileName(name: string, version: string, extension: string): string {
  const slug = `${name} ${version}`
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${slug || 'kerangka-kompetensi'}.${extension}`;
}

/**
 * Framework import and export, CSV or 1EdTech CASE 1.0 (the formats are @cakap/competencies').
 * An import is all or nothing: the whole file is validated first (400 `import_file_invalid`
 * naming every bad row or JSON path), then written in one transaction as a new draft.
 */
@Injectable()
export class FrameworkTransferService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: CompetencyFrameworksRepository,
    private readonly frameworks: CompetencyFrameworksService,
    @InjectConfig() private readonly cfg: AppConfig,
  ) {}

  async import(format: FrameworkFormat, text: string, me: Principal): Promise<FrameworkTree> {
    const parsed = format === 'csv' ? parseFrameworkCsv(text) : parseFrameworkCase(text);
    if (!parsed.ok) throw new AppError(ErrorCode.ImportFileInvalid, {}, parsed.errors);
    // A file is a new draft whatever status it declares: an admin reviews it before it counts.
    const doc: FrameworkDocument = { ...parsed.framework, status: 'draft' };
    try {
      return await this.ds.transaction(async (m) => {
        // The same CASE document (or name and version) twice would be two frameworks for one standard.
        const existing = await this.repo.conflicting(doc.identifier, doc.name, doc.version, m);
        if (existing) throw frameworkTaken(existing, 'file');
        const id = await this.repo.insertDocument(m, doc, me.userId);
        return this.frameworks.tree(id, undefined, m);
      });
    } catch (e) {
      if (isUniqueViolation(e, 'competency_frameworks_identifier_key') || isUniqueViolation(e, 'competency_frameworks_name_version_key')) {
        const existing = await this.repo.conflicting(doc.identifier, doc.name, doc.version);
        throw frameworkTaken(existing ?? doc, 'file');
      }
      throw e;
    }
  }

  /** Anyone who may read the framework may download it (the same 404 otherwise). */
  async export(id: string, format: FrameworkFormat, me: Principal): Promise<FrameworkFile> {
    const f = await this.frameworks.tree(id, me);
    const doc: FrameworkDocument = {
      identifier: f.identifier,
      name: f.name,
      description: f.description,
      publisher: f.publisher,
      version: f.version,
      scaleMax: f.scaleMax,
      language: f.language,
      status: f.status,
      competencies: f.competencies.map(withoutIds),
    };
    if (format === 'csv') {
      // frameworkToCsv writes the BOM and CRLF that spreadsheet programs need.
      return { fileName: frameworkFileName(doc.name, doc.version, 'csv'), contentType: 'text/csv; charset=utf-8', body: frameworkToCsv(doc) };
    }
    return {
      fileName: frameworkFileName(doc.name, doc.version, 'json'),
      contentType: 'application/json; charset=utf-8',
      body: frameworkToCase(doc, { baseUri: this.cfg.PUBLIC_BASE_URL }),
    };
  }
}

function withoutIds({ id: _id, children, ...node }: CompetencyNode): CompetencyDocumentNode {
  return { ...node, children: children.map(withoutIds) };
}
