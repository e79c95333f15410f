import { Injectable } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';
import type { Redis } from 'ioredis';
import { InjectConfig } from '../config/config.module';
import { InjectRedis } from '../redis/redis.module';

/** The Redis key that marks a session revoked (the admin CLI writes it too). */
export function revokedSessionKey(queuePrefix: string, sessionId: string): string {
  return `${queuePrefix}:revoked-session:${sessionId}`;
}

/**
 * Access tokens are stateless, so a revoked session (logout, stolen refresh token, password
 * change, deactivation) is marked in Redis for as long as its last access token can live.
 * Guards check the mark: one EXISTS per request.
 */
@Injectable()
export class SessionRevocation {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly cfg: AppConfig,
  ) {}

  private key(sessionId: string) {
    return revokedSessionKey(this.cfg.QUEUE_PREFIX, sessionId);
  }

  async mark(sessionIds: string[]): Promise<void> {
    if (!sessionIds.length) return;
    const pipe = this.redis.multi();
    for (const id of sessionIds) pipe.set(this.key(id), '1', 'EX', this.cfg.ACCESS_TOKEN_TTL_SEC + 5);
    await pipe.exec();
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    return (await this.redis.exists(this.key(sessionId))) === 1;
  }
}
