import { join } from 'node:path';
import { Module } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';
import { CertificateRenderer } from '@cakap/issuance';
import type { PluginRegistry } from '@cakap/plugin-sdk/host';
import { LocalDiskStorage } from '@cakap/storage';
import { CONFIG, PLUGINS } from '../core/tokens';
import { CertificateBatchProcessor } from './certificate-batch.processor';
import { CertificateRenderProcessor } from './certificate-render.processor';
import { CompletionConsumer } from './completion.consumer';

/**
 * Certificates in the worker: batches issued chunk by chunk, single renders, and automatic
 * issuance from the completion outbox. The renderer (prepared templates, fonts) is one per
 * process; PDFs go to the same storage root as the api's uploads.
 */
@Module({
  providers: [
    {
      provide: CertificateRenderer,
      useFactory: (cfg: AppConfig, registry: PluginRegistry) =>
        new CertificateRenderer({
          storage: new LocalDiskStorage(join(cfg.CAKAP_DATA_DIR, 'files')),
          templateType: (key) => registry.certificateTemplate(key),
          publicBaseUrl: cfg.PUBLIC_BASE_URL,
        }),
      inject: [CONFIG, PLUGINS],
    },
    CertificateBatchProcessor,
    CertificateRenderProcessor,
    CompletionConsumer,
  ],
  exports: [CertificateBatchProcessor, CertificateRenderProcessor, CompletionConsumer],
})
export class CertificatesModule {}
