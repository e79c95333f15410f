import { Controller, Get, Header, HttpStatus, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { InjectRedis } from '../redis/redis.module';
import { MetricsService } from './metrics.service';

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}

/** Liveness, readiness and Prometheus metrics (outside /api/v1, for load balancers and scrapers). */
@ApiExcludeController()
@Public()
@Controller()
export class ObservabilityController {
  constructor(
    private readonly ds: DataSource,
    @InjectRedis() private readonly redis: Redis,
    private readonly metrics: MetricsService,
  ) {}

  @Get('health')
  live() {
    return { status: 'ok' };
  }

  @Get('health/ready')
  async ready(@Res({ passthrough: true }) res: Response) {
    const check = async (fn: () => Promise<unknown>) => {
      const started = Date.now();
      try {
        await withTimeout(fn(), 2000);
        return { status: 'up', ms: Date.now() - started };
      } catch (e) {
        return { status: 'down', error: (e as Error).message };
      }
    };
    const [postgres, redis] = await Promise.all([
      check(() => this.ds.query('SELECT 1')),
      check(() => this.redis.ping()),
    ]);
    const ok = postgres.status === 'up' && redis.status === 'up';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'unavailable', checks: { postgres, redis } };
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  metricsText() {
    return this.metrics.registry.metrics();
  }
}
