import { Injectable } from '@nestjs/common';
import { ErrorCode, type TokenResponse } from '@cakap/contracts';
import type { UserEntity } from '@cakap/db';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { toUser } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';
import { LoginThrottle } from './login-throttle.service';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { SessionRevocation } from './session-revocation';
import { SessionsRepository } from './sessions.repository';
import { TokenService } from './token.service';

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

/** Login, rotating refresh, logout and password change. */
@Injectable()
export class AuthService {
  constructor(
    private readonly ds: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly revocation: SessionRevocation,
  ) {}

  async login(nip: string, password: string, client: ClientInfo): Promise<TokenResponse> {
    await this.throttle.assertAllowed(nip, client.ip);
    const user = await this.users.findForLogin(nip);
    // Verify against a dummy hash for unknown NIPs too: the answer takes as long either way.
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !user.passwordHash || !ok) {
      await this.throttle.recordFailure(nip, client.ip);
      throw new AppError(ErrorCode.InvalidCredentials);
    }
    await this.throttle.recordSuccess(nip);
    if (!user.active) throw new AppError(ErrorCode.AccountInactive);

    const refresh = this.tokens.newRefreshToken();
    const session = await this.sessions.create(user.id, client.ip, client.userAgent, refresh.hash, refresh.expiresAt);
    await this.users.touchLogin(user.id);
    return this.issue(user, session.id, refresh.token);
  }

  /**
   * Exchanges a refresh token for a new pair. A token that was already exchanged means it
   * leaked (or was replayed): the whole session family is revoked.
   */
  async refresh(refreshToken: string): Promise<TokenResponse> {
    const hash = TokenService.hash(refreshToken);
    const next = this.tokens.newRefreshToken();
    const outcome = await this.ds.transaction(async (m) => {
      const consumed = await this.sessions.consume(m, hash);
      if (consumed && 'sessionId' in consumed) await this.sessions.addToken(m, consumed.sessionId, next.hash, next.expiresAt);
      return consumed;
    });
    if (!outcome) throw new AppError(ErrorCode.TokenInvalid);
    if ('reused' in outcome) {
      const revoked = await this.sessions.revoke({ sessionId: outcome.reused }, 'reuse');
      await this.revocation.mark(revoked.length ? revoked : [outcome.reused]);
      throw new AppError(ErrorCode.RefreshReused);
    }
    const user = await this.users.findById(outcome.userId);
    if (!user || !user.active) {
      await this.revokeSessions({ sessionId: outcome.sessionId }, 'inactive');
      throw new AppError(ErrorCode.TokenInvalid);
    }
    return this.issue(user, outcome.sessionId, next.token);
  }

  async logout(sessionId: string): Promise<void> {
    await this.revokeSessions({ sessionId }, 'logout');
  }

  async changePassword(userId: string, sessionId: string, current: string, next: string): Promise<void> {
    const hash = await this.users.passwordHash(userId);
    if (!hash || !(await verifyPassword(hash, current))) {
      throw AppError.invalidField('currentPassword', ErrorCode.InvalidCredentials);
    }
    await this.users.setPassword(userId, await hashPassword(next), false);
    // Other devices must sign in again with the new password; this one stays.
    await this.revokeSessions({ userId, exceptSessionId: sessionId }, 'password-change');
  }

  /** Revokes in Postgres and marks in Redis, so live access tokens stop at once. */
  async revokeSessions(where: { sessionId?: string; userId?: string; exceptSessionId?: string }, reason: string) {
    const ids = await this.sessions.revoke(where, reason);
    await this.revocation.mark(ids);
  }

  private issue(user: UserEntity, sessionId: string, refreshToken: string): TokenResponse {
    return {
      accessToken: this.tokens.signAccess(user.id, user.roles, sessionId),
      refreshToken,
      expiresIn: this.tokens.accessTtlSec,
      user: toUser(user),
    };
  }
}
