import type { UserView } from '../catalog/user-view.ts';
import type { StateStore } from '../state/state-store.ts';
import {
  emptyFavourites,
  emptyPlays,
  type FavouritesDoc,
  type PlaysDoc,
  type QueueDoc,
  withFavourite,
  withPlay,
} from './documents.ts';
import { createLibraryCache } from './library-cache.ts';
import { changeUserLibrary, docKey, readDoc } from './library-state.ts';
import { createPlaylistStore } from './playlist-store.ts';
import { removeUserLibrary } from './remove-user.ts';
import type { FavouriteKind } from './types.ts';

/** What the catalog computes its per-user flags and sorts from. */
export type LibraryView = UserView;

export interface UserLibraryOptions {
  /** A song's duration, for playlist totals; undefined when it left the catalog. */
  durationOf(songId: string): number | undefined;
  now?: () => number;
  /** Users whose library is kept parsed in memory. */
  cachedUsers?: number;
}

/**
 * Each user's favourites, playlists, plays and play queue, as JSON documents in the state store
 * (so Redis can hold them), written under the user's lock. Reads go through a per-user cache that
 * is checked against the user's revision on every request (library-cache.ts); writes read and
 * write the stored documents themselves. The queue, one small document written as often as a
 * listener skips, is read and written directly, outside the revision.
 */
export function createUserLibrary(state: StateStore, options: UserLibraryOptions) {
  const now = options.now ?? Date.now;
  const storage = state.storage;
  const cache = createLibraryCache(storage, options.cachedUsers ?? 256);
  const playlists = createPlaylistStore(state, options.durationOf, now);

  return {
    /** The user's library as last changed (cached; never change what it holds). */
    read: (userId: string) => cache.get(userId),

    /** The user's favourites and play counts. */
    view: async (userId: string): Promise<LibraryView> => (await cache.get(userId)).view,

    favourites: async (userId: string) => (await cache.get(userId)).favourites,

    async setFavourite(
      userId: string,
      kind: FavouriteKind,
      id: string,
      on: boolean,
    ): Promise<void> {
      await changeUserLibrary(state, userId, async () => {
        const doc = await readDoc<FavouritesDoc>(storage, userId, 'favourites', emptyFavourites);
        const next = withFavourite(doc, kind, id, on, now());
        if (next !== doc) await storage.setItem(docKey(userId, 'favourites'), next);
      });
    },

    async addPlay(userId: string, songId: string, playedAt: number): Promise<void> {
      await changeUserLibrary(state, userId, async () => {
        const doc = await readDoc<PlaysDoc>(storage, userId, 'plays', emptyPlays);
        await storage.setItem(docKey(userId, 'plays'), withPlay(doc, songId, playedAt));
      });
    },

    /** Newest first. */
    async plays(userId: string, count: number): Promise<(readonly [string, number])[]> {
      return (await cache.get(userId)).recentPlays.slice(0, count);
    },

    playlists: async (userId: string) => (await cache.get(userId)).playlists,
    playlist: async (userId: string, id: string) => (await cache.get(userId)).playlist(id),
    createPlaylist: playlists.createPlaylist,
    updatePlaylist: playlists.updatePlaylist,
    deletePlaylist: playlists.deletePlaylist,

    queue: (userId: string) => storage.getItem<QueueDoc>(docKey(userId, 'queue')),

    async setQueue(userId: string, queue: Omit<QueueDoc, 'updatedAt'>): Promise<void> {
      await storage.setItem(docKey(userId, 'queue'), { ...queue, updatedAt: now() });
    },

    /** Everything of a user (their account is deleted). */
    removeUser: (userId: string) => removeUserLibrary(state, userId),

    /** Nothing to release any more (kept for the callers that stop an instance). */
    dispose(): void {},
  };
}

export type UserLibrary = ReturnType<typeof createUserLibrary>;
