/** Responses the stream route builds besides the media body itself: headers, 416 and errors. */
import { OfflineError, UnsatisfiableError, UpstreamError } from './chunk-fetch.ts';
import type { SongMeta } from './song-index.ts';

/** Headers every media answer carries; `X-Served-By` lets browser tests see the worker answered. */
export function mediaHeaders(meta: SongMeta, length: number): Headers {
  return new Headers({
    'Accept-Ranges': 'bytes',
    'Content-Length': String(length),
    'Content-Type': meta.mimeType,
    ETag: meta.etag,
    'X-Served-By': 'tapedeck-sw',
  });
}

export function unsatisfiable(size: number): Response {
  const headers = {
    'Content-Range': `bytes */${size}`,
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
