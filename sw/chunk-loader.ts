/**
 * Gets a chunk from the cache or the network, whoever asks (the stream handler or the downloader):
 * one fetch per chunk at a time, fetched chunks stored in the background, and a song that changed
 * on the server purged (all its chunks, every version) before anyone goes on.
 */
import { type FetchLike, fetchChunk, SongChangedError } from './chunk-fetch.ts';
import type { ChunkStore } from './chunk-store.ts';
import { formatChunkKey } from './chunks.ts';
import type { SongIndex, SongMeta, SongRecord } from './song-index.ts';

export interface ChunkLoader {
  /** Chunk `i` of version `meta`; rejects with the errors of chunk-fetch.ts. */
  get(meta: SongMeta, i: number): Promise<Uint8Array<ArrayBuffer>>;
  /** Makes sure chunk `i` is cached; false when storage refused it. */
  ensure(meta: SongMeta, i: number): Promise<boolean>;
  /** First contact with a song: fetches chunk `i` without If-Range and adopts what it learns. */
  probe(
    id: string,
    url: string,
    i: number,
  ): Promise<{ meta: SongMeta; bytes: Uint8Array<ArrayBuffer> }>;
  /** Makes `meta` the song's current version, deleting the chunks of any other version. */
  adopt(meta: SongMeta): Promise<SongRecord>;
  /** Resolves when no write started so far is pending. */
  idle(): Promise<void>;
}

interface Pending {
  bytes: Promise<Uint8Array<ArrayBuffer>>;
  stored: Promise<boolean>;
}

export function createChunkLoader(
  fetch: FetchLike,
  store: ChunkStore,
  index: SongIndex,
): ChunkLoader {
  const inflight = new Map<string, Pending>();
  const writes = new Set<Promise<boolean>>();

  const track = (key: string, pending: Pending) => {
    inflight.set(key, pending);
    writes.add(pending.stored);
    void pending.stored.finally(() => {
      inflight.delete(key);
      writes.delete(pending.stored);
    });
    return pending;
  };
  const load = async (meta: SongMeta, i: number) => {
    const cached = await store.read(meta, i);
    if (cached) return { bytes: cached, cached: true };
    try {
      return { bytes: (await fetchChunk(fetch, meta, i)).bytes, cached: false };
    } catch (error) {
      if (error instanceof SongChangedError) await changed(meta, error.next);
      throw error;
    }
  };
  const start = (meta: SongMeta, i: number): Pending => {
    const key = formatChunkKey(meta.id, meta.etag, i);
    const existing = inflight.get(key);
    if (existing) return existing;
    const loaded = load(meta, i);
    const stored = loaded.then(
      (r) => r.cached || store.write(meta, i, r.bytes),
      () => false,
    );
    const bytes = loaded.then((r) => r.bytes);
    bytes.catch(() => {}); // a look-ahead nobody reads must not be an unhandled rejection
    return track(key, { bytes, stored });
  };
  /** The server has another version than `old`: purge, unless someone already moved on. */
  const changed = async (old: SongMeta, next: SongMeta | null) => {
    const record = index.get(old.id);
    if (next) await adopt(next);
    else if (record?.etag === old.etag) {
      await store.deleteSong(old.id);
      index.remove(old.id);
    }
  };
  const adopt = async (meta: SongMeta) => {
    const record = index.get(meta.id);
    if (record && record.etag === meta.etag && record.size === meta.size) return record;
    if (record) await store.deleteSong(meta.id);
    return index.setMeta(meta);
  };

  return {
    get: (meta, i) => start(meta, i).bytes,
    async ensure(meta, i) {
      const record = index.get(meta.id);
      if (record?.etag === meta.etag && record.chunks.has(i)) return true;
      const pending = start(meta, i);
      await pending.bytes;
      return pending.stored;
    },
    async probe(id, url, i) {
      const { meta, bytes } = await fetchChunk(fetch, { id, url, etag: null, size: null }, i);
      await adopt(meta);
      const key = formatChunkKey(id, meta.etag, i);
      if (!inflight.has(key)) {
        track(key, { bytes: Promise.resolve(bytes), stored: store.write(meta, i, bytes) });
      }
      return { meta, bytes };
    },
    adopt,
    async idle() {
      while (writes.size > 0) await Promise.allSettled([...writes]);
    },
  };
}
