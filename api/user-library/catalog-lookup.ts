import type { Catalog } from '../catalog/catalog.ts';
import { albumJson, artistJson, songJson } from '../catalog/to-json.ts';
import type { UserView } from '../catalog/user-view.ts';
import type { LibraryLookup } from './route-deps.ts';

/**
 * The catalog's songs, albums and artists by id for the per-user routes, in the browse API's
 * shapes with the listener's flags (the same converters as the browse routes use).
 */
export function createCatalogLookup(catalog: Catalog): LibraryLookup {
  const find =
    <T>(
      ids: (i: ReturnType<Catalog['state']>['index']) => ReadonlyMap<string, number>,
      json: (index: ReturnType<Catalog['state']>['index'], row: number, view: UserView) => T,
    ) =>
    (id: string, view: UserView): T | undefined => {
      const { index } = catalog.state();
      const row = ids(index).get(id);
      return row === undefined ? undefined : json(index, row, view);
    };
  return {
    song: find((index) => index.songById, songJson),
    album: find((index) => index.albumById, albumJson),
    artist: find((index) => index.artistById, artistJson),
  };
}
