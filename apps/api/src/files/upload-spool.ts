import type { AppConfig } from '@cakap/config';
import { ErrorCode } from '@cakap/contracts';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import { AppError } from '../common/app-error';
import { humanBytes, limitOf, type FileKind } from './files.types';

const HEAD_BYTES = 64;

/** What the spool adds to multer's file: where the bytes are and how they start. */
export interface SpooledFile extends Express.Multer.File {
  path: string;
  size: number;
  head: Buffer;
}

/**
 * A multer storage engine that streams an upload to a temporary file under
 * `${CAKAP_DATA_DIR}/tmp` (never the whole video in memory), keeps its first bytes for
 * type sniffing, and stops as soon as the size limit of its kind is passed (the kind is
 * known when the `kind` field comes before the file, the largest limit otherwise; the
 * service checks again).
 */
export class UploadSpool {
  readonly dir: string;

  constructor(private readonly cfg: AppConfig) {
    this.dir = join(cfg.CAKAP_DATA_DIR, 'tmp', 'uploads');
  }

  _handleFile(req: Request, file: Express.Multer.File, cb: (error?: unknown, info?: Partial<SpooledFile>) => void): void {
    const kind = (req.body as Record<string, unknown> | undefined)?.kind;
    const limit = ['image', 'video', 'document'].includes(kind as string)
      ? limitOf(this.cfg, kind as FileKind)
      : Math.max(this.cfg.FILE_MAX_IMAGE_BYTES, this.cfg.FILE_MAX_VIDEO_BYTES, this.cfg.FILE_MAX_DOCUMENT_BYTES);
    mkdirSync(this.dir, { recursive: true });
    const path = join(this.dir, `${randomBytes(12).toString('hex')}.upload`);
    let size = 0;
    const heads: Buffer[] = [];
    let headLength = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > limit) return done(new AppError(ErrorCode.FileTooLarge, { limit: humanBytes(limit) }));
        if (headLength < HEAD_BYTES) {
          heads.push(chunk.subarray(0, HEAD_BYTES - headLength));
          headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
        }
        done(null, chunk);
      },
    });
    pipeline(file.stream, meter, createWriteStream(path, { flags: 'wx' })).then(
      () => cb(null, { path, size, head: Buffer.concat(heads) }),
      (err: unknown) => {
        file.stream.resume(); // let busboy finish the request
        void rm(path, { force: true }).finally(() => cb(err));
      },
    );
  }

  _removeFile(_req: Request, file: Partial<SpooledFile>, cb: (error: Error | null) => void): void {
    if (!file.path) return cb(null);
    rm(file.path, { force: true }).then(
      () => cb(null),
      (e: Error) => cb(e),
    );
  }
}
