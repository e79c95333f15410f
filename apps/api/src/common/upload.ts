import { type CallHandler, type ExecutionContext, type NestInterceptor, PayloadTooLargeException, type Type } from '@nestjs/common';
import { ErrorCode } from '@cakap/contracts';
import type { Request } from 'express';
import { catchError, type Observable } from 'rxjs';
import { AppError } from './app-error';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Multer's own size refusal names the api-wide body limit; the interceptor this returns turns
 * it into `file_too_large` naming the endpoint's limit (`label`, e.g. "5 MB").
 */
export function UploadSizeLimit(label: string): Type<NestInterceptor> {
  class SizeLimit implements NestInterceptor {
    intercept(_: ExecutionContext, next: CallHandler): Observable<unknown> {
      return next.handle().pipe(
        catchError((e: unknown) => {
          throw e instanceof PayloadTooLargeException ? new AppError(ErrorCode.FileTooLarge, { limit: label }) : e;
        }),
      );
    }
  }
  return SizeLimit;
}

/** Message keys of an upload's refusals: the file is missing, or is not UTF-8 text. */
export interface UploadKeys {
  encoding: string;
  missing?: string;
}

/**
 * The text of an uploaded file: multipart field `file`, or the request body itself (a text/csv
 * or text/plain body arrives as a string, a JSON body as the parsed value, written back as JSON).
 * UTF-8 only, BOM removed; an empty file is refused.
 */
export function uploadedText(file: Express.Multer.File | undefined, req: Request, keys: UploadKeys): string {
  const missing = () => AppError.invalidField('file', keys.missing ?? 'files.missing');
  let text: string;
  if (file) {
    try {
      text = utf8.decode(file.buffer);
    } catch {
      throw AppError.invalidField('file', keys.encoding);
    }
  } else if (req.is('multipart/form-data')) {
    // A form without the file: its other fields are not the file.
    throw missing();
  } else if (typeof req.body === 'string') {
    text = req.body;
  } else if (req.is('application/json') && req.body !== null && typeof req.body === 'object') {
    text = JSON.stringify(req.body);
  } else {
    throw missing();
  }
  text = text.replace(/^\uFEFF/, '');
  if (!text.trim()) throw AppError.invalidField('file', 'import.empty');
  return text;
}
