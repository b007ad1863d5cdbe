import { getRouterParam, type H3Event, HTTPError } from 'h3';
import type { Catalog } from '../catalog/catalog.ts';
import type { CatalogEntry } from '../catalog/song.ts';
import { SONG_ID_PATTERN } from '../scan/song-id.ts';

/**
 * The catalog entry named by the `:id` route parameter. Malformed ids (path tricks, odd or huge
 * strings) are refused before any lookup; storage is only ever reached through the catalog.
 */
export function findEntry(event: H3Event, catalog: Catalog): CatalogEntry {
  const id = getRouterParam(event, 'id') ?? '';
  if (!SONG_ID_PATTERN.test(id))
    throw HTTPError.status(400, 'Bad Request', { message: 'invalid song id' });
  const entry = catalog.get(id);
  if (!entry) throw HTTPError.status(404, 'Not Found', { message: 'no such song' });
  return entry;
}
