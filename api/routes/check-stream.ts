import type { H3Event } from 'h3';
import type { Catalog } from '../catalog/catalog.ts';
import { SONG_ID_PATTERN } from '../scan/song-id.ts';
import type { RouteTable } from './route-table.ts';

/** Whether the request may stream `songId` (a session, or a stream link's `token` for it). */
export type StreamAuthorization = (
  event: H3Event,
  songId: string,
  token: string | null,
) => Promise<boolean>;

const STREAM_PATH = /^\/songs\/listen\/([^/?#]+)(?:\?(.*))?$/;

/**
 * `GET /api/auth/check-stream`: the authorization check nginx makes (auth_request) before it
 * answers a stream request, from its cache or not. The stream URL comes in `X-Original-URI`; the
 * cookie or the link's token decide, exactly as on the stream route. 204 when allowed, with
 * `X-Tapedeck-Cacheable: yes` only when the URL's `v=` is the song's current version (anything else
 * bypasses the cache, so an old version's bytes are never replayed); 401 otherwise. Cheap: no
 * storage I/O beyond what the session check needs.
 */
export function registerCheckStreamRoute(
  routes: RouteTable,
  deps: { catalog: Catalog; authorize?: StreamAuthorization },
) {
  routes.get('/api/auth/check-stream', async (event) => {
    const match = STREAM_PATH.exec(event.req.headers.get('x-original-uri') ?? '');
    const id = match?.[1] ?? '';
    const query = new URLSearchParams(match?.[2] ?? '');
    const allowed =
      SONG_ID_PATTERN.test(id) &&
      (deps.authorize ? await deps.authorize(event, id, query.get('token')) : true);
    const headers = { 'cache-control': 'no-store' };
    if (!allowed) {
      return Response.json({ error: 'sign in to listen' }, { status: 401, headers });
    }
    const entry = deps.catalog.get(id);
    const current = entry && new URL(entry.song.streamUrl, 'http://x').searchParams.get('v');
    const cacheable = current && query.get('v') === current ? 'yes' : 'no';
    return new Response(null, {
      status: 204,
      headers: { ...headers, 'x-tapedeck-cacheable': cacheable },
    });
  });
}
