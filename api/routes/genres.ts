import type { Catalog } from '../catalog/catalog.ts';
import type { Genre } from '../catalog/song.ts';
import type { RouteTable } from './route-table.ts';

/** `GET /api/genres`: every genre with its song and album counts, by name. */
export function registerGenreRoutes(routes: RouteTable, { catalog }: { catalog: Catalog }) {
  routes.get('/api/genres', (): { items: Genre[] } => ({
    items: [...catalog.state().index.genres.values()].map(({ name, songCount, albumCount }) => ({
      name,
      songCount,
      albumCount,
    })),
  }));
}
