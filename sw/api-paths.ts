/** Which same-origin API paths the worker keeps for offline use, and how. */

/** Cover art (any size): cache-first. */
export function isCoverPath(pathname: string): boolean {
  return /^\/api\/(?:songs|albums|artists)\/[^/]+\/cover$/.test(pathname);
}

/** Library JSON a view needs offline (songs, albums, artists, genres, the user's lists): network-first. */
export function isCatalogPath(pathname: string): boolean {
  return (
    /^\/api\/(?:songs|albums|artists|playlists)(?:\/[^/]+)?$/.test(pathname) ||
    /^\/api\/(?:genres|favourites|plays|queue)$/.test(pathname)
  );
}

/** Any other API GET: never kept, only watched for what it says about the session. */
export function isApiPath(pathname: string): boolean {
  return pathname.startsWith('/api/');
}
