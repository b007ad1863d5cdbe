import { getQuery } from 'h3';
import { requireUser } from '../auth/current-user.ts';
import { readJsonObject } from '../lib/json-body.ts';
import {
  badRequest,
  onlyKeys,
  readId,
  readLimit,
  readPlayedAt,
  readQueue,
} from '../user-library/read-input.ts';
import { MAX_BODY_BYTES, type UserLibraryDeps } from '../user-library/route-deps.ts';
import type { PlayQueue } from '../user-library/types.ts';
import type { LibraryView } from '../user-library/user-library.ts';
import type { RouteTable } from './route-table.ts';

/**
 * Plays and the play queue. `POST /api/plays { songId, playedAt }` → 201: the listener's own time,
 * so plays made offline count in their place when they arrive; `GET /api/plays?limit=` newest
 * first. `GET|PUT /api/queue`: where this user left off, for another device to pick up.
 */
export function registerPlayRoutes(routes: RouteTable, deps: UserLibraryDeps) {
  const { library, lookup } = deps;
  const now = deps.now ?? Date.now;
  const known = (view: LibraryView) => (id: string) => lookup.song(id, view) !== undefined;

  routes.post('/api/plays', async (event) => {
    const user = requireUser(event);
    const body = await readJsonObject(event, MAX_BODY_BYTES);
    onlyKeys(body, ['songId', 'playedAt']);
    const songId = readId(body.songId, 'songId');
    const playedAt = readPlayedAt(body.playedAt, now());
    if (!known(await library.view(user.id))(songId))
      throw badRequest('songId is not a song of the library');
    await library.addPlay(user.id, songId, playedAt);
    return new Response(JSON.stringify({ songId, playedAt: new Date(playedAt).toISOString() }), {
      status: 201,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
  });

  routes.get('/api/plays', async (event) => {
    const user = requireUser(event);
    const limit = readLimit(getQuery(event).limit, 50, 500);
    const { recentPlays, view } = await library.read(user.id);
    const items = recentPlays.slice(0, limit).flatMap(([songId, at]) => {
      const song = lookup.song(songId, view);
      return song ? [{ songId, playedAt: new Date(at).toISOString(), song }] : [];
    });
    return { items };
  });

  routes.get('/api/queue', async (event): Promise<PlayQueue> => {
    const user = requireUser(event);
    const queue = await library.queue(user.id);
    if (!queue) return { songIds: [], index: 0, position: 0, updatedAt: null };
    return { ...queue, updatedAt: new Date(queue.updatedAt).toISOString() };
  });

  routes.put('/api/queue', async (event) => {
    const user = requireUser(event);
    const body = await readJsonObject(event, MAX_BODY_BYTES);
    onlyKeys(body, ['songIds', 'index', 'position']);
    await library.setQueue(user.id, readQueue(body, known(await library.view(user.id))));
    return new Response(null, { status: 204 });
  });
}
