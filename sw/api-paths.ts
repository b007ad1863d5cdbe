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

/**
 * The URL the worker fetches a song's chunks from: the stream path with its `v=` version, which
 * an nginx range cache in front keys on (a changed song is a new cache key), and nothing else of
 * the query (a test's cache-buster, or a stream link's token that would expire in the record).
 */
export function chunkSourceUrl(url: URL): string {
  const version = url.searchParams.get('v');
  return url.origin + url.pathname + (version === null ? '' : `?v=${encodeURIComponent(version)}`);
}
