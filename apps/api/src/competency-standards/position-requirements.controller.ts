import { Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { positionRequirementsInputSchema, positionRequirementsSchema, type PositionRequirementsInput } from '@cakap/contracts';
import { Roles } from '../auth/auth.decorators';
import { CurrentUser, type Principal } from '../common/request';
import { ApiResult, UuidParam, ZodBody } from '../common/zod';
import { CompetencyStandardsService } from './competency-standards.service';

/** A position's competency standard: its own levels and the class defaults it does not override. */
@ApiTags('positions')
@ApiBearerAuth()
@Roles('admin')
@Controller('positions')
export class PositionRequirementsController {
  constructor(private readonly service: CompetencyStandardsService) {}

  @Get(':id/requirements')
  @ApiResult(positionRequirementsSchema)
  get(@UuidParam() id: string) {
    return this.service.requirements(id);
  }

  /** Replaces the position's own levels; level 0 = "not required here" over the class default. */
  @Put(':id/requirements')
  @ApiResult(positionRequirementsSchema)
  replace(@UuidParam() id: string, @ZodBody(positionRequirementsInputSchema) body: PositionRequirementsInput, @CurrentUser() me: Principal) {
    return this.service.replace(id, body, me);
  }
}
