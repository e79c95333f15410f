import { Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import {
  changePasswordSchema,
  loginSchema,
  meSchema,
  refreshSchema,
  tokenResponseSchema,
  type ChangePassword,
  type LoginRequest,
  type Me,
  type RefreshRequest,
  type TokenResponse,
} from '@cakap/contracts';
import { AppError } from '../common/app-error';
import { type AppRequest, clientIp, CurrentUser, type Principal } from '../common/request';
import { ApiResult, ZodBody } from '../common/zod';
import { toUser } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';
import { Public } from './auth.decorators';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiResult(tokenResponseSchema)
  login(@ZodBody(loginSchema) body: LoginRequest, @Req() req: AppRequest): Promise<TokenResponse> {
    return this.auth.login(body.nip, body.password, {
      ip: clientIp(req),
      userAgent: req.headers['user-agent'] ?? null,
    });
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiResult(tokenResponseSchema)
  refresh(@ZodBody(refreshSchema) body: RefreshRequest): Promise<TokenResponse> {
    return this.auth.refresh(body.refreshToken);
  }

  /** Ends the caller's session (its refresh-token family and live access tokens). */
  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  async logout(@CurrentUser() me: Principal): Promise<void> {
    await this.auth.logout(me.sessionId);
  }
}

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersRepository,
  ) {}

  @Get()
  @ApiResult(meSchema)
  async me(@CurrentUser() me: Principal): Promise<Me> {
    const user = await this.users.findById(me.userId);
    if (!user) throw AppError.notFound();
    return toUser(user);
  }

  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse()
  async changePassword(@ZodBody(changePasswordSchema) body: ChangePassword, @CurrentUser() me: Principal) {
    await this.auth.changePassword(me.userId, me.sessionId, body.currentPassword, body.newPassword);
  }
}
