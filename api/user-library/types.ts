/**
 * The per-user library's public shapes (DESIGN.md, "Browsing a real library" → "Per user"), shared
 * by the routes and the client.
 */

export type FavouriteKind = 'songs' | 'albums' | 'artists';
export const FAVOURITE_KINDS: readonly FavouriteKind[] = ['songs', 'albums', 'artists'];

/** `GET /api/playlists` items. `coverUrl` is the first song's cover. */
export interface PlaylistSummary {
  id: string;
  name: string;
  songCount: number;
  /** Seconds, of the songs still in the catalog. */
  duration: number;
  coverUrl: string | null;
  /** ISO 8601. */
  updatedAt: string;
}

/** `GET /api/playlists/:id`: the order as saved (repeats allowed); `songs` are those still known. */
export interface PlaylistDetail<S> {
  id: string;
  name: string;
  songIds: string[];
  songs: S[];
  updatedAt: string;
}

export interface PlayItem<S> {
  songId: string;
  /** ISO 8601, the listener's own time. */
  playedAt: string;
  song: S;
}

/** `GET /api/queue`; empty: `songIds: []`, `index: 0`, `position: 0`, `updatedAt: null`. */
export interface PlayQueue {
  songIds: string[];
  index: number;
  /** Seconds into the current song. */
  position: number;
  updatedAt: string | null;
}

/** Limits on what a user may store; over them is a 400. */
export const LIMITS = {
  playlistName: 200,
  playlistSongs: 10_000,
  playlists: 1_000,
  queueSongs: 10_000,
  favourites: 100_000,
  /** Plays kept per user; older ones are dropped (counts in `most-played` keep them). */
  plays: 5_000,
} as const;
