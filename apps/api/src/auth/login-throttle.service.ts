import { Injectable } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';
import { ErrorCode } from '@cakap/contracts';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../common/app-error';
import { InjectConfig } from '../config/config.module';
import { InjectRedis } from '../redis/redis.module';

/**
 * Invariant 7. Failures are counted, not attempts: strictly per NIP (a handful of wrong
 * passwords locks that NIP for some minutes) and loosely per IP, because a whole OPD office
 * shares one public address and hundreds of ASN log in at 8 o'clock. Counters live in Redis
 * so they hold across api replicas.
 */
@Injectable()
export class LoginThrottle {
  private readonly perNip: RateLimiterRedis;
  private readonly perIp: RateLimiterRedis;

  constructor(
    @InjectRedis() redis: Redis,
    @InjectConfig() private readonly cfg: AppConfig,
  ) {
    this.perNip = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${cfg.QUEUE_PREFIX}:login-fail-nip`,
      points: cfg.LOGIN_NIP_MAX_FAILURES,
      duration: cfg.LOGIN_NIP_LOCK_SEC,
      blockDuration: cfg.LOGIN_NIP_LOCK_SEC,
    });
    this.perIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${cfg.QUEUE_PREFIX}:login-fail-ip`,
      points: cfg.LOGIN_IP_MAX_FAILURES,
      duration: cfg.LOGIN_IP_WINDOW_SEC,
      blockDuration: cfg.LOGIN_IP_WINDOW_SEC,
    });
  }

  /** Throws 429 with Retry-After when this NIP or this address has failed too often. */
  async assertAllowed(nip: string, ip: string): Promise<void> {
    const [n, i] = await Promise.all([this.perNip.get(nip), this.perIp.get(ip)]);
    if (n && n.consumedPoints >= this.cfg.LOGIN_NIP_MAX_FAILURES) throw this.locked(ErrorCode.NipLocked, n);
    if (i && i.consumedPoints >= this.cfg.LOGIN_IP_MAX_FAILURES) throw this.locked(ErrorCode.TooManyAttempts, i);
  }

  async recordFailure(nip: string, ip: string): Promise<void> {
    await Promise.all([
      this.perNip.consume(nip).catch(swallowLimit),
      this.perIp.consume(ip).catch(swallowLimit),
    ]);
  }

  /** A correct password clears that NIP's failures; the address keeps its count. */
  async recordSuccess(nip: string): Promise<void> {
    await this.perNip.delete(nip);
  }

  private locked(code: ErrorCode, res: RateLimiterRes): AppError {
    const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    return new AppError(code, { seconds }, [], { 'Retry-After': String(seconds) });
  }
}

function swallowLimit(e: unknown) {
  // Exceeding the limit rejects with a RateLimiterRes: that is the lock taking effect.
  if (e instanceof RateLimiterRes) return;
  throw e;
}
