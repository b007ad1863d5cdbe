import { getRouterParam, type H3Event } from 'h3';
import type { Catalog } from '../catalog/catalog.ts';
import { ENTITY_ID_PATTERN } from '../catalog/ids.ts';
import { queryAlbums } from '../catalog/queries.ts';
import type { Album, Page, Song } from '../catalog/song.ts';
import { ALBUM_SORTS } from '../catalog/sort-orders.ts';
import { albumJson, songJson } from '../catalog/to-json.ts';
import type { UserViewProvider } from '../catalog/user-view.ts';
import { badRequest, notFound, readParams } from './query-params.ts';
import type { RouteTable } from './route-table.ts';

/** `GET /api/albums` (search, artist and genre filters, sorts, pages) and `GET /api/albums/:id`. */
export function registerAlbumRoutes(
  routes: RouteTable,
  { catalog, userView }: { catalog: Catalog; userView: UserViewProvider },
) {
  routes.get('/api/albums', async (event): Promise<Page<Album>> => {
    const params = readParams(event);
    const query = {
      q: params.text('q'),
      artistId: params.id('artistId'),
      genre: params.text('genre'),
      sort: params.choice('sort', ALBUM_SORTS),
      ...params.page(),
    };
    const view = await userView(event);
    const state = catalog.state();
    const { rows, total } = queryAlbums(state, query);
    const items = rows.map((a) => albumJson(state.index, a, view));
    return { items, total, limit: query.limit, offset: query.offset };
  });

  routes.get('/api/albums/:id', async (event): Promise<Album & { songs: Song[] }> => {
    const { index } = catalog.state();
    const a = findRow(event, index.albumById, 'album');
    const view = await userView(event);
    return {
      ...albumJson(index, a, view),
      songs: [...index.albums[a]!.songs].map((row) => songJson(index, row, view)),
    };
  });
}

/** The row of the `:id` route parameter in `ids`: 400 for a malformed id, 404 for an unknown one. */
export function findRow(event: H3Event, ids: ReadonlyMap<string, number>, what: string): number {
  const id = getRouterParam(event, 'id') ?? '';
  if (!ENTITY_ID_PATTERN.test(id)) throw badRequest(`invalid ${what} id`);
  const row = ids.get(id);
  if (row === undefined) throw notFound(`no such ${what}`);
  return row;
}
