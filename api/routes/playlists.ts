import { getRouterParam, type H3Event, HTTPError } from 'h3';
import { requireUser } from '../auth/current-user.ts';
import { readJsonObject } from '../lib/json-body.ts';
import type { PlaylistDoc } from '../user-library/documents.ts';
import { onlyKeys, readId, readName, readSongIds } from '../user-library/read-input.ts';
import { MAX_BODY_BYTES, type UserLibraryDeps } from '../user-library/route-deps.ts';
import { LIMITS, type PlaylistSummary } from '../user-library/types.ts';
import type { LibraryView } from '../user-library/user-library.ts';
import type { RouteTable } from './route-table.ts';

/**
 * The user's playlists: `GET|POST /api/playlists`, `GET|PATCH|DELETE /api/playlists/:id`. The
 * order is kept as sent, repeats allowed; songs must be in the catalog when added; another user's
 * playlist is a 404 like one that does not exist.
 */
export function registerPlaylistRoutes(routes: RouteTable, deps: UserLibraryDeps) {
  const { library, lookup } = deps;
  const known = (view: LibraryView) => (id: string) => lookup.song(id, view) !== undefined;
  const detail = (doc: PlaylistDoc, view: LibraryView) => ({
    id: doc.id,
    name: doc.name,
    songIds: doc.songIds,
    songs: [...new Set(doc.songIds)].flatMap((id) => lookup.song(id, view) ?? []),
    updatedAt: new Date(doc.updatedAt).toISOString(),
  });
  const notFound = () => HTTPError.status(404, 'Not Found', { message: 'no such playlist' });
  const idOf = (event: H3Event) => readId(getRouterParam(event, 'id'), 'playlist id');

  routes.get('/api/playlists', async (event) => {
    const user = requireUser(event);
    const { playlists: entries, view } = await library.read(user.id);
    const items: PlaylistSummary[] = entries.map((entry) => ({
      id: entry.id,
      name: entry.name,
      songCount: entry.songCount,
      duration: entry.duration,
      coverUrl: entry.coverSongId ? (lookup.song(entry.coverSongId, view)?.coverUrl ?? null) : null,
      updatedAt: new Date(entry.updatedAt).toISOString(),
    }));
    return { items };
  });

  routes.post('/api/playlists', async (event) => {
    const user = requireUser(event);
    const body = await readJsonObject(event, MAX_BODY_BYTES);
    onlyKeys(body, ['name', 'songIds']);
    const view = await library.view(user.id);
    const name = readName(body.name);
    const songIds =
      body.songIds === undefined
        ? []
        : readSongIds(body.songIds, LIMITS.playlistSongs, known(view));
    const doc = await library.createPlaylist(user.id, name, songIds);
    if (!doc)
      throw HTTPError.status(400, 'Bad Request', {
        message: `at most ${LIMITS.playlists} playlists`,
      });
    return new Response(JSON.stringify(detail(doc, view)), {
      status: 201,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        location: `/api/playlists/${doc.id}`,
      },
    });
  });

  routes.get('/api/playlists/:id', async (event) => {
    const user = requireUser(event);
    const id = idOf(event);
    const cached = await library.read(user.id);
    const doc = await cached.playlist(id);
    if (!doc) throw notFound();
    return detail(doc, cached.view);
  });

  routes.patch('/api/playlists/:id', async (event) => {
    const user = requireUser(event);
    const id = idOf(event);
    const body = await readJsonObject(event, MAX_BODY_BYTES);
    onlyKeys(body, ['name', 'songIds']);
    const view = await library.view(user.id);
    const changes: { name?: string; songIds?: string[] } = {};
    if (body.name !== undefined) changes.name = readName(body.name);
    if (body.songIds !== undefined)
      changes.songIds = readSongIds(body.songIds, LIMITS.playlistSongs, known(view));
    const doc = await library.updatePlaylist(user.id, id, changes);
    if (!doc) throw notFound();
    return detail(doc, view);
  });

  routes.delete('/api/playlists/:id', async (event) => {
    const user = requireUser(event);
    if (!(await library.deletePlaylist(user.id, idOf(event)))) throw notFound();
    return new Response(null, { status: 204 });
  });
}
