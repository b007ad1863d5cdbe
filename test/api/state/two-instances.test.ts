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
