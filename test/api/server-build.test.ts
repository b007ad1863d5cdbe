import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMp3 } from '../helpers/mp3-fixture.ts';
import { startTestRedis } from '../helpers/redis.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// Inside the repository (its imports resolve from node_modules), apart from `dist-server/`, which
// `npm start` or a benchmark may be running from.
const outDir = join(repoRoot, 'node_modules/.cache/tapedeck-server-build-test');
const SONGS = 210; // enough for the first scan to parse in worker threads

let dir: string;
let server: ServerProcess | undefined;
beforeAll(async () => {
  await build({
    configFile: join(repoRoot, 'api/build/vite.server.config.ts'),
    logLevel: 'warn',
    build: { outDir },
  });
  dir = await mkdtemp(join(tmpdir(), 'tapedeck-build-'));
  for (let i = 0; i < SONGS; i++) {
    const path = join(dir, 'music', `Artist ${i % 5}`, `Album ${i % 9}`, `${i} - Song.mp3`);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, makeMp3({ title: `Song ${i}`, album: `Album ${i % 9}` }, 8));
  }
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
  await rm(outDir, { recursive: true, force: true });
});

describe('the production build (npm start)', () => {
  it('runs with plain node: scans in its compiled parse workers, then serves the library, never loading ioredis', async () => {
    server = await startServerProcess(
      {
        MUSIC_DIR: join(dir, 'music'),
        CACHE_DIR: join(dir, 'cache'),
        CLIENT_DIR: join(dir, 'none'),
      },
      { entry: ['--import', './test/helpers/trace-imports.mjs', join(outDir, 'server.js')] },
    );
    const res = await server.fetch('/api/songs?limit=1&q=song');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { total: number }).total).toBe(SONGS);
    expect(server.output()).toMatch(new RegExp(`scan: ${SONGS} songs \\(${SONGS} new`));
    expect(server.output()).not.toMatch(/parse worker|skipped \S/);
    // Without REDIS_URL nothing loads ioredis (about 0.1 s of CPU at every start otherwise).
    expect(server.output()).toMatch(/^\[import\] h3$/m);
    expect(server.output()).not.toMatch(/^\[import\] .*redis/m);
  }, 120_000);

  it('with REDIS_URL loads the Redis stores it imports on demand, and serves from Redis', async () => {
    const redis = await startTestRedis();
    const withRedis = await startServerProcess(
      {
        MUSIC_DIR: join(dir, 'music'),
        CACHE_DIR: join(dir, 'cache-redis'),
        CLIENT_DIR: join(dir, 'none'),
        REDIS_URL: redis.url,
      },
      { entry: ['--import', './test/helpers/trace-imports.mjs', join(outDir, 'server.js')] },
    ).catch(async (error) => {
      await redis.close();
      throw error;
    });
    try {
      const res = await withRedis.fetch('/api/songs?limit=1&q=song');
      expect(res.status).toBe(200);
      expect(((await res.json()) as { total: number }).total).toBe(SONGS);
      expect(withRedis.output()).toMatch(/^\[import\] ioredis$/m);
      expect(withRedis.output()).toMatch(/^\[import\] unstorage\/drivers\/redis$/m);
    } finally {
      await withRedis.stop();
      await redis.close();
    }
  }, 120_000);
});
