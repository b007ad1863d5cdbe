import { availableParallelism } from 'node:os';
import type { Catalog } from '../catalog/catalog.ts';
import type { PictureStore } from '../covers/picture-store.ts';
import type { AudioObjectInfo, AudioStore } from '../storage/audio-store.ts';
import { audioTypeOf } from './audio-type.ts';
import { indexFile } from './index-file.ts';
import { fileNameOf } from './key-names.ts';
import { createParsePool, type PoolFolder } from './parse-pool.ts';
import { UndecodableError } from './playable-duration.ts';
import { readSongFile } from './read-song-file.ts';

export interface ScanOptions {
  catalog: Catalog;
  /** Where the music files are found (the music folder). */
  source: AudioStore;
  /** Where the stream route reads from; when it is not the source, files are copied into it. */
  target: AudioStore;
  pictures: PictureStore;
  log: { info(message: string): void; warn(message: string): void };
  /**
   * The source's folder when it is the fs store: files are then read and parsed in worker threads
   * when there are many (a first scan), one per core.
   */
  folder?: PoolFolder;
  /** Parse workers for a large scan (default: one per core, at most 4; below 2, none). */
  workers?: number;
}

/** Below this many files to read, starting workers costs more than it buys. */
const POOL_MIN_FILES = 200;
/** Listed files compared with the catalog between two turns of the event loop. */
const YIELD_EVERY = 1024;
/** Files in flight in this thread: reading overlaps parsing. */
const IN_FLIGHT = 4;

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
  const report = emptyReport();
  const infos = await source.list();
  await catalog.indexKeys();
  const listed = new Set<string>();
  const work: { info: AudioObjectInfo; type: string; addedAt: number | undefined }[] = [];
  const unchanged: string[] = [];
  for (const [i, info] of infos.entries()) {
    // ~1–5 µs per file (0.5 s at 100 000 under load): requests get a turn every few milliseconds.
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
    const type = audioTypeOf(info.key);
    if (!type) continue; // covers, playlists, notes: not songs
    listed.add(info.key);
    const known = catalog.scanned(info.key);
    if (known && known.version === info.version) unchanged.push(info.key);
    else work.push({ info, type, addedAt: known?.addedAt });
  }
  report.unchanged = unchanged.length;
  for (const key of catalog.keys()) {
    if (listed.has(key)) continue;
    report.removed++;
    if (target !== source) await target.remove?.(key);
  }
  if (work.length === 0 && report.removed === 0 && catalog.version() !== null) {
    log.info(summary(unchanged.length, report));
    return report;
  }

  const next = catalog.startUpdate(unchanged.length + work.length);
  for (const key of unchanged) next.keep(key);
  const now = Date.now();
  const workers = options.workers ?? Math.min(4, availableParallelism());
  let warned = false;
  const pool =
    options.folder && work.length >= POOL_MIN_FILES && workers > 1
      ? createParsePool(options.folder, workers, (info, type) => {
          if (!warned) log.warn('a parse worker failed: reading files in the server thread');
          warned = true;
          return readSongFile(source, info, type);
        })
      : null;
  const deps = { ...options, read: pool?.read };
  await forEachAtMost(pool?.capacity ?? IN_FLIGHT, work, async ({ info, type, addedAt }) => {
    try {
      next.add(await indexFile(info, type, addedAt ?? now, deps));
      report[addedAt === undefined ? 'added' : 'changed']++;
    } catch (error) {
      report.skipped++;
      if (error instanceof UndecodableError) report.undecodable++;
      log.warn(`skipped ${fileNameOf(info.key)}: ${(error as Error).message}`);
    }
  }).finally(() => pool?.close());
  await next.commit();
  await pictures.prune(catalog.pictureIds());
  log.info(summary(next.size, report));
  return report;
}

export function emptyReport(): ScanReport {
  return { added: 0, changed: 0, unchanged: 0, removed: 0, skipped: 0, undecodable: 0 };
}

export function summary(songs: number, report: ScanReport): string {
  return (
    `scan: ${songs} songs (${report.added} new, ${report.changed} changed, ` +
    `${report.removed} removed, ${report.skipped} skipped)`
  );
}

/** Runs `task` over `items` with at most `limit` running at once. */
async function forEachAtMost<T>(limit: number, items: T[], task: (item: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
