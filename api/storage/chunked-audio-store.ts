import { Readable } from 'node:stream';
import type { Storage } from 'unstorage';
import type { AudioObjectInfo, AudioStore } from './audio-store.ts';
import { storeError } from './audio-store.ts';

export const DEFAULT_CHUNK_SIZE = 256 * 1024;

interface ChunkedMeta extends AudioObjectInfo {
  chunkSize: number;
}

/**
 * Audio store for unstorage drivers that cannot read a byte range (memory, redis, …): each song is
 * kept as fixed-size chunk keys plus a meta record, so a range touches only the chunks it needs.
 *
 * Layout: `meta:<key>` → ChunkedMeta (JSON); `chunk:<key>:<index>` → raw bytes. The meta record is
 * written last, so a half-finished import is never visible.
 */
export function createChunkedAudioStore(
  storage: Storage,
  options: { name?: string; chunkSize?: number } = {},
): AudioStore {
  const name = options.name ?? 'chunked';
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;

  const getMeta = (key: string) => storage.getItem<ChunkedMeta>(`meta:${key}`);

  async function readChunk(key: string, index: number): Promise<Uint8Array> {
    const value = await storage.getItemRaw<Uint8Array>(`chunk:${key}:${index}`);
    if (!value) throw storeError(name, `missing chunk ${index} of ${key}`);
    return value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBuffer);
  }

  async function* readRange(key: string, start: number, end: number) {
    const meta = await getMeta(key);
    if (!meta) throw storeError(name, `no such object: ${key}`);
    const last = Math.min(end, meta.size - 1);
    for (let index = Math.floor(start / meta.chunkSize); index * meta.chunkSize <= last; index++) {
      const chunkStart = index * meta.chunkSize;
      const chunk = await readChunk(key, index);
      yield chunk.subarray(Math.max(start - chunkStart, 0), last - chunkStart + 1);
    }
  }

  async function removeChunks(key: string, fromIndex: number, toIndex: number) {
    for (let index = fromIndex; index < toIndex; index++) {
      await storage.removeItem(`chunk:${key}:${index}`);
    }
  }

  return {
    name,
    async list() {
      const keys = await storage.getKeys('meta');
      const metas = await Promise.all(keys.map((metaKey) => storage.getItem<ChunkedMeta>(metaKey)));
      return metas.filter((meta): meta is ChunkedMeta => meta !== null).map(toInfo);
    },
    async stat(key) {
      const meta = await getMeta(key);
      return meta ? toInfo(meta) : null;
    },
    read(key, start, end) {
      return Readable.from(readRange(key, start, end), { objectMode: false });
    },
    async write(info, bytes) {
      const previous = await getMeta(info.key);
      let index = 0;
      for await (const chunk of rechunk(bytes, chunkSize)) {
        await storage.setItemRaw(`chunk:${info.key}:${index++}`, chunk);
      }
      await storage.setItem(`meta:${info.key}`, { ...info, chunkSize });
      if (previous)
        await removeChunks(info.key, index, Math.ceil(previous.size / previous.chunkSize));
    },
    async remove(key) {
      const meta = await getMeta(key);
      if (!meta) return;
      await storage.removeItem(`meta:${key}`);
      await removeChunks(key, 0, Math.ceil(meta.size / meta.chunkSize));
    },
    dispose: () => storage.dispose(),
  };
}

function toInfo(meta: ChunkedMeta): AudioObjectInfo {
  return { key: meta.key, size: meta.size, mtimeMs: meta.mtimeMs, version: meta.version };
}

/** Regroups a byte stream into buffers of exactly `size` bytes (the last one may be shorter). */
async function* rechunk(source: AsyncIterable<Uint8Array>, size: number) {
  let pending = new Uint8Array(size);
  let filled = 0;
  for await (const piece of source) {
    let offset = 0;
    while (offset < piece.length) {
      const take = Math.min(size - filled, piece.length - offset);
      pending.set(piece.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      if (filled === size) {
        yield pending;
        pending = new Uint8Array(size);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield pending.subarray(0, filled);
}
