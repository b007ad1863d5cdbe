import { CHECK_STREAM_PATH, parseStreamUri } from '../auth/stream-target.ts';
import type { Catalog } from '../catalog/catalog.ts';
import { SONG_ID_PATTERN } from '../scan/song-id.ts';
import type { RouteTable } from './route-table.ts';

/**
 * `GET /api/auth/check-stream`: the authorization check nginx makes (auth_request) before it
 * answers a stream request, from its cache or not. The stream URL comes in `X-Original-URI`; the
 * auth middleware has already judged this request as that stream request (its link's token, or
 * the session cookie: the same code as the stream route), so reaching here means allowed. 204
 * with `X-Tapedeck-Cacheable: yes` only when the URL's `v=` is the song's current version (anything
 * else bypasses the cache, so an old version's bytes are never replayed); 401 for a URL that is
 * not a stream URL. No storage I/O beyond what the session check needs.
 */
export function registerCheckStreamRoute(routes: RouteTable, deps: { catalog: Catalog }) {
  routes.get(CHECK_STREAM_PATH, (event) => {
    const target = parseStreamUri(event.req.headers.get('x-original-uri'));
    const headers = { 'cache-control': 'no-store' };
    if (!target || !SONG_ID_PATTERN.test(target.songId)) {
      return Response.json({ error: 'sign in to listen' }, { status: 401, headers });
    }
    const entry = deps.catalog.get(target.songId);
    const current = entry && new URL(entry.song.streamUrl, 'http://x').searchParams.get('v');
    const cacheable = current && target.query.get('v') === current ? 'yes' : 'no';
    return new Response(null, {
      status: 204,
      headers: { ...headers, 'x-tapedeck-cacheable': cacheable },
    });
  });
}
