/**
 * Catalog answers tell the worker when a song it holds changed on the server (same id, another
 * ETag or size). The old version's chunks are purged before the page sees the new catalog, so a
 * complete old copy is never replayed, nor mixed with the new bytes once a play asks for them.
 */

import { chunkSourceUrl } from './api-paths.ts';
import type { ChunkLoader } from './chunk-loader.ts';
import { isSongRef } from './messages.ts';
import type { SongRef } from './protocol.ts';
import type { SongIndex } from './song-index.ts';

export interface CatalogVersionDeps {
  index: SongIndex;
  loader: ChunkLoader;
  /** The worker's origin, to resolve streamUrl. */
  baseUrl: string;
}

/** Returns a function taking a parsed `/api/songs` page or `/api/songs/:id` body. */
export function createCatalogVersions(deps: CatalogVersionDeps): (body: unknown) => Promise<void> {
  return async (body) => {
    for (const song of songsIn(body)) {
      const record = deps.index.get(song.id);
      if (!record || (record.etag === song.etag && record.size === song.size)) continue;
      const url = new URL(song.streamUrl, deps.baseUrl);
      const { id, etag, size, mimeType } = song;
      await deps.loader.adopt({ id, etag, size, mimeType, url: chunkSourceUrl(url) });
    }
  };
}

/** A catalog song carries every field of a SongRef: the same check as for messages. */
function songsIn(body: unknown): SongRef[] {
  const items = (body as { items?: unknown } | null)?.items;
  return (Array.isArray(items) ? items : [body]).filter(isSongRef);
}
