/** What the stream route knows of a song for the stream core, and the answers for its errors. */
import { formatUnsatisfiedRange } from '../api/lib/http-semantics/content-range.ts';
import type { Representation } from '../api/lib/http-semantics/response-plan.ts';
import { OfflineError, UnsatisfiableError, UpstreamError } from './chunk-fetch.ts';
import type { SongMeta } from './song-index.ts';

/**
 * A cached song as the stream core sees it. The worker keeps no modification date, so a date in
 * If-Range never matches (the whole song is sent, which §13.1.5 allows). `X-Served-By` lets
 * browser tests see the worker answered.
 */
export function representationOf(meta: SongMeta): Representation {
  return {
    size: meta.size,
    type: meta.mimeType,
    etag: meta.etag,
    lastModified: null,
    headers: { 'accept-ranges': 'bytes', etag: meta.etag, 'x-served-by': 'tapedeck-sw' },
  };
}

export function unsatisfiable(size: number): Response {
  const headers = {
    'Content-Range': formatUnsatisfiedRange(size),
    'Accept-Ranges': 'bytes',
    'X-Served-By': 'tapedeck-sw',
  };
  return new Response(null, { status: 416, headers });
}

/** Never a rejection: whatever went wrong becomes a prompt status the media element understands. */
export function errorResponse(error: unknown): Response {
  if (error instanceof UnsatisfiableError) return unsatisfiable(error.size);
  if (error instanceof UpstreamError && error.status >= 400 && error.status <= 599) {
    const headers = new Headers({ 'X-Served-By': 'tapedeck-sw' });
    if (error.contentType) headers.set('Content-Type', error.contentType);
    return new Response(error.body, { status: error.status, headers });
  }
  if (error instanceof OfflineError) return json(504, 'not available offline');
  return json(502, 'bad answer from the server');
}

function json(status: number, message: string): Response {
  const headers = { 'Content-Type': 'application/json', 'X-Served-By': 'tapedeck-sw' };
  return new Response(JSON.stringify({ error: message }), { status, headers });
}
