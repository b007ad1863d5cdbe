import { spawn } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStateStore } from '../../../api/state/redis-state-store.ts';
import { songsOf, startTestApi, type TestApi } from '../../helpers/api-server.ts';
import { startTestRedis, type TestRedis } from '../../helpers/redis.ts';
import { TEST_ADMIN } from '../../helpers/test-auth.ts';
import { waitUntil } from '../../helpers/wait-until.ts';
import { makeWav } from '../../helpers/wav-fixture.ts';
import { addUser, json, login, sendJson } from '../auth/auth-client.ts';

const FILES = { 'A/a.wav': makeWav({ seconds: 1, title: 'A' }) };

/**
 * Two instances of the app (two servers, two state stores, each with its own Redis connections
 * and caches) on one real redis-server, as behind a load balancer: what one decides, the other
 * honours. (A rescan on one served by the other: test/api/scan/scan-coordinator.test.ts and the
 * cluster test.)
 */
describe('two instances on one Redis', () => {
  let redis: TestRedis;
  let namespace = 0;
  let a: TestApi;
  let b: TestApi;
  const pair = async (options: Parameters<typeof startTestApi>[3] = {}) => {
    const prefix = `pair${namespace++}`;
    const start = () =>
      startTestApi(FILES, 'fs', 'node', {
        ...options,
        state: createRedisStateStore(redis.url, { prefix }),
      });
    // At once, as instances of one deployment start: still one first admin, one secret.
    [a, b] = await Promise.all([start(), start()]);
  };
  const me = async (api: TestApi, cookie: string) =>
    (await sendJson(api, 'GET', '/api/auth/me', undefined, cookie)).status;

  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterEach(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });
  afterAll(() => redis?.close());

  it('share accounts: one first admin, a login on one valid on the other, a sign-out on one ending it on both', async () => {
    await pair();
    expect(await a.auth.accounts.list()).toHaveLength(1);
    await addUser(a, 'ann', 'ann password');
    const cookie = await login(b, 'ann', 'ann password');
    expect(await me(a, cookie)).toBe(200);
    expect(await me(b, cookie)).toBe(200);
    expect((await sendJson(b, 'POST', '/api/auth/logout', {}, cookie)).status).toBe(204);
    expect(await me(b, cookie)).toBe(401);
    // A had the session in its cache: the revocation reaches it over pub/sub, well before its
    // cache would have run out by itself (10 s for the account, 30 s for the session).
    await waitUntil(
      async () => (await me(a, cookie)) === 401,
      'the other instance to hear of the sign-out',
      5_000,
    );
  });

  it('share account changes: an account removed on one is refused by the other', async () => {
    await pair();
    const id = await addUser(a, 'bob', 'bob password');
    const cookie = await login(a, 'bob', 'bob password');
    expect(await me(b, cookie)).toBe(200);
    expect((await sendJson(b, 'DELETE', `/api/users/${id}`, undefined, b.cookie)).status).toBe(204);
    await waitUntil(async () => (await me(a, cookie)) === 401, 'the other instance to refuse it');
    expect(json(await sendJson(a, 'GET', '/api/auth/me', undefined, cookie)).reason).toBe(
      'account-removed',
    );
  });

  it('count sign-in attempts across both', async () => {
    await pair({ limits: { perAccount: 4, perAddress: 100, windowMs: 60_000 } });
    const attempt = (api: TestApi, password: string) =>
      sendJson(api, 'POST', '/api/auth/login', { username: TEST_ADMIN.username, password });
    for (const api of [a, b, a, b]) expect((await attempt(api, 'wrong')).status).toBe(401);
    expect((await attempt(a, TEST_ADMIN.password)).status).toBe(429);
    expect((await attempt(b, TEST_ADMIN.password)).status).toBe(429);
  });

  it('share the signing secret: a stream link made on one plays on the other', async () => {
    await pair();
    const song = songsOf(a.catalog)[0]!;
    const made = await sendJson(a, 'POST', `/api/songs/${song.id}/link`, {}, a.cookie);
    expect(made.status).toBe(200);
    const url = json(made).url as string;
    const played = await b.raw(url, { cookie: '', range: 'bytes=0-99' });
    expect(played.status).toBe(206);
    const token = new URL(url, 'http://x').searchParams.get('token')!;
    const forged = url.replace(token, `${token.slice(0, -2)}xx`);
    expect((await b.raw(forged, { cookie: '', range: 'bytes=0-99' })).status).toBe(401);
  });

  it('honour `npm run user` with REDIS_URL: an account it adds signs in on both', async () => {
    const prefix = 'tapedeck'; // the namespace the server and the CLI use by default
    const start = () =>
      startTestApi(FILES, 'fs', 'node', { state: createRedisStateStore(redis.url, { prefix }) });
    [a, b] = await Promise.all([start(), start()]);
    const added = await userCli(['add', 'cli-user'], 'cli password\n', redis.url);
    expect(added).toMatchObject({ code: 0, stdout: 'added cli-user\n' });
    for (const api of [a, b])
      expect(await me(api, await login(api, 'cli-user', 'cli password'))).toBe(200);
  });

  it('share each listener’s library: a write on one is in the writer’s next read on the other, never in another’s', async () => {
    await pair();
    await addUser(a, 'ann', 'ann password');
    await addUser(a, 'bob', 'bob password');
    const ann = await login(a, 'ann', 'ann password');
    const bob = await login(b, 'bob', 'bob password');
    const song = songsOf(a.catalog)[0]!;
    const get = async (api: TestApi, path: string, cookie: string) => {
      const response = await sendJson(api, 'GET', path, undefined, cookie);
      expect(response.status, path).toBe(200);
      return json(response);
    };
    const favourites = async (api: TestApi, cookie: string) =>
      (await get(api, '/api/songs?favourite=true', cookie)).total;
    const playlists = async (api: TestApi, cookie: string) =>
      ((await get(api, '/api/playlists', cookie)).items as unknown[]).length;
    // Both instances hold both listeners' (empty) libraries in their caches.
    for (const api of [a, b]) {
      for (const cookie of [ann, bob]) {
        expect(await favourites(api, cookie)).toBe(0);
        expect(await playlists(api, cookie)).toBe(0);
      }
    }
    // Ann writes on A; her very next reads on B see it (no waiting for a message), Bob's never.
    const put = await sendJson(a, 'PUT', `/api/favourites/songs/${song.id}`, undefined, ann);
    expect(put.status).toBe(204);
    expect(await favourites(b, ann)).toBe(1);
    const songs = (await get(b, '/api/songs', ann)).items as { favourite: boolean }[];
    expect(songs[0]!.favourite).toBe(true);
    const made = await sendJson(
      a,
      'POST',
      '/api/playlists',
      { name: 'mine', songIds: [song.id] },
      ann,
    );
    expect(made.status).toBe(201);
    expect(await playlists(b, ann)).toBe(1);
    const playlistId = json(made).id as string;
    const played = { songId: song.id, playedAt: new Date().toISOString() };
    expect((await sendJson(b, 'POST', '/api/plays', played, ann)).status).toBe(201);
    expect((await get(a, '/api/plays', ann)).items).toHaveLength(1);
    expect((await get(a, '/api/songs?sort=most-played', ann)).total).toBe(1);
    for (const api of [a, b]) {
      expect(await favourites(api, bob)).toBe(0);
      expect(await playlists(api, bob)).toBe(0);
      expect((await get(api, '/api/plays', bob)).items).toHaveLength(0);
      expect((await get(api, '/api/songs?sort=most-played', bob)).total).toBe(0);
      const bobSongs = (await get(api, '/api/songs', bob)).items as { favourite: boolean }[];
      expect(bobSongs[0]!.favourite).toBe(false);
      const other = await sendJson(api, 'GET', `/api/playlists/${playlistId}`, undefined, bob);
      expect(other.status).toBe(404);
    }
    // And back: Ann takes the heart off on B; A answers without it at once.
    await sendJson(b, 'DELETE', `/api/favourites/songs/${song.id}`, undefined, ann);
    expect(await favourites(a, ann)).toBe(0);
  });

  it('share the first-account setup token: printed by one, accepted by the other', async () => {
    await pair({ noAdmin: true });
    const remote = { 'x-forwarded-for': '203.0.113.5' };
    const first = { username: 'first', password: 'first password' };
    expect((await sendJson(b, 'POST', '/api/auth/setup', first, '', remote)).status).toBe(403);
    const token = await a.auth.firstAccount.issueToken();
    const made = await sendJson(b, 'POST', '/api/auth/setup', { ...first, token }, '', remote);
    expect(made.status).toBe(201);
    // Once made on one, the other refuses a second first account.
    const again = { username: 'second', password: 'second password', token };
    expect((await sendJson(a, 'POST', '/api/auth/setup', again, '', remote)).status).toBe(409);
  });
});

/** `npm run user -- …args` on Redis, `input` on stdin (bounded: killed after 30 s). */
function userCli(args: string[], input: string, redisUrl: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/auth/user-cli.ts', ...args], {
    env: { ...process.env, REDIS_URL: redisUrl },
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 30_000,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data) => (stdout += data));
  child.stderr.on('data', (data) => (stderr += data));
  child.stdin.end(input);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
}
