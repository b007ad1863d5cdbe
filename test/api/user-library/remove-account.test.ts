import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFsStateStore } from '../../../api/state/fs-state-store.ts';
import { createRedisStateStore } from '../../../api/state/redis-state-store.ts';
import type { StateStore } from '../../../api/state/state-store.ts';
import { songsOf, startTestApi, type TestApi } from '../../helpers/api-server.ts';
import { startTestRedis, type TestRedis } from '../../helpers/redis.ts';
import { waitUntil } from '../../helpers/wait-until.ts';
import { makeWav } from '../../helpers/wav-fixture.ts';
import { addUser, json, login, sendJson } from '../auth/auth-client.ts';

const FILES = {
  'A/a.wav': makeWav({ seconds: 1, title: 'A' }),
  'B/b.wav': makeWav({ seconds: 1, title: 'B' }),
};

let redis: TestRedis;
let dir: string;
beforeAll(async () => {
  redis = await startTestRedis();
  dir = await mkdtemp(join(tmpdir(), 'tapedeck-remove-account-'));
});
afterAll(async () => {
  await redis?.close();
  await rm(dir, { recursive: true, force: true });
});

const backends: [string, () => StateStore][] = [
  ['fs', () => createFsStateStore(join(dir, 'state'))],
  ['redis', () => createRedisStateStore(redis.url, { prefix: 'remove-account' })],
];

/**
 * Removing an account through the admin API deletes the user's library from the state store; an
 * account made again under the same name starts with nothing. On the fs and Redis state stores.
 */
describe.each(backends)('removing an account on the %s state store', (_, makeState) => {
  let api: TestApi;
  afterAll(() => api?.close());

  it('deletes its favourites, playlists, plays and queue; the same name starts empty', async () => {
    api = await startTestApi(FILES, 'fs', 'node', { state: makeState() });
    const [first, second] = songsOf(api.catalog);
    const annId = await addUser(api, 'ann', 'ann password');
    const bobId = await addUser(api, 'bob', 'bob password');
    const fill = async (cookie: string) => {
      const send = (method: string, path: string, body?: unknown) =>
        sendJson(api, method, path, body, cookie);
      expect((await send('PUT', `/api/favourites/songs/${first!.id}`)).status).toBe(204);
      expect((await send('PUT', `/api/favourites/albums/${first!.albumId}`)).status).toBe(204);
      const made = await send('POST', '/api/playlists', { name: 'p', songIds: [second!.id] });
      expect(made.status).toBe(201);
      const play = { songId: first!.id, playedAt: new Date().toISOString() };
      expect((await send('POST', '/api/plays', play)).status).toBe(201);
      const queue = { songIds: [first!.id, second!.id], index: 1, position: 3 };
      expect((await send('PUT', '/api/queue', queue)).status).toBe(204);
      return json(made).id as string;
    };
    const ann = await login(api, 'ann', 'ann password');
    const playlistId = await fill(ann);
    await fill(await login(api, 'bob', 'bob password'));
    const keysOf = (id: string) => api.state.storage.getKeys(`library:${id}`);
    expect((await keysOf(annId)).length).toBeGreaterThanOrEqual(6);

    expect(
      (await sendJson(api, 'DELETE', `/api/users/${annId}`, undefined, api.cookie)).status,
    ).toBe(204);
    expect(await keysOf(annId)).toEqual([]);
    expect(await api.state.storage.getKeys('removed-libraries')).toEqual([]);
    expect((await keysOf(bobId)).length).toBeGreaterThanOrEqual(6); // another's library stays

    await addUser(api, 'ann', 'ann password');
    const again = await login(api, 'ann', 'ann password');
    const get = async (path: string) => {
      const response = await sendJson(api, 'GET', path, undefined, again);
      return { status: response.status, body: json(response) };
    };
    expect((await get('/api/favourites')).body).toEqual({ songs: [], albums: [], artists: [] });
    expect((await get('/api/songs?favourite=true')).body.total).toBe(0);
    expect((await get('/api/songs?sort=recently-played')).body.total).toBe(0);
    expect((await get('/api/playlists')).body).toEqual({ items: [] });
    expect((await get(`/api/playlists/${playlistId}`)).status).toBe(404);
    expect((await get('/api/plays')).body).toEqual({ items: [] });
    expect((await get('/api/queue')).body).toMatchObject({ songIds: [], updatedAt: null });
  });

  it('answers 204 when the library cannot be deleted yet (its lock busy), and deletes it later, on another instance', async () => {
    const [first] = songsOf(api.catalog);
    const carlId = await addUser(api, 'carl', 'carl password');
    const carl = await login(api, 'carl', 'carl password');
    const put = await sendJson(api, 'PUT', `/api/favourites/songs/${first!.id}`, undefined, carl);
    expect(put.status).toBe(204);
    const keysOf = () => api.state.storage.getKeys(`library:${carlId}`);
    expect((await keysOf()).length).toBeGreaterThan(0);

    // Another request (here: the test) holds carl's library for longer than a removal waits.
    const held = await api.state.lock(`library:${carlId}`, 60_000);
    expect(held).not.toBeNull();
    const removed = await sendJson(api, 'DELETE', `/api/users/${carlId}`, undefined, api.cookie);
    expect(removed.status).toBe(204);
    expect(await api.auth.accounts.get(carlId)).toBeNull();
    expect((await keysOf()).length).toBeGreaterThan(0); // not yet: the lock is held
    // The same name made again is another account: it sees nothing of carl's.
    await addUser(api, 'carl', 'carl password');
    const again = await login(api, 'carl', 'carl password');
    const favourites = await sendJson(api, 'GET', '/api/favourites', undefined, again);
    expect(json(favourites)).toEqual({ songs: [], albums: [], artists: [] });

    // Released: another instance on the same state deletes it when it starts.
    await held!.release();
    const other = await startTestApi(FILES, 'fs', 'node', { state: makeState() });
    try {
      await waitUntil(async () => (await keysOf()).length === 0, "carl's library to be deleted");
      await waitUntil(
        async () => (await api.state.storage.getKeys('removed-libraries')).length === 0,
        'the mark to be dropped',
      );
    } finally {
      await other.close();
    }
  }, 60_000);
});
