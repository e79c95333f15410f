import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@cakap/config';
import { PluginError } from '@cakap/plugin-sdk/host';
import { createLogger, NestPinoLogger } from './core/logger';
import { WorkerModule } from './worker.module';

/**
 * The worker process: a Nest application context (no HTTP) that runs the BullMQ processors.
 * SIGTERM/SIGINT close the queue workers (running jobs finish), then Postgres and Redis.
 */
async function main(): Promise<void> {
  const cfg = loadConfigOrExit();
  const logger = createLogger(cfg);
  try {
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(cfg, { logger }), {
      logger: new NestPinoLogger(logger),
      abortOnError: false,
    });
    app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
    logger.info({ env: cfg.NODE_ENV }, 'worker ready');
  } catch (err) {
    if (err instanceof PluginError) {
      // A configuration error (CAKAP_PLUGINS): the message says what to do.
      logger.fatal(`worker cannot start: ${err.message}`);
      console.error(`Cannot start: ${err.message}`);
      process.exit(78); // EX_CONFIG
    }
    logger.fatal({ err }, 'worker failed to start');
    process.exit(1);
  }
}

void main();
