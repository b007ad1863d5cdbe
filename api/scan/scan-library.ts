import type { Catalog } from '../catalog/catalog.ts';
import type { SongRecord } from '../catalog/song.ts';
import type { PictureStore } from '../covers/picture-store.ts';
import type { AudioObjectInfo, AudioStore } from '../storage/audio-store.ts';
import { audioTypeOf } from './audio-type.ts';
import { indexFile } from './index-file.ts';
import { fileNameOf } from './key-names.ts';
import { UndecodableError } from './playable-duration.ts';

export interface ScanOptions {
  catalog: Catalog;
  /** Where the music files are found (the music folder). */
  source: AudioStore;
  /** Where the stream route reads from; when it is not the source, files are copied into it. */
  target: AudioStore;
  pictures: PictureStore;
  log: { info(message: string): void; warn(message: string): void };
  /** Files read at once: reading overlaps parsing; more buys nothing on two cores. */
  concurrency?: number;
}

export interface ScanReport {
  added: number;
  changed: number;
  unchanged: number;
  removed: number;
  /** Files that could not be read or decoded (each logged with its reason). */
  skipped: number;
  /** Of the skipped: files that parse but hold no playable song (no frames, truncated, noise). */
  undecodable: number;
}

/**
 * Brings the catalog in line with the source. Incremental: a file whose version
 * (AudioObjectInfo.version: device, inode, size, mtime, ctime for fs) is unchanged is not read
 * again. A file that cannot be read is reported and skipped; the scan goes on.
 */
export async function scanLibrary(options: ScanOptions): Promise<ScanReport> {
  const { catalog, source, target, pictures, log } = options;
  const report: ScanReport = {
    added: 0,
    changed: 0,
    unchanged: 0,
    removed: 0,
    skipped: 0,
    undecodable: 0,
  };
  const infos = await source.list();
  const keep: string[] = [];
  const upserts: SongRecord[] = [];
  const listed = new Set<string>();
  const now = Date.now();

  const work: { info: AudioObjectInfo; type: string; addedAt: number | undefined }[] = [];
  for (const info of infos) {
    const type = audioTypeOf(info.key);
    if (!type) continue; // covers, playlists, notes: not songs
    listed.add(info.key);
    const known = catalog.scanned(info.key);
    if (known && known.version === info.version) {
      keep.push(info.key);
      report.unchanged++;
    } else work.push({ info, type, addedAt: known?.addedAt });
  }

  await forEachAtMost(options.concurrency ?? 4, work, async ({ info, type, addedAt }) => {
    try {
      upserts.push(await indexFile(info, type, addedAt ?? now, options));
      report[addedAt === undefined ? 'added' : 'changed']++;
    } catch (error) {
      report.skipped++;
      if (error instanceof UndecodableError) report.undecodable++;
      log.warn(`skipped ${fileNameOf(info.key)}: ${(error as Error).message}`);
    }
  });

  for (const key of catalog.keys()) {
    if (listed.has(key)) continue;
    report.removed++;
    if (target !== source) await target.remove?.(key);
  }
  const songs = keep.length + upserts.length;
  if (songs !== catalog.size() || upserts.length > 0 || catalog.version() === null) {
    // Upserts in key order: the same files give the same catalog, whatever finished first.
    upserts.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    await catalog.update(keep, upserts);
    await pictures.prune(catalog.pictureIds());
  }
  log.info(
    `scan: ${songs} songs (${report.added} new, ${report.changed} changed, ` +
      `${report.removed} removed, ${report.skipped} skipped)`,
  );
  return report;
}

/** Runs `task` over `items` with at most `limit` running at once. */
async function forEachAtMost<T>(limit: number, items: T[], task: (item: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
