import { Controller, Delete, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  competencyListQuerySchema,
  competencyRefSchema,
  frameworkTreeSchema,
  pageOf,
  updateCompetencySchema,
  type CompetencyListQuery,
  type UpdateCompetency,
} from '@cakap/contracts';
import { Roles } from '../auth/auth.decorators';
import { ApiResult, UuidParam, ZodBody, ZodQuery } from '../common/zod';
import { CompetencyFrameworksService } from './competency-frameworks.service';

/** Single competencies: the pickers' search (any signed-in user) and the admin's edits, answered with the whole tree. */
@ApiTags('competencies')
@ApiBearerAuth()
@Controller('competencies')
export class CompetenciesController {
  constructor(private readonly service: CompetencyFrameworksService) {}

  /** Assessable competencies (with levels) of published frameworks. */
  @Get()
  @ApiResult(pageOf(competencyRefSchema))
  list(@ZodQuery(competencyListQuerySchema) query: CompetencyListQuery) {
    return this.service.assessable(query);
  }

  /** Levels in use by standards, course targets or evidence cannot be removed (409 competency.inUse). */
  @Patch(':id')
  @Roles('admin')
  @ApiResult(frameworkTreeSchema)
  update(@UuidParam() id: string, @ZodBody(updateCompetencySchema) body: UpdateCompetency) {
    return this.service.updateCompetency(id, body);
  }

  /** Refused while it has children or anything refers to it (409 competency.inUse). */
  @Delete(':id')
  @Roles('admin')
  @ApiResult(frameworkTreeSchema)
  remove(@UuidParam() id: string) {
    return this.service.removeCompetency(id);
  }
}
