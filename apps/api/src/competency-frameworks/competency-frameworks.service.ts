import { Injectable } from '@nestjs/common';
import {
  COMPETENCY_MESSAGES,
  ErrorCode,
  type CompetencyListQuery,
  type CompetencyRef,
  type CreateCompetency,
  type CreateFramework,
  type FrameworkListQuery,
  type FrameworkStatus,
  type FrameworkSummary,
  type FrameworkTree,
  type LevelDefinition,
  type Page,
  type UpdateCompetency,
  type UpdateFramework,
} from '@cakap/contracts';
import { buildTree, levelsAboveScale, maxLevelOf, wouldCycle, type FlatCompetency } from '@cakap/competencies';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, isForeignKeyViolation, isUniqueViolation } from '../common/app-error';
import type { Principal } from '../common/request';
import { CompetencyFrameworksRepository, type CompetencyValues, type StoredCompetency } from './competency-frameworks.repository';

/** What a learner or author may read: published frameworks, and retired ones they still meet by id (old targets, evidence). */
const READABLE_BY_ID: readonly FrameworkStatus[] = ['published', 'retired'];
const LISTED_FOR_EVERYONE: readonly FrameworkStatus[] = ['published'];

const isAdmin = (me: Principal) => me.roles.includes('admin');

export function frameworkTaken(existing: { name: string; version: string }, field = 'name'): AppError {
  return new AppError(ErrorCode.Conflict, {}, [
    { field, code: COMPETENCY_MESSAGES.frameworkTaken, params: { name: existing.name, version: existing.version } },
  ]);
}

/** The database's unique indexes are the backstop of the checks below (two admins at once). */
function translate(e: unknown, values: { name?: string; version?: string; code?: string }): unknown {
  if (isUniqueViolation(e, 'competency_frameworks_name_version_key')) {
    return frameworkTaken({ name: values.name ?? '', version: values.version ?? '' });
  }
  if (isUniqueViolation(e, 'competencies_framework_code_key')) {
    return new AppError(ErrorCode.Conflict, {}, [{ field: 'code', code: COMPETENCY_MESSAGES.codeTaken, params: { code: values.code } }]);
  }
  return e;
}

/**
 * Competency frameworks and their competencies: the admin's dictionary editor. Drafts are
 * private to admins; a published framework is what standards, course targets and evidence
 * refer to, so edits that would invalidate those references are refused.
 */
