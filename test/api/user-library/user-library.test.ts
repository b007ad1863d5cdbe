import { describe, expect, it } from 'vitest';
import { createMemoryStateStore } from '../../../api/state/memory-state-store.ts';
import type { StateStore } from '../../../api/state/state-store.ts';
import { createUserLibrary } from '../../../api/user-library/user-library.ts';

/**
 * One shared state store (as Redis would be) for two instances of the library: the real memory
 * store (its lease lock and publish/subscribe), whose document reads and writes yield first, as a
 * network store's do, so a read-modify-write without the lock loses updates.
 */
function sharedState(): StateStore {
  const real = createMemoryStateStore();
  const base = real.storage;
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
  } as unknown as StateStore['storage'];
  return { ...real, storage };
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
    // Delivered in a later task, as a broker does: the other instance follows, soon after.
    await expect.poll(async () => (await a.view('u1')).favourites.albums.has('al1')).toBe(true);
    await b.addPlay('u1', 's9', 5000);
    await expect
      .poll(async () => (await a.view('u1')).plays.get('s9'))
      .toEqual({ count: 1, lastPlayedAt: 5000 });
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
