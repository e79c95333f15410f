import { Injectable } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';
import { ErrorCode, uploadFileFieldsSchema, type StoredFile } from '@cakap/contracts';
import type { FileEntity } from '@cakap/db';
import { keyFor, type FileStorage } from '@cakap/storage';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { AppError, ZodValidationError } from '../common/app-error';
import type { Principal } from '../common/request';
import { InjectConfig } from '../config/config.module';
import { InjectStorage } from '../storage/storage.module';
import { FilesRepository } from './files.repository';
import { humanBytes, limitOf } from './files.types';
import { ALLOWED_TYPES, sniff } from './magic';
import type { SpooledFile } from './upload-spool';
import { UrlSigner } from './url-signer';

/** Uploads (checked by size and by content, then stored) and signed URLs of stored files. */
@Injectable()
export class FilesService {
  constructor(
    private readonly repo: FilesRepository,
    private readonly signer: UrlSigner,
    @InjectStorage() private readonly storage: FileStorage,
    @InjectConfig() private readonly cfg: AppConfig,
  ) {}

  async upload(me: Principal, file: SpooledFile | undefined, fields: unknown): Promise<StoredFile> {
    try {
      if (!file) throw AppError.invalidField('file', 'files.missing');
      const parsed = uploadFileFieldsSchema.safeParse(fields);
      if (!parsed.success) throw new ZodValidationError(parsed.error.issues, fields);
      const { kind, courseId } = parsed.data;
      const limit = limitOf(this.cfg, kind);
      if (file.size > limit) throw new AppError(ErrorCode.FileTooLarge, { limit: humanBytes(limit) });
      const fileName = safeFileName(file.originalname);
      const type = sniff(file.head, kind, fileName);
      if (!type) throw new AppError(ErrorCode.FileTypeNotAllowed, { allowed: ALLOWED_TYPES[kind], kind });
      if (courseId && !(await this.mayAttach(me, courseId))) throw AppError.notFound();

      const id = randomUUID();
      const stored = await this.storage.putFile(keyFor(id), file.path, { maxBytes: limit });
      const row = await this.repo.insert({
        id,
        ownerId: me.userId,
        courseId: courseId ?? null,
        kind,
        fileName,
        mimeType: type.mimeType,
        size: stored.size,
        sha256: stored.sha256,
        storageKey: stored.key,
      });
      return this.toStoredFile(row);
    } finally {
      if (file?.path) await rm(file.path, { force: true });
    }
  }

  toStoredFile(f: FileEntity): StoredFile {
    return {
      id: f.id,
      kind: f.kind,
      fileName: f.fileName,
      mimeType: f.mimeType,
      size: f.size,
      url: this.signer.url(f.id),
      createdAt: f.createdAt.toISOString(),
    };
  }

  /** Signed URLs of the given files (those that exist). The caller has checked that the reader may see them. */
  async urlsFor(ids: (string | null | undefined)[]): Promise<Record<string, string>> {
    const unique = [...new Set(ids.filter((i): i is string => Boolean(i)))];
    const found = await this.repo.findByIds(unique);
    return Object.fromEntries(found.map((f) => [f.id, this.signer.url(f.id)]));
  }

  url(id: string): string {
    return this.signer.url(id);
  }

  findByIds(ids: string[]): Promise<FileEntity[]> {
    return this.repo.findByIds(ids);
  }

  /** The file behind a signed URL; a bad or expired signature is a 403, an unknown file a 404. */
  async forSignedRequest(id: string, exp: unknown, sig: unknown): Promise<FileEntity> {
    if (this.signer.verify(id, exp, sig) !== 'ok') throw AppError.forbidden();
    const f = await this.repo.findById(id);
    if (!f) throw AppError.notFound();
    return f;
  }

  open(f: FileEntity, range?: { start: number; end: number }) {
    return this.storage.open(f.storageKey, range);
  }

  private async mayAttach(me: Principal, courseId: string): Promise<boolean> {
    if (me.roles.includes('admin')) return this.repo.courseExists(courseId);
    return this.repo.isCourseAuthor(courseId, me.userId);
  }
}

/** The uploader's name for downloads: no control characters or path separators, at most 255 characters. */
function safeFileName(name: string | undefined): string {
  const clean = [...utf8Name(name || 'file')].map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 || c === '/' || c === '\\' ? '_' : c));
  return clean.join('').slice(0, 255) || 'file';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Multer (busboy) reads multipart file names as latin1; browsers send UTF-8. Re-read them when they are UTF-8. */
function utf8Name(name: string): string {
  if (![...name].every((c) => c.charCodeAt(0) < 256)) return name;
  try {
    return utf8.decode(Buffer.from(name, 'latin1'));
  } catch {
    return name;
  }
}
