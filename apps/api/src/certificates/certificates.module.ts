import { Module } from '@nestjs/common';
import { CertificatesController } from './certificates.controller';
import { CertificatesRepository } from './certificates.repository';
import { CertificatesService } from './certificates.service';
import { VerifyController } from './verify.controller';
import { VerifyThrottle } from './verify-throttle.service';

@Module({
  controllers: [CertificatesController, VerifyController],
  providers: [CertificatesRepository, CertificatesService, VerifyThrottle],
})
export class CertificatesModule {}
