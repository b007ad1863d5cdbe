/**
 * Pure chunk maths for the stream cache: how a byte range of a song maps onto fixed, aligned chunks,
 * how the worker reads a media element's Range header, and the synthetic URLs chunks are cached under.
 * Imports nothing, so it runs (and is tested) in Node.
 */

/** Every chunk starts at a multiple of this; the last chunk of a song is shorter. */
export const CHUNK_SIZE = 256 * 1024;

/** Inclusive byte positions, as in `Content-Range`. */
export interface ByteRange {
  start: number;
  end: number;
}

/** The part of one chunk an answer needs: `from`/`to` are offsets inside the chunk, `to` exclusive. */
export interface ChunkSlice {
  index: number;
  from: number;
  to: number;
}

export type RangeAnswer =
  /** Whole song; `range` is null for an empty song. */
  { status: 200; range: ByteRange | null } | { status: 206; range: ByteRange } | { status: 416 };

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

/**
 * Reads a Range header the way the worker answers it. No header, another unit or a malformed
 * header → the whole song (200, as RFC 9110 lets a server ignore Range). Several ranges → the first
 * satisfiable one. An end past the size is clamped; a start at or past the size is 416.
 */
export function resolveRange(header: string | null, size: number): RangeAnswer {
  const whole: RangeAnswer = { status: 200, range: size > 0 ? { start: 0, end: size - 1 } : null };
  const specs = header === null ? null : parseRangeSpecs(header);
  if (specs === null) return whole;
  for (const spec of specs) {
    const range = resolveSpec(spec, size);
    if (range) return { status: 206, range };
  }
  return { status: 416 };
}

export function formatContentRange(range: ByteRange, size: number): string {
  return `bytes ${range.start}-${range.end}/${size}`;
}

/** Reads a response's Content-Range (`bytes a-b/total`, or the 416 form); null when malformed. */
export function parseContentRange(
  value: string | null,
): { range: ByteRange | null; size: number } | null {
  const match = /^bytes\s+(?:(\d+)-(\d+)|\*)\/(\d+)\s*$/i.exec(value ?? '');
  if (!match) return null;
  const size = Number(match[3]);
  if (match[1] === undefined) return { range: null, size };
  const range = { start: Number(match[1]), end: Number(match[2]) };
  return range.start <= range.end && range.end < size ? { range, size } : null;
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

type RangeSpec =
  | { kind: 'from'; start: number; end: number | null }
  | { kind: 'suffix'; length: number };

/** Null when the header is not a valid `bytes=` ranges-specifier (then it is ignored). */
function parseRangeSpecs(header: string): RangeSpec[] | null {
  const match = /^\s*bytes\s*=(.*)$/i.exec(header);
  if (!match) return null;
  const specs: RangeSpec[] = [];
  for (const part of match[1]!.split(',')) {
    const text = part.trim();
    if (text === '') continue; // RFC 9110 allows empty list elements
    const spec = /^(\d*)-(\d*)$/.exec(text);
    if (!spec || (spec[1] === '' && spec[2] === '')) return null;
    if (spec[1] === '') {
      specs.push({ kind: 'suffix', length: toNumber(spec[2]!) });
      continue;
    }
    const start = toNumber(spec[1]!);
    const end = spec[2] === '' ? null : toNumber(spec[2]!);
    if (end !== null && end < start) return null;
    specs.push({ kind: 'from', start, end });
  }
  return specs.length > 0 ? specs : null;
}

function resolveSpec(spec: RangeSpec, size: number): ByteRange | null {
  if (spec.kind === 'suffix') {
    if (spec.length === 0 || size === 0) return null;
    return { start: Math.max(0, size - spec.length), end: size - 1 };
  }
  if (spec.start >= size) return null;
  return { start: spec.start, end: Math.min(spec.end ?? size - 1, size - 1) };
}

/** Digits to a number; absurdly long values become Infinity (past any size) rather than wrapping. */
function toNumber(digits: string): number {
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : Number.POSITIVE_INFINITY;
}
