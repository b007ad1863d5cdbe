import type { CatalogEntry } from '../catalog/song.ts';
import { formatHttpDate } from '../lib/http-semantics/http-date.ts';
import type { Representation } from '../lib/http-semantics/response-plan.ts';

/** Computed once per catalog entry: the stream path does no date formatting per request. */
const representations = new WeakMap<CatalogEntry, Representation>();

/** A song as the stream core sees it: size, type, validators and the headers every answer repeats. */
export function representationOf(entry: CatalogEntry): Representation {
  let representation = representations.get(entry);
  if (!representation) {
    const lastModified = new Date(entry.mtimeMs);
    representation = {
      size: entry.song.size,
      type: entry.song.mimeType,
      etag: entry.song.etag,
      lastModified,
      headers: {
        'accept-ranges': 'bytes',
        etag: entry.song.etag,
        'last-modified': formatHttpDate(lastModified),
        // Caches may keep the audio but must revalidate: the URL stays when a song's bytes change.
        'cache-control': 'public, no-cache',
        'x-content-type-options': 'nosniff',
      },
    };
    representations.set(entry, representation);
  }
  return representation;
}
