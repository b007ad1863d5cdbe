import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStateStore } from '../../../api/state/redis-state-store.ts';
import { createUserLibrary } from '../../../api/user-library/user-library.ts';
import { startTestRedis, type TestRedis } from '../../helpers/redis.ts';

const options = { durationOf: () => 100 };

/**
 * The per-user library on a real redis-server, as two instances run it: each with its own state
 * store (its own connections, lock client and subscriber) on one Redis namespace.
 */
describe('the user library on Redis, two instances', () => {
  let redis: TestRedis;
  let namespace = 0;
  const pair = () => {
    const prefix = `library${namespace++}`;
    const stores = [0, 1].map(() => createRedisStateStore(redis.url, { prefix }));
    const [a, b] = stores.map((state) => createUserLibrary(state, options));
    const close = async () => {
      a!.dispose();
      b!.dispose();
      await Promise.all(stores.map((state) => state.dispose()));
    };
    return { a: a!, b: b!, close };
  };
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(() => redis?.close());

  it('loses no change when one user’s devices write through both at the same time', async () => {
    const { a, b, close } = pair();
    const ids = Array.from({ length: 20 }, (_, i) => `s${i}`);
    await Promise.all(ids.map((id, i) => (i % 2 ? a : b).setFavourite('u1', 'songs', id, true)));
    await Promise.all(ids.map((id, i) => (i % 2 ? b : a).addPlay('u1', id, 1000 + i)));
    expect((await a.favourites('u1')).songs.map(([id]) => id).sort()).toEqual([...ids].sort());
    expect(await b.plays('u1', 100)).toHaveLength(20);
    await close();
  });

  it('refreshes a library one instance has cached as soon as the other has changed it', async () => {
    const { a, b, close } = pair();
    expect((await a.view('u1')).favourites.albums.has('al1')).toBe(false);
    expect(await a.playlists('u1')).toEqual([]);
    await b.setFavourite('u1', 'albums', 'al1', true);
    // At once, not eventually: A checks the user's revision on every read.
    expect((await a.view('u1')).favourites.albums.has('al1')).toBe(true);
    const made = await b.createPlaylist('u1', 'p', ['s1']);
    expect((await a.playlists('u1')).map((p) => p.id)).toEqual([made!.id]);
    expect(await a.playlist('u1', made!.id)).toMatchObject({ songIds: ['s1'] });
    await b.updatePlaylist('u1', made!.id, { songIds: ['s2', 's2'] });
    expect(await a.playlist('u1', made!.id)).toMatchObject({ songIds: ['s2', 's2'] });
    await b.removeUser('u1');
    expect((await a.view('u1')).favourites.albums.size).toBe(0);
    expect(await a.playlist('u1', made!.id)).toBeNull();
    await close();
  });
});
