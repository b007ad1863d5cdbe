import type { SongRecord } from '../catalog/song.ts';
import { audioTypeOf } from './audio-type.ts';
import { indexFile } from './index-file.ts';
import { fileNameOf } from './key-names.ts';
import { UndecodableError } from './playable-duration.ts';
import { emptyReport, type ScanOptions, type ScanReport, summary } from './scan-library.ts';

/**
 * Rescans only the files at `keys` (the stream path found them changed): stats each, reads it
 * again when its version differs from the catalog's, drops it when it is gone or unreadable, and
 * commits the catalog once if anything changed. Never lists the folder.
 */
export async function scanKeys(options: ScanOptions, keys: Iterable<string>): Promise<ScanReport> {
  const { catalog, source, target, pictures, log } = options;
  const report = emptyReport();
  const put = new Map<string, SongRecord>();
  const gone = new Set<string>();
  for (const key of new Set(keys)) {
    const known = catalog.scanned(key);
    const type = audioTypeOf(key);
    const info = type ? await source.stat(key) : null;
    if (!type || !info) {
      if (known) {
        gone.add(key);
        report.removed++;
        if (target !== source) await target.remove?.(key);
      }
      continue;
    }
    if (known?.version === info.version) {
      report.unchanged++;
      continue;
    }
    try {
      put.set(key, await indexFile(info, type, known?.addedAt ?? Date.now(), options));
      report[known ? 'changed' : 'added']++;
    } catch (error) {
      report.skipped++;
      if (error instanceof UndecodableError) report.undecodable++;
      if (known) gone.add(key);
      log.warn(`skipped ${fileNameOf(info.key)}: ${(error as Error).message}`);
    }
  }
  if (put.size === 0 && gone.size === 0) return report;

  const next = catalog.startUpdate(catalog.size() + put.size);
  for (const key of catalog.keys()) {
    // Changed songs keep their place in the table; new ones go at the end.
    const record = put.get(key);
    if (record) {
      next.add(record);
      put.delete(key);
    } else if (!gone.has(key)) next.keep(key);
  }
  for (const record of put.values()) next.add(record);
  await next.commit();
  await pictures.prune(catalog.pictureIds());
  log.info(summary(next.size, report));
  return report;
}
