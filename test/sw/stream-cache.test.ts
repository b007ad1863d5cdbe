import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE, parseChunkKey } from '../../sw/chunks.ts';
import { songIdFromPath } from '../../sw/stream-cache.ts';
import { expectBytes, songBytes } from './fake-server.ts';
import { createHarness } from './harness.ts';

const K = CHUNK_SIZE;
const SIZE = 3 * K + 1000; // four chunks, the last one short

function setup(size = SIZE) {
  const h = createHarness();
  const song = songBytes(size);
  h.server.addSong('s1', song, '"v1"', 'audio/mpeg');
  return { h, song };
}

describe('stream route answers', () => {
  it('bytes=0- streams the whole song as one 206 with exact headers', async () => {
    const { h, song } = setup();
    const res = await h.get('s1', { Range: 'bytes=0-' });
    expect(res.status).toBe(206);
    expect(res.headers.get('Content-Range')).toBe(`bytes 0-${SIZE - 1}/${SIZE}`);
    expect(res.headers.get('Content-Length')).toBe(String(SIZE));
    expect(res.headers.get('Content-Type')).toBe('audio/mpeg');
    expect(res.headers.get('ETag')).toBe('"v1"');
    expect(res.headers.get('Accept-Ranges')).toBe('bytes');
    expectBytes(res.bytes, song);
  });

  it("Safari's bytes=0-1 gets exactly two bytes", async () => {
    const { h, song } = setup();
    const res = await h.get('s1', { Range: 'bytes=0-1' });
    expect(res.status).toBe(206);
    expect(res.headers.get('Content-Range')).toBe(`bytes 0-1/${SIZE}`);
    expect(res.headers.get('Content-Length')).toBe('2');
    expectBytes(res.bytes, song.slice(0, 2));
  });

  it.each([
    ['bounded inside a chunk', 'bytes=100-199', 100, 199],
    ['across a chunk boundary', `bytes=${K - 10}-${K + 9}`, K - 10, K + 9],
    ['across three chunks', `bytes=${K - 1}-${2 * K}`, K - 1, 2 * K],
    ['the last chunk, open-ended', `bytes=${SIZE - 10}-`, SIZE - 10, SIZE - 1],
    ['open-ended from the middle runs to the end', `bytes=${K + 5}-`, K + 5, SIZE - 1],
    ['suffix', 'bytes=-128', SIZE - 128, SIZE - 1],
    ['end past the size is clamped', `bytes=5-${SIZE + 100}`, 5, SIZE - 1],
  ])('%s (%s)', async (_name, range, start, end) => {
    const { h, song } = setup();
    const res = await h.get('s1', { Range: range });
    expect(res.status).toBe(206);
    expect(res.headers.get('Content-Range')).toBe(`bytes ${start}-${end}/${SIZE}`);
    expect(res.headers.get('Content-Length')).toBe(String(end - start + 1));
    expectBytes(res.bytes, song.slice(start, end + 1));
  });

  it('no Range gets a 200 with the whole song, still through the chunk cache', async () => {
    const { h, song } = setup();
    const res = await h.get('s1');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Range')).toBeNull();
    expect(res.headers.get('Content-Length')).toBe(String(SIZE));
    expectBytes(res.bytes, song);
    expect(h.sw.index.stateOf('s1', false).status).toBe('complete');
  });

  it('a start at or past the size is 416 with bytes */size, first contact or not', async () => {
    const { h } = setup();
    const first = await h.get('s1', { Range: `bytes=${SIZE}-` });
    expect(first.status).toBe(416);
    expect(first.headers.get('Content-Range')).toBe(`bytes */${SIZE}`);
    await h.get('s1', { Range: 'bytes=0-1' });
    const known = await h.get('s1', { Range: `bytes=${SIZE + 5}-${SIZE + 10}` });
    expect(known.status).toBe(416);
    expect(known.headers.get('Content-Range')).toBe(`bytes */${SIZE}`);
  });

  it('an If-Range that is not our ETag gets the whole current song as 200', async () => {
    const { h, song } = setup();
    const res = await h.get('s1', { Range: 'bytes=10-', 'If-Range': '"old"' });
    expect(res.status).toBe(200);
    expectBytes(res.bytes, song);
  });

  it('an unknown song passes the server status on, built by the worker', async () => {
    const { h } = setup();
    const res = await h.get('nope', { Range: 'bytes=0-' });
    expect(res.status).toBe(404);
    expect(res.headers.get('X-Served-By')).toBe('tapedeck-sw');
  });

  it('reads the song id from the path and ignores the query', () => {
    expect(songIdFromPath('/songs/listen/a%20b')).toBe('a b');
    expect(songIdFromPath('/songs/listen/a/b')).toBeNull();
    expect(songIdFromPath('/api/songs')).toBeNull();
  });
});

