import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../../helpers/server-process.ts';
import { signIn } from '../../helpers/test-auth.ts';

let cacheDir: string;
beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'tapedeck-user-cli-'));
});
afterAll(() => rm(cacheDir, { recursive: true, force: true }));

/** `npm run user -- …args` with `input` on stdin (the password). */
function user(args: string[], input = '') {
  return spawnSync(process.execPath, ['--import', 'tsx', 'api/auth/user-cli.ts', ...args], {
    env: { ...process.env, CACHE_DIR: cacheDir },
    input,
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('npm run user', () => {
  it('adds, lists, resets and removes accounts that the server then honours', async () => {
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
      },
      { signIn: false },
    );
    try {
      await signIn(server.url, { username: 'root', password: 'root password' });
      await signIn(server.url, { username: 'ann', password: 'ann password 2' });
      await expect(
        signIn(server.url, { username: 'ann', password: 'ann password 1' }),
      ).rejects.toThrow(/401/);
    } finally {
      await server.stop();
    }
    expect(user(['remove', 'ann'])).toMatchObject({ status: 0, stdout: 'removed ann\n' });
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
