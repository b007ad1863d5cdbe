import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type RequestListener } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { toNodeHandler } from 'srvx/node';
import { createStorage } from 'unstorage';
import memoryDriver from 'unstorage/drivers/memory';
import { createApp } from '../../../api/app.ts';
import { createAuth } from '../../../api/auth/create-auth.ts';
import { createCatalog } from '../../../api/catalog/catalog.ts';
import type { SongRecord } from '../../../api/catalog/song.ts';
import { listen } from '../../../api/http/listen.ts';
import { songIdOf } from '../../../api/scan/song-id.ts';
import { createStateStore } from '../../../api/state/create-state-store.ts';
import { createFsAudioStore } from '../../../api/storage/fs-audio-store.ts';
import { memoryCovers } from '../../helpers/memory-covers.ts';
import { startTestRedis } from '../../helpers/redis.ts';
import { signIn, testAuthConfig } from '../../helpers/test-auth.ts';
import { percentile } from '../lib/stats.ts';

/**
 * The per-user list routes at 100 000 songs: `npx tsx test/bench/library/user-routes.ts`.
 * A catalog of 100 000 songs (1 000 artists × 10 albums × 10 tracks) is built in memory from
 * records (no files: this measures the routes, not the scan), the app runs on a real HTTP server
 * with the fs state store (BENCH_USER_STATE=redis: a redis-server), and one listener has 2 000 favourite songs, 500 albums, 200 artists,
 * 3 000 plays and 50 playlists of 200 songs. Each route: 100 sequential requests after 5 warm-ups.
 * Peer in the same run: `/api/songs?limit=100`, the first page without anything per user.
 * Prints a Markdown table (p50/p95 in ms, and p95 as a multiple of the peer's).
 */
const ARTISTS = Number(process.env.BENCH_LIBRARY_ARTISTS ?? 1000);
const SONGS = ARTISTS * 100;
const REQUESTS = 100;
const CPU_REQUESTS = 200;

const record = (n: number): SongRecord => {
  const artist = Math.floor(n / 100);
  const album = Math.floor(n / 10);
  const key = `Artist ${artist}/Album ${album}/${n % 10} - Song ${n}.mp3`;
  return {
    id: songIdOf(key),
    key,
    version: `1-${n}-4500-0-0`,
    mtimeMs: 1_700_000_000_000 + n,
    size: 4500,
    etag: `"e${n}"`,
    mimeType: 'audio/mpeg',
    duration: 180 + (n % 120),
    title: `Song ${n}`,
    artist: `Artist ${artist}`,
    album: `Album ${album}`,
    albumArtist: `Artist ${artist}`,
    trackNumber: (n % 10) + 1,
    discNumber: 1,
    year: 1960 + (album % 60),
    genres: [['Rock', 'Jazz', 'Folk', 'Pop'][album % 4]!],
    pictureId: null,
    addedAt: 1_700_000_000_000 + n,
  };
};

