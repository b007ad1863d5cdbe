/**
 * Pure chunk maths for the stream cache: how a byte range of a song maps onto fixed, aligned chunks,
 * and the synthetic URLs chunks are cached under. Range headers themselves are read by the stream
 * core the server shares (api/lib/http-semantics/). Runs (and is tested) in Node.
 */
import type { ByteRange } from '../api/lib/http-semantics/range.ts';

/** Every chunk starts at a multiple of this; the last chunk of a song is shorter. */
export const CHUNK_SIZE = 256 * 1024;

/** The part of one chunk an answer needs: `from`/`to` are offsets inside the chunk, `to` exclusive. */
export interface ChunkSlice {
  index: number;
  from: number;
  to: number;
}

export function chunkCount(size: number, chunkSize = CHUNK_SIZE): number {
  return Math.ceil(size / chunkSize);
}

/** Byte range of chunk `index` in a song of `size` bytes. */
export function chunkBounds(index: number, size: number, chunkSize = CHUNK_SIZE): ByteRange {
  const start = index * chunkSize;
  return { start, end: Math.min(size, start + chunkSize) - 1 };
}

export function chunkLength(index: number, size: number, chunkSize = CHUNK_SIZE): number {
  const { start, end } = chunkBounds(index, size, chunkSize);
  return end - start + 1;
}

/** The chunks a (clamped, non-empty) range touches and the slice of each it needs, in order. */
export function planChunks(range: ByteRange, chunkSize = CHUNK_SIZE): ChunkSlice[] {
  const slices: ChunkSlice[] = [];
  const first = Math.floor(range.start / chunkSize);
  const last = Math.floor(range.end / chunkSize);
  for (let index = first; index <= last; index++) {
    const base = index * chunkSize;
    const from = Math.max(range.start, base) - base;
    const to = Math.min(range.end + 1, base + chunkSize) - base;
    slices.push({ index, from, to });
  }
  return slices;
}

export const CHUNK_KEY_ORIGIN = 'https://tapedeck.chunks';

/** The synthetic URL a chunk is cached under: id and ETag both in it, so versions never mix. */
export function formatChunkKey(id: string, etag: string, index: number): string {
  return `${CHUNK_KEY_ORIGIN}/${encodeURIComponent(id)}/${encodeURIComponent(etag)}/${index}`;
}

export function parseChunkKey(url: string): { id: string; etag: string; index: number } | null {
  const prefix = `${CHUNK_KEY_ORIGIN}/`;
  if (!url.startsWith(prefix)) return null;
  const parts = url.slice(prefix.length).split('/');
  if (parts.length !== 3 || !/^\d+$/.test(parts[2]!)) return null;
  try {
    return {
      id: decodeURIComponent(parts[0]!),
      etag: decodeURIComponent(parts[1]!),
      index: Number(parts[2]),
    };
  } catch {
    return null;
  }
}
