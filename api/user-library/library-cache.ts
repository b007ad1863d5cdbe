import type { Storage } from 'unstorage';
import type { UserView } from '../catalog/user-view.ts';
import {
  emptyFavourites,
  emptyPlays,
  type FavouritesDoc,
  type PlaylistDoc,
  type PlaylistEntry,
  type PlaysDoc,
} from './documents.ts';
import { docKey, readDoc, readRevision } from './library-state.ts';

/** One user's library as last read: shared by every request, so never changed in place. */
export interface CachedLibrary {
  readonly favourites: FavouritesDoc;
  /** `[songId, playedAt]`, newest first. */
  readonly recentPlays: readonly (readonly [string, number])[];
  readonly playlists: readonly PlaylistEntry[];
  /** Favourites and play counts as sets and maps, for the catalog's flags, filters and sorts. */
  readonly view: UserView;
  /** A playlist of the user's, null when they have none of that id (read once, then kept). */
  playlist(id: string): Promise<PlaylistDoc | null>;
}

/** Playlists kept per cached user: each may hold 10 000 ids. */
const PLAYLISTS_KEPT = 8;

/**
 * Each user's library documents read and parsed once, kept while the user's revision (see
 * library-state.ts) stays the same. A request reads only the revision, one small value; any change
 * of the user's library, on any instance, writes a new one, so the next request (here or on any
 * other instance) reads the documents again: a write is seen by its writer's next read everywhere.
 * Keyed by user id only: one user's copy is never handed to another. The least recently used users
 * beyond `maxUsers` are dropped.
 */
export function createLibraryCache(storage: Storage, maxUsers: number) {
  const entries = new Map<string, { revision: string | null; library: Promise<CachedLibrary> }>();

  async function load(userId: string): Promise<CachedLibrary> {
    const [favourites, plays, playlists] = await Promise.all([
      readDoc<FavouritesDoc>(storage, userId, 'favourites', emptyFavourites),
      readDoc<PlaysDoc>(storage, userId, 'plays', emptyPlays),
      readDoc<PlaylistEntry[]>(storage, userId, 'playlists', () => []),
    ]);
    const playlistDocs = new Map<string, Promise<PlaylistDoc | null>>();
    return {
      favourites,
      recentPlays: plays.recent,
      playlists,
      view: viewOf(favourites, plays),
      playlist(id) {
        let doc = playlistDocs.get(id);
        if (!doc) {
          if (playlistDocs.size >= PLAYLISTS_KEPT)
            playlistDocs.delete(playlistDocs.keys().next().value as string);
          doc = storage
            .getItem<PlaylistDoc>(docKey(userId, `playlist:${id}`))
            .then((found) => found ?? null);
          playlistDocs.set(id, doc);
          doc.catch(() => playlistDocs.delete(id));
        }
        return doc;
      },
    };
  }

  return {
    /** The user's library, read again only when their revision changed since it was read. */
    async get(userId: string): Promise<CachedLibrary> {
      // The revision is read before the documents: a copy is never newer-labelled than it is.
      const revision = await readRevision(storage, userId);
      const known = entries.get(userId);
      entries.delete(userId); // re-inserted below: the map's order is the least recently used
      if (known && known.revision === revision) {
        entries.set(userId, known);
        return known.library;
      }
      const entry = { revision, library: load(userId) };
      entries.set(userId, entry);
      if (entries.size > maxUsers) entries.delete(entries.keys().next().value as string);
      entry.library.catch(() => {
        if (entries.get(userId) === entry) entries.delete(userId);
      });
      return entry.library;
    },
  };
}

function viewOf(favourites: FavouritesDoc, plays: PlaysDoc): UserView {
  const ids = (list: [string, number][]) => new Set(list.map(([id]) => id));
  const counts = new Map<string, { count: number; lastPlayedAt: number }>();
  for (const [id, [count, lastPlayedAt]] of Object.entries(plays.counts))
    counts.set(id, { count, lastPlayedAt });
  return {
    favourites: {
      songs: ids(favourites.songs),
      albums: ids(favourites.albums),
      artists: ids(favourites.artists),
    },
    plays: counts,
  };
}