@Injectable()
export class CompetencyFrameworksService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: CompetencyFrameworksRepository,
  ) {}

  list(q: FrameworkListQuery, me: Principal): Promise<Page<FrameworkSummary>> {
    return this.repo.list(q, isAdmin(me) ? null : LISTED_FOR_EVERYONE);
  }

  /** The framework as a tree; someone who may not see it gets the same 404 as for an unknown id. */
  async tree(id: string, me?: Principal, m: EntityManager = this.ds.manager): Promise<FrameworkTree> {
    const summary = await this.repo.summary(id, m);
    if (!summary || (me && !isAdmin(me) && !READABLE_BY_ID.includes(summary.status))) throw AppError.notFound();
    const rows = await this.repo.competencies(id, m);
    return { ...summary, competencies: buildTree(rows.map(toFlat)) };
  }

  async create(input: CreateFramework, me: Principal): Promise<FrameworkTree> {
    try {
      const id = await this.repo.insertFramework(this.ds.manager, { ...input, status: 'draft' }, me.userId);
      return await this.tree(id);
    } catch (e) {
      throw translate(e, input);
    }
  }

  async update(id: string, patch: UpdateFramework): Promise<FrameworkTree> {
    return this.ds.transaction(async (m) => {
      await this.repo.lockFramework(m, id);
      const current = await this.repo.summary(id, m);
      if (!current) throw AppError.notFound();
      if (patch.scaleMax !== undefined) {
        const highest = await this.repo.highestDefinedLevel(id, m);
        if (patch.scaleMax < highest) {
          throw new AppError(ErrorCode.Conflict, {}, [{ field: 'scaleMax', code: COMPETENCY_MESSAGES.scaleBelowLevels, params: { level: highest } }]);
        }
      }
      try {
        await this.repo.updateFramework(m, id, patch);
      } catch (e) {
        throw translate(e, { name: patch.name ?? current.name, version: patch.version ?? current.version });
      }
      return this.tree(id, undefined, m);
    });
  }

  /** Only a framework nobody refers to can go; a used one is retired instead (its history stays readable). */
  async remove(id: string): Promise<void> {
    if (!(await this.repo.summary(id))) throw AppError.notFound();
    const inUse = () => new AppError(ErrorCode.Conflict, {}, [{ field: 'id', code: COMPETENCY_MESSAGES.frameworkInUse }]);
    if (await this.repo.frameworkInUse(id)) throw inUse();
    try {
      await this.repo.deleteFramework(id);
    } catch (e) {
      // A reference added between the check and the delete: the foreign keys refuse it.
      throw isForeignKeyViolation(e) ? inUse() : e;
    }
  }

  /** From draft or retired; there must be something to assess. */
  async publish(id: string): Promise<FrameworkTree> {
    if (!(await this.repo.summary(id))) throw AppError.notFound();
    if (!(await this.repo.hasAssessable(id))) {
      throw new AppError(ErrorCode.Conflict, {}, [{ field: 'competencies', code: COMPETENCY_MESSAGES.frameworkEmpty }]);
    }
    if (!(await this.repo.transition(id, ['draft', 'retired'], 'published'))) throw new AppError(ErrorCode.InvalidTransition);
    return this.tree(id);
  }

  /** Retired frameworks stop counting in standards and pickers; evidence and course history keep them. */
  async retire(id: string): Promise<FrameworkTree> {
    if (!(await this.repo.summary(id))) throw AppError.notFound();
    if (!(await this.repo.transition(id, ['published'], 'retired'))) throw new AppError(ErrorCode.InvalidTransition);
    return this.tree(id);
  }

  assessable(q: CompetencyListQuery): Promise<Page<CompetencyRef>> {
    return this.repo.assessable(q);
  }

  async addCompetency(frameworkId: string, input: CreateCompetency): Promise<FrameworkTree> {
    return this.ds.transaction(async (m) => {
      const framework = await this.lockedFramework(m, frameworkId);
      const siblings = await this.repo.competencies(frameworkId, m);
      const parentId = input.parentId ?? null;
      const values: CompetencyValues = {
        code: input.code,
        name: input.name,
        kind: input.kind,
        definition: input.definition,
        parentId,
        levels: input.levels,
        position: input.position ?? (await this.repo.nextPosition(m, frameworkId, parentId)),
      };
      await this.check(m, framework, siblings, values, null);
      try {
        await this.repo.insertCompetency(m, frameworkId, values);
      } catch (e) {
        throw translate(e, values);
      }
      await this.repo.touch(m, frameworkId);
      return this.tree(frameworkId, undefined, m);
    });
  }

  /** Published frameworks may be edited (text fixes), but not so that a level in use disappears. */
  async updateCompetency(id: string, patch: UpdateCompetency): Promise<FrameworkTree> {
    const found = await this.repo.competency(id);
    if (!found) throw AppError.notFound();
    return this.ds.transaction(async (m) => {
      const framework = await this.lockedFramework(m, found.frameworkId);
      const rows = await this.repo.competencies(found.frameworkId, m);
      const current = rows.find((r) => r.id === id);
      if (!current) throw AppError.notFound();
      const values: CompetencyValues = {
        code: patch.code ?? current.code,
        name: patch.name ?? current.name,
        kind: patch.kind ?? current.kind,
        definition: patch.definition ?? current.definition,
        parentId: patch.parentId === undefined ? current.parentId : patch.parentId,
        levels: patch.levels ?? current.levels,
        position: patch.position ?? current.position,
      };
      await this.check(m, framework, rows, values, current);
      try {
        await this.repo.updateCompetency(m, id, values);
      } catch (e) {
        throw translate(e, values);
      }
      await this.repo.touch(m, found.frameworkId);
      return this.tree(found.frameworkId, undefined, m);
    });
  }

  async removeCompetency(id: string): Promise<FrameworkTree> {
    const found = await this.repo.competency(id);
    if (!found) throw AppError.notFound();
    return this.ds.transaction(async (m) => {
      await this.lockedFramework(m, found.frameworkId);
      const inUse = () => new AppError(ErrorCode.Conflict, {}, [{ field: 'id', code: COMPETENCY_MESSAGES.inUse }]);
      if ((await this.repo.hasChildren(id, m)) || (await this.repo.competencyInUse(id, m))) throw inUse();
      try {
        await this.repo.deleteCompetency(m, id);
      } catch (e) {
        throw isForeignKeyViolation(e) ? inUse() : e;
      }
      await this.repo.touch(m, found.frameworkId);
      return this.tree(found.frameworkId, undefined, m);
    });
  }

  /** Row lock on the framework: concurrent edits of one tree are checked one after the other (cycles, codes). */
  private async lockedFramework(m: EntityManager, id: string): Promise<FrameworkSummary> {
    await this.repo.lockFramework(m, id);
    const framework = await this.repo.summary(id, m);
    if (!framework) throw AppError.notFound();
    return framework;
  }

  /** The rules of a competency in its framework; `current` is the stored row when editing. */
  private async check(
    m: EntityManager,
    framework: FrameworkSummary,
    rows: readonly StoredCompetency[],
    values: CompetencyValues,
    current: StoredCompetency | null,
  ): Promise<void> {
    const above = levelsAboveScale(values.levels, framework.scaleMax);
    if (above.length) {
      throw AppError.invalidField('levels', COMPETENCY_MESSAGES.levelAboveScale, { level: above[0], scaleMax: framework.scaleMax });
    }
    const codeOwner = rows.find((r) => r.code.toLowerCase() === values.code.toLowerCase() && r.id !== current?.id);
    if (codeOwner) {
      throw new AppError(ErrorCode.Conflict, {}, [{ field: 'code', code: COMPETENCY_MESSAGES.codeTaken, params: { code: values.code } }]);
    }
    if (values.parentId && values.parentId !== current?.parentId) {
      if (!rows.some((r) => r.id === values.parentId)) {
        const elsewhere = await this.repo.competency(values.parentId, m);
        throw AppError.invalidField('parentId', elsewhere ? COMPETENCY_MESSAGES.parentOtherFramework : 'validation.notFound');
      }
      const parentOf = new Map(rows.map((r) => [r.id, r.parentId]));
      if (current && wouldCycle(parentOf, current.id, values.parentId)) {
        throw new AppError(ErrorCode.Conflict, {}, [{ field: 'parentId', code: COMPETENCY_MESSAGES.parentCycle }]);
      }
    }
    if (current && maxLevelOf(values.levels) < current.maxLevel) await this.assertLevelsKept(m, current, values.levels);
  }

  /** Standards, course targets and evidence name levels: those must stay defined. */
  private async assertLevelsKept(m: EntityManager, current: StoredCompetency, levels: readonly LevelDefinition[]): Promise<void> {
    const used = await this.repo.highestUsedLevel(current.id, m);
    if (used > maxLevelOf(levels)) throw new AppError(ErrorCode.Conflict, {}, [{ field: 'levels', code: COMPETENCY_MESSAGES.inUse }]);
  }
}

/** A stored row as the tree rules read it (no framework id or cached max level in the response). */
function toFlat(r: StoredCompetency): FlatCompetency {
  return {
    id: r.id,
    identifier: r.identifier,
    parentId: r.parentId,
    code: r.code,
    name: r.name,
    kind: r.kind,
    definition: r.definition,
    position: r.position,
    levels: r.levels,
  };
}
