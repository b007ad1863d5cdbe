import type { Catalog } from '../catalog/catalog.ts';
import { querySongs, type SongListSort } from '../catalog/queries.ts';
import type { SongPage } from '../catalog/song.ts';
import { songJson } from '../catalog/to-json.ts';
import type { UserViewProvider } from '../catalog/user-view.ts';
import { findEntry } from './find-entry.ts';
import { readParams } from './query-params.ts';
import type { RouteTable } from './route-table.ts';

const SONG_SORTS: readonly SongListSort[] = ['title', 'added', 'recently-played', 'most-played'];

/** `GET /api/songs` (search, filters, sorts, pages) and `GET /api/songs/:id`. */
export function registerCatalogRoutes(
  routes: RouteTable,
  { catalog, userView }: { catalog: Catalog; userView: UserViewProvider },
) {
  routes.get('/api/songs', async (event): Promise<SongPage> => {
    const params = readParams(event);
    const query = {
      q: params.text('q'),
      albumId: params.id('albumId'),
      artistId: params.id('artistId'),
      genre: params.text('genre'),
      favourite: params.flag('favourite'),
      sort: params.choice('sort', SONG_SORTS),
      ...params.page(),
    };
    const view = await userView(event);
    const state = catalog.state();
    const { rows, total } = querySongs(state, query, view);
    const items = rows.map((row) => songJson(state.index, row, view));
    return { items, total, limit: query.limit, offset: query.offset };
  });

  routes.get('/api/songs/:id', async (event) => {
    const { song } = findEntry(event, catalog);
    const view = await userView(event);
    return { ...song, favourite: view.favourites.songs.has(song.id) };
  });
}
