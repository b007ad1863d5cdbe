import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SongPage } from '../../api/catalog/song.ts';
import { makeMp3, noiseBytes } from '../helpers/mp3-fixture.ts';
import { rssBytes, type ServerProcess, startServerProcess } from '../helpers/server-process.ts';

const MiB = 1024 * 1024;
let dir: string;
let server: ServerProcess;
let pictureBytes = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tapedeck-cover-memory-'));
  // Noise does not compress: a 3 800 × 3 800 JPEG of it is about 42 MB.
  const side = 3800;
  const picture = await sharp(noiseBytes(7, side * side * 3), {
    raw: { width: side, height: side, channels: 3 },
  })
    .jpeg({ quality: 100, chromaSubsampling: '4:4:4' })
    .toBuffer();
  pictureBytes = picture.length;
  await mkdir(join(dir, 'music'));
  await writeFile(
    join(dir, 'music', 'huge-cover.mp3'),
    makeMp3({ title: 'Huge cover', picture: { mime: 'image/jpeg', bytes: picture } }),
  );
  server = await startServerProcess({
    MUSIC_DIR: join(dir, 'music'),
    CACHE_DIR: join(dir, 'cache'),
  });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

it('answers 20 concurrent requests for a 40 MB picture’s cover growing the server by < 150 MiB', async () => {
  expect(pictureBytes).toBeGreaterThan(40 * MiB);
  const { items } = (await (await server.fetch('/api/songs')).json()) as SongPage;
  const coverUrl = items[0]!.coverUrl!;
  // One request of each kind first: the sizes are made once and kept, as in normal use.
  for (const suffix of ['', '&size=512', '&size=64']) {
    expect((await server.fetch(`${coverUrl}${suffix}`)).status).toBe(200);
  }
  const before = await rssBytes(server.pid);
  let peak = before;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await rssBytes(server.pid));
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const responses = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      server
        .fetch(`${coverUrl}${['', '&size=512', '&size=256', '&size=64'][i % 4]}`)
        .then(async (res) => ({
          status: res.status,
          type: res.headers.get('content-type'),
          bytes: (await res.arrayBuffer()).byteLength,
        })),
    ),
  );
  sampling = false;
  await sampler;
  expect((peak - before) / MiB).toBeLessThan(150);
  for (const res of responses) {
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^image\/(webp|jpeg)$/);
    expect(res.bytes).toBeLessThan(2 * MiB); // never the 40 MB original
  }
}, 60_000);
