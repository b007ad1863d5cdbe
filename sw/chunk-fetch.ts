/**
 * Fetches one aligned chunk from the network and checks it: status 206, the exact Content-Range and
 * exactly the chunk's length. Anything else becomes a typed error, so a wrong or partial body is
 * never mistaken for a chunk.
 */
import { parseContentRange } from '../api/lib/http-semantics/content-range.ts';
import { CHUNK_SIZE } from './chunks.ts';
import type { SongMeta } from './song-index.ts';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * A chunk that takes longer than this (256 KiB: over 2 s even at 1 Mbit/s) counts as a lost
 * connection, so a server that accepts but never answers cannot hang playback.
 */
export const CHUNK_TIMEOUT_MS = 20_000;

/** The network is unreachable (fetch rejected, or the body broke off). */
export class OfflineError extends Error {}
/** The server answered, but not with the exact chunk asked for. */
export class BadChunkError extends Error {}
/** The song is not the version we hold any more; `next` is the new version when the answer told it. */
export class SongChangedError extends Error {
  constructor(readonly next: SongMeta | null) {
    super('song changed');
  }
}
/** Every asked range starts past the end of the song. */
export class UnsatisfiableError extends Error {
  constructor(readonly size: number) {
    super('range not satisfiable');
  }
}
/** The server answered with an error status (404, 5xx…). */
export class UpstreamError extends Error {
  constructor(
    readonly status: number,
    readonly contentType: string | null,
    readonly body: string,
  ) {
    super(`upstream status ${status}`);
  }
}

/** What we know when asking: etag and size are null the first time we meet a song. */
export interface ChunkTarget {
  id: string;
  url: string;
  etag: string | null;
  size: number | null;
}

export async function fetchChunk(
  fetch: FetchLike,
  target: ChunkTarget,
  index: number,
  signal?: AbortSignal,
  timeoutMs = CHUNK_TIMEOUT_MS,
): Promise<{ meta: SongMeta; bytes: Uint8Array<ArrayBuffer> }> {
  const start = index * CHUNK_SIZE;
  const end =
    (target.size === null ? start + CHUNK_SIZE : Math.min(target.size, start + CHUNK_SIZE)) - 1;
  const headers: Record<string, string> = { Range: `bytes=${start}-${end}` };
  // If-Range needs a strong validator; with a weak one the server would always send the whole song.
  if (target.etag !== null && !target.etag.startsWith('W/')) headers['If-Range'] = target.etag;

  // Errors are told apart by the caller's own signal: a timeout reads as "offline".
  const deadline = AbortSignal.timeout(timeoutMs);
  const limit = signal ? AbortSignal.any([signal, deadline]) : deadline;
  let response: Response;
  try {
    response = await fetch(target.url, { headers, signal: limit });
  } catch (error) {
    throw signal?.aborted ? error : new OfflineError('offline');
  }
  const etag = response.headers.get('ETag');
  const mimeType = response.headers.get('Content-Type') ?? 'application/octet-stream';

  if (response.status === 200 && 'If-Range' in headers) {
    await response.body?.cancel().catch(() => {});
    const size = Number(response.headers.get('Content-Length') ?? Number.NaN);
    const known = etag !== null && Number.isSafeInteger(size);
    throw new SongChangedError(known ? { ...song(target), etag, size, mimeType } : null);
  }
  if (response.status === 416) {
    await response.body?.cancel().catch(() => {});
    if (target.etag !== null) throw new SongChangedError(null); // it shrank under us
    const parsed = parseContentRange(response.headers.get('Content-Range'));
    if (parsed) throw new UnsatisfiableError(parsed.size);
    throw new BadChunkError('416 without Content-Range');
  }
  if (response.status !== 206) {
    if (response.status === 200) {
      await response.body?.cancel().catch(() => {});
      throw new BadChunkError('server ignored Range');
    }
    const body = await response.text().catch(() => '');
    throw new UpstreamError(response.status, response.headers.get('Content-Type'), body);
  }

  const parsed = parseContentRange(response.headers.get('Content-Range'));
  // A 206 to an If-Range request is our version even if a proxy dropped its ETag.
  const version = etag ?? target.etag;
  const meta =
    parsed && version !== null
      ? { ...song(target), etag: version, size: parsed.size, mimeType }
      : null;
  const changed =
    meta !== null &&
    target.etag !== null &&
    (meta.etag !== target.etag || meta.size !== target.size);
  if (changed) {
    await response.body?.cancel().catch(() => {});
    throw new SongChangedError(meta);
  }
  const expectedEnd = parsed ? Math.min(parsed.size, start + CHUNK_SIZE) - 1 : -1;
  if (!meta || parsed?.range?.start !== start || parsed.range.end !== expectedEnd) {
    await response.body?.cancel().catch(() => {});
    throw new BadChunkError(`unexpected answer for chunk ${index}`);
  }
  const bytes = await readExactly(response, expectedEnd - start + 1, signal);
  return { meta, bytes };
}

/** Reads a body that must be exactly `length` bytes long, without ever holding more. */
async function readExactly(
  response: Response,
  length: number,
  signal?: AbortSignal,
): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = new Uint8Array(length);
  if (!response.body) throw new BadChunkError('no body');
  const reader = response.body.getReader();
  let offset = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (offset + value.byteLength > length) throw new BadChunkError('chunk too long');
      bytes.set(value, offset);
      offset += value.byteLength;
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    if (error instanceof BadChunkError || signal?.aborted) throw error;
    throw new OfflineError('connection lost during a chunk');
  }
  if (offset !== length) throw new BadChunkError(`chunk truncated: ${offset} of ${length} bytes`);
  return bytes;
}

function song(target: ChunkTarget): Pick<SongMeta, 'id' | 'url'> {
  return { id: target.id, url: target.url };
}
