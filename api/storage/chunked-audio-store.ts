import type { Storage } from 'unstorage';
import type { AudioObject, AudioObjectInfo, AudioStore } from './audio-store.ts';
import { StaleObjectError, storeError } from './audio-store.ts';

export const DEFAULT_CHUNK_SIZE = 256 * 1024;

interface ChunkedMeta extends AudioObjectInfo {
  chunkSize: number;
}

/**
 * Audio store for unstorage drivers that cannot read a byte range (memory, redis, …): each song is
 * kept as fixed-size chunk keys plus a meta record, so a range touches only the chunks it needs.
 *
 * Layout: `meta:<k>` → ChunkedMeta (JSON); `chunk:<k>:<v>:<index>` → raw bytes, where `<k>` and
 * `<v>` are the key and version URI-encoded (unstorage would read `/` and `:` in them as
 * separators, so `a/b` and `a:b` would collide). Chunks carry their version: a new version is
 * written beside the old, then the meta record switches, then the old chunks go. A reader of the
 * old version never gets a new chunk; it finds its chunk missing and fails (StaleObjectError).
 */
export function createChunkedAudioStore(
  storage: Storage,
  options: { name?: string; chunkSize?: number } = {},
): AudioStore {
  const name = options.name ?? 'chunked';
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;

  const metaKey = (key: string) => `meta:${encodeURIComponent(key)}`;
  const chunkKey = (meta: AudioObjectInfo, index: number) =>
    `chunk:${encodeURIComponent(meta.key)}:${encodeURIComponent(meta.version)}:${index}`;
  const getMeta = (key: string) => storage.getItem<ChunkedMeta>(metaKey(key));

  async function readChunk(meta: ChunkedMeta, index: number): Promise<Uint8Array> {
    const value = await storage.getItemRaw<Uint8Array>(chunkKey(meta, index));
    if (!value) throw new StaleObjectError(name, `chunk ${index} of this version is gone`);
    return value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBuffer);
  }

  async function removeChunks(meta: ChunkedMeta) {
    const count = Math.ceil(meta.size / meta.chunkSize);
    for (let index = 0; index < count; index++) await storage.removeItem(chunkKey(meta, index));
  }

  function openMeta(meta: ChunkedMeta): AudioObject {
    return {
      read: (start, end, signal) => chunkStream(meta, start, end, readChunk, signal),
      close() {},
    };
  }

  return {
    name,
    async list() {
      const keys = await storage.getKeys('meta');
      const metas = await Promise.all(keys.map((key) => storage.getItem<ChunkedMeta>(key)));
      return metas.filter((meta): meta is ChunkedMeta => meta !== null).map(toInfo);
    },
    async stat(key) {
      const meta = await getMeta(key);
      return meta ? toInfo(meta) : null;
    },
    async open(key, version) {
      const meta = await getMeta(key);
      return meta?.version === version ? openMeta(meta) : null;
    },
    async write(info, bytes) {
      const previous = await getMeta(info.key);
      const meta: ChunkedMeta = { ...toInfo(info), chunkSize };
      let index = 0;
      let written = 0;
      for await (const chunk of rechunk(bytes, chunkSize)) {
        await storage.setItemRaw(chunkKey(meta, index++), chunk);
        written += chunk.byteLength;
      }
      if (written !== info.size)
        throw storeError(name, `${info.key}: ${written} of ${info.size} bytes`);
      await storage.setItem(metaKey(info.key), meta);
      if (previous && previous.version !== meta.version) await removeChunks(previous);
    },
    async remove(key) {
      const meta = await getMeta(key);
      if (!meta) return;
      await storage.removeItem(metaKey(key));
      await removeChunks(meta);
    },
    dispose: () => storage.dispose(),
  };
}

/** Pull-based: a chunk is fetched only when the reader asks for more. */
function chunkStream(
  meta: ChunkedMeta,
  start: number,
  end: number,
  readChunk: (meta: ChunkedMeta, index: number) => Promise<Uint8Array>,
  signal?: AbortSignal,
): ReadableStream<Uint8Array> {
  const last = Math.min(end, meta.size - 1);
  let index = Math.floor(start / meta.chunkSize);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        signal?.throwIfAborted();
        const chunkStart = index * meta.chunkSize;
        const chunk = await readChunk(meta, index);
        const piece = chunk.subarray(Math.max(start - chunkStart, 0), last - chunkStart + 1);
        const wanted =
          Math.min(last, chunkStart + meta.chunkSize - 1) - Math.max(start, chunkStart) + 1;
        if (piece.byteLength !== wanted)
          throw new StaleObjectError('chunked', 'a chunk came out short');
        controller.enqueue(piece);
        index++;
        if (index * meta.chunkSize > last) controller.close();
      },
    },
    { highWaterMark: 0 },
  );
}

function toInfo(meta: AudioObjectInfo): AudioObjectInfo {
  return { key: meta.key, size: meta.size, mtimeMs: meta.mtimeMs, version: meta.version };
}

/** Regroups a byte stream into buffers of exactly `size` bytes (the last one may be shorter). */
async function* rechunk(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, size: number) {
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
