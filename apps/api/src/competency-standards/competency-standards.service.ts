import { Injectable } from '@nestjs/common';
import {
  COMPETENCY_MESSAGES,
  ErrorCode,
  POSITION_KINDS,
  type ClassDefaults,
  type CompetencyLevelInput,
  type PositionKind,
  type PositionRequirements,
  type StandardsImportResult,
} from '@cakap/contracts';
import { ImportIssues } from '@cakap/competencies';
import { DataSource } from 'typeorm';
import { AppError, type FieldIssue } from '../common/app-error';
import type { Principal } from '../common/request';
import { toRef } from '../competency-frameworks/competency-frameworks.repository';
import { CompetencyStandardsRepository, type CompetencyCheckRow, type NamedPosition } from './competency-standards.repository';
import { parseStandardsCsv, rowField, standardsToCsv, type StandardsCsvRow } from './standards-csv';


/** Positions are named by name and unit code in files; the key both are compared by. */
const positionKey = (name: string, unitCode: string | null) => `${name.trim().toLowerCase()}\n${(unitCode ?? '').trim().toLowerCase()}`;

/**
 * Position competency standards (standar kompetensi jabatan): each position's own levels over
 * the defaults of its class. A level names a competency of a published framework that has
 * levels, at most its highest level; level 0 in a position's own levels means "not required
 * here" and hides the class default.
 */
