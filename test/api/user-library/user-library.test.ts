import { createStorage } from 'unstorage';
import memoryDriver from 'unstorage/drivers/memory';
import { describe, expect, it } from 'vitest';
import type { LibraryState } from '../../../api/user-library/library-state.ts';
import { createUserLibrary } from '../../../api/user-library/user-library.ts';

/**
 * One shared state (as Redis would be) for two instances of the library: documents, a lease lock
 * and publish/subscribe, in memory. Writes yield between reading and writing, as a network store
 * does, so a read-modify-write without the lock loses updates.
 */
function sharedState(): LibraryState {
  const base = createStorage({ driver: memoryDriver() });
  const tick = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
  const storage = {
    ...base,
    getItem: async (key: string) => {
      await tick();
      return base.getItem(key);
    },
    setItem: async (key: string, value: Parameters<typeof base.setItem>[1]) => {
      await tick();
      return base.setItem(key, value);
    },
  } as unknown as LibraryState['storage'];
  const held = new Set<string>();
  const channels = new Map<string, Set<(message: string) => void>>();
  return {
    storage,
    async lock(name) {
      if (held.has(name)) return null;
      held.add(name);
      return { release: async () => void held.delete(name) };
    },
    async publish(channel, message) {
      for (const listener of channels.get(channel) ?? []) listener(message);
    },
    subscribe(channel, listener) {
      const set = channels.get(channel) ?? new Set();
      set.add(listener);
      channels.set(channel, set);
      return () => set.delete(listener);
    },
  };
}

const options = { durationOf: () => 100 };

describe('the user library', () => {
  it('loses no change when one user’s devices write at the same time', async () => {
    const library = createUserLibrary(sharedState(), options);
    const ids = Array.from({ length: 20 }, (_, i) => `s${i}`);
    await Promise.all(ids.map((id) => library.setFavourite('u1', 'songs', id, true)));
    await Promise.all(ids.map((id, i) => library.addPlay('u1', id, 1000 + i)));
    const doc = await library.favourites('u1');
    expect(doc.songs.map(([id]) => id).sort()).toEqual([...ids].sort());
    expect(await library.plays('u1', 100)).toHaveLength(20);
  });

  it('keeps a playlist list in step with concurrent creations and changes', async () => {
    const library = createUserLibrary(sharedState(), options);
    const made = await Promise.all(
      Array.from({ length: 10 }, (_, i) => library.createPlaylist('u1', `P${i}`, ['s1'])),
    );
    await Promise.all(
      made.map((p) => library.updatePlaylist('u1', p!.id, { songIds: ['s1', 's2'] })),
    );
    const list = await library.playlists('u1');
    expect(list).toHaveLength(10);
    expect(list.every((entry) => entry.songCount === 2 && entry.duration === 200)).toBe(true);
  });

  it('refreshes a cached view on every instance when another one changes the library', async () => {
    const state = sharedState();
    const a = createUserLibrary(state, options);
    const b = createUserLibrary(state, options);
    expect((await a.view('u1')).favourites.albums.has('al1')).toBe(false);
    await b.setFavourite('u1', 'albums', 'al1', true);
    expect((await a.view('u1')).favourites.albums.has('al1')).toBe(true);
    await b.addPlay('u1', 's9', 5000);
    expect((await a.view('u1')).plays.get('s9')).toEqual({ count: 1, lastPlayedAt: 5000 });
  });

  it('keeps users apart and removes everything of a user', async () => {
    const library = createUserLibrary(sharedState(), options);
    await library.setFavourite('u1', 'songs', 's1', true);
    const playlist = await library.createPlaylist('u1', 'Mine', ['s1']);
    await library.setQueue('u1', { songIds: ['s1'], index: 0, position: 3 });
    expect(await library.playlist('u2', playlist!.id)).toBeNull();
    expect((await library.view('u2')).favourites.songs.size).toBe(0);
    await library.removeUser('u1');
    expect(await library.playlist('u1', playlist!.id)).toBeNull();
    expect(await library.playlists('u1')).toEqual([]);
    expect(await library.queue('u1')).toBeNull();
    expect((await library.view('u1')).favourites.songs.size).toBe(0);
  });
});