const cacheDir = await mkdtemp(join(tmpdir(), 'tapedeck-user-bench-'));
const catalog = createCatalog(createStorage({ driver: memoryDriver() }));
const update = catalog.startUpdate(SONGS);
for (let n = 0; n < SONGS; n++) update.add(record(n));
await update.commit();
await catalog.warm();
// BENCH_USER_STATE=redis: the state in a redis-server started here (the revision check is a GET).
const redis = process.env.BENCH_USER_STATE === 'redis' ? await startTestRedis() : null;
const state = await createStateStore({
  stateStore: redis ? 'redis' : 'fs',
  cacheDir,
  redisUrl: redis?.url ?? null,
});
const auth = await createAuth({ state, config: testAuthConfig() });
const app = createApp({
  catalog,
  audio: createFsAudioStore(join(cacheDir, 'no-music')),
  covers: memoryCovers(),
  auth,
  state,
});
const server = createServer(toNodeHandler(app.fetch) as unknown as RequestListener);
const url = (await listen(server, 0, '127.0.0.1')).replace(/\/$/, '');
const cookie = await signIn(url);
const send = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(url + path, {
    method,
    headers: { cookie, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : ((await res.json()) as unknown);
};

type Page = { items: { id: string }[] };
const ids = async (path: string, count: number, stride: number) => {
  const found: string[] = [];
  for (let offset = 0; found.length < count; offset += 500) {
    const page = (await send(
      'GET',
      `${path}${path.includes('?') ? '&' : '?'}limit=500&offset=${offset}`,
    )) as Page;
    found.push(...page.items.filter((_, i) => (offset + i) % stride === 0).map((x) => x.id));
  }
  return found.slice(0, count);
};
const started = performance.now();
const songIds = await ids('/api/songs', 3000, 30);
const albumIds = await ids('/api/albums', 500, 20);
const artistIds = await ids('/api/artists', 200, 5);
for (const id of songIds.slice(0, 2000)) await send('PUT', `/api/favourites/songs/${id}`);
for (const id of albumIds) await send('PUT', `/api/favourites/albums/${id}`);
for (const id of artistIds) await send('PUT', `/api/favourites/artists/${id}`);
const now = Date.now();
for (const [i, id] of songIds.entries())
  await send('POST', '/api/plays', {
    songId: id,
    playedAt: new Date(now - (i + 1) * 60_000).toISOString(),
  });
let playlistId = '';
for (let p = 0; p < 50; p++) {
  const made = (await send('POST', '/api/playlists', {
    name: `Playlist ${p}`,
    songIds: songIds.slice(p * 20, p * 20 + 200),
  })) as { id: string };
  playlistId = made.id;
}
await send('PUT', '/api/queue', { songIds: songIds.slice(0, 500), index: 3, position: 12 });
const setupMs = performance.now() - started;

const PEER = '/api/songs?limit=100';
const routes = [
  PEER,
  '/api/favourites',
  '/api/songs?limit=100&favourite=true',
  '/api/songs?limit=100&sort=recently-played',
  `/api/songs?limit=100&sort=most-played&offset=${SONGS / 2}`,
  '/api/songs?limit=100&favourite=true&sort=recently-played',
  '/api/albums?limit=100&sort=year&offset=5000',
  '/api/artists?limit=100',
  '/api/plays?limit=100',
  '/api/playlists',
  `/api/playlists/${playlistId}`,
  '/api/queue',
];
const rows: { path: string; p50: number; p95: number; cpu: number }[] = [];
for (const path of routes) {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS + 5; i++) {
    const t = performance.now();
    await send('GET', path);
    if (i >= 5) times.push(performance.now() - t);
  }
  rows.push({
    path,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    cpu: await cpuPerRequest(path),
  });
}
const peer = rows[0]!.p95;
console.log(
  `## Per-user list routes at ${SONGS} songs, ${redis ? 'Redis' : 'fs'} state store (${new Date().toISOString().slice(0, 10)}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')})\n`,
);
console.log(
  `One listener with 2 000 favourite songs, 500 albums, 200 artists, 3 000 plays, 50 playlists of 200 songs (set up through the routes in ${(setupMs / 1000).toFixed(1)} s).\n`,
);
console.log('| Route | p50 ms | p95 ms | p95 ÷ peer | server CPU ms per request |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows)
  console.log(
    `| \`${row.path}\`${row.path === PEER ? ' (peer)' : ''} | ${row.p50.toFixed(1)} | ${row.p95.toFixed(1)} | ${(row.p95 / peer).toFixed(2)}× | ${row.cpu.toFixed(2)} |`,
  );
server.close();
server.closeAllConnections();

/**
 * CPU time of the app's own handling per request (user + system of this process, no client and no
 * sockets: requests go straight to `app.fetch`), over CPU_REQUESTS sequential requests. Unlike
 * wall time it hardly depends on the machine's load.
 */
async function cpuPerRequest(path: string): Promise<number> {
  const request = () => new Request(url + path, { headers: { cookie } });
  for (let i = 0; i < 5; i++) await (await app.fetch(request())).arrayBuffer();
  const before = process.cpuUsage();
  for (let i = 0; i < CPU_REQUESTS; i++) {
    const res = await app.fetch(request());
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    await res.arrayBuffer();
  }
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / CPU_REQUESTS;
}
auth.dispose();
await state.dispose();
await redis?.close();
await rm(cacheDir, { recursive: true, force: true });
