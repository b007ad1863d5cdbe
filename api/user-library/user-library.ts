import type { UserView } from '../catalog/user-view.ts';
import type { StateStore } from '../state/state-store.ts';
import {
  emptyFavourites,
  emptyPlays,
  type FavouritesDoc,
  type PlaylistEntry,
  type PlaysDoc,
  type QueueDoc,
  withFavourite,
  withPlay,
} from './documents.ts';
import { docKey, readDoc, withUserLock } from './library-state.ts';
import { createPlaylistStore } from './playlist-store.ts';
import type { FavouriteKind } from './types.ts';

/** What the catalog computes its per-user flags and sorts from. */
export type LibraryView = UserView;

export interface UserLibraryOptions {
  /** A song's duration, for playlist totals; undefined when it left the catalog. */
  durationOf(songId: string): number | undefined;
  now?: () => number;
  /** Users whose view is kept parsed in memory. */
  cachedUsers?: number;
}

const CHANGED = 'library-changed';

/**
 * Each user's favourites, playlists, plays and play queue, as JSON documents in the state store
 * (so Redis can hold them), written under the user's lock. The catalog asks for a user's view on
 * every list request: it is kept parsed in memory and dropped when that user's library changes,
 * here or (through publish/subscribe) on another instance.
 */
export function createUserLibrary(state: StateStore, options: UserLibraryOptions) {
  const now = options.now ?? Date.now;
  const storage = state.storage;
  const views = new Map<string, Promise<LibraryView>>();
  const limit = options.cachedUsers ?? 1000;
  const key = docKey;
  const read = <T>(userId: string, doc: string, empty: () => T) =>
    readDoc(storage, userId, doc, empty);
  const changed = async (userId: string) => {
    views.delete(userId);
    await state.publish(CHANGED, userId);
  };
  const unsubscribe = state.subscribe(CHANGED, (userId) => views.delete(userId));

  async function loadView(userId: string): Promise<LibraryView> {
    const [favourites, plays] = await Promise.all([
      read(userId, 'favourites', emptyFavourites),
      read(userId, 'plays', emptyPlays),
    ]);
    const ids = (kind: FavouriteKind) => new Set(favourites[kind].map(([id]) => id));
    const counts = new Map<string, { count: number; lastPlayedAt: number }>();
    for (const [id, [count, lastPlayedAt]] of Object.entries(plays.counts))
      counts.set(id, { count, lastPlayedAt });
    return {
      favourites: { songs: ids('songs'), albums: ids('albums'), artists: ids('artists') },
      plays: counts,
    };
  }

  return {
    /** The user's favourites and play counts, cached. */
    view(userId: string): Promise<LibraryView> {
      let view = views.get(userId);
      if (!view) {
        if (views.size >= limit) views.delete(views.keys().next().value as string);
        view = loadView(userId);
        views.set(userId, view);
        view.catch(() => views.delete(userId));
      }
      return view;
    },

    favourites: (userId: string) => read(userId, 'favourites', emptyFavourites),

    async setFavourite(
      userId: string,
      kind: FavouriteKind,
      id: string,
      on: boolean,
    ): Promise<void> {
      await withUserLock(state, userId, async () => {
        const doc = await read<FavouritesDoc>(userId, 'favourites', emptyFavourites);
        const next = withFavourite(doc, kind, id, on, now());
        if (next !== doc) await storage.setItem(key(userId, 'favourites'), next);
      });
      await changed(userId);
    },

    async addPlay(userId: string, songId: string, playedAt: number): Promise<void> {
      await withUserLock(state, userId, async () => {
        const doc = await read<PlaysDoc>(userId, 'plays', emptyPlays);
        await storage.setItem(key(userId, 'plays'), withPlay(doc, songId, playedAt));
      });
      await changed(userId);
    },

    /** Newest first. */
    async plays(userId: string, count: number): Promise<[string, number][]> {
      return (await read<PlaysDoc>(userId, 'plays', emptyPlays)).recent.slice(0, count);
    },

    ...createPlaylistStore(state, options.durationOf, now),

    queue: (userId: string) => storage.getItem<QueueDoc>(key(userId, 'queue')),

    async setQueue(userId: string, queue: Omit<QueueDoc, 'updatedAt'>): Promise<void> {
      await storage.setItem(key(userId, 'queue'), { ...queue, updatedAt: now() });
    },

    /** Everything of a user (their account is deleted). */
    async removeUser(userId: string): Promise<void> {
      await withUserLock(state, userId, async () => {
        const playlists = await read<PlaylistEntry[]>(userId, 'playlists', () => []);
        const docs = [
          'favourites',
          'plays',
          'playlists',
          'queue',
          ...playlists.map((p) => `playlist:${p.id}`),
        ];
        await Promise.all(docs.map((doc) => storage.removeItem(key(userId, doc))));
      });
      await changed(userId);
    },

    dispose(): void {
      unsubscribe();
    },
  };
}

export type UserLibrary = ReturnType<typeof createUserLibrary>;
