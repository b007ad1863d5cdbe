import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFsStateStore } from '../../../api/state/fs-state-store.ts';
import { createRedisStateStore } from '../../../api/state/redis-state-store.ts';
import type { StateStore } from '../../../api/state/state-store.ts';
import { startTestRedis, type TestRedis } from '../../helpers/redis.ts';
import { startServerProcess } from '../../helpers/server-process.ts';
import { signIn } from '../../helpers/test-auth.ts';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(() => redis?.close());

/**
 * Where the CLI and the server keep accounts: the fs state store in CACHE_DIR, or Redis through
 * REDIS_URL (the default namespace, as both use it without settings).
 */
const backends: [
  string,
  (cacheDir: string) => { env: Record<string, string>; state(): StateStore },
][] = [
  ['fs', (cacheDir) => ({ env: {}, state: () => createFsStateStore(join(cacheDir, 'state')) })],
  [
    'redis',
    () => ({ env: { REDIS_URL: redis.url }, state: () => createRedisStateStore(redis.url) }),
  ],
];

describe.each(backends)('npm run user on the %s state store', (_, backend) => {
  let cacheDir: string;
  let store: ReturnType<typeof backend>;
  beforeAll(async () => {
    cacheDir = await mkdtemp(join(tmpdir(), 'tapedeck-user-cli-'));
    store = backend(cacheDir);
  });
  afterAll(() => rm(cacheDir, { recursive: true, force: true }));

  /** `npm run user -- …args` with `input` on stdin (the password). */
  function user(args: string[], input = '') {
    return spawnSync(process.execPath, ['--import', 'tsx', 'api/auth/user-cli.ts', ...args], {
      env: { ...process.env, CACHE_DIR: cacheDir, ...store.env },
      input,
      encoding: 'utf8',
      timeout: 30_000,
    });
  }

  it('adds, lists, resets and removes accounts (and a removed one’s library) that the server then honours', async () => {
    expect(user(['add', 'root', '--admin'], 'root password\n')).toMatchObject({
      status: 0,
      stdout: 'added root (admin)\n',
    });
    expect(user(['add', 'ann'], 'ann password 1\n')).toMatchObject({ status: 0 });
    expect(user(['add', 'ANN'], 'ann password 1\n')).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('taken'),
    });
    expect(user(['add', 'bo'], 'short\n')).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('8 to 256'),
    });
    const list = user(['list']);
    expect(list.stdout).toMatch(/^root\tadmin\tsince \d{4}-\d\d-\d\d\nann\tlistener\tsince /);
    expect(user(['passwd', 'ann'], 'ann password 2\n')).toMatchObject({ status: 0 });

    const server = await startServerProcess(
      {
        MUSIC_DIR: join(process.cwd(), 'data/music'),
        CACHE_DIR: cacheDir,
        ADMIN_USERNAME: '',
        ADMIN_PASSWORD: '',
        ...store.env,
      },
      { signIn: false },
    );
    let annId: string;
    try {
      await signIn(server.url, { username: 'root', password: 'root password' });
      const ann = await signIn(server.url, { username: 'ann', password: 'ann password 2' });
      await expect(
        signIn(server.url, { username: 'ann', password: 'ann password 1' }),
      ).rejects.toThrow(/401/);
      // Ann keeps a favourite and a playlist: her library, which her removal deletes.
      const as = (path: string, method = 'GET', body?: unknown) =>
        fetch(server.url + path, {
          method,
          headers: { cookie: ann, 'content-type': 'application/json', origin: server.url },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      annId = ((await (await as('/api/auth/me')).json()) as { user: { id: string } }).user.id;
      const song = ((await (await as('/api/songs?limit=1')).json()) as { items: { id: string }[] })
        .items[0]!.id;
      expect((await as(`/api/favourites/songs/${song}`, 'PUT')).status).toBe(204);
      expect((await as('/api/playlists', 'POST', { name: 'p', songIds: [song] })).status).toBe(201);
    } finally {
      await server.stop();
    }
    const state = store.state();
    try {
      expect((await state.storage.getKeys(`library:${annId}`)).length).toBeGreaterThan(0);
      expect(user(['remove', 'ann'])).toMatchObject({ status: 0, stdout: 'removed ann\n' });
      expect(await state.storage.getKeys(`library:${annId}`)).toEqual([]);
    } finally {
      await state.dispose();
    }
    expect(user(['remove', 'root'])).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('last admin'),
    });
    expect(user(['remove', 'nobody'])).toMatchObject({ status: 1 });
    expect(user(['frobnicate'])).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('usage'),
    });
    expect(user(['list']).stdout).not.toContain('ann');
  }, 120_000);
});
