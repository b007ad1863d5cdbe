import { registerFavouriteRoutes } from '../routes/favourites.ts';
import { registerPlaylistRoutes } from '../routes/playlists.ts';
import { registerPlayRoutes } from '../routes/plays.ts';
import type { RouteTable } from '../routes/route-table.ts';
import type { UserLibraryDeps } from './route-deps.ts';

/** Every per-user route: favourites, playlists, plays and the play queue. */
export function registerUserLibraryRoutes(routes: RouteTable, deps: UserLibraryDeps): void {
  registerFavouriteRoutes(routes, deps);
  registerPlaylistRoutes(routes, deps);
  registerPlayRoutes(routes, deps);
}
