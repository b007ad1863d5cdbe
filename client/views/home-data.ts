import type { PlaylistSummary } from '../../api/user-library/types.ts';
import { fetchAlbums } from '../lib/api.ts';
import type { Album, Favourites, Song } from '../lib/library-types.ts';
import { localSongs } from '../lib/local-library.ts';
import { fetchFavourites, fetchPlaylists, fetchPlays } from '../lib/user-api.ts';

const RECENT_SONGS = 8;
const SHELF = 12;

export interface HomeData {
  recent: Song[];
  added: Album[];
  favourites: Favourites;
  playlists: PlaylistSummary[];
  /** The recently added albums came from the server itself (it is reachable). */
  reached: boolean;
}

/**
 * What home shows, all four parts fetched at once and answered together (so the page does not
 * shift as each arrives). A part that cannot be had is empty; offline, "recently played" falls back
 * to songs this device keeps.
 */
export async function loadHome(
  kept: Iterable<Song>,
  online: boolean,
  signal: AbortSignal,
): Promise<HomeData> {
  const [recent, added, favourites, playlists] = await Promise.all([
    fetchPlays(30, signal)
      .then((page) => unique(page.items.map((item) => item.song)).slice(0, RECENT_SONGS))
      .catch(() => (online ? [] : localSongs(kept).slice(0, RECENT_SONGS))),
    fetchAlbums({ sort: 'added', limit: SHELF }, signal).then(
      (page) => page.items,
      () => null,
    ),
    fetchFavourites(signal).catch(() => ({ songs: [], albums: [], artists: [] })),
    fetchPlaylists(signal).then(
      (page) => page.items.slice(0, SHELF),
      () => [],
    ),
  ]);
  return { recent, added: added ?? [], favourites, playlists, reached: added !== null };
}

function unique(songs: Song[]): Song[] {
  const seen = new Set<string>();
  return songs.filter((song) => !seen.has(song.id) && seen.add(song.id));
}
