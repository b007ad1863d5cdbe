import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../api/storage/s3/s3-client.ts';
import { type RawResponse, rawRequest } from '../helpers/api-server.ts';
import { signIn, TEST_ADMIN, TEST_ADMIN_ENV } from '../helpers/test-auth.ts';
import { waitUntil } from '../helpers/wait-until.ts';
import { makeWav } from '../helpers/wav-fixture.ts';
import { type RunningCluster, runFailingCluster, startCluster } from './cluster-process.ts';
import { resumingDownload } from './resuming-download.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const SLICE = 1024 * 1024;
/** A slow object store (1 MiB/s per response), so a download is still running when we kill. */
const S3_RATE = 1024 * 1024;

interface Song {
  id: string;
  title: string;
  size: number;
  etag: string;
  streamUrl: string;
}

/**
 * `npm run cluster` end to end: redis-server, s3rver seeded with data/music, two instances and nginx,
 * every request through nginx unless it is about one instance.
 */
describe('cluster: two instances behind nginx, audio in S3, state in Redis', () => {
  let cluster: RunningCluster;
  let songs: Song[];
  /** The test admin's session, signed in through nginx. */
  let cookie: string;
  const through = (path: string) => `${cluster.state.url.replace(/\/$/, '')}${path}`;
  const instance = (i: number, path: string) =>
    `http://127.0.0.1:${cluster.state.instances[i]!.port}${path}`;
  /** A signed-in GET (or one with `headers`' own cookie, or none with `cookie: ''`). */
  const get = (url: string, headers: Record<string, string> = {}) =>
    fetch(url, { headers: { cookie, ...headers } });
  /** A request through nginx on a raw connection, signed in unless `headers` says otherwise. */
  const viaNginx = (path: string, headers: Record<string, string> = {}): Promise<RawResponse> =>
    rawRequest(cluster.state.nginx.port, path, { cookie, ...headers });

  beforeAll(async () => {
    cluster = await startCluster(TEST_ADMIN_ENV);
    cookie = await signIn(cluster.state.url.replace(/\/$/, ''));
    const page = (await (await get(through('/api/songs?limit=100'))).json()) as { items: Song[] };
    songs = page.items;
  }, 180_000);
  afterAll(async () => {
    if (cluster?.process.exitCode === null) await cluster.stop();
  });
  afterEach((context) => {
    // What the instances logged, for a failure's report.
    if (context.task.result?.state === 'fail') console.log(cluster?.output().slice(-6000));
  });

  it('serves the catalog scanned from the bucket, with the store ETags', async () => {
    expect(songs).toHaveLength(10);
    for (const song of songs) {
      expect(song.etag).toMatch(/^"[0-9a-f]{32}"$/); // s3rver's MD5 ETags, not a hash of ours
      expect(song.streamUrl).toMatch(new RegExp(`^/songs/listen/${song.id}\\?v=`));
    }
    const health = (await (await get(instance(1, '/api/health'))).json()) as { storage: string };
    expect(health.storage).toBe('s3');
  });

  it('answers ranges byte for byte, across slice boundaries', async () => {
    const song = songs.find((s) => s.title === 'Neon Harbor')!;
    const file = await readFile(
      join(repoRoot, 'data/music/Velvet Meridian/Neon Harbor/01 - Neon Harbor.mp3'),
    );
    expect(song.size).toBe(file.length);
    const cases: [string, number, number][] = [
      ['bytes=0-0', 0, 0],
      ['bytes=0-1', 0, 1],
      [`bytes=${SLICE - 1}-${SLICE}`, SLICE - 1, SLICE],
      [`bytes=${SLICE - 100}-${2 * SLICE + 100}`, SLICE - 100, 2 * SLICE + 100],
      ['bytes=1000-', 1000, file.length - 1],
      ['bytes=-500', file.length - 500, file.length - 1],
      [`bytes=${file.length - 1}-`, file.length - 1, file.length - 1],
    ];
    for (const [range, start, end] of cases) {
      const res = await viaNginx(song.streamUrl, { range });
      expect(res.status, range).toBe(206);
      expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/${file.length}`);
      expect(res.body.equals(file.subarray(start, end + 1)), range).toBe(true);
    }
    const whole = await viaNginx(song.streamUrl);
    expect(whole.status).toBe(200);
    expect(whole.body.equals(file)).toBe(true);
  });

  it('serves a second listener of the same range from the cache (HIT)', async () => {
    const song = songs.find((s) => s.title === 'Glass City')!;
    const range = { range: 'bytes=100000-200000' };
    const first = await viaNginx(song.streamUrl, range);
    const second = await viaNginx(song.streamUrl, range);
    expect(first.headers['x-cache-status']).toBe('MISS');
    expect(second.headers['x-cache-status']).toBe('HIT');
    expect(second.body.equals(first.body)).toBe(true);
    // Without the song's version in the URL nothing is cached or answered from the cache.
    const bare = song.streamUrl.replace(/\?.*$/, '');
    const unversioned = await viaNginx(bare, range);
    expect(unversioned.headers['x-cache-status']).toBe('BYPASS');
    expect(unversioned.body.equals(first.body)).toBe(true);
    // A stream link (no cookie) is another request for the same cached bytes.
    const link = await fetch(through(`/api/songs/${song.id}/link`), {
      method: 'POST',
      headers: { cookie, origin: through(''), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(link.status).toBe(200);
    const linked = await viaNginx(((await link.json()) as { url: string }).url, {
      ...range,
      cookie: '',
    });
    expect(linked.status).toBe(206);
    expect(linked.headers['x-cache-status']).toBe('HIT');
    expect(linked.body.equals(first.body)).toBe(true);
  });

  it('never gives a cached byte to a request the API would refuse', async () => {
    const song = songs.find((s) => s.title === 'Glass City')!;
    const range = { range: 'bytes=100000-200000' };
    expect((await viaNginx(song.streamUrl, range)).headers['x-cache-status']).toBe('HIT');
    const link = new URL(song.streamUrl, 'http://x');
    link.searchParams.set('token', 'forged.token');
    const tampered = `${link.pathname}${link.search}`;
    const refused: [string, Record<string, string>][] = [
      [song.streamUrl, { cookie: '' }],
      [song.streamUrl, { cookie: 'tapedeck_session=forged' }],
      [tampered, { cookie: '' }],
      [tampered, {}], // a bad link is refused even beside a good session
      [song.streamUrl.replace(/\?.*$/, ''), { cookie: '' }],
    ];
    for (const [path, headers] of refused) {
      const res = await viaNginx(path, { ...range, ...headers });
      expect(res.status, path).toBe(401);
      expect(res.headers['content-type'], path).toMatch(/^application\/json/);
      expect(JSON.parse(res.body.toString()).error, path).toEqual(expect.any(String));
      expect(res.headers['x-cache-status'], path).toBeUndefined();
      expect(res.body.length, path).toBeLessThan(200);
    }
  });

  it('shares state: a login on one instance is valid on the other, a throttle counts across both', async () => {
    for (const i of [0, 1]) {
      const me = await get(instance(i, '/api/auth/me'));
      expect(((await me.json()) as { user?: { username: string } }).user?.username).toBe(
        TEST_ADMIN.username,
      );
    }
    const attempt = (i: number, password: string) =>
      fetch(instance(i, '/api/auth/login'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'nobody-here', password }),
      });
    // 10 attempts per account name in a window (api/auth/throttle.ts), alternating instances.
    for (let n = 0; n < 10; n++) expect((await attempt(n % 2, 'wrong password')).status).toBe(401);
    for (const i of [0, 1]) expect((await attempt(i, 'wrong password')).status).toBe(429);
  });

  it('a rescan on one instance is served by the other', async () => {
    const s3 = createS3Client({
      endpoint: `http://127.0.0.1:${cluster.state.s3.port}`,
      region: 'us-east-1',
      bucket: 'tapedeck',
      prefix: 'music/',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      timeoutMs: 10_000,
    });
    await s3.put('music/Test Artist/Failover/01 - Long Song.wav', bigSong);
    process.kill(cluster.state.instances[0]!.pid, 'SIGHUP');
    await waitUntil(
      async () => {
        const res = await get(instance(1, '/api/songs?q=long%20song'));
        return ((await res.json()) as { total: number }).total === 1;
      },
      'the other instance to list the new song',
      60_000,
    );
  }, 90_000);

  it('a listener whose instance is killed mid-download resumes with Range and gets every byte', async () => {
    const res = await get(through('/api/songs?q=long%20song'));
    const song = ((await res.json()) as { items: Song[] }).items[0]!;
    // A slow object store from here on: each slice takes a second to come from an instance.
    await fetch(`http://127.0.0.1:${cluster.state.s3.port}/__throttle?bps=${S3_RATE}`);
    let received = 0;
    let killed: number | null = null;
    const killer = (async () => {
      // Mid-slice, so the instance is still reading that slice from the (slow) store.
      await waitUntil(
        () => received > SLICE && received % SLICE > 200_000 && received % SLICE < 400_000,
        'the download to be mid-slice',
        30_000,
      );
      killed = await busiestInstance(cluster.state.instances.map((i) => i.pid));
      process.kill(killed, 'SIGKILL');
    })();
    // One slice per request: the request whose slice is being read from the store is the one cut.
    const download = await resumingDownload(through(song.streamUrl), song.size, {
      chunk: SLICE,
      headers: { cookie },
      onProgress: (count) => (received = count),
    });
    await killer;
    expect(download.bytes.equals(Buffer.from(bigSong))).toBe(true);
    expect(download.resumes).toBeGreaterThan(0);
    expect(killed).not.toBeNull();
  }, 60_000);

  it('stops every part on SIGTERM', async () => {
    const { state } = cluster;
    const pids = [
      state.nginx.pid,
      state.redis.pid,
      state.s3.pid,
      ...state.instances.map((i) => i.pid),
    ];
    expect(await cluster.stop()).toBe(0);
    for (const pid of pids) expect(isRunning(pid), `pid ${pid}`).toBe(false);
  }, 60_000);
});

