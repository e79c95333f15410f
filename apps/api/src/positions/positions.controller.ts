import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  createPositionSchema,
  pageOf,
  positionListQuerySchema,
  positionSchema,
  updatePositionSchema,
  type CreatePosition,
  type PositionListQuery,
  type UpdatePosition,
} from '@cakap/contracts';
import { Roles } from '../auth/auth.decorators';
import { ApiResult, UuidParam, ZodBody, ZodQuery } from '../common/zod';
import { PositionsRepository } from './positions.repository';
import { PositionsService } from './positions.service';

@ApiTags('positions')
@ApiBearerAuth()
@Roles('admin')
@Controller('positions')
export class PositionsController {
  constructor(
    private readonly service: PositionsService,
    private readonly repo: PositionsRepository,
  ) {}

  @Get()
  @ApiResult(pageOf(positionSchema))
  list(@ZodQuery(positionListQuerySchema) query: PositionListQuery) {
    return this.repo.list(query);
  }

  @Post()
  @ApiResult(positionSchema, 201)
  create(@ZodBody(createPositionSchema) body: CreatePosition) {
    return this.service.create(body);
  }

  @Get(':id')
  @ApiResult(positionSchema)
  get(@UuidParam() id: string) {
    return this.service.get(id);
  }

  @Patch(':id')
  @ApiResult(positionSchema)
  update(@UuidParam() id: string, @ZodBody(updatePositionSchema) body: UpdatePosition) {
    return this.service.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@UuidParam() id: string) {
    await this.service.remove(id);
  }
}
