import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Catalog } from '../catalog/catalog.ts';
import { coverUrlOf } from '../catalog/cover-url.ts';
import type { CatalogEntry } from '../catalog/song.ts';
import type { AudioObjectInfo, AudioStore } from '../storage/audio-store.ts';
import { audioTypeOf, withCodec } from './audio-type.ts';
import { contentEtagOf } from './content-etag.ts';
import { readTags } from './read-tags.ts';
import { songIdOf } from './song-id.ts';

export interface ScanOptions {
  catalog: Catalog;
  /** Where the music files are found (the music folder). */
  source: AudioStore;
  /** Where the stream route reads from; when it is not the source, files are copied into it. */
  target: AudioStore;
  log: { info(message: string): void; warn(message: string): void };
}

export interface ScanReport {
  added: number;
  changed: number;
  unchanged: number;
  removed: number;
  skipped: number;
}

/**
 * Brings the catalog in line with the source. Incremental: a file whose version (AudioObjectInfo.version)
 * is unchanged is not read again. A file that cannot be read is reported and skipped.
 */
export async function scanLibrary({
  catalog,
  source,
  target,
  log,
}: ScanOptions): Promise<ScanReport> {
  const report: ScanReport = { added: 0, changed: 0, unchanged: 0, removed: 0, skipped: 0 };
  const infos = await source.list();
  const entries: CatalogEntry[] = [];

  for (const info of infos) {
    const mimeType = audioTypeOf(info.key);
    if (!mimeType) continue; // covers, playlists, notes: not songs
    const known = catalog.getByKey(info.key);
    if (known && known.version === info.version) {
      entries.push(known);
      report.unchanged++;
      continue;
    }
    try {
      entries.push(await indexFile(info, mimeType, { catalog, source, target }));
      report[known ? 'changed' : 'added']++;
    } catch (error) {
      report.skipped++;
      log.warn(`skipped ${displayName(info.key)}: ${(error as Error).message}`);
    }
  }

  const kept = new Set(entries.map((entry) => entry.key));
  for (const old of catalog.entries()) {
    if (kept.has(old.key)) continue;
    report.removed++;
    await catalog.setCover(old.song.id, null);
    if (target !== source) await target.remove?.(old.key);
  }
  await catalog.replaceAll(entries);
  log.info(
    `scan: ${entries.length} songs (${report.added} new, ${report.changed} changed, ` +
      `${report.removed} removed, ${report.skipped} skipped)`,
  );
  return report;
}

async function indexFile(
  info: AudioObjectInfo,
  fileType: string,
  { catalog, source, target }: Pick<ScanOptions, 'catalog' | 'source' | 'target'>,
): Promise<CatalogEntry> {
  if (info.size === 0) throw new Error('empty file');
  const object = await source.open(info.key, info.version);
  if (!object) throw new Error('changed while it was scanned (the next rescan reads it)');
  const whole = () => Readable.fromWeb(object.read(0, info.size - 1) as WebReadableStream);
  let tags: Awaited<ReturnType<typeof readTags>>;
  let etag: string;
  try {
    tags = await readTags(whole(), fileType, info.size);
    etag = await contentEtagOf(whole());
    if (target !== source) await target.write?.(info, whole());
  } finally {
    object.close();
  }

  const id = songIdOf(info.key);
  const folders = folderNames(info.key);
  await catalog.setCover(id, tags.cover?.bytes ?? null);
  return {
    key: info.key,
    mtimeMs: info.mtimeMs,
    version: info.version,
    coverType: tags.cover?.type ?? null,
    song: {
      id,
      title: tags.title ?? titleFromKey(info.key),
      artist: tags.artist ?? folders.artist ?? 'Unknown artist',
      album: tags.album ?? folders.album,
      trackNumber: tags.trackNumber ?? trackNumberFromKey(info.key),
      year: tags.year,
      genre: tags.genre,
      duration: tags.duration,
      mimeType: withCodec(fileType, tags.codec),
      size: info.size,
      etag,
      coverUrl: coverUrlOf(id, etag),
      streamUrl: `/songs/listen/${id}`,
    },
  };
}

/** Untagged files in the usual Artist/Album/Song layout take their names from the folders. */
function folderNames(key: string): { artist: string | null; album: string | null } {
  const parts = key.split('/');
  return parts.length >= 3
    ? { artist: parts.at(-3)!, album: parts.at(-2)! }
    : { artist: null, album: null };
}

/** "Artist/Album/03 - Song.mp3" → 3 (only when a file has no track tag). */
function trackNumberFromKey(key: string): number | null {
  const digits = /^(\d{1,3})\b/.exec(displayName(key))?.[1];
  return digits ? Number(digits) : null;
}

/** "Artist/Album/03 - Song.mp3" → "03 - Song" (only when a file has no title tag). */
function titleFromKey(key: string): string {
  return displayName(key).replace(/\.[^.]+$/, '');
}

function displayName(key: string): string {
  return key.split('/').pop() ?? key;
}
