import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  createOrgUnitSchema,
  orgUnitListQuerySchema,
  orgUnitSchema,
  pageOf,
  updateOrgUnitSchema,
  type CreateOrgUnit,
  type OrgUnitListQuery,
  type UpdateOrgUnit,
} from '@cakap/contracts';
import { Roles } from '../auth/auth.decorators';
import { ApiResult, UuidParam, ZodBody, ZodQuery } from '../common/zod';
import { OrgUnitsRepository } from './org-units.repository';
import { OrgUnitsService } from './org-units.service';

@ApiTags('org-units')
@ApiBearerAuth()
@Roles('admin')
@Controller('org-units')
export class OrgUnitsController {
  constructor(
    private readonly service: OrgUnitsService,
    private readonly repo: OrgUnitsRepository,
  ) {}

  @Get()
  @ApiResult(pageOf(orgUnitSchema))
  list(@ZodQuery(orgUnitListQuerySchema) query: OrgUnitListQuery) {
    return this.repo.list(query);
  }

  @Post()
  @ApiResult(orgUnitSchema, 201)
  create(@ZodBody(createOrgUnitSchema) body: CreateOrgUnit) {
    return this.service.create(body);
  }

  @Get(':id')
  @ApiResult(orgUnitSchema)
  get(@UuidParam() id: string) {
    return this.service.get(id);
  }

  @Patch(':id')
  @ApiResult(orgUnitSchema)
  update(@UuidParam() id: string, @ZodBody(updateOrgUnitSchema) body: UpdateOrgUnit) {
    return this.service.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@UuidParam() id: string) {
    await this.service.remove(id);
  }
}
