import type { Catalog } from '../catalog/catalog.ts';
import { queryArtists } from '../catalog/queries.ts';
import type { Album, Artist, Page } from '../catalog/song.ts';
import { ARTIST_SORTS } from '../catalog/sort-orders.ts';
import { albumJson, artistJson } from '../catalog/to-json.ts';
import type { UserViewProvider } from '../catalog/user-view.ts';
import { findRow } from './albums.ts';
import { readParams } from './query-params.ts';
import type { RouteTable } from './route-table.ts';

/** `GET /api/artists` (album artists: search, sorts, pages) and `GET /api/artists/:id`. */
export function registerArtistRoutes(
  routes: RouteTable,
  { catalog, userView }: { catalog: Catalog; userView: UserViewProvider },
) {
  routes.get('/api/artists', async (event): Promise<Page<Artist>> => {
    const params = readParams(event);
    const query = {
      q: params.text('q'),
      sort: params.choice('sort', ARTIST_SORTS),
      ...params.page(),
    };
    const view = await userView(event);
    const state = catalog.state();
    const { rows, total } = queryArtists(state, query);
    const items = rows.map((a) => artistJson(state.index, a, view));
    return { items, total, limit: query.limit, offset: query.offset };
  });

  routes.get('/api/artists/:id', async (event): Promise<Artist & { albums: Album[] }> => {
    const { index } = catalog.state();
    const a = findRow(event, index.artistById, 'artist');
    const view = await userView(event);
    return {
      ...artistJson(index, a, view),
      albums: index.artists[a]!.albums.map((album) => albumJson(index, album, view)),
    };
  });
}