const bigSong = makeWav({
  seconds: 400,
  title: 'Long Song',
  artist: 'Test Artist',
  album: 'Failover',
  seed: 5,
});

/** The instance reading the most right now (/proc/<pid>/io): the one streaming from the store. */
async function busiestInstance(pids: number[]): Promise<number> {
  const readBytes = async (pid: number) => {
    const io = await readFile(`/proc/${pid}/io`, 'utf8').catch(() => '');
    return Number(/rchar: (\d+)/.exec(io)?.[1] ?? 0);
  };
  const before = await Promise.all(pids.map(readBytes));
  await new Promise((resolve) => setTimeout(resolve, 100));
  const after = await Promise.all(pids.map(readBytes));
  const deltas = after.map((value, i) => value - before[i]!);
  const best = deltas.indexOf(Math.max(...deltas));
  if (deltas[best]! < 32 * 1024) throw new Error(`no instance is streaming (read ${deltas} bytes)`);
  return pids[best]!;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('cluster: a part that fails to start', () => {
  it('stops the parts already running and exits 1', async () => {
    // A SECRET the instances refuse: redis-server and s3rver are up when the first instance fails.
    const failed = await runFailingCluster({ ...TEST_ADMIN_ENV, SECRET: 'too short' });
    expect(failed.code).toBe(1);
    expect(failed.output).toMatch(/cluster: could not start: [\s\S]*SECRET must be/);
    const pids = [...failed.output.matchAll(/\(pid (\d+)\)/g)].map((m) => Number(m[1]));
    expect(pids.length).toBeGreaterThanOrEqual(2); // redis-server and s3rver, maybe the instance
    const left = pids.filter(isRunning);
    for (const pid of left) process.kill(pid, 'SIGKILL'); // a failing run leaves nothing either
    expect(left, 'processes left running').toEqual([]);
  }, 120_000);
});
