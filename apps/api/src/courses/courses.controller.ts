import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  coauthorCandidateSchema,
  coauthorCandidatesQuerySchema,
  addCoauthorSchema,
  courseEventSchema,
  courseListQuerySchema,
  courseSchema,
  courseVersionSchema,
  courseWithContentSchema,
  createCourseSchema,
  pageOf,
  putContentSchema,
  rejectSchema,
  reviewDecisionSchema,
  versionViewSchema,
  type CourseListQuery,
  type CreateCourse,
  type PutContent,
  type ReviewDecision,
  type UpdateCourse,
  updateCourseSchema,
} from '@cakap/contracts';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { CurrentUser, type Principal } from '../common/request';
import { ApiResult, UuidParam, ZodBody, ZodPipe, ZodQuery } from '../common/zod';
import { CoursesService } from './courses.service';

const versionParam = z.coerce.number().int().min(1).max(1_000_000);

/**
 * Authoring. Route level: authors and admins only (a learner gets 403). Course level: only
 * the course's owner, co-authors and admins see it (anyone else gets 404); the workflow
 * decides the rest.
 */
@ApiTags('authoring')
@ApiBearerAuth()
@Roles('author', 'admin')
@Controller('courses')
export class CoursesController {
  constructor(private readonly service: CoursesService) {}

  @Post()
  @ApiResult(courseWithContentSchema, 201)
  create(@ZodBody(createCourseSchema) body: CreateCourse, @CurrentUser() me: Principal) {
    return this.service.create(body, me);
  }

  /** Authors: the courses they own or co-author. Admins: all (`?status=in_review` is the review queue). */
  @Get()
  @ApiResult(pageOf(courseSchema))
  list(@ZodQuery(courseListQuerySchema) query: CourseListQuery, @CurrentUser() me: Principal) {
    return this.service.list(query, me);
  }

  @Get(':id')
  @ApiResult(courseWithContentSchema)
  get(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.get(id, me);
  }

  @Patch(':id')
  @ApiResult(courseWithContentSchema)
  update(@UuidParam() id: string, @ZodBody(updateCourseSchema) body: UpdateCourse, @CurrentUser() me: Principal) {
    return this.service.update(id, body, me);
  }

  /** The whole draft tree with the revision it was based on; 409 content_conflict when someone saved since. */
  @Put(':id/content')
  @ApiResult(courseWithContentSchema)
  putContent(@UuidParam() id: string, @ZodBody(putContentSchema) body: PutContent, @CurrentUser() me: Principal) {
    return this.service.putContent(id, body, me);
  }

  @Post(':id/submit-review')
  @HttpCode(200)
  @ApiResult(courseSchema)
  submit(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.submit(id, me);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiResult(courseSchema)
  withdraw(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.withdraw(id, me);
  }

  @Post(':id/publish')
  @Roles('admin')
  @HttpCode(200)
  @ApiResult(z.object({ version: z.number().int() }))
  publish(@UuidParam() id: string, @ZodBody(reviewDecisionSchema) body: ReviewDecision, @CurrentUser() me: Principal) {
    return this.service.publish(id, me, body.comment);
  }

  @Post(':id/reject')
  @Roles('admin')
  @HttpCode(200)
  @ApiResult(courseSchema)
  reject(@UuidParam() id: string, @ZodBody(rejectSchema) body: { comment: string }, @CurrentUser() me: Principal) {
    return this.service.reject(id, me, body.comment);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @ApiResult(courseSchema)
  archive(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.archive(id, me);
  }

  @Post(':id/restore')
  @Roles('admin')
  @HttpCode(200)
  @ApiResult(courseSchema)
  restore(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.restore(id, me);
  }

  @Get(':id/versions')
  @ApiResult(z.array(courseVersionSchema))
  versions(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.versions(id, me);
  }

  @Get(':id/versions/:version')
  @ApiParam({ name: 'version', schema: { type: 'integer', minimum: 1 } })
  @ApiResult(versionViewSchema)
  version(
    @UuidParam() id: string,
    @Param('version', new ZodPipe(versionParam, 'version')) version: number,
    @CurrentUser() me: Principal,
  ) {
    return this.service.version(id, version, me);
  }

  @Get(':id/events')
  @ApiResult(z.array(courseEventSchema))
  events(@UuidParam() id: string, @CurrentUser() me: Principal) {
    return this.service.events(id, me);
  }

  @Post(':id/coauthors')
  @HttpCode(200)
  @ApiResult(courseSchema)
  addCoauthor(@UuidParam() id: string, @ZodBody(addCoauthorSchema) body: { userId: string }, @CurrentUser() me: Principal) {
    return this.service.addCoauthor(id, body.userId, me);
  }

  @Get(':id/coauthor-candidates')
  @ApiResult(z.array(coauthorCandidateSchema))
  coauthorCandidates(
    @UuidParam() id: string,
    @ZodQuery(coauthorCandidatesQuerySchema) query: { q?: string },
    @CurrentUser() me: Principal,
  ) {
    return this.service.coauthorCandidates(id, query.q, me);
  }

  @Delete(':id/coauthors/:userId')
  @ApiResult(courseSchema)
  removeCoauthor(@UuidParam() id: string, @UuidParam('userId') userId: string, @CurrentUser() me: Principal) {
    return this.service.removeCoauthor(id, userId, me);
  }
}
