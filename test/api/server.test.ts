import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type IncomingMessage, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SongPage } from '../../api/catalog/song.ts';
import { startServerProcess } from '../helpers/server-process.ts';
import { makeWav } from '../helpers/wav-fixture.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tapedeck-server-'));
  await mkdir(join(dir, 'music', 'A'), { recursive: true });
  await writeFile(join(dir, 'music', 'A', 'one.wav'), makeWav({ seconds: 20 * 60, title: 'One' }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function runServer(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    env: { ...process.env, WATCH: '0', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('server start-up settings', () => {
  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ STORAGE: 's4' }, 'STORAGE'],
    [{ MUSIC_DIR: '/definitely/not/here' }, 'MUSIC_DIR'],
    [{ WATCH: 'maybe' }, 'WATCH'],
    [{ FOLLOW_SYMLINKS: 'sometimes' }, 'FOLLOW_SYMLINKS'],
    [{ STREAM_STALL_TIMEOUT: '0' }, 'STREAM_STALL_TIMEOUT'],
  ])('stops with one line naming the bad setting for %o', (env, name) => {
    const result = runServer({
      MUSIC_DIR: join(dir, 'music'),
      CACHE_DIR: join(dir, 'cache'),
      ...env,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(name);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('graceful shutdown', () => {
  it('exits 0 on SIGTERM, cutting a stream that outlives the grace period', async () => {
    const server = await startServerProcess({
      MUSIC_DIR: join(dir, 'music'),
      CACHE_DIR: join(dir, 'cache'),
      SHUTDOWN_GRACE: '1',
    });
    const { items } = (await (await server.fetch('/api/songs')).json()) as SongPage;
    // A listener that reads nothing keeps a long song's response open until the server cuts it.
    const response = new Promise<IncomingMessage>((resolve, reject) => {
      const url = `${server.url}${items[0]!.streamUrl}`;
      const req = request(url, { headers: { cookie: server.cookie } }, (res) => {
        res.pause();
        resolve(res);
      });
      req.on('error', reject);
      req.end();
    });
    const stalled = await response;
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    const code = await server.stop(10_000);
    expect(code).toBe(0);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(900); // the stream got its grace period…
    expect(elapsed).toBeLessThan(5000); // …and was then cut:
    let received = 0;
    await new Promise<void>((resolve) => {
      stalled.on('data', (piece: Buffer) => (received += piece.length));
      stalled.on('close', resolve);
      stalled.on('error', () => resolve());
      stalled.resume();
    });
    expect(received).toBeLessThan(items[0]!.size);
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
  }, 40_000);

  it('scans the library on start and persists the catalog for the next start', async () => {
    const env = { MUSIC_DIR: join(dir, 'music'), CACHE_DIR: join(dir, 'cache2') };
    let server = await startServerProcess(env);
    await server.stop();
    expect(server.output()).toContain('1 new');
    server = await startServerProcess(env);
    // With a catalog from the first run the server answers at once and rescans behind.
    const second = server;
    const deadline = Date.now() + 20_000;
    while (!/scan: /.test(second.output()) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await server.stop();
    expect(server.output()).toMatch(/0 new, 0 changed/);
  }, 40_000);
});
