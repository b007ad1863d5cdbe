/**
 * The stream route: answers a media element's request for `/songs/listen/:id` with a response the
 * worker builds itself, chunk by chunk from Cache Storage or the network (see chunk-loader.ts).
 * Pull-based: a chunk is loaded only when the reader is about to need it (one chunk look-ahead),
 * and cancelling the response stops loading.
 *
 * workbox-range-requests is not used here on purpose: `createPartialResponse` slices one complete
 * cached body, so its Content-Range total would be the chunk's length, not the song's; it replays a
 * cached 206 for any range, answers 416 where an end past the size must be clamped, and reads the
 * whole body into memory (STACK-NOTES). Range maths for chunks lives in chunks.ts instead.
 */
import { SongChangedError } from './chunk-fetch.ts';
import type { ChunkLoader } from './chunk-loader.ts';
import { createChunkStream } from './chunk-stream.ts';
import {
  CHUNK_SIZE,
  type ChunkSlice,
  formatContentRange,
  planChunks,
  resolveRange,
} from './chunks.ts';
import type { SongIndex, SongMeta } from './song-index.ts';
import { errorResponse, mediaHeaders, unsatisfiable } from './stream-responses.ts';

export interface StreamAnswer {
  response: Promise<Response>;
  /** Settles when the body is finished (or failed, or cancelled) and its writes are done. */
  done: Promise<void>;
}

export interface StreamDeps {
  loader: ChunkLoader;
  index: SongIndex;
}

const STREAM_PATH = /^\/songs\/listen\/([^/]+)$/;

/** The song id of a stream URL path, or null. */
export function songIdFromPath(pathname: string): string | null {
  const match = STREAM_PATH.exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

export function createStreamHandler({
  loader,
  index,
}: StreamDeps): (request: Request) => StreamAnswer {
  return (request) => {
    let finish!: () => void;
    const ended = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const response = answer(request, finish).catch((error: unknown) => {
      finish();
      return errorResponse(error);
    });
    return { response, done: ended.then(() => loader.idle()) };
  };

  async function answer(request: Request, finish: () => void): Promise<Response> {
    const url = new URL(request.url);
    const id = songIdFromPath(url.pathname);
    if (id === null) throw new Error('not a stream URL');
    // The cache is keyed on the path: a query (cache-busting in tests) does not make a new song.
    const songUrl = url.origin + url.pathname;
    try {
      return await prepare(request, id, songUrl, finish);
    } catch (error) {
      if (!(error instanceof SongChangedError)) throw error;
      return prepare(request, id, songUrl, finish); // once more, against the new version
    }
  }

  async function prepare(request: Request, id: string, url: string, finish: () => void) {
    const header = request.headers.get('Range');
    let primed: { index: number; bytes: Uint8Array<ArrayBuffer> } | null = null;
    let record = index.get(id);
    if (!record) {
      const first = Math.floor(rangeStartHint(header) / CHUNK_SIZE);
      primed = { index: first, ...(await loader.probe(id, url, first)) };
      record = index.get(id);
      if (!record) throw new SongChangedError(null);
    }
    index.touch(id);
    const meta: SongMeta = { ...record };
    // A validator that is not ours means "send the whole current version" (RFC 9110 §13.1.5).
    const ifRange = request.headers.get('If-Range');
    const answer = resolveRange(
      ifRange === null || ifRange === meta.etag ? header : null,
      meta.size,
    );
    if (answer.status === 416) {
      finish();
      return unsatisfiable(meta.size);
    }
    const slices = answer.range ? planChunks(answer.range) : [];
    const load = (slice: ChunkSlice) =>
      primed?.index === slice.index ? Promise.resolve(primed.bytes) : loader.get(meta, slice.index);
    // The first chunk is loaded before answering, so "offline and missing" is a prompt 504.
    const first = slices[0] ? await load(slices[0]) : null;

    const headers = mediaHeaders(
      meta,
      answer.range?.end === undefined ? 0 : answer.range.end - answer.range.start + 1,
    );
    if (answer.status === 206)
      headers.set('Content-Range', formatContentRange(answer.range, meta.size));
    if (!first) {
      finish();
      return new Response(null, { status: answer.status, headers });
    }
    const body = createChunkStream(slices, first, load, finish);
    return new Response(body, { status: answer.status, headers });
  }
}

/** Where the asked range starts, before the size is known (suffix or no Range: 0). */
function rangeStartHint(header: string | null): number {
  const match = /^\s*bytes\s*=\s*(\d+)\s*-/i.exec(header ?? '');
  const start = match ? Number(match[1]) : 0;
  return Number.isSafeInteger(start) ? start : 0;
}
