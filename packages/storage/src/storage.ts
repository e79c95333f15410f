import type { Readable } from 'node:stream';

/**
 * Where uploaded files live, behind one interface chosen by configuration (SWAPPABLE
 * providers). Keys are opaque, relative, slash-separated names the api generates
 * (`ab/cd/<uuid>`): never a user's file name. Metadata (owner, mime type, original name)
 * stays in Postgres; the storage only holds bytes.
 *
 * An S3-compatible driver maps one-to-one:
 *   put/putFile/putParts -> PutObject (multipart Upload for large bodies), counting bytes as they go
 *   open(range)  -> GetObject with `Range: bytes=start-end`
 *   stat         -> HeadObject (404 -> null)
 *   delete       -> DeleteObject (idempotent, as here)
 * and the api would keep serving bytes through its signed-URL endpoint, or hand out the
 * bucket's own presigned GET URLs instead (that choice lives in the api, not here).
 */
export interface FileStorage {
  /** Stores the stream under `key`; fails with FileTooLargeError past `maxBytes` and leaves nothing behind. */
  put(key: string, source: Readable, opts?: PutOptions): Promise<PutResult>;
  /** Stores a local file (an upload spooled to disk); the local driver moves it instead of copying. */
  putFile(key: string, path: string, opts?: PutOptions): Promise<PutResult>;
  /**
   * Stores bytes held in memory as consecutive parts (written in order, never joined into one
   * buffer: bulk certificate issuance shares one template prefix among thousands of files).
   * `sha256` may carry the digest the caller already computed; otherwise it is computed here.
   */
  putParts(key: string, parts: readonly Uint8Array[], opts?: { sha256?: string }): Promise<PutResult>;
  /** The bytes of `key`, or of the inclusive byte range `start`–`end`. Throws StorageNotFoundError. */
  open(key: string, range?: ByteRange): Promise<Readable>;
  /** Size of the stored object, or null when there is none. */
  stat(key: string): Promise<{ size: number } | null>;
  /** Removes the object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
}

export interface PutOptions {
  maxBytes?: number;
}

export interface PutResult {
  key: string;
  size: number;
  /** Hex SHA-256 of the bytes stored. */
  sha256: string;
}

/** Inclusive byte offsets, as in an HTTP Range header. */
export interface ByteRange {
  start: number;
  end: number;
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`File exceeds ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

export class StorageNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored file under key "${key}"`);
    this.name = 'StorageNotFoundError';
  }
}

export class InvalidStorageKeyError extends Error {
  constructor(readonly key: string) {
    super(`Invalid storage key "${key}"`);
    this.name = 'InvalidStorageKeyError';
  }
}

const KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9._-]*)*$/i;

/** Keys are relative, without `..`, empty segments or backslashes: no way out of the storage root. */
export function assertValidKey(key: string): void {
  if (typeof key !== 'string' || key.length > 512 || !KEY.test(key) || key.split('/').some((s) => s === '..' || s === '.')) {
    throw new InvalidStorageKeyError(key);
  }
}

/** A fresh key for a new object: two levels of fan-out keep directories small. */
export function keyFor(id: string): string {
  const clean = id.toLowerCase().replace(/[^a-z0-9]/g, '');
  return `${clean.slice(0, 2)}/${clean.slice(2, 4)}/${id.toLowerCase()}`;
}