describe('chunk cache', () => {
  it('answers the same range again with the network down, byte for byte', async () => {
    const { h } = setup();
    const online = await h.get('s1', { Range: `bytes=${K - 3}-${2 * K + 3}` });
    h.server.state.online = false;
    const seen = h.server.seen.length;
    const offline = await h.get('s1', { Range: `bytes=${K - 3}-${2 * K + 3}` });
    expect(h.server.seen.length).toBe(seen);
    expect(offline.status).toBe(206);
    expect([...offline.headers]).toEqual([...online.headers]);
    expectBytes(offline.bytes, online.bytes);
  });

  it('survives a worker restart (index persisted, reconciled with the caches)', async () => {
    const { h, song } = setup();
    await h.get('s1', { Range: 'bytes=0-' });
    h.server.state.online = false;
    h.restart();
    const res = await h.get('s1', { Range: `bytes=${K}-` });
    expectBytes(res.bytes, song.slice(K));
    expect(h.sw.index.stateOf('s1', false)).toMatchObject({
      status: 'complete',
      cachedBytes: SIZE,
    });
  });

  it('fetches only missing chunks, each with an aligned Range and If-Range', async () => {
    const { h, song } = setup();
    await h.get('s1', { Range: 'bytes=0-1' }); // first contact: chunk 0, no If-Range yet
    expect(h.server.seen).toMatchObject([{ range: `bytes=0-${K - 1}`, ifRange: null }]);
    await h.get('s1', { Range: `bytes=${2 * K + 7}-${2 * K + 9}` });
    await h.get('s1', { Range: `bytes=${K - 1}-` });
    const later = h.server.seen.slice(1);
    expect(later.map((r) => r.range)).toEqual([
      `bytes=${2 * K}-${3 * K - 1}`,
      `bytes=${K}-${2 * K - 1}`,
      `bytes=${3 * K}-${SIZE - 1}`,
    ]);
    expect(later.every((r) => r.ifRange === '"v1"')).toBe(true);
    const seen = h.server.seen.length;
    expectBytes((await h.get('s1')).bytes, song);
    expect(h.server.seen.length).toBe(seen);
  });

  it('fetches chunks from the versioned stream URL (a range cache keys on v=), dropping other query', async () => {
    const { h } = setup();
    const { response, done } = h.open('s1', { Range: 'bytes=0-1' }, '?v=abc&token=secret&t=1');
    await (await response).arrayBuffer();
    await done;
    const { response: later, done: laterDone } = h.open('s1', { Range: `bytes=${K}-${K + 1}` });
    await (await later).arrayBuffer();
    await laterDone;
    expect(h.server.seen.map((r) => new URL(r.url).search)).toEqual(['?v=abc', '?v=abc']);
  });

  it('a changed ETag purges every chunk of the old version and serves the new one', async () => {
    const { h } = setup();
    await h.get('s1', { Range: `bytes=0-${2 * K - 1}` });
    const v2 = songBytes(SIZE + 5000, 2);
    h.server.addSong('s1', v2, '"v2"');
    const res = await h.get('s1', { Range: `bytes=${3 * K}-` }); // a chunk we do not have
    expect(res.status).toBe(206);
    expect(res.headers.get('ETag')).toBe('"v2"');
    expect(res.headers.get('Content-Range')).toBe(`bytes ${3 * K}-${v2.length - 1}/${v2.length}`);
    expectBytes(res.bytes, v2.slice(3 * K));
    const etags = h.caches.urls('tapedeck-chunks').map((u) => parseChunkKey(u)?.etag);
    expect(etags.length).toBeGreaterThan(0);
    expect(new Set(etags)).toEqual(new Set(['"v2"']));
    expect(h.sw.index.get('s1')).toMatchObject({ etag: '"v2"', size: v2.length });
    // Only the new version's bytes count: the old chunks are gone from the index too.
    expect(h.sw.index.stateOf('s1', false)).toMatchObject({
      status: 'partial',
      cachedBytes: v2.length - 3 * K,
    });
  });

  it('a truncated chunk is never cached: 502 before anything was sent, then a clean retry', async () => {
    const { h, song } = setup();
    h.server.state.truncateNext = 1;
    const bad = await h.get('s1', { Range: 'bytes=0-' });
    expect(bad.status).toBe(502);
    expect(h.caches.urls('tapedeck-chunks')).toEqual([]);
    const good = await h.get('s1', { Range: 'bytes=0-' });
    expectBytes(good.bytes, song);
  });

  it('a chunk that breaks mid-stream errors the stream and is not cached', async () => {
    const { h } = setup();
    await h.get('s1', { Range: 'bytes=0-1' }); // chunk 0 cached
    h.server.state.breakNext = 1;
    await expect(h.get('s1', { Range: 'bytes=0-' })).rejects.toThrow();
    await h.sw.loader.idle();
    const indexes = h.caches.urls('tapedeck-chunks').map((u) => parseChunkKey(u)?.index);
    expect(indexes).toEqual([0]);
  });

  it('offline with the first needed chunk missing answers 504 at once', async () => {
    const { h } = setup();
    await h.get('s1', { Range: 'bytes=0-1' });
    h.server.state.online = false;
    const started = performance.now();
    const res = await h.get('s1', { Range: `bytes=${2 * K}-` });
    expect(performance.now() - started).toBeLessThan(500);
    expect(res.status).toBe(504);
    expect(JSON.parse(new TextDecoder().decode(res.bytes))).toEqual({
      error: 'not available offline',
    });
  });

  it('offline with a later chunk missing errors the stream after the cached bytes', async () => {
    const { h, song } = setup();
    await h.get('s1', { Range: 'bytes=0-1' });
    h.server.state.online = false;
    const { response } = h.open('s1', { Range: 'bytes=0-' });
    const res = await response;
    expect(res.status).toBe(206);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expectBytes(first.value, song.slice(0, K));
    await expect(reader.read()).rejects.toThrow();
  });

  it('is pull-based: a cancelled stream stops fetching after one chunk of look-ahead', async () => {
    const { h } = setup(12 * K);
    const { response, done } = h.open('s1', { Range: 'bytes=0-' });
    const reader = (await response).body!.getReader();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(h.server.seen.length).toBeLessThanOrEqual(2);
    await reader.cancel();
    await done;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(h.server.seen.length).toBeLessThanOrEqual(2);
  });

  it('records the last play of each streamed song', async () => {
    const { h } = setup();
    h.server.addSong('s2', songBytes(1000), '"w"');
    await h.get('s1', { Range: 'bytes=0-1' });
    await h.get('s2', { Range: 'bytes=0-1' });
    const first = h.sw.index.get('s1')!.lastPlayed;
    expect(h.sw.index.get('s2')!.lastPlayed).toBeGreaterThan(first);
    await h.get('s1', { Range: 'bytes=2-3' });
    expect(h.sw.index.get('s1')!.lastPlayed).toBeGreaterThan(h.sw.index.get('s2')!.lastPlayed);
  });
});

