/**
 * Names of the caches this worker owns. Each carries a version: bumping one makes `activate` drop
 * the old cache (see `isStaleCacheName`). Workbox's precache caches have their own names and cleanup.
 */
const PREFIX = 'tapedeck-';

/** One cache per song, so a song is evicted or replaced with a single `caches.delete`. */
export const CHUNK_CACHE_PREFIX = `${PREFIX}chunks-v1:`;
/** Small JSON records: the song index and settings. */
export const META_CACHE = `${PREFIX}meta-v1`;
export const CATALOG_CACHE = `${PREFIX}catalog-v1`;
export const COVER_CACHE = `${PREFIX}covers-v1`;

/** The IndexedDB database holding the offline keys (key-store-idb.ts). */
export const KEY_DB = `${PREFIX}offline`;

export function songCacheName(id: string): string {
  return CHUNK_CACHE_PREFIX + encodeURIComponent(id);
}

/** The song id of a chunk cache, or null when the name is not one. */
export function songIdFromCacheName(name: string): string | null {
  if (!name.startsWith(CHUNK_CACHE_PREFIX)) return null;
  try {
    return decodeURIComponent(name.slice(CHUNK_CACHE_PREFIX.length));
  } catch {
    return null;
  }
}

/** True for any cache this worker keeps user data in (not Workbox's precache of the app shell). */
export function isOwnCacheName(name: string): boolean {
  return name.startsWith(PREFIX);
}

/** True for a cache of ours from another version; foreign caches are never touched. */
export function isStaleCacheName(name: string): boolean {
  if (!name.startsWith(PREFIX)) return false;
  if (name.startsWith(CHUNK_CACHE_PREFIX)) return false;
  return ![META_CACHE, CATALOG_CACHE, COVER_CACHE].includes(name);
}
