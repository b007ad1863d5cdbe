import { HOME_URLS, SHELF } from '../../api/lib/first-screen.ts';
import type { PlaylistSummary } from '../../api/user-library/types.ts';
import { getJson } from '../lib/api.ts';
import type { Album, Favourites, Page, Song } from '../lib/library-types.ts';
import { localSongs } from '../lib/local-library.ts';
import type { Play } from '../lib/user-api.ts';

const RECENT_SONGS = 8;

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
    getJson<{ items: Play[] }>(HOME_URLS.plays, signal)
      .then((page) => unique(page.items.map((item) => item.song)).slice(0, RECENT_SONGS))
      .catch(() => (online ? [] : localSongs(kept).slice(0, RECENT_SONGS))),
    getJson<Page<Album>>(HOME_URLS.added, signal).then(
      (page) => page.items,
      () => null,
    ),
    getJson<Favourites>(HOME_URLS.favourites, signal).catch(() => ({
      songs: [],
      albums: [],
      artists: [],
    })),
    getJson<{ items: PlaylistSummary[] }>(HOME_URLS.playlists, signal).then(
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
