import { ErrorCode } from '@cakap/contracts';
import type { $ZodIssue } from 'zod/v4/core';

/** HTTP status of each error code: one table, read by the global filter. */
export const STATUS_OF: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.InvalidCredentials]: 401,
  [ErrorCode.TokenInvalid]: 401,
  [ErrorCode.RefreshReused]: 401,
  [ErrorCode.AccountInactive]: 403,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.NipTaken]: 409,
  [ErrorCode.OrgUnitCodeTaken]: 409,
  [ErrorCode.OrgUnitCycle]: 409,
  [ErrorCode.OrgUnitInUse]: 409,
  [ErrorCode.PositionInUse]: 409,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.ImportFileInvalid]: 400,
  [ErrorCode.TooManyAttempts]: 429,
  [ErrorCode.NipLocked]: 429,
  [ErrorCode.CourseNotEditable]: 409,
  [ErrorCode.InvalidTransition]: 409,
  [ErrorCode.ContentConflict]: 409,
  [ErrorCode.FileTooLarge]: 413,
  [ErrorCode.FileTypeNotAllowed]: 415,
  [ErrorCode.Internal]: 500,
  [ErrorCode.ServiceUnavailable]: 503,
};

export interface FieldIssue {
  field: string;
  /** A message key of the catalogue, translated by the filter. */
  code: string;
  params?: Record<string, unknown>;
}

/**
 * The one error type of the api. It carries a code and parameters, never a sentence: the
 * global filter turns it into problem+json in the request's language.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly fields: FieldIssue[] = [],
    /** Extra response headers, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }

  get status(): number {
    return STATUS_OF[this.code];
  }

  static notFound() {
    return new AppError(ErrorCode.NotFound);
  }

  static forbidden() {
    return new AppError(ErrorCode.Forbidden);
  }

  /** A single-field validation failure raised by a service (e.g. an unknown parent id). */
  static invalidField(field: string, code: string, params?: Record<string, unknown>) {
    return new AppError(ErrorCode.ValidationFailed, {}, [{ field, code, params }]);
  }
}

/** A zod failure: the issues are translated late, because only the filter knows the language. */
export class ZodValidationError extends AppError {
  constructor(
    readonly issues: $ZodIssue[],
    readonly input: unknown,
  ) {
    super(ErrorCode.ValidationFailed);
  }
}

/** Postgres unique violation (23505) on the named constraint/index? */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = err?.code ?? err?.driverError?.code;
  const name = err?.constraint ?? err?.driverError?.constraint;
  return code === '23505' && (!constraint || name === constraint);
}

export function isForeignKeyViolation(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string } };
  return (err?.code ?? err?.driverError?.code) === '23503';
}
