import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { createDataSource } from '@cakap/db';
import type { AppConfig } from '@cakap/config';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';

/** Provides the one TypeORM DataSource of the process; repositories take it by injection. */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [APP_CONFIG],
      useFactory: async (cfg: AppConfig) => {
        const ds = createDataSource({ url: cfg.DATABASE_URL, poolSize: cfg.DATABASE_POOL_SIZE, applicationName: 'cakap-api' });
        return ds.initialize();
      },
    },
  ],
  exports: [DataSource],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async onApplicationShutdown() {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}
