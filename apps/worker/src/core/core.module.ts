import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';
import { createDataSource } from '@cakap/db';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { createLogger, type Logger } from './logger';
import { loadWorkerPlugins } from './plugins';
import { CONFIG, DATA_SOURCE, LOGGER, PLUGINS, REDIS, WORKER_OPTIONS } from './tokens';
import { resolveWorkerOptions, type WorkerModuleOptions } from './worker-options';

/**
 * The worker's shared infrastructure: the validated config, the logger, one DataSource
 * (Postgres, the source of truth) and one ioredis connection (queues only). Closed last, after
 * the BullMQ workers have finished their jobs (their modules close in onModuleDestroy).
 * Connections open in onModuleInit, after every provider was built: a worker that fails its
 * boot checks (jobs/job-registry.ts) never connects to anything.
 */
@Global()
@Module({})
export class CoreModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  static forRoot(cfg: AppConfig, opts: WorkerModuleOptions = {}): DynamicModule {
    const logger = opts.logger ?? createLogger(cfg);
    // Synchronously, before any connection: a refused plugin throws PluginError here.
    const plugins = loadWorkerPlugins(cfg.CAKAP_PLUGINS);
    return {
      module: CoreModule,
      providers: [
        { provide: CONFIG, useValue: cfg },
        { provide: LOGGER, useValue: logger },
        { provide: WORKER_OPTIONS, useValue: resolveWorkerOptions(opts) },
        { provide: PLUGINS, useValue: plugins },
        {
          provide: DATA_SOURCE,
          useFactory: () =>
            createDataSource({
              url: cfg.DATABASE_URL,
              poolSize: cfg.DATABASE_POOL_SIZE,
              applicationName: 'cakap-worker',
            }),
        },
        {
          provide: REDIS,
          useFactory: () => {
            // BullMQ workers block on Redis: never give up on a command (maxRetriesPerRequest null).
            const redis = new Redis(cfg.REDIS_URL, {
              maxRetriesPerRequest: null,
              connectionName: 'cakap-worker',
              lazyConnect: true,
            });
            redis.on('error', (err) => logger.warn({ err }, 'redis connection error'));
            return redis;
          },
        },
      ],
      exports: [CONFIG, LOGGER, WORKER_OPTIONS, DATA_SOURCE, REDIS, PLUGINS],
    };
  }

  async onModuleInit(): Promise<void> {
    await Promise.all([this.dataSource.initialize(), this.redis.status === 'wait' ? this.redis.connect() : Promise.resolve()]);
    this.logger.debug('connected to postgres and redis');
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([
      this.dataSource.isInitialized ? this.dataSource.destroy() : Promise.resolve(),
      this.redis.quit().catch(() => this.redis.disconnect()),
    ]);
    this.logger.info('database and redis connections closed');
  }
}
