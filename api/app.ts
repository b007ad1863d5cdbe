import { STATUS_CODES } from 'node:http';
import { H3, HTTPError } from 'h3';
import { createAuthMiddleware } from './auth/auth-middleware.ts';
import type { Auth } from './auth/create-auth.ts';
import type { Catalog } from './catalog/catalog.ts';
import type { CoverImages } from './covers/cover-images.ts';
import { registerAlbumRoutes } from './routes/albums.ts';
import { registerArtistRoutes } from './routes/artists.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { registerCatalogRoutes } from './routes/catalog.ts';
import { registerCheckStreamRoute } from './routes/check-stream.ts';
import { registerClientRoutes } from './routes/client-files.ts';
import { registerCoverRoutes } from './routes/covers.ts';
import { registerGenreRoutes } from './routes/genres.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { createRouteTable } from './routes/route-table.ts';
import { registerStreamRoutes } from './routes/stream.ts';
import { registerStreamLinkRoutes } from './routes/stream-links.ts';
import { registerUserRoutes } from './routes/users.ts';
import type { StateStore } from './state/state-store.ts';
import type { AudioStore } from './storage/audio-store.ts';
import { registerUserLibraryRoutes } from './user-library/register.ts';

export interface AppDeps {
  catalog: Catalog;
  audio: AudioStore;
  covers: CoverImages;
  /** Shared state: the per-user library's documents (favourites, playlists, plays, queue). */
  state: StateStore;
  /** Accounts and access: every route but the public ones needs a session (auth-middleware.ts). */
  auth: Auth;
  /** The built client; when absent only the API is served. */
  clientDir?: string;
  log?: { error(message: string, error?: unknown): void };
  /** Rescans a song whose stored object is not the scanned version (see stream/prepare-stream.ts). */
  onStale?: (key: string) => Promise<void>;
  /** How long a stream request waits for that rescan before a 503 (default 5 s). */
  staleWaitMs?: number;
}

/** Builds the h3 app. Does no I/O: storage and catalog are built by the caller and passed in. */
export function createApp(deps: AppDeps): H3 {
  const guard = createAuthMiddleware(deps.auth);
  const app = new H3({
    onRequest: guard.onRequest,
    onResponse: guard.onResponse,
    onError: (error) => toJsonError(error, deps.log),
  });
  const routes = createRouteTable(app);
  registerHealthRoutes(routes, deps);
  registerAuthRoutes(routes, deps);
  registerUserRoutes(routes, deps);
  const { userView } = registerUserLibraryRoutes(routes, deps);
  const browse = { ...deps, userView };
  registerCatalogRoutes(routes, browse);
  registerAlbumRoutes(routes, browse);
  registerArtistRoutes(routes, browse);
  registerGenreRoutes(routes, browse);
  registerCoverRoutes(routes, deps);
  registerStreamLinkRoutes(routes, deps);
  registerStreamRoutes(routes, deps);
  registerCheckStreamRoute(routes, deps);
  routes.seal();
  if (deps.clientDir) registerClientRoutes(app, { clientDir: deps.clientDir });
  return app;
}

/**
 * The one place errors become responses: JSON `{ error, ...body }` (body: extra fields an error
 * carries, such as a 401's `reason`), details of unexpected ones hidden.
 */
function toJsonError(error: HTTPError, log: AppDeps['log']): Response {
  const expected = HTTPError.isError(error) && !error.unhandled;
  if (!expected) log?.error('unexpected error', error.cause ?? error);
  const status = expected ? error.status : 500;
  const message = expected ? error.message : 'internal server error';
  const headers = new Headers(expected ? error.headers : undefined);
  headers.set('content-type', 'application/json; charset=utf-8');
  headers.set('cache-control', 'no-store');
  const extra = expected ? error.body : undefined;
  return new Response(JSON.stringify({ ...extra, error: message }), {
    status,
    statusText: STATUS_CODES[status],
    headers,
  });
}
