import { ApiError, fetchSongs, type SongQuery } from './api.ts';
import type { Song } from './library-types.ts';

const PAGE = 500;

/**
 * Every song matching `query` (an artist's, a genre's), up to `max`, to play them: pages of 500
 * fetched in turn. When the server cannot be reached, `local` (what this device keeps) stands in.
 */
export async function collectSongs(
  query: Omit<SongQuery, 'limit' | 'offset'>,
  local: () => Song[],
  max = 2000,
): Promise<Song[]> {
  const songs: Song[] = [];
  try {
    for (let offset = 0; offset < max; offset += PAGE) {
      const page = await fetchSongs({ ...query, limit: PAGE, offset });
      songs.push(...page.items);
      if (offset + PAGE >= page.total) break;
    }
    return songs;
  } catch (error) {
    if (error instanceof ApiError && !error.isNetwork) throw error;
    return songs.length > 0 ? songs : local();
  }
}