@Injectable()
export class CompetencyStandardsService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: CompetencyStandardsRepository,
  ) {}

  async requirements(positionId: string): Promise<PositionRequirements> {
    const position = await this.repo.position(positionId);
    if (!position) throw AppError.notFound();
    return { position, requirements: await this.repo.requirements(position) };
  }

  /** Replaces the position's own levels (of published frameworks) with `items`. */
  async replace(positionId: string, items: CompetencyLevelInput[], me: Principal): Promise<PositionRequirements> {
    if (!(await this.repo.position(positionId))) throw AppError.notFound();
    await this.assertAssessable(items);
    await this.ds.transaction(async (m) => {
      if (!(await this.repo.position(positionId, m, true))) throw AppError.notFound();
      await this.repo.replaceOwn(m, positionId, items, me.userId);
    });
    return this.requirements(positionId);
  }

  /** All five classes, each with its defaults (an empty list when it has none). */
  async classDefaults(): Promise<ClassDefaults[]> {
    const rows = await this.repo.classDefaults();
    return POSITION_KINDS.map((kind) => ({
      kind,
      requirements: rows.filter((r) => r.position_kind === kind).map((r) => ({ competency: toRef(r), level: r.level })),
    }));
  }

  async replaceClassDefaults(kind: PositionKind, items: CompetencyLevelInput[], me: Principal): Promise<ClassDefaults> {
    await this.assertAssessable(items);
    await this.repo.replaceClassDefaults(kind, items, me.userId);
    return (await this.classDefaults()).find((d) => d.kind === kind)!;
  }

  /**
   * The standards CSV: all or nothing. Every row is resolved first (400 `import_file_invalid`
   * naming each bad row); then the own levels of the positions in the file, and only those,
   * are replaced in one transaction.
   */
  async importCsv(text: string, me: Principal): Promise<StandardsImportResult> {
    const parsed = parseStandardsCsv(text);
    if (!parsed.ok) throw new AppError(ErrorCode.ImportFileInvalid, {}, parsed.errors);
    const issues = new ImportIssues();
    const positions = await this.positionsOf(parsed.rows);
    const competencies = await this.competenciesOf(parsed.rows);
    const byPosition = new Map<string, Map<string, CompetencyLevelInput & { line: number }>>();

    for (const { line, cells } of parsed.rows) {
      const position = this.resolvePosition(cells.position, cells.org_unit_code, positions, line, issues);
      const competency = this.resolveCompetency(cells.competency_code, cells.framework, competencies, line, issues);
      const level = /^\d+$/.test(cells.level) ? Number(cells.level) : NaN;
      if (!cells.level) issues.add(rowField(line, 'level'), 'validation.required');
      else if (Number.isNaN(level)) issues.add(rowField(line, 'level'), 'validation.format');
      else if (competency && level > competency.max_level) {
        issues.add(rowField(line, 'level'), COMPETENCY_MESSAGES.levelAboveScale, { level, scaleMax: competency.max_level });
      }
      if (!position || !competency || Number.isNaN(level)) continue;
      const levels = byPosition.get(position.id) ?? new Map();
      byPosition.set(position.id, levels);
      const earlier = levels.get(competency.id);
      if (earlier) issues.add(rowField(line), 'import.duplicateInFile', { row: earlier.line });
      else levels.set(competency.id, { competencyId: competency.id, level, line });
    }
    if (!issues.empty) throw new AppError(ErrorCode.ImportFileInvalid, {}, issues.errors);

    await this.ds.transaction(async (m) => {
      for (const [positionId, levels] of byPosition) {
        await this.repo.position(positionId, m, true);
        await this.repo.replaceOwn(m, positionId, [...levels.values()], me.userId);
      }
    });
    return { positions: byPosition.size, rows: parsed.rows.length };
  }

  async exportCsv(): Promise<string> {
    return standardsToCsv(await this.repo.standardRows());
  }

  /** Every item must name an assessable competency of a published framework, at a level it defines. */
  private async assertAssessable(items: readonly CompetencyLevelInput[]): Promise<void> {
    const found = new Map((await this.repo.checkRows(items.map((i) => i.competencyId))).map((c) => [c.id, c]));
    const issues: FieldIssue[] = [];
    items.forEach((item, i) => {
      const c = found.get(item.competencyId);
      if (!c) issues.push({ field: `${i}.competencyId`, code: 'validation.notFound' });
      else if (c.framework_status !== 'published') issues.push({ field: `${i}.competencyId`, code: COMPETENCY_MESSAGES.notPublished, params: { code: c.code } });
      else if (c.max_level === 0) issues.push({ field: `${i}.competencyId`, code: COMPETENCY_MESSAGES.noLevels, params: { code: c.code } });
      else if (item.level > c.max_level) {
        issues.push({ field: `${i}.level`, code: COMPETENCY_MESSAGES.levelAboveScale, params: { level: item.level, scaleMax: c.max_level } });
      }
    });
    if (issues.length) throw new AppError(ErrorCode.ValidationFailed, {}, issues);
  }

  /** The positions the file names, by name and unit code. */
  private async positionsOf(rows: readonly StandardsCsvRow[]): Promise<Map<string, NamedPosition>> {
    const names = [...new Set(rows.map((r) => r.cells.position.toLowerCase()).filter(Boolean))];
    const found = names.length ? await this.repo.positionsNamed(names) : [];
    return new Map(found.map((p) => [positionKey(p.name, p.unitCode), p]));
  }

  /** The assessable published competencies whose codes the file names, by lower-case code. */
  private async competenciesOf(rows: readonly StandardsCsvRow[]): Promise<Map<string, CompetencyCheckRow[]>> {
    const codes = [...new Set(rows.map((r) => r.cells.competency_code.toLowerCase()).filter(Boolean))];
    const byCode = new Map<string, CompetencyCheckRow[]>();
    for (const c of codes.length ? await this.repo.assessableCoded(codes) : []) {
      const key = c.code.toLowerCase();
      byCode.set(key, [...(byCode.get(key) ?? []), c]);
    }
    return byCode;
  }

  private resolvePosition(name: string, unitCode: string, positions: Map<string, NamedPosition>, line: number, issues: ImportIssues) {
    if (!name) {
      issues.add(rowField(line, 'position'), 'validation.required');
      return null;
    }
    const position = positions.get(positionKey(name, unitCode));
    if (!position) issues.add(rowField(line, 'position'), COMPETENCY_MESSAGES.unknownPosition, { position: unitCode ? `${name} (${unitCode})` : name });
    return position ?? null;
  }

  /** By code; the framework column picks among frameworks sharing the code. */
  private resolveCompetency(code: string, framework: string, byCode: Map<string, CompetencyCheckRow[]>, line: number, issues: ImportIssues) {
    if (!code) {
      issues.add(rowField(line, 'competency_code'), 'validation.required');
      return null;
    }
    const candidates = (byCode.get(code.toLowerCase()) ?? []).filter((c) => !framework || c.framework_name.toLowerCase() === framework.toLowerCase());
    if (candidates.length > 1) issues.add(rowField(line, 'competency_code'), COMPETENCY_MESSAGES.ambiguousCode, { code });
    else if (!candidates.length) issues.add(rowField(line, 'competency_code'), COMPETENCY_MESSAGES.unknownCode, { code });
    return candidates.length === 1 ? candidates[0] : null;
  }
}
