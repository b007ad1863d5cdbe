import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SongPage } from '../../api/catalog/song.ts';
import { openFilesUnder } from '../helpers/bytes.ts';
import { rssBytes, type ServerProcess, startServerProcess } from '../helpers/server-process.ts';
import { makeWav } from '../helpers/wav-fixture.ts';

const LISTENERS = 200;
const BYTES_PER_TICK = 4096; // ~16 KiB/s at 4 ticks a second: a 128 kbps stream
const PLAY_MS = 4000;

let dir: string;
let server: ServerProcess;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tapedeck-slow-'));
  await mkdir(join(dir, 'Long'), { recursive: true });
  // A 20-minute song (8 kHz mono WAV, about 19 MB).
  await writeFile(join(dir, 'Long', 'long.wav'), makeWav({ seconds: 20 * 60, title: 'Long Song' }));
  server = await startServerProcess({
    MUSIC_DIR: dir,
    CACHE_DIR: join(dir, '.cache'),
    STORAGE: 'fs',
  });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('200 slow listeners on a 20-minute song', () => {
  it('keep server memory per listener under 256 KiB and release every handle when they leave', async () => {
    const { items } = (await (await server.fetch('/api/songs')).json()) as SongPage;
    const song = items[0]!;
    const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
    // Songs' descriptors are shared and close 2 s after their last lease is given back (the
    // scan's included): none may be open before the listeners come, and none after they leave.
    // A lease never given back keeps one open and fails either wait.
    const songFiles = () => openFilesUnder(server.pid, join(dir, 'Long'));
    await expect.poll(songFiles, { timeout: 10_000, interval: 200 }).toBe(0);
    // Warm up the code paths so the baseline is not lowered by lazy compilation.
    await Promise.all(Array.from({ length: 5 }, () => listen(server, song.streamUrl, agent, 300)));
    await new Promise((r) => setTimeout(r, 500));
    const rssBefore = await rssBytes(server.pid);

    let peak = rssBefore;
    const sampler = setInterval(async () => {
      peak = Math.max(peak, await rssBytes(server.pid).catch(() => 0));
    }, 100);
    const received = await Promise.all(
      Array.from({ length: LISTENERS }, () => listen(server, song.streamUrl, agent, PLAY_MS)),
    );
    clearInterval(sampler);

    const perListener = (peak - rssBefore) / LISTENERS;
    console.info(`RSS per slow listener: ${(perListener / 1024).toFixed(1)} KiB`);
    expect(received.every((bytes) => bytes > 0)).toBe(true);
    expect(received.every((bytes) => bytes < song.size / 4)).toBe(true); // they really were slow
    expect(perListener).toBeLessThan(256 * 1024);

    await expect.poll(songFiles, { timeout: 10_000, interval: 200 }).toBe(0);
  }, 60_000);
});

/** Opens the stream and reads about BYTES_PER_TICK four times a second, then hangs up. */
function listen(
  { port, cookie }: ServerProcess,
  path: string,
  agent: Agent,
  playMs: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let received = 0;
    const req = request(
      { host: '127.0.0.1', port, path, agent, headers: { range: 'bytes=0-', cookie } },
      (res) => {
        res.pause();
        const tick = setInterval(() => {
          let taken = 0;
          while (taken < BYTES_PER_TICK) {
            const piece: Buffer | null = res.read(Math.min(1024, BYTES_PER_TICK - taken));
            if (piece === null) break;
            taken += piece.length;
          }
          received += taken;
        }, 250);
        setTimeout(() => {
          clearInterval(tick);
          req.destroy();
          resolve(received);
        }, playMs);
      },
    );
    req.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
    req.end();
  });
}
