import { randomBytes } from 'node:crypto';
import type { StateStore } from '../state/state-store.ts';
import { entryOf, type PlaylistDoc, type PlaylistEntry, withEntry } from './documents.ts';
import { changeUserLibrary, docKey as key, readDoc } from './library-state.ts';
import { LIMITS } from './types.ts';

/**
 * Changes to a user's playlists: one document per playlist (its order, repeats allowed) and one
 * list of their summaries, rewritten with every change so the list is a single read. Written under
 * the user's lock (with a new library revision); a playlist is only ever looked up under its
 * owner's key, so another user's is "none". Reads go through the user's cached library.
 */
export function createPlaylistStore(
  state: StateStore,
  durationOf: (songId: string) => number | undefined,
  now: () => number,
) {
  const storage = state.storage;
  const readList = (userId: string) =>
    readDoc<PlaylistEntry[]>(storage, userId, 'playlists', () => []);
  return {
    /** Null when the user already has as many playlists as allowed. */
    async createPlaylist(
      userId: string,
      name: string,
      songIds: string[],
    ): Promise<PlaylistDoc | null> {
      return changeUserLibrary(state, userId, async () => {
        const list = await readList(userId);
        if (list.length >= LIMITS.playlists) return null;
        const time = now();
        const doc: PlaylistDoc = { id: newId(), name, songIds, createdAt: time, updatedAt: time };
        await storage.setItem(key(userId, `playlist:${doc.id}`), doc);
        await storage.setItem(key(userId, 'playlists'), withEntry(list, entryOf(doc, durationOf)));
        return doc;
      });
    },

    /** Null when the user has no playlist `id` (another user's included). */
    async updatePlaylist(
      userId: string,
      id: string,
      changes: { name?: string; songIds?: string[] },
    ): Promise<PlaylistDoc | null> {
      return changeUserLibrary(state, userId, async () => {
        const old = await storage.getItem<PlaylistDoc>(key(userId, `playlist:${id}`));
        if (!old) return null;
        const doc = { ...old, ...changes, updatedAt: Math.max(now(), old.updatedAt + 1) };
        await storage.setItem(key(userId, `playlist:${id}`), doc);
        const list = await readList(userId);
        await storage.setItem(key(userId, 'playlists'), withEntry(list, entryOf(doc, durationOf)));
        return doc;
      });
    },

    async deletePlaylist(userId: string, id: string): Promise<boolean> {
      return changeUserLibrary(state, userId, async () => {
        if (!(await storage.hasItem(key(userId, `playlist:${id}`)))) return false;
        await storage.removeItem(key(userId, `playlist:${id}`));
        const list = await readList(userId);
        await storage.setItem(
          key(userId, 'playlists'),
          list.filter((e) => e.id !== id),
        );
        return true;
      });
    },
  };
}

/** 96 random bits, URL-safe. */
function newId(): string {
  return randomBytes(12).toString('base64url');
}
