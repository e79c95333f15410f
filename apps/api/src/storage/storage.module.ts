import { Global, Inject, Module } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';
import { LocalDiskStorage, type FileStorage } from '@cakap/storage';
import { join } from 'node:path';
import { APP_CONFIG } from '../config/config.module';

export const FILE_STORAGE = Symbol('FILE_STORAGE');
/** Injects the configured FileStorage driver (local disk under CAKAP_DATA_DIR now; S3 later). */
export const InjectStorage = () => Inject(FILE_STORAGE);

@Global()
@Module({
  providers: [
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (cfg: AppConfig): FileStorage => new LocalDiskStorage(join(cfg.CAKAP_DATA_DIR, 'files')),
    },
  ],
  exports: [FILE_STORAGE],
})
export class StorageModule {}
