import { getQuery, getRouterParam, type H3Event, HTTPError } from 'h3';
import { requireUser } from '../auth/current-user.ts';
import { badRequest, readId, readLimit } from '../user-library/read-input.ts';
import { exists, type UserLibraryDeps } from '../user-library/route-deps.ts';
import { FAVOURITE_KINDS, type FavouriteKind } from '../user-library/types.ts';
import type { RouteTable } from './route-table.ts';

/**
 * `GET /api/favourites?limit=` → `{ songs, albums, artists }`: the newest `limit` of each (default
 * 100, at most 500; every favourite song is also `GET /api/songs?favourite=true`, paged),
 * `PUT|DELETE /api/favourites/{songs|albums|artists}/:id` → 204.
 */
export function registerFavouriteRoutes(routes: RouteTable, deps: UserLibraryDeps) {
  const { library, lookup } = deps;

  routes.get('/api/favourites', async (event) => {
    const user = requireUser(event);
    const { favourites: doc, view } = await library.read(user.id);
    const limit = readLimit(getQuery(event).limit, 100, 500);
    // Newest first, and only as many as asked: each one found costs a catalog lookup.
    const newestFirst = (kind: FavouriteKind, find: (id: string) => object | undefined) => {
      const found: object[] = [];
      for (let i = doc[kind].length - 1; i >= 0 && found.length < limit; i--) {
        const item = find(doc[kind][i]![0]);
        if (item) found.push(item);
      }
      return found;
    };
    return {
      songs: newestFirst('songs', (id) => lookup.song(id, view)),
      albums: newestFirst('albums', (id) => lookup.album(id, view)),
      artists: newestFirst('artists', (id) => lookup.artist(id, view)),
    };
  });

  const change = (on: boolean) => async (event: H3Event) => {
    const user = requireUser(event);
    const kind = getRouterParam(event, 'kind') as FavouriteKind;
    if (!FAVOURITE_KINDS.includes(kind))
      throw badRequest('favourites are songs, albums or artists');
    const id = readId(getRouterParam(event, 'id'), 'id');
    // Taking off a heart needs nothing to exist any more (a song left the library); setting one does.
    if (on && !exists(lookup, kind, id, await library.view(user.id))) {
      throw HTTPError.status(404, 'Not Found', { message: `no such ${kind.slice(0, -1)}` });
    }
    try {
      await library.setFavourite(user.id, kind, id, on);
    } catch (error) {
      if (error instanceof RangeError) throw badRequest(error.message);
      throw error;
    }
    return new Response(null, { status: 204 });
  };
  routes.put('/api/favourites/:kind/:id', change(true));
  routes.delete('/api/favourites/:kind/:id', change(false));
}
