import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ErrorCode, issueMessage, t, type FieldError, type Lang, type Problem } from '@cakap/contracts';
import type { Response } from 'express';
import { AppError, STATUS_OF, ZodValidationError } from './app-error';
import { type AppRequest, requestLang } from './request';

/** Nest's own HTTP exceptions (unknown route, body too large, ...) mapped onto our codes. */
const CODE_OF_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.TooManyAttempts,
  503: ErrorCode.ServiceUnavailable,
};

export function fieldErrors(error: AppError, lang: Lang): FieldError[] {
  if (error instanceof ZodValidationError) {
    const seen = new Set<string>();
    return error.issues
      .map((issue) => ({ field: issue.path.join('.') || '_', ...issueMessage(issue, lang, error.input) }))
      .filter((e) => !seen.has(e.field + e.code) && seen.add(e.field + e.code));
  }
  return error.fields.map((f) => ({ field: f.field, code: f.code, message: t(f.code, lang, f.params) }));
}

/**
 * Every error leaves the api as RFC 9457 problem+json, in the request's language. Anything
 * that is not an AppError or an HttpException is an internal error: logged with its stack,
 * answered as a bare 500 that names only the request id.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly log = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<AppRequest>();
    const res = ctx.getResponse<Response>();
    const lang = requestLang(req);
    const requestId = req.id !== undefined ? String(req.id) : undefined;

    let code: ErrorCode;
    let status: number;
    let params: Record<string, unknown> = {};
    let errors: FieldError[] | undefined;
    let headers: Record<string, string> = {};

    if (exception instanceof AppError) {
      code = exception.code;
      status = exception.status;
      params = exception.params;
      headers = exception.headers;
      const fe = fieldErrors(exception, lang);
      if (fe.length) errors = fe;
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      code = CODE_OF_STATUS[status] ?? (status >= 500 ? ErrorCode.Internal : ErrorCode.ValidationFailed);
      if (code === ErrorCode.PayloadTooLarge) params = { limit: '10 MB' };
      if (status >= 500) this.log.error(exception);
    } else {
      code = ErrorCode.Internal;
      status = 500;
      this.log.error({ err: exception, requestId }, 'Unhandled error');
    }
    if (code === ErrorCode.Internal) params = { requestId: requestId ?? '-' };

    const problem: Problem = {
      type: `urn:cakap:error:${code}`,
      title: t(code, lang, params),
      status,
      code,
      instance: req.originalUrl?.split('?')[0],
      requestId,
      ...(errors ? { errors } : {}),
    };
    if (res.headersSent) return;
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.status(status).type('application/problem+json').setHeader('Content-Language', lang).send(JSON.stringify(problem));
  }
}

export { STATUS_OF };
