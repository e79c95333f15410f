import { Module } from '@nestjs/common';
import { CertificateBatchesController } from './certificate-batches.controller';
import { CertificateBatchesRepository } from './certificate-batches.repository';
import { CertificateBatchesService } from './certificate-batches.service';

@Module({
  controllers: [CertificateBatchesController],
  providers: [CertificateBatchesRepository, CertificateBatchesService],
})
export class CertificateBatchesModule {}
