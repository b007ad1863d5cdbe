/**
 * The stream route: answers a media element's request for `/songs/listen/:id` with a response the
 * worker builds itself, chunk by chunk from Cache Storage or the network (see chunk-loader.ts).
 * Pull-based: a chunk is loaded only when the reader is about to need it (one chunk look-ahead),
 * and cancelling the response stops loading.
 *
 * workbox-range-requests is not used here on purpose: `createPartialResponse` slices one complete
 * cached body, so its Content-Range total would be the chunk's length, not the song's; it replays a
 * cached 206 for any range, answers 416 where an end past the size must be clamped, and reads the
 * whole body into memory (STACK-NOTES). What to answer is decided by the stream core the server
 * shares (api/lib/http-semantics/response-plan.ts); chunk maths lives in chunks.ts.
 */

import { firstRequestedByte } from '../api/lib/http-semantics/range.ts';
import { planResponse } from '../api/lib/http-semantics/response-plan.ts';
import { chunkSourceUrl } from './api-paths.ts';
import { SongChangedError } from './chunk-fetch.ts';
import type { ChunkLoader } from './chunk-loader.ts';
import { createChunkStream } from './chunk-stream.ts';
import { CHUNK_SIZE, type ChunkSlice, planChunks } from './chunks.ts';
import type { SongIndex, SongMeta } from './song-index.ts';
import { errorResponse, representationOf } from './stream-responses.ts';

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
    // Chunks are kept by song id and ETag; the URL only says where to fetch them.
    const songUrl = chunkSourceUrl(url);
    try {
      return await prepare(request, id, songUrl, finish);
    } catch (error) {
      if (!(error instanceof SongChangedError)) throw error;
      return prepare(request, id, songUrl, finish); // once more, against the new version
    }
  }

  async function prepare(request: Request, id: string, url: string, finish: () => void) {
    let primed: { index: number; bytes: Uint8Array<ArrayBuffer> } | null = null;
    let record = index.get(id);
    if (!record) {
      // First contact: load the chunk the request starts in (a suffix or no Range: chunk 0).
      const start = firstRequestedByte(request.headers.get('Range')) ?? 0;
      const first = Number.isSafeInteger(start) ? Math.floor(start / CHUNK_SIZE) : 0;
      primed = { index: first, ...(await loader.probe(id, url, first)) };
      record = index.get(id);
      if (!record) throw new SongChangedError(null);
    }
    index.touch(id);
    const meta: SongMeta = { ...record };
    // Multi-range requests get the whole song as a 200 (media elements never send them).
    const plan = planResponse(representationOf(meta), 'GET', request.headers, { multipart: false });
    const { status, headers } = plan;
    if (plan.body.kind !== 'bytes') {
      finish();
      return new Response(plan.body.kind === 'text' ? plan.body.text : null, { status, headers });
    }
    const slices = planChunks(plan.body.range);
    const load = (slice: ChunkSlice) =>
      primed?.index === slice.index ? Promise.resolve(primed.bytes) : loader.get(meta, slice.index);
    // The first chunk is loaded before answering, so "offline and missing" is a prompt 504.
    const first = await load(slices[0]!);
    return new Response(createChunkStream(slices, first, load, finish), { status, headers });
  }
}
