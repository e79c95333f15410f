import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode, type Role } from '@cakap/contracts';
import { AppError } from '../common/app-error';
import type { AppRequest } from '../common/request';
import { IS_PUBLIC, ROLES } from './auth.decorators';
import { SessionRevocation } from './session-revocation';
import { TokenService } from './token.service';

/**
 * Global guard: every endpoint needs a valid access token unless marked @Public(), and the
 * caller must hold one of the @Roles() when they are given. 401 without a valid token,
 * 403 with a token of the wrong role.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly revocation: SessionRevocation,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = ctx.switchToHttp().getRequest<AppRequest>();
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw new AppError(ErrorCode.Unauthenticated);
    const claims = this.tokens.verifyAccess(token);
    if (!claims) throw new AppError(ErrorCode.TokenInvalid);
    if (await this.revocation.isRevoked(claims.sid)) throw new AppError(ErrorCode.TokenInvalid);
    req.principal = { userId: claims.sub, roles: claims.roles as Role[], sessionId: claims.sid };

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles?.length && !roles.some((r) => req.principal!.roles.includes(r))) throw AppError.forbidden();
    return true;
  }
}
