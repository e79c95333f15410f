import { Injectable } from '@nestjs/common';
import { ErrorCode, type CreatePosition, type Position, type UpdatePosition } from '@cakap/contracts';
import { PositionEntity } from '@cakap/db';
import { DataSource } from 'typeorm';
import { AppError, isForeignKeyViolation, isUniqueViolation } from '../common/app-error';
import { OrgUnitsRepository } from '../org-units/org-units.repository';
import { PositionsRepository } from './positions.repository';

@Injectable()
export class PositionsService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: PositionsRepository,
    private readonly units: OrgUnitsRepository,
  ) {}

  async get(id: string): Promise<Position> {
    const p = await this.repo.get(id);
    if (!p) throw AppError.notFound();
    return p;
  }

  async create(input: CreatePosition): Promise<Position> {
    await this.assertUnit(input.orgUnitId);
    try {
      const saved = await this.ds
        .getRepository(PositionEntity)
        .save({ name: input.name, kind: input.kind, orgUnitId: input.orgUnitId ?? null });
      return this.get(saved.id);
    } catch (e) {
      throw translate(e);
    }
  }

  async update(id: string, input: UpdatePosition): Promise<Position> {
    await this.get(id);
    await this.assertUnit(input.orgUnitId);
    const patch: Partial<PositionEntity> = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.kind !== undefined) patch.kind = input.kind;
    if (input.orgUnitId !== undefined) patch.orgUnitId = input.orgUnitId;
    try {
      if (Object.keys(patch).length) await this.ds.getRepository(PositionEntity).update({ id }, patch);
    } catch (e) {
      throw translate(e);
    }
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    await this.get(id);
    try {
      await this.ds.getRepository(PositionEntity).delete({ id });
    } catch (e) {
      if (isForeignKeyViolation(e)) throw new AppError(ErrorCode.PositionInUse);
      throw e;
    }
  }

  private async assertUnit(orgUnitId: string | null | undefined) {
    if (orgUnitId && !(await this.units.exists(orgUnitId))) throw AppError.invalidField('orgUnitId', 'validation.notFound');
  }
}

function translate(e: unknown): unknown {
  if (isUniqueViolation(e, 'positions_name_unit_key')) {
    return new AppError(ErrorCode.Conflict, {}, [{ field: 'name', code: 'position.nameTaken' }]);
  }
  return e;
}
