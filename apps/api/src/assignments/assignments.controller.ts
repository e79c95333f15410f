import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  assignmentListQuerySchema,
  assignmentSchema,
  createAssignmentSchema,
  myAssignmentsSchema,
  pageOf,
  type AssignmentListQuery,
  type CreateAssignment,
} from '@cakap/contracts';
import { Roles } from '../auth/auth.decorators';
import { CurrentUser, type Principal } from '../common/request';
import { ApiResult, UuidParam, ZodBody, ZodQuery } from '../common/zod';
import { AssignmentsService } from './assignments.service';

/** Admins assign courses (mandatory training) to a unit, a position or listed users, with a due date. */
@ApiTags('assignments')
@ApiBearerAuth()
@Roles('admin')
@Controller('course-assignments')
export class AssignmentsController {
  constructor(private readonly service: AssignmentsService) {}

  @Post()
  @ApiResult(assignmentSchema, 201)
  create(@ZodBody(createAssignmentSchema) body: CreateAssignment, @CurrentUser() me: Principal) {
    return this.service.create(body, me);
  }

  @Get()
  @ApiResult(pageOf(assignmentSchema))
  list(@ZodQuery(assignmentListQuerySchema) query: AssignmentListQuery) {
    return this.service.list(query);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiResult(assignmentSchema)
  cancel(@UuidParam() id: string) {
    return this.service.cancel(id);
  }
}

/** The courses assigned to the signed-in learner, resolved from their current unit, position and id. */
@ApiTags('assignments')
@ApiBearerAuth()
@Controller('me/assignments')
export class MyAssignmentsController {
  constructor(private readonly service: AssignmentsService) {}

  @Get()
  @ApiResult(myAssignmentsSchema)
  mine(@CurrentUser() me: Principal) {
    return this.service.mine(me);
  }
}
