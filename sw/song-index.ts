/**
 * What the worker knows about each song it holds bytes of: version, size, type, which chunks are
 * cached, when it was last played and whether the user pinned it. Kept in memory, persisted as one
 * JSON record per song in the meta cache. The chunk caches stay the truth for which chunks exist:
 * `chunk-store.ts` reconciles the two at start.
 */
import { CHUNK_SIZE, chunkCount, chunkLength } from './chunks.ts';
import type { MetaStore } from './meta-store.ts';
import type { OfflineState } from './protocol.ts';
import { fromJson, type SongMeta, type SongRecord, toJson } from './song-record.ts';

export type { SongMeta, SongRecord } from './song-record.ts';

export interface SongIndex {
  load(): Promise<void>;
  get(id: string): SongRecord | undefined;
  all(): SongRecord[];
  /** Records `meta` as the song's current version; a new ETag forgets the chunks of the old one. */
  setMeta(meta: SongMeta): SongRecord;
  addChunk(id: string, etag: string, index: number): void;
  removeChunk(id: string, etag: string, index: number): void;
  setChunks(id: string, chunks: Iterable<number>): void;
  touch(id: string): void;
  setPinned(id: string, pinned: boolean): void;
  remove(id: string): void;
  clear(): void;
  cachedBytes(id: string): number;
  totalBytes(): number;
  stateOf(id: string, downloading: boolean): OfflineState;
  /** Called after every change of a song's record (or its removal). */
  onChange(listener: (id: string) => void): void;
  /** Resolves once every change so far is persisted. */
  flush(): Promise<void>;
}

const KEY_PREFIX = 'song/';

export function createSongIndex(meta: MetaStore, now: () => number = Date.now): SongIndex {
  const records = new Map<string, SongRecord>();
  const listeners: Array<(id: string) => void> = [];
  const dirty = new Set<string>();
  let flushing: Promise<void> | null = null;
  let clock = 0;
  /** Strictly increasing, so two plays in the same millisecond still have an order. */
  const tick = () => {
    clock = Math.max(now(), clock + 1);
    return clock;
  };

  const changed = (id: string) => {
    dirty.add(id);
    flushing ??= persist();
    for (const listener of listeners) listener(id);
  };
  const persist = async () => {
    await Promise.resolve(); // coalesce the changes of this tick into one write per song
    while (dirty.size > 0) {
      const ids = [...dirty];
      dirty.clear();
      for (const id of ids) {
        const record = records.get(id);
        const key = KEY_PREFIX + encodeURIComponent(id);
        await (record ? meta.put(key, toJson(record)) : meta.delete(key)).catch(() => {});
      }
    }
    flushing = null;
  };
  const bytesOf = (record: SongRecord) => {
    let total = 0;
    for (const index of record.chunks) total += chunkLength(index, record.size, CHUNK_SIZE);
    return total;
  };

  return {
    async load() {
      for (const [, value] of await meta.list(KEY_PREFIX)) {
        const record = fromJson(value);
        if (!record) continue;
        records.set(record.id, record);
        clock = Math.max(clock, record.lastPlayed);
      }
    },
    get: (id) => records.get(id),
    all: () => [...records.values()],
    setMeta(next) {
      const old = records.get(next.id);
      const sameVersion = old?.etag === next.etag && old.size === next.size;
      const record: SongRecord = {
        ...next,
        chunks: sameVersion ? old.chunks : new Set(),
        lastPlayed: old?.lastPlayed ?? tick(),
        pinned: old?.pinned ?? false,
      };
      records.set(next.id, record);
      changed(next.id);
      return record;
    },
    addChunk(id, etag, index) {
      const record = records.get(id);
      if (record?.etag !== etag || record.chunks.has(index)) return;
      record.chunks.add(index);
      changed(id);
    },
    removeChunk(id, etag, index) {
      const record = records.get(id);
      if (record?.etag === etag && record.chunks.delete(index)) changed(id);
    },
    setChunks(id, chunks) {
      const record = records.get(id);
      if (!record) return;
      record.chunks = new Set(chunks);
      changed(id);
    },
    touch(id) {
      const record = records.get(id);
      if (!record) return;
      record.lastPlayed = tick();
      changed(id);
    },
    setPinned(id, pinned) {
      const record = records.get(id);
      if (!record || record.pinned === pinned) return;
      record.pinned = pinned;
      changed(id);
    },
    remove(id) {
      if (records.delete(id)) changed(id);
    },
    clear() {
      for (const id of [...records.keys()]) this.remove(id);
    },
    cachedBytes: (id) => {
      const record = records.get(id);
      return record ? bytesOf(record) : 0;
    },
    totalBytes: () => [...records.values()].reduce((sum, record) => sum + bytesOf(record), 0),
    stateOf(id, downloading) {
      const record = records.get(id);
      const cachedBytes = record ? bytesOf(record) : 0;
      const count = record ? chunkCount(record.size) : 0;
      const complete = record !== undefined && record.chunks.size >= count;
      const status = !record
        ? 'none'
        : complete
          ? 'complete'
          : cachedBytes > 0
            ? 'partial'
            : 'none';
      return {
        id,
        status,
        cachedBytes,
        size: record?.size ?? 0,
        downloading,
        pinned: record?.pinned ?? false,
      };
    },
    onChange(listener) {
      listeners.push(listener);
    },
    flush: async () => {
      while (flushing) await flushing;
    },
  };
}
