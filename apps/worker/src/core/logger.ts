import type { LoggerService } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Structured JSON logs, one line per event, level from LOG_LEVEL. */
export function createLogger(cfg: Pick<AppConfig, 'LOG_LEVEL'>): Logger {
  return pino({
    level: cfg.LOG_LEVEL,
    base: { app: 'cakap-worker', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}

/** Nest's own messages (boot, DI errors, shutdown) through the same pino logger. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, rest: unknown[]): void {
    const extra = [...rest];
    // Nest passes the context (a class name) last, and for errors a stack before it.
    const context = extra.length > 0 && typeof extra[extra.length - 1] === 'string' ? (extra.pop() as string) : undefined;
    const stack = level === 'error' || level === 'fatal' ? extra.find((e) => typeof e === 'string') : undefined;
    if (message instanceof Error) {
      this.logger[level]({ context, err: message }, message.message);
    } else {
      this.logger[level]({ context, ...(stack ? { stack } : {}) }, typeof message === 'string' ? message : JSON.stringify(message));
    }
  }
}
