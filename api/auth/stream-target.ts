/** The route nginx's `auth_request` asks before it answers a stream request (routes/check-stream.ts). */
export const CHECK_STREAM_PATH = '/api/auth/check-stream';

/** The stream route's path; the id is checked by the route (SONG_ID_PATTERN). */
const STREAM_PATH = /^\/songs\/listen\/([^/]*)$/;
/**
 * A stream request line as nginx forwards it (`$request_uri`: raw, never normalized), so a
 * `..` or an encoded slash cannot make it name another route.
 */
const STREAM_URI = /^\/songs\/listen\/([^/?#]+)(?:\?([^#]*))?$/;

/** The song a stream request asks for and its query (`token`, `v`). */
export interface StreamTarget {
  songId: string;
  query: URLSearchParams;
}

export function isStreamPath(path: string): boolean {
  return STREAM_PATH.test(path);
}

/** The stream request a request is judged as: itself, or for the check route the one it names. */
export function streamTargetOf(
  path: string,
  query: URLSearchParams,
  originalUri: string | null,
): StreamTarget | null {
  if (path === CHECK_STREAM_PATH) return parseStreamUri(originalUri);
  const stream = STREAM_PATH.exec(path);
  return stream ? { songId: stream[1] ?? '', query } : null;
}

/** `X-Original-URI` read as a stream request, or null when it names anything else. */
export function parseStreamUri(uri: string | null): StreamTarget | null {
  const match = uri && uri.length <= 2048 ? STREAM_URI.exec(uri) : null;
  return match ? { songId: match[1] ?? '', query: new URLSearchParams(match[2] ?? '') } : null;
}
