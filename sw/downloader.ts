/**
 * Downloads on purpose: a whole song (CACHE_SONG, at most two chunks at a time, one download per
 * song) or its first chunks (PREFETCH_SONG). Progress reaches the page through the state reporter;
 * failures as CACHE_ERROR. Cancelling stops before the next chunk.
 */

import { chunkSourceUrl } from './api-paths.ts';
import { OfflineError, SongChangedError, UpstreamError } from './chunk-fetch.ts';
import type { ChunkLoader } from './chunk-loader.ts';
import { chunkCount } from './chunks.ts';
import type { SongRef, WorkerToPage } from './protocol.ts';
import type { SongIndex, SongMeta } from './song-index.ts';
import type { StateReporter } from './state-reporter.ts';

export interface Downloader {
  cacheSong(song: SongRef, pin: boolean): Promise<void>;
  prefetch(song: SongRef): Promise<void>;
  /**
   * Fills in the rest of a song the index already knows (after it started playing). `quiet`: the
   * worker started it on its own, so a failure is not the page's news.
   */
  fill(id: string, options?: { quiet?: boolean }): Promise<void>;
  cancel(id: string): void;
  cancelAll(): void;
  isDownloading(id: string): boolean;
}

export interface DownloaderDeps {
  loader: ChunkLoader;
  index: SongIndex;
  reporter: StateReporter;
  broadcast: (message: WorkerToPage) => void;
  /** Resolves a SongRef's streamUrl (the worker's origin). */
  baseUrl: string;
  /** Whether anything can be kept now (an offline key is held and the session is not locked). */
  canKeep?: () => boolean;
  /** Asked once before giving up for want of a key (the key may be on its way). */
  ensureKey?: () => Promise<void>;
  concurrency?: number;
  prefetchChunks?: number;
}

class StorageFullError extends Error {}
class NotSignedInError extends Error {}

interface Job {
  cancelled: boolean;
  pin: boolean;
  done: Promise<void>;
}

export function createDownloader(deps: DownloaderDeps): Downloader {
  const { loader, index, reporter, broadcast, concurrency = 2, prefetchChunks = 2 } = deps;
  const canKeep = deps.canKeep ?? (() => true);
  const keepable = async () => {
    if (!canKeep()) await deps.ensureKey?.().catch(() => {});
    return canKeep();
  };
  const jobs = new Map<string, Job>();

  const toMeta = (song: SongRef): SongMeta => {
    const url = new URL(song.streamUrl, deps.baseUrl);
    const { id, etag, size, mimeType } = song;
    return { id, etag, size, mimeType, url: chunkSourceUrl(url) };
  };

  const run = async (song: SongRef, limit: number, job: Job) => {
    let version: SongMeta = await loader.adopt(toMeta(song));
    if (job.pin) index.setPinned(song.id, true);
    reporter.changed(song.id, true);
    for (let attempt = 0; ; attempt++) {
      try {
        return await fetchMissing(version, limit, job);
      } catch (error) {
        if (!(error instanceof SongChangedError) || attempt > 0 || job.cancelled) throw error;
        // The server has a new version: learn it, then download that one instead.
        version = index.get(song.id) ?? (await loader.probe(song.id, version.url, 0)).meta;
      }
    }
  };

  const fetchMissing = async (meta: SongMeta, limit: number, job: Job) => {
    const have = index.get(meta.id)?.chunks ?? new Set<number>();
    const todo = [...Array(Math.min(limit, chunkCount(meta.size))).keys()].filter(
      (i) => !have.has(i),
    );
    const worker = async () => {
      for (let i = todo.shift(); i !== undefined && !job.cancelled; i = todo.shift()) {
        if (await loader.ensure(meta, i)) continue;
        if (!canKeep()) throw notSignedIn();
        throw new StorageFullError('storage budget is full');
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  };

  const start = (song: SongRef, limit: number, pin: boolean, quiet = false): Promise<void> => {
    const existing = jobs.get(song.id);
    if (existing && !existing.cancelled) {
      existing.pin ||= pin; // the job may not have recorded the song yet
      if (pin) index.setPinned(song.id, true);
      return existing.done;
    }
    if (existing) return existing.done.then(() => start(song, limit, pin, quiet));
    const job: Job = { cancelled: false, pin, done: Promise.resolve() };
    jobs.set(song.id, job);
    job.done = keepable()
      .then((ok) => (ok ? run(song, limit, job) : Promise.reject(notSignedIn())))
      .catch((error: unknown) => {
        if (job.cancelled || quiet) return;
        broadcast({ type: 'CACHE_ERROR', id: song.id, error: describe(error) });
      })
      .finally(() => {
        if (jobs.get(song.id) === job) jobs.delete(song.id);
        reporter.changed(song.id, true);
      });
    return job.done;
  };

  return {
    cacheSong: (song, pin) => start(song, Number.POSITIVE_INFINITY, pin),
    prefetch: (song) => start(song, prefetchChunks, false),
    async fill(id, options = {}) {
      const record = index.get(id);
      if (!record || record.chunks.size >= chunkCount(record.size)) return;
      const { etag, size, mimeType } = record;
      const song = { id, etag, size, mimeType, streamUrl: record.url };
      await start(song, Number.POSITIVE_INFINITY, false, options.quiet);
    },
    cancel(id) {
      const job = jobs.get(id);
      if (job) job.cancelled = true;
    },
    cancelAll() {
      for (const job of jobs.values()) job.cancelled = true;
    },
    isDownloading: (id) => jobs.has(id),
  };
}

const notSignedIn = () => new NotSignedInError('songs are kept offline only when signed in');

function describe(error: unknown): string {
  if (
    error instanceof OfflineError ||
    error instanceof StorageFullError ||
    error instanceof NotSignedInError
  )
    return error.message;
  if (error instanceof UpstreamError) return `server answered ${error.status}`;
  return error instanceof Error ? error.message : String(error);
}
