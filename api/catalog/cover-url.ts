import { createHash } from 'node:crypto';

export type CoverOwner = 'songs' | 'albums' | 'artists';

/**
 * What a cover shows: a stored picture (by its content hash) or the placeholder drawn from a seed
 * (the album's or artist's name, so one album shares one look).
 */
export type CoverSource = { pictureId: string } | { placeholderSeed: string };

/** Placeholder versions already hashed (seeds are album and artist names: they repeat a lot). */
const placeholderVersions = new Map<string, string>();
const PLACEHOLDER_MEMO_LIMIT = 20_000;

/** A cover's version: it changes exactly when the image does, so its URL may be kept for good. */
export function coverVersionOf(source: CoverSource): string {
  if ('pictureId' in source) return source.pictureId.slice(0, 12);
  const seed = source.placeholderSeed;
  let version = placeholderVersions.get(seed);
  if (version === undefined) {
    version = `p${createHash('sha256').update(seed).digest('base64url').slice(0, 11)}`;
    if (placeholderVersions.size >= PLACEHOLDER_MEMO_LIMIT) placeholderVersions.clear();
    placeholderVersions.set(seed, version);
  }
  return version;
}

/** `/api/<owner>/<id>/cover?v=<version>`; clients add `&size=64|128|256|512`. */
export function coverUrlOf(owner: CoverOwner, id: string, source: CoverSource): string {
  return `/api/${owner}/${id}/cover?v=${coverVersionOf(source)}`;
}

/** A song's version in its stream URL: the ETag, shortened. A changed song is a new cache key. */
export function streamUrlOf(id: string, etag: string): string {
  return `/songs/listen/${id}?v=${etag.replaceAll('"', '').slice(0, 12)}`;
}
