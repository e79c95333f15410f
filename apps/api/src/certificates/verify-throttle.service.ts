import { Injectable } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';
import { ErrorCode } from '@cakap/contracts';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../common/app-error';
import { InjectConfig } from '../config/config.module';
import { InjectRedis } from '../redis/redis.module';

/** Verifications per address and minute: plenty for people scanning QR codes, too few to enumerate codes. */
export const VERIFY_PER_MINUTE = 60;

/** Counts public verification requests per IP in Redis (shared by api replicas), like the login throttle. */
@Injectable()
export class VerifyThrottle {
  private readonly perIp: RateLimiterRedis;

  constructor(@InjectRedis() redis: Redis, @InjectConfig() cfg: AppConfig) {
    this.perIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${cfg.QUEUE_PREFIX}:verify-ip`,
      points: VERIFY_PER_MINUTE,
      duration: 60,
    });
  }

  /** Throws 429 with Retry-After past the limit. */
  async consume(ip: string): Promise<void> {
    try {
      await this.perIp.consume(ip);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const seconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw new AppError(ErrorCode.TooManyAttempts, { seconds }, [], { 'Retry-After': String(seconds) });
    }
  }
}
