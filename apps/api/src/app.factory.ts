import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@cakap/config';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { MetricsService } from './observability/metrics.service';

/**
 * Builds the configured api without listening: main.ts listens, tests drive it with
 * supertest. Everything cross-cutting is set here, once.
 */
export async function createApp(cfg: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(cfg), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  if (cfg.TRUST_PROXY_HOPS > 0) app.set('trust proxy', cfg.TRUST_PROXY_HOPS);
  app.disable('x-powered-by');
  app.use(app.get(MetricsService).middleware());
  app.use(helmet());
  app.enableCors({
    origin: cfg.CORS_ORIGINS.length ? cfg.CORS_ORIGINS : false,
    exposedHeaders: ['X-Request-Id', 'Retry-After', 'Content-Disposition'],
  });
  // CSV uploads may come as a text/csv body as well as multipart.
  app.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: '10mb' });
  // The public key set lives where verifiers look for it, at the site's root (RFC 8615).
  app.setGlobalPrefix('api/v1', { exclude: ['health', 'health/ready', 'metrics', '.well-known/cakap-keys.json'] });

  if (cfg.API_DOCS) {
    const doc = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Cakap API')
        .setDescription(
          'Learning management for the competency development of ASN. Errors are RFC 9457 problem+json, ' +
            'in Indonesian by default and in English with `Accept-Language: en`.',
        )
        .setVersion('1')
        .addBearerAuth()
        .build(),
    );
    SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });
  }
  return app;
}
