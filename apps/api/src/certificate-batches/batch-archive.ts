import type { FileStorage } from '@cakap/storage';
import { ZipArchive } from 'archiver';
import type { Response } from 'express';
import { once } from 'node:events';
import type { ArchiveEntry } from './certificate-batches.repository';

/** "0001/BKPSDMD-BH/XI/2026" -> "0001-BKPSDMD-BH-XI-2026.pdf": a number is not a path. */
export function archiveName(number: string): string {
  return `${number.replace(/[/\\:*?"<>|]/g, '-')}.pdf`;
}

/**
 * Streams the PDFs into a ZIP on the response, one file open at a time, so a batch of
 * thousands never sits in memory nor holds thousands of file handles. PDFs are compressed
 * already: stored as they are.
 */
export async function streamBatchArchive(res: Response, storage: FileStorage, pages: AsyncIterable<ArchiveEntry[]>): Promise<void> {
  const zip = new ZipArchive({ store: true });
  zip.on('warning', (e) => zip.emit('error', e));
  const failed = new Promise<never>((_, reject) => zip.on('error', reject));
  failed.catch(() => res.destroy());
  zip.pipe(res);
  try {
    for await (const page of pages) {
      for (const entry of page) {
        if (res.destroyed) return void zip.abort();
        zip.append(await storage.open(entry.storage_key), { name: archiveName(entry.number) });
        await Promise.race([once(zip, 'entry'), failed]);
      }
    }
    await zip.finalize();
  } catch (err) {
    // Once bytes are out an error cannot become a problem+json: the download is cut off (never
    // a silently incomplete ZIP) and the error goes on to be logged.
    zip.abort();
    res.destroy(err as Error);
    throw err;
  }
}
