/**
 * The client's URLs, as pure functions: a path becomes a `Route` and a `Route` a path. Every view
 * has its own URL so that reloads, deep links and the back button land on the same view, online
 * and offline (the worker answers every navigation with the app shell).
 */
export type Route =
  | { name: 'home' }
  | { name: 'songs' }
  | { name: 'search' }
  | { name: 'albums' }
  | { name: 'album'; id: string }
  | { name: 'artists' }
  | { name: 'artist'; id: string }
  | { name: 'genres' }
  | { name: 'genre'; genre: string }
  | { name: 'playlists' }
  | { name: 'playlist'; id: string }
  | { name: 'favourites' }
  | { name: 'admin' }
  | { name: 'not-found' };

export type RouteName = Route['name'];

/** Views that list one kind of thing; the ones with an `:id` are their detail views. */
const LISTS = {
  songs: 'songs',
  search: 'search',
  albums: 'albums',
  artists: 'artists',
  genres: 'genres',
  playlists: 'playlists',
  favourites: 'favourites',
  admin: 'admin',
} as const;

const DETAILS = {
  albums: 'album',
  artists: 'artist',
  genres: 'genre',
  playlists: 'playlist',
} as const;

/** Longest id or genre name a URL may carry; anything longer is not a page of ours. */
const MAX_SEGMENT = 512;

/** `/albums/x%20y` → `{ name: 'album', id: 'x y' }`; unknown or malformed paths → not-found. */
export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length === 0) return { name: 'home' };
  const [first, second, ...rest] = parts as [string, string | undefined, ...string[]];
  if (rest.length > 0 || !Object.hasOwn(LISTS, first)) return { name: 'not-found' };
  const list = first as keyof typeof LISTS;
  if (second === undefined) return { name: LISTS[list] };
  if (!Object.hasOwn(DETAILS, list)) return { name: 'not-found' };
  const value = decodeSegment(second);
  if (value === null) return { name: 'not-found' };
  const detail = DETAILS[list as keyof typeof DETAILS];
  return detail === 'genre' ? { name: 'genre', genre: value } : { name: detail, id: value };
}

/** The path of `route` (not-found has none: home stands in). */
export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'home':
    case 'not-found':
      return '/';
    case 'album':
      return `/albums/${encodeURIComponent(route.id)}`;
    case 'artist':
      return `/artists/${encodeURIComponent(route.id)}`;
    case 'genre':
      return `/genres/${encodeURIComponent(route.genre)}`;
    case 'playlist':
      return `/playlists/${encodeURIComponent(route.id)}`;
    default:
      return `/${route.name}`;
  }
}

/** Shorthands for links. */
export const hrefs = {
  album: (id: string) => formatRoute({ name: 'album', id }),
  artist: (id: string) => formatRoute({ name: 'artist', id }),
  genre: (genre: string) => formatRoute({ name: 'genre', genre }),
  playlist: (id: string) => formatRoute({ name: 'playlist', id }),
  search: (q: string) => (q ? `/search?q=${encodeURIComponent(q)}` : '/search'),
};

/** The top-level section a route belongs to, for the navigation's "current page" mark. */
export function sectionOf(route: Route): RouteName {
  switch (route.name) {
    case 'album':
      return 'albums';
    case 'artist':
      return 'artists';
    case 'genre':
      return 'genres';
    case 'playlist':
      return 'playlists';
    default:
      return route.name;
  }
}

function decodeSegment(segment: string): string | null {
  if (segment.length > MAX_SEGMENT) return null;
  try {
    const value = decodeURIComponent(segment);
    return value.trim() === '' ? null : value;
  } catch {
    return null; // malformed percent-encoding
  }
}
