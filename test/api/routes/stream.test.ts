import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Song } from '../../../api/catalog/song.ts';
import {
  type Backend,
  songsOf,
  startTestApi,
  type TestApi,
  type Transport,
} from '../../helpers/api-server.ts';
import { makeWav } from '../../helpers/wav-fixture.ts';

const SONG_BYTES = Buffer.from(
  makeWav({ seconds: 3, title: 'Range Song', artist: 'Tests', seed: 3 }),
);
const OTHER_BYTES = Buffer.from(
  makeWav({ seconds: 1, title: 'Other Song', artist: 'Tests', seed: 4 }),
);
const SIZE = SONG_BYTES.length;

const setups: [Backend, Transport][] = [
  ['fs', 'node'],
  ['chunked', 'node'],
  ['fs', 'fetch'],
  ['chunked', 'fetch'],
];

describe.each(setups)('stream route over the %s store, %s transport', (backend, transport) => {
  let api: TestApi;
  let song: Song;
  const get = (headers: Record<string, string> = {}, method = 'GET') =>
    api.raw(song.streamUrl, headers, method);

  beforeAll(async () => {
    api = await startTestApi(
      { 'Tests/a.wav': SONG_BYTES, 'Tests/b.wav': OTHER_BYTES },
      backend,
      transport,
    );
    song = songsOf(api.catalog, 'range song')[0]!;
  });
  afterAll(() => api.close());

  it('answers a plain GET with the whole song and its validators', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({
      'accept-ranges': 'bytes',
      'content-length': String(SIZE),
      'content-type': 'audio/wav',
      etag: song.etag,
      'cache-control': expect.any(String),
    });
    expect(Date.parse(res.headers['last-modified']!)).not.toBeNaN();
    expect(res.body.equals(SONG_BYTES)).toBe(true);
  });

  it('answers HEAD like a GET without a body, ignoring Range', async () => {
    for (const headers of [{}, { range: 'bytes=0-1' }] as Record<string, string>[]) {
      const res = await get(headers, 'HEAD');
      expect(res.status).toBe(200);
      expect(res.headers['content-length']).toBe(String(SIZE));
      expect(res.headers.etag).toBe(song.etag);
      expect(res.body.length).toBe(0);
    }
  });

  it.each([
    ['bytes=0-1', 0, 1],
    ['bytes=0-0', 0, 0],
    ['bytes=100-', 100, SIZE - 1],
    ['bytes=4090-4100', 4090, 4100],
    ['bytes=-500', SIZE - 500, SIZE - 1],
    [`bytes=-${SIZE + 100}`, 0, SIZE - 1],
    ['bytes=10-99999999', 10, SIZE - 1],
    ['bytes=0-99999999999999999999', 0, SIZE - 1],
    [`bytes=${SIZE - 1}-`, SIZE - 1, SIZE - 1],
    [`bytes=${SIZE - 128}-`, SIZE - 128, SIZE - 1],
  ])('answers %s with 206 and exactly bytes %i-%i', async (range, start, end) => {
    const res = await get({ range });
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/${SIZE}`);
    expect(res.headers['content-length']).toBe(String(end - start + 1));
    expect(res.body.equals(SONG_BYTES.subarray(start, end + 1))).toBe(true);
  });

  it('repeats the 200 validators and Date on a 206', async () => {
    const [full, partial] = [await get(), await get({ range: 'bytes=5-9' })];
    for (const name of ['etag', 'last-modified', 'cache-control', 'accept-ranges']) {
      expect(partial.headers[name], name).toBe(full.headers[name]);
    }
    expect(partial.headers.date).toBeTruthy();
  });

  it.each([
    `bytes=${SIZE}-`,
    'bytes=99999999999999999999-',
    'bytes=-0',
    `bytes=${SIZE + 5}-${SIZE + 9}`,
  ])('answers the unsatisfiable %s with 416 and bytes */size', async (range) => {
    const res = await get({ range });
    expect(res.status).toBe(416);
    expect(res.headers['content-range']).toBe(`bytes */${SIZE}`);
    expect(JSON.parse(res.body.toString())).toHaveProperty('error');
  });

  it.each([
    'bytes=abc',
    'items=0-1',
    'bytes=5-2',
    'bytes=',
    'bytes=--1',
    'bytes=1-2-3',
    'bytes=0x10-0x20',
    'bytes=1e3-2e3',
  ])('ignores the malformed Range %s and sends the whole song', async (range) => {
    const res = await get({ range });
    expect(res.status).toBe(200);
    expect(res.body.equals(SONG_BYTES)).toBe(true);
  });

  it('answers distant ranges with a correct multipart/byteranges body', async () => {
    const res = await get({ range: 'bytes=0-9,20000-20009' });
    expect(res.status).toBe(206);
    const boundary = /boundary=([^;]+)/.exec(res.headers['content-type']!)![1]!;
    expect(res.headers['content-length']).toBe(String(res.body.length));
    const text = res.body.toString('latin1');
    const parts = text.split(`--${boundary}`).slice(1, -1);
    expect(parts).toHaveLength(2);
    const expected: [number, number][] = [
      [0, 9],
      [20000, 20009],
    ];
    parts.forEach((part, i) => {
      const [start, end] = expected[i]!;
      expect(part).toContain(`Content-Range: bytes ${start}-${end}/${SIZE}`);
      const body = part.slice(part.indexOf('\r\n\r\n') + 4, -2);
      expect(Buffer.from(body, 'latin1').equals(SONG_BYTES.subarray(start, end + 1))).toBe(true);
    });
  });

  it('never amplifies many or overlapping ranges beyond the file size', async () => {
    const overlapping = `bytes=${Array.from({ length: 200 }, () => '0-').join(',')}`;
    const scattered = `bytes=${Array.from({ length: 300 }, (_, i) => `${i * 100}-${i * 100 + 1}`).join(',')}`;
    for (const range of [overlapping, scattered]) {
      const res = await get({ range });
      expect([200, 206]).toContain(res.status);
      expect(res.body.length).toBeLessThanOrEqual(SIZE);
    }
  });

  it('honours If-Range only on a strong ETag match or an exact date', async () => {
    const lastModified = (await get()).headers['last-modified']!;
    const cases: [string, number][] = [
      [song.etag, 206],
      ['"something-else"', 200],
      [`W/${song.etag}`, 200],
      [lastModified, 206],
      [new Date(Date.parse(lastModified) + 1000).toUTCString(), 200],
      ['not a date', 200],
    ];
    for (const [ifRange, status] of cases) {
      const res = await get({ range: 'bytes=0-1', 'if-range': ifRange });
      expect(res.status, `If-Range: ${ifRange}`).toBe(status);
    }
  });

  it('answers 304 without a body on If-None-Match (weak comparison) and If-Modified-Since', async () => {
    const future = new Date(Date.now() + 86_400_000).toUTCString();
    for (const headers of [
      { 'if-none-match': song.etag },
      { 'if-none-match': `"x", W/${song.etag}` },
      { 'if-none-match': '*' },
      { 'if-modified-since': future },
    ] as Record<string, string>[]) {
      const res = await get(headers);
      expect(res.status, JSON.stringify(headers)).toBe(304);
      expect(res.body.length).toBe(0);
      expect(res.headers.etag).toBe(song.etag);
      expect(res.headers['last-modified']).toBeTruthy();
      expect(res.headers['cache-control']).toBeTruthy();
    }
    expect((await get({ 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('answers 412 when If-Match or If-Unmodified-Since fails', async () => {
    expect((await get({ 'if-match': '"other"' })).status).toBe(412);
    expect((await get({ 'if-match': `W/${song.etag}` })).status).toBe(412);
    expect((await get({ 'if-unmodified-since': 'Mon, 01 Jan 2001 00:00:00 GMT' })).status).toBe(
      412,
    );
    expect((await get({ 'if-match': song.etag, range: 'bytes=0-1' })).status).toBe(206);
  });

  it.each([
    '/songs/listen/..%2F..%2Fetc%2Fpasswd',
    '/songs/listen/%2e%2e',
    '/songs/listen/%2e%2e%2fb.wav',
    '/songs/listen/%00',
    '/songs/listen/abc%00def',
    '/songs/listen/Tests%2Fb.wav',
    '/songs/listen/AAAAAAAAAAAAAAAA',
    `/songs/listen/${'a'.repeat(10_000)}`,
    '/songs/listen/../../../../etc/passwd',
    '/songs/listen/',
  ])('refuses the hostile or unknown id %s with a JSON 4xx and no audio', async (path) => {
    const res = await api.raw(path);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.includes(Buffer.from('RIFF'))).toBe(false);
    if (res.body.length > 0) expect(JSON.parse(res.body.toString())).toHaveProperty('error');
  });

  it('opens nothing for HEAD, however many', async () => {
    await waitFor(async () => api.descriptors().leases === 0);
    // Opens and leases, not open descriptors: an idle one may close meanwhile.
    const before = api.descriptors().opens;
    await Promise.all(Array.from({ length: 50 }, () => get({ range: 'bytes=0-' }, 'HEAD')));
    expect(api.descriptors()).toMatchObject({ opens: before, leases: 0 });
  });

  it('gives back every lease when clients disconnect mid-stream', async () => {
    await Promise.all(
      Array.from({ length: 30 }, () => abortAfterFirstByte(api.port, song.streamUrl)),
    );
    await waitFor(async () => api.descriptors().leases === 0);
    expect(api.descriptors().leases).toBe(0);
  });
});

function abortAfterFirstByte(port: number, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      res.once('data', () => {
        req.destroy();
        resolve();
      });
    });
    req.on('error', (error) =>
      (error as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve() : reject(error),
    );
    req.end();
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !(await check())) await new Promise((r) => setTimeout(r, 50));
}

describe('long songs through the Node fast path', () => {
  const BIG = Buffer.from(makeWav({ seconds: 200, title: 'Big Song', artist: 'Tests', seed: 6 }));
  let api: TestApi;
  let song: Song;
  beforeAll(async () => {
    api = await startTestApi({ 'Tests/big.wav': BIG }, 'fs', 'node');
    song = songsOf(api.catalog)[0]!;
  });
  afterAll(() => api.close());

  it.each([
    [undefined, 0, BIG.length - 1],
    ['bytes=0-', 0, BIG.length - 1],
    ['bytes=100001-', 100_001, BIG.length - 1],
    ['bytes=65535-1700000', 65_535, 1_700_000],
    [`bytes=-${600_000}`, BIG.length - 600_000, BIG.length - 1],
  ])('sends %s (bytes %i-%i) exactly, across many reads', async (range, start, end) => {
    const res = await api.raw(song.streamUrl, range ? { range } : {});
    expect(res.status).toBe(range ? 206 : 200);
    expect(res.body.length).toBe(end - start + 1);
    expect(res.body.equals(BIG.subarray(start, end + 1))).toBe(true);
  });
});
