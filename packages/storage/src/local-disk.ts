import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertValidKey,
  FileTooLargeError,
  StorageNotFoundError,
  type ByteRange,
  type FileStorage,
  type PutOptions,
  type PutResult,
} from './storage';

/**
 * Files on the local disk under one root (`${CAKAP_DATA_DIR}/files`). Writes go to a
 * temporary file in the same directory tree and are renamed into place, so a reader never
 * sees half a file and a crash leaves only a `.tmp` behind (safe to delete).
 */
export class LocalDiskStorage implements FileStorage {
  readonly root: string;
  private readonly tmpDir: string;

  /** Directories known to exist: bulk writes would otherwise ask the file system thousands of times. */
  private readonly madeDirs = new Set<string>();

  constructor(root: string) {
    this.root = resolve(root);
    this.tmpDir = join(this.root, '.tmp');
  }

  private async ensureDir(dir: string): Promise<void> {
    if (this.madeDirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.madeDirs.add(dir);
  }

  /** The absolute path of a key, refusing anything that would leave the root. */
  pathOf(key: string): string {
    assertValidKey(key);
    const p = resolve(this.root, key);
    if (!p.startsWith(this.root + sep)) throw new StorageNotFoundError(key);
    return p;
  }

  async put(key: string, source: Readable, opts: PutOptions = {}): Promise<PutResult> {
    const target = this.pathOf(key);
    await mkdir(this.tmpDir, { recursive: true });
    const tmp = join(this.tmpDir, `${randomBytes(12).toString('hex')}.tmp`);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (opts.maxBytes !== undefined && size > opts.maxBytes) return cb(new FileTooLargeError(opts.maxBytes));
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(tmp, { flags: 'wx' }));
      await mkdir(dirname(target), { recursive: true });
      await rename(tmp, target);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
    return { key, size, sha256: hash.digest('hex') };
  }

  async putParts(key: string, parts: readonly Uint8Array[], opts: { sha256?: string } = {}): Promise<PutResult> {
    const target = this.pathOf(key);
    const tmp = join(this.tmpDir, `${randomBytes(12).toString('hex')}.tmp`);
    let size = 0;
    for (const p of parts) size += p.byteLength;
    let sha256 = opts.sha256;
    if (!sha256) {
      const hash = createHash('sha256');
      for (const p of parts) hash.update(p);
      sha256 = hash.digest('hex');
    }
    const write = async () => {
      await this.ensureDir(this.tmpDir);
      const file = await open(tmp, 'wx');
      try {
        await file.writev(parts as Uint8Array[]);
      } finally {
        await file.close();
      }
      await this.ensureDir(dirname(target));
      await rename(tmp, target);
    };
    try {
      await write().catch(async (e: NodeJS.ErrnoException) => {
        // A directory removed behind our back: forget what we knew and make it again, once.
        if (e.code !== 'ENOENT') throw e;
        this.madeDirs.clear();
        await rm(tmp, { force: true });
        await write();
      });
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
    return { key, size, sha256 };
  }

  async putFile(key: string, path: string, opts: PutOptions = {}): Promise<PutResult> {
    const target = this.pathOf(key);
    const info = await stat(path);
    if (opts.maxBytes !== undefined && info.size > opts.maxBytes) throw new FileTooLargeError(opts.maxBytes);
    // Hash while reading once; then move (same file system) or fall back to a copy.
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    await mkdir(dirname(target), { recursive: true });
    try {
      await rename(path, target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
      const result = await this.put(key, createReadStream(path), opts);
      await unlink(path).catch(() => undefined);
      return result;
    }
    return { key, size: info.size, sha256: hash.digest('hex') };
  }

  async open(key: string, range?: ByteRange): Promise<Readable> {
    const path = this.pathOf(key);
    const info = await this.stat(key);
    if (!info) throw new StorageNotFoundError(key);
    if (range && (range.start < 0 || range.end < range.start || range.end >= info.size)) {
      throw new RangeError(`Range ${range.start}-${range.end} outside 0-${info.size - 1}`);
    }
    return createReadStream(path, range ? { start: range.start, end: range.end } : {});
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      const s = await stat(this.pathOf(key));
      return s.isFile() ? { size: s.size } : null;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
