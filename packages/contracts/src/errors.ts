import { z } from 'zod';

/**
 * Every error the api can answer with. The code is the stable contract for clients; the
 * human text comes from the message catalogue (i18n.ts) in the request's language.
 */
export const ErrorCode = {
  ValidationFailed: 'validation_failed',
  Unauthenticated: 'unauthenticated',
  InvalidCredentials: 'invalid_credentials',
  AccountInactive: 'account_inactive',
  TokenInvalid: 'token_invalid',
  RefreshReused: 'refresh_reused',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  Conflict: 'conflict',
  NipTaken: 'nip_taken',
  OrgUnitCodeTaken: 'org_unit_code_taken',
  OrgUnitCycle: 'org_unit_cycle',
  OrgUnitInUse: 'org_unit_in_use',
  PositionInUse: 'position_in_use',
  TooManyAttempts: 'too_many_attempts',
  NipLocked: 'nip_locked',
  PayloadTooLarge: 'payload_too_large',
  UnsupportedMediaType: 'unsupported_media_type',
  ImportFileInvalid: 'import_file_invalid',
  CourseNotEditable: 'course_not_editable',
  InvalidTransition: 'invalid_transition',
  ContentConflict: 'content_conflict',
  FileTooLarge: 'file_too_large',
  FileTypeNotAllowed: 'file_type_not_allowed',
  Internal: 'internal',
  ServiceUnavailable: 'service_unavailable',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const fieldErrorSchema = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** RFC 9457 problem details, as every error response of the api is shaped. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.string(),
  requestId: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
