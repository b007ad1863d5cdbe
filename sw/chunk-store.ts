/**
 * Chunk bytes in Cache Storage: one cache per song, one 200 entry per chunk under a synthetic
 * URL that carries the song id and ETag. Every chunk is sealed under the user's offline key
 * (sealed-entry.ts) with that URL as additional data; one that does not open is missing. Writes go
 * through the quota; a failing write never fails the caller (playback goes on without caching),
 * and without a key nothing is kept.
 */
import { songCacheName, songIdFromCacheName } from './cache-names.ts';
import { chunkCount, chunkLength, formatChunkKey, parseChunkKey } from './chunks.ts';
import type { Keyring } from './keyring.ts';
import type { CacheStorageLike } from './meta-store.ts';
import type { Quota } from './quota.ts';
import { openEntry, sealEntry, sealKeyId } from './sealed-entry.ts';
import type { SongIndex, SongMeta } from './song-index.ts';

export interface ChunkStore {
  /**
   * The cached chunk, or null: a chunk that does not open, or of the wrong length, is missing (and
   * dropped); while the keyring is locked or holds no key, nothing is read and nothing dropped.
   * A plain chunk from before sealing is sealed first, then returned.
   */
  read(meta: SongMeta, index: number): Promise<Uint8Array<ArrayBuffer> | null>;
  /** Seals and stores a chunk if there is a key and the budget allows; true when it is now cached. */
  write(meta: SongMeta, index: number, bytes: Uint8Array<ArrayBuffer>): Promise<boolean>;
  /** Deletes every chunk of a song, whatever its version (the index record is the caller's). */
  deleteSong(id: string): Promise<void>;
  /** Deletes every chunk cache. */
  deleteAll(): Promise<void>;
  /** At start, cheap: drops chunk caches without a record, and chunk sets without a cache. */
  reconcile(): Promise<void>;
  /** After start, in the background: makes each song's chunk set match its cache's entries. */
  verify(): Promise<void>;
}

export interface ChunkStoreDeps {
  caches: CacheStorageLike;
  index: SongIndex;
  quota: () => Quota;
  keyring: Keyring;
  /** A write found no key: the owner may fetch one (account.ts), for the next writes. */
  onNoKey?: () => void;
}

export function createChunkStore(deps: ChunkStoreDeps): ChunkStore {
  const { caches, index, quota, keyring } = deps;
  let writes: Promise<unknown> = Promise.resolve();
  const isCurrent = (meta: SongMeta) => {
    const record = index.get(meta.id);
    return record?.etag === meta.etag && record.size === meta.size;
  };
  const put = async (meta: SongMeta, i: number, bytes: Uint8Array<ArrayBuffer>) => {
    const key = keyring.current();
    if (!key) throw new Error('no offline key');
    const url = formatChunkKey(meta.id, meta.etag, i);
    const sealed = await sealEntry(key, 'chunk', url, bytes);
    await (await caches.open(songCacheName(meta.id))).put(url, sealed);
  };
  const readable = () => keyring.current() !== null && !keyring.locked();

  const store = async (meta: SongMeta, i: number, bytes: Uint8Array<ArrayBuffer>) => {
    if (!readable()) {
      if (!keyring.locked()) deps.onNoKey?.();
      return false;
    }
    if (!isCurrent(meta) || !(await quota().makeRoom(meta.id, bytes.byteLength))) return false;
    try {
      await put(meta, i, bytes);
    } catch (error) {
      if (!isQuotaError(error) || !(await quota().evictOne(meta.id))) return false;
      try {
        await put(meta, i, bytes);
      } catch {
        return false;
      }
    }
    if (!isCurrent(meta)) {
      // The song changed or was removed while we wrote: do not leave stray bytes behind.
      const cache = await caches.open(songCacheName(meta.id));
      await cache.delete(formatChunkKey(meta.id, meta.etag, i));
      return false;
    }
    index.addChunk(meta.id, meta.etag, i);
    return true;
  };

  /**
   * Opens a stored chunk. A plain one (kept before sealing existed) is sealed in place first, so it
   * is never served from plain storage, nor lost while offline (migration.ts seals the rest).
   */
  const openChunk = async (cache: Cache, url: string, response: Response) => {
    if (sealKeyId(response) !== null) {
      const opened = await openEntry(keyring, 'chunk', url, response);
      return opened.status === 'open' ? opened.bytes : null;
    }
    const key = keyring.current();
    if (!key) return null;
    const bytes = new Uint8Array(await response.arrayBuffer());
    await cache.put(url, await sealEntry(key, 'chunk', url, bytes));
    return bytes;
  };

  return {
    async read(meta, i) {
      if (!readable()) return null;
      if (!index.get(meta.id)?.chunks.has(i) || !isCurrent(meta)) return null;
      const key = formatChunkKey(meta.id, meta.etag, i);
      try {
        const cache = await caches.open(songCacheName(meta.id));
        const response = await cache.match(key);
        const bytes = response ? await openChunk(cache, key, response) : null;
        if (bytes && bytes.byteLength === chunkLength(i, meta.size)) return bytes;
        if (response) await cache.delete(key);
      } catch {
        // fall through: treat as missing
      }
      index.removeChunk(meta.id, meta.etag, i);
      return null;
    },
    write(meta, i, bytes) {
      // One write at a time, so two writers never both evict for the same room.
      const done = writes.then(() => store(meta, i, bytes)).catch(() => false);
      writes = done;
      return done;
    },
    async deleteSong(id) {
      await caches.delete(songCacheName(id)).catch(() => false);
    },
    async deleteAll() {
      for (const name of await caches.keys()) {
        if (songIdFromCacheName(name) !== null) await caches.delete(name).catch(() => false);
      }
    },
    async reconcile() {
      const withCache = new Set<string>();
      for (const name of await caches.keys()) {
        const id = songIdFromCacheName(name);
        if (id === null) continue;
        if (index.get(id)) withCache.add(id);
        else await caches.delete(name).catch(() => false); // removed, but the worker died before
      }
      for (const record of index.all())
        if (!withCache.has(record.id)) index.setChunks(record.id, []);
    },
    async verify() {
      for (const record of index.all()) {
        // Snapshot first: a chunk indexed after it was written meanwhile and must not be dropped.
        const before = new Set(record.chunks);
        if (!(await caches.has(songCacheName(record.id)))) continue; // reconcile emptied it
        const cache = await caches.open(songCacheName(record.id));
        const found = new Set<number>();
        for (const request of await cache.keys()) {
          const key = parseChunkKey(request.url);
          const valid = key?.etag === record.etag && key.index < chunkCount(record.size);
          if (valid) found.add(key.index);
          else if (index.get(record.id)?.etag === record.etag) await cache.delete(request);
        }
        for (const i of before) if (!found.has(i)) index.removeChunk(record.id, record.etag, i);
        for (const i of found) index.addChunk(record.id, record.etag, i);
      }
    },
  };
}

function isQuotaError(error: unknown): boolean {
  return error instanceof Error && error.name === 'QuotaExceededError';
}
