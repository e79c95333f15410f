import { Module } from '@nestjs/common';
import { CertificateTemplatesController } from './certificate-templates.controller';
import { CertificateTemplatesRepository } from './certificate-templates.repository';
import { CertificateTemplatesService } from './certificate-templates.service';
import { TemplatePreviewService } from './template-preview.service';

@Module({
  controllers: [CertificateTemplatesController],
  providers: [CertificateTemplatesRepository, CertificateTemplatesService, TemplatePreviewService],
  exports: [CertificateTemplatesService],
})
export class CertificateTemplatesModule {}
