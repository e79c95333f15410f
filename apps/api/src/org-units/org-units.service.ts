import { Injectable } from '@nestjs/common';
import { ErrorCode, type CreateOrgUnit, type OrgUnit, type UpdateOrgUnit } from '@cakap/contracts';
import { OrgUnitEntity } from '@cakap/db';
import { DataSource } from 'typeorm';
import { AppError, isForeignKeyViolation, isUniqueViolation } from '../common/app-error';
import { OrgUnitsRepository } from './org-units.repository';

/** Serialises changes to the tree's shape, so two moves cannot form a cycle together. */
const TREE_LOCK = 0x0c4a_0001;

@Injectable()
export class OrgUnitsService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: OrgUnitsRepository,
  ) {}

  async get(id: string): Promise<OrgUnit> {
    const unit = await this.repo.get(id);
    if (!unit) throw AppError.notFound();
    return unit;
  }

  async create(input: CreateOrgUnit): Promise<OrgUnit> {
    if (input.parentId && !(await this.repo.exists(input.parentId))) {
      throw AppError.invalidField('parentId', 'validation.notFound');
    }
    try {
      const saved = await this.ds.getRepository(OrgUnitEntity).save({
        code: input.code,
        name: input.name,
        parentId: input.parentId ?? null,
      });
      return this.get(saved.id);
    } catch (e) {
      throw translate(e);
    }
  }

  async update(id: string, input: UpdateOrgUnit): Promise<OrgUnit> {
    await this.get(id);
    try {
      await this.ds.transaction(async (m) => {
        if (input.parentId) {
          await m.query('SELECT pg_advisory_xact_lock($1)', [TREE_LOCK]);
          if (!(await m.getRepository(OrgUnitEntity).existsBy({ id: input.parentId }))) {
            throw AppError.invalidField('parentId', 'validation.notFound');
          }
          if (await this.repo.isSelfOrDescendant(m, id, input.parentId)) {
            throw new AppError(ErrorCode.OrgUnitCycle, {}, [{ field: 'parentId', code: ErrorCode.OrgUnitCycle }]);
          }
        }
        const patch: Partial<OrgUnitEntity> = {};
        if (input.code !== undefined) patch.code = input.code;
        if (input.name !== undefined) patch.name = input.name;
        if (input.parentId !== undefined) patch.parentId = input.parentId;
        if (Object.keys(patch).length) await m.getRepository(OrgUnitEntity).update({ id }, patch);
      });
    } catch (e) {
      throw translate(e);
    }
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    await this.get(id);
    try {
      await this.ds.getRepository(OrgUnitEntity).delete({ id });
    } catch (e) {
      if (isForeignKeyViolation(e)) throw new AppError(ErrorCode.OrgUnitInUse);
      throw e;
    }
  }
}

function translate(e: unknown): unknown {
  if (isUniqueViolation(e, 'org_units_code_key')) {
    return new AppError(ErrorCode.OrgUnitCodeTaken, {}, [{ field: 'code', code: ErrorCode.OrgUnitCodeTaken }]);
  }
  return e;
}
