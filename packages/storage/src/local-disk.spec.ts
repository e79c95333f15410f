import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { LocalDiskStorage } from './local-disk';
import { FileTooLargeError, InvalidStorageKeyError, StorageNotFoundError, keyFor } from './storage';

describe('LocalDiskStorage', () => {
  let dir: string;
  let storage: LocalDiskStorage;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cakap-storage-'));
    storage = new LocalDiskStorage(join(dir, 'files'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const bytes = Buffer.from('0123456789abcdef');

  it('stores a stream, hashes it, and reads it back whole or by range', async () => {
    const key = keyFor('0F8FAD5B-D9CB-469F-A165-70867728950E');
    expect(key).toBe('0f/8f/0f8fad5b-d9cb-469f-a165-70867728950e');
    const r = await storage.put(key, Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]));
    expect(r).toEqual({ key, size: 16, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(await storage.stat(key)).toEqual({ size: 16 });
    expect((await buffer(await storage.open(key))).toString()).toBe('0123456789abcdef');
    expect((await buffer(await storage.open(key, { start: 10, end: 15 }))).toString()).toBe('abcdef');
    await expect(storage.open(key, { start: 10, end: 16 })).rejects.toThrow(RangeError);
  });

  it('refuses a stream past the limit and leaves no file behind', async () => {
    await expect(storage.put('a/b', Readable.from([bytes, bytes]), { maxBytes: 20 })).rejects.toBeInstanceOf(FileTooLargeError);
    expect(await storage.stat('a/b')).toBeNull();
    expect(await readdir(join(dir, 'files', '.tmp'))).toEqual([]);
  });

  it('stores parts in order, hashing them unless told the digest', async () => {
    const r = await storage.putParts('p/q', [bytes.subarray(0, 3), bytes.subarray(3)]);
    expect(r).toEqual({ key: 'p/q', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(await buffer(await storage.open('p/q'))).toEqual(bytes);
    const told = await storage.putParts('p/r', [bytes], { sha256: 'ab'.repeat(32) });
    expect(told.sha256).toBe('ab'.repeat(32));
    // Directories removed behind its back are made again.
    await rm(join(dir, 'files', 'p'), { recursive: true });
    await rm(join(dir, 'files', '.tmp'), { recursive: true });
    await storage.putParts('p/s', [bytes]);
    expect(await storage.stat('p/s')).toEqual({ size: bytes.length });
  });

  it('moves a spooled file into place', async () => {
    const spooled = join(dir, 'upload.bin');
    await writeFile(spooled, bytes);
    const r = await storage.putFile('x/y/z', spooled);
    expect(r.size).toBe(16);
    expect((await buffer(await storage.open('x/y/z'))).equals(bytes)).toBe(true);
    await expect(storage.putFile('x/y/w', join(dir, 'missing'))).rejects.toThrow();
  });

  it('never leaves its root', async () => {
    for (const key of ['../etc/passwd', '/etc/passwd', 'a/../../b', 'a//b', 'a\\b', '', '.tmp/x', 'a/./b']) {
      await expect(storage.put(key, Readable.from([bytes]))).rejects.toBeInstanceOf(InvalidStorageKeyError);
    }
  });

  it('deletes idempotently and reports missing objects', async () => {
    await storage.put('k', Readable.from([bytes]));
    await storage.delete('k');
    await storage.delete('k');
    expect(await storage.stat('k')).toBeNull();
    await expect(storage.open('k')).rejects.toBeInstanceOf(StorageNotFoundError);
  });
});
