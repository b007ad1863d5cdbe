import { requireUser } from '../auth/current-user.ts';
import type { Catalog } from '../catalog/catalog.ts';
import type { UserViewProvider } from '../catalog/user-view.ts';
import { registerFavouriteRoutes } from '../routes/favourites.ts';
import { registerPlaylistRoutes } from '../routes/playlists.ts';
import { registerPlayRoutes } from '../routes/plays.ts';
import type { RouteTable } from '../routes/route-table.ts';
import type { StateStore } from '../state/state-store.ts';
import { createCatalogLookup } from './catalog-lookup.ts';
import { createUserLibrary } from './user-library.ts';

export interface UserLibraryOptions {
  catalog: Catalog;
  state: StateStore;
  now?: () => number;
}

/**
 * Every per-user route (favourites, playlists, plays, the play queue) on the state store, and the
 * signed-in listener's view for the browse routes (`favourite` flags and filters, play sorts).
 */
export function registerUserLibraryRoutes(
  routes: RouteTable,
  { catalog, state, now }: UserLibraryOptions,
): { userView: UserViewProvider } {
  const lookup = createCatalogLookup(catalog);
  const library = createUserLibrary(state, {
    durationOf: (id) => catalog.get(id)?.song.duration,
    now,
  });
  const deps = { library, lookup, now };
  registerFavouriteRoutes(routes, deps);
  registerPlaylistRoutes(routes, deps);
  registerPlayRoutes(routes, deps);
  return { userView: (event) => library.view(requireUser(event).id) };
}
