import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import type { AppConfig } from '@cakap/config';
import { APP_CONFIG } from '../config/config.module';
import { FilesController } from './files.controller';
import { FilesRepository } from './files.repository';
import { FilesService } from './files.service';
import { UploadSpool } from './upload-spool';
import { UrlSigner } from './url-signer';

@Module({
  imports: [
    // Uploads are spooled to disk by our engine (size-limited as they stream), never buffered in memory.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (cfg: AppConfig) => ({ storage: new UploadSpool(cfg), limits: { files: 1, fields: 10, fieldSize: 1024 } }),
    }),
  ],
  controllers: [FilesController],
  providers: [FilesService, FilesRepository, UrlSigner],
  exports: [FilesService],
})
export class FilesModule {}