describe('a server that accepts but never answers', () => {
  it('is treated as offline once the chunk deadline passes, never as a hang', async () => {
    const { fetchChunk, OfflineError } = await import('../../sw/chunk-fetch.ts');
    const hangingFetch = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      });
    const started = Date.now();
    const target = { id: 'x', url: 'http://127.0.0.1/songs/listen/x', etag: null, size: null };
    await expect(fetchChunk(hangingFetch, target, 0, undefined, 200)).rejects.toBeInstanceOf(
      OfflineError,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('a catalog answer that shows a changed song', () => {
  it('purges a complete old copy, so the old version is never replayed', async () => {
    const { h, song } = setup();
    expectBytes((await h.get('s1')).bytes, song); // cached whole: no network needed any more
    const v2 = songBytes(SIZE + 5000, 2);
    h.server.addSong('s1', v2, '"v2"');
    await h.sw.adoptCatalog({
      items: [
        {
          id: 's1',
          etag: '"v2"',
          size: v2.length,
          mimeType: 'audio/mpeg',
          streamUrl: '/songs/listen/s1',
        },
      ],
    });
    expect(h.caches.urls('tapedeck-chunks').some((u) => parseChunkKey(u)?.etag === '"v1"')).toBe(
      false,
    );
    const res = await h.get('s1', { Range: 'bytes=0-' });
    expect(res.headers.get('ETag')).toBe('"v2"');
    expectBytes(res.bytes, v2);
  });

  it('leaves an unchanged song alone', async () => {
    const { h, song } = setup();
    await h.get('s1');
    await h.sw.adoptCatalog({
      items: [
        {
          id: 's1',
          etag: '"v1"',
          size: song.length,
          mimeType: 'audio/mpeg',
          streamUrl: '/songs/listen/s1',
        },
      ],
    });
    const seen = h.server.seen.length;
    expectBytes((await h.get('s1')).bytes, song);
    expect(h.server.seen.length).toBe(seen);
  });
});
