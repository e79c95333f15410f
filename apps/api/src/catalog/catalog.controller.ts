import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { catalogCourseSchema, catalogItemSchema, catalogQuerySchema, pageOf, type CatalogQuery } from '@cakap/contracts';
import { ApiResult, UuidParam, ZodQuery } from '../common/zod';
import { CatalogService } from './catalog.service';

/** Published courses, for every signed-in user (the learning issue builds enrolment on this). */
@ApiTags('learning')
@ApiBearerAuth()
@Controller('catalog')
export class CatalogController {
  constructor(private readonly service: CatalogService) {}

  @Get()
  @ApiResult(pageOf(catalogItemSchema))
  list(@ZodQuery(catalogQuerySchema) query: CatalogQuery) {
    return this.service.list(query);
  }

  @Get(':id')
  @ApiResult(catalogCourseSchema)
  get(@UuidParam() id: string) {
    return this.service.get(id);
  }
}
