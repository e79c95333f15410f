import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  createUserSchema,
  pageOf,
  temporaryPasswordSchema,
  updateUserSchema,
  userListQuerySchema,
  userSchema,
  type CreateUser,
  type UpdateUser,
  type UserListQuery,
} from '@cakap/contracts';
import { Roles } from '../auth/auth.decorators';
import { CurrentUser, type Principal } from '../common/request';
import { ApiResult, UuidParam, ZodBody, ZodQuery } from '../common/zod';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly service: UsersService) {}

  @Get()
  @ApiResult(pageOf(userSchema))
  list(@ZodQuery(userListQuerySchema) query: UserListQuery) {
    return this.service.list(query);
  }

  @Post()
  @ApiResult(userSchema, 201)
  create(@ZodBody(createUserSchema) body: CreateUser) {
    return this.service.create(body);
  }

  @Get(':id')
  @ApiResult(userSchema)
  get(@UuidParam() id: string) {
    return this.service.get(id);
  }

  @Patch(':id')
  @ApiResult(userSchema)
  update(@UuidParam() id: string, @ZodBody(updateUserSchema) body: UpdateUser, @CurrentUser() actor: Principal) {
    return this.service.update(id, body, actor);
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @ApiResult(temporaryPasswordSchema)
  resetPassword(@UuidParam() id: string) {
    return this.service.resetPassword(id);
  }
}
