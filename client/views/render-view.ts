import { html } from 'lit';
import type { Route, RouteName } from '../router/routes.ts';
import type { ViewContext } from './view-context.ts';

/**
 * Which element shows which route, and where its code is: every view is its own chunk, loaded the
 * first time it is visited (the worker precaches them all, so offline too).
 */
const loaders: Record<RouteName, () => Promise<unknown>> = {
  home: () => import('./td-home-view.ts'),
  songs: () => import('./td-songs-view.ts'),
  search: () => import('./td-songs-view.ts'),
  albums: () => import('./td-albums-view.ts'),
  album: () => import('./td-album-view.ts'),
  artists: () => import('./td-artists-view.ts'),
  artist: () => import('./td-artist-view.ts'),
  genres: () => import('./td-genres-view.ts'),
  genre: () => import('./td-genre-view.ts'),
  playlists: () => import('./td-playlists-view.ts'),
  playlist: () => import('./td-playlist-view.ts'),
  favourites: () => import('./td-favourites-view.ts'),
  admin: () => import('../components/td-admin.ts'),
  'not-found': () => import('./td-not-found-view.ts'),
};

/** Load the code of `route`'s view; a failed load (network blip before the worker) is retried later. */
export function loadView(route: Route): Promise<unknown> {
  return loaders[route.name]().catch((error: unknown) => {
    console.warn(`[tapedeck] could not load the ${route.name} view`, error);
  });
}

/** The view element for `route`. Until its code arrives it is an undefined element: a skeleton. */
export function renderView(route: Route, ctx: ViewContext) {
  switch (route.name) {
    case 'home':
      return html`<td-home-view .ctx=${ctx}></td-home-view>`;
    case 'songs':
      return html`<td-songs-view .ctx=${ctx}></td-songs-view>`;
    case 'search':
      return html`<td-songs-view .search=${true} .ctx=${ctx}></td-songs-view>`;
    case 'albums':
      return html`<td-albums-view .ctx=${ctx}></td-albums-view>`;
    case 'album':
      return html`<td-album-view .albumId=${route.id} .ctx=${ctx}></td-album-view>`;
    case 'artists':
      return html`<td-artists-view .ctx=${ctx}></td-artists-view>`;
    case 'artist':
      return html`<td-artist-view .artistId=${route.id} .ctx=${ctx}></td-artist-view>`;
    case 'genres':
      return html`<td-genres-view .ctx=${ctx}></td-genres-view>`;
    case 'genre':
      return html`<td-genre-view .genre=${route.genre} .ctx=${ctx}></td-genre-view>`;
    case 'playlists':
      return html`<td-playlists-view .ctx=${ctx}></td-playlists-view>`;
    case 'playlist':
      return html`<td-playlist-view .playlistId=${route.id} .ctx=${ctx}></td-playlist-view>`;
    case 'favourites':
      return html`<td-favourites-view .ctx=${ctx}></td-favourites-view>`;
    case 'admin':
      // In the document, not a shadow root: it has password fields (see td-admin.ts).
      return html`<td-admin .user=${ctx.user}></td-admin>`;
    case 'not-found':
      return html`<td-not-found-view .ctx=${ctx}></td-not-found-view>`;
  }
}
