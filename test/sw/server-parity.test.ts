/**
 * The worker and the server answer the same request the same way: both plan with the stream core
 * (api/lib/http-semantics/response-plan.ts). The real API runs on loopback; the worker runs in Node
 * over a fake Cache Storage and fetches its chunks from that API.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Song } from '../../api/catalog/song.ts';
import { createMemoryKeyStore } from '../../sw/keyring.ts';
import { createWorkerServices, type WorkerServices } from '../../sw/services.ts';
import { startTestApi, type TestApi } from '../helpers/api-server.ts';
import { makeWav } from '../helpers/wav-fixture.ts';
import { FakeCacheStorage } from './fake-cache-storage.ts';
import { signedInState } from './harness.ts';

// About 640 KiB: three of the worker's 256 KiB chunks.
const SONG = Buffer.from(makeWav({ seconds: 40, title: 'Parity', artist: 'Tests', seed: 5 }));
const SIZE = SONG.length;

let api: TestApi;
let song: Song;
let worker: WorkerServices;
beforeAll(async () => {
  api = await startTestApi({ 'A/parity.wav': SONG }, 'fs', 'node');
  song = api.catalog.entries()[0]!.song;
  // Signed in: the worker keeps (sealed) chunks, so its cached answers are compared too.
  const keyStore = createMemoryKeyStore();
  keyStore.value = await signedInState('parity-user', new Uint8Array(32).fill(7));
  worker = createWorkerServices({
    // The browser would send the session cookie with every request of the origin.
    fetch: (url, init) => {
      const headers = new Headers(init?.headers);
      headers.set('cookie', api.cookie);
      return fetch(url, { ...init, headers });
    },
    caches: new FakeCacheStorage(),
    baseUrl: api.url,
    estimate: async () => ({ usage: 0, quota: 10 * 1024 ** 3 }),
    persisted: async () => true,
    broadcast: () => {},
    keyStore,
    reportInterval: 0,
  });
  await worker.ready;
});
afterAll(() => api.close());

interface Answer {
  status: number;
  contentRange: string | null;
  contentLength: string | null;
  etag: string | null;
  body: Buffer;
}

async function fromServer(headers: Record<string, string>): Promise<Answer> {
  const res = await api.raw(song.streamUrl, headers);
  const h = (name: string) => (res.headers[name] as string | undefined) ?? null;
  return {
    status: res.status,
    contentRange: h('content-range'),
    contentLength: h('content-length'),
    etag: h('etag'),
    body: res.body,
  };
}

async function fromWorker(headers: Record<string, string>): Promise<Answer> {
  const { response, done } = worker.handleStream(
    new Request(api.url + song.streamUrl, { headers }),
  );
  const res = await response;
  const body = Buffer.from(await res.arrayBuffer());
  await done;
  return {
    status: res.status,
    contentRange: res.headers.get('content-range'),
    contentLength: res.headers.get('content-length'),
    etag: res.headers.get('etag'),
    body,
  };
}

/** Status, Content-Range and, for media answers, length, ETag and exact bytes. */
async function expectSameAnswer(headers: Record<string, string>) {
  const [server, sw] = [await fromServer(headers), await fromWorker(headers)];
  const label = JSON.stringify(headers);
  expect({ status: sw.status, range: sw.contentRange }, label).toEqual({
    status: server.status,
    range: server.contentRange,
  });
  if (server.status === 200 || server.status === 206) {
    expect(sw.contentLength, label).toBe(server.contentLength);
    expect(sw.etag, label).toBe(server.etag);
    expect(sw.body.equals(server.body), label).toBe(true);
  }
}

describe('worker and server give the same answer', () => {
  it.each<[string, Record<string, string>]>([
    ['no Range', {}],
    ['bytes=0-', { range: 'bytes=0-' }],
    ["Safari's bytes=0-1", { range: 'bytes=0-1' }],
    ['spaces around = (not the grammar: ignored, 200)', { range: 'bytes = 0-1' }],
    ['unit case-insensitive', { range: 'Bytes=1-2' }],
    ['OWS around list elements', { range: 'bytes= 1-2 ,' }],
    ['across chunk boundaries', { range: `bytes=${256 * 1024 - 5}-${512 * 1024 + 5}` }],
    ['open-ended from the middle', { range: `bytes=${300_000}-` }],
    ['suffix', { range: 'bytes=-128' }],
    ['suffix longer than the song', { range: `bytes=-${SIZE * 2}` }],
    ['end past the size', { range: `bytes=10-${SIZE * 3}` }],
    ['start at the size: 416', { range: `bytes=${SIZE}-` }],
    ['zero suffix: 416', { range: 'bytes=-0' }],
    ['reversed: ignored', { range: 'bytes=5-2' }],
    ['garbage: ignored', { range: 'bytes=abc' }],
    ['other unit: ignored', { range: 'items=0-1' }],
    ['huge numbers', { range: 'bytes=5-99999999999999999999999' }],
    ['huge start: 416', { range: 'bytes=99999999999999999999999-' }],
    ['ranges that coalesce into one', { range: 'bytes=0-9,10-19,5-30' }],
    ['If-Range with the ETag', { range: 'bytes=10-19', 'if-range': '<etag>' }],
    ['If-Range with another ETag', { range: 'bytes=10-19', 'if-range': '"other"' }],
    ['If-Range with a weak ETag', { range: 'bytes=10-19', 'if-range': 'W/<etag>' }],
    ['If-None-Match: 304', { 'if-none-match': '<etag>' }],
    ['If-Match another: 412', { 'if-match': '"other"' }],
  ])('%s', async (_name, headers) => {
    const resolved = Object.fromEntries(
      Object.entries(headers).map(([k, v]) => [k, v.replace('<etag>', song.etag)]),
    );
    await expectSameAnswer(resolved);
  });

  it('property: any generated Range header', async () => {
    const position = fc.oneof(
      fc.nat(SIZE + 10),
      fc.constantFrom(0, SIZE - 1, SIZE),
      fc.constant(''),
    );
    const spec = fc
      .tuple(position, position)
      .map(([a, b]) => `${a}-${b}`)
      .filter((s) => s !== '-');
    const header = fc
      .tuple(
        fc.constantFrom('bytes=', 'Bytes=', 'bytes =', 'bytes=  '),
        fc.array(spec, { minLength: 1, maxLength: 3 }),
      )
      .map(([unit, specs]) => unit + specs.join(', '));
    await fc.assert(
      fc.asyncProperty(header, async (range) => {
        const server = await fromServer({ range });
        // A multipart answer is the one shape the worker does not build: it sends the whole song.
        if (server.status === 206 && server.contentRange === null) {
          const sw = await fromWorker({ range });
          expect(sw.status).toBe(200);
          expect(sw.body.equals(SONG)).toBe(true);
          return;
        }
        await expectSameAnswer({ range });
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('differs only where the worker cannot know better', async () => {
    // Several distant ranges: multipart from the server, the whole song (never more) from the worker.
    const multi = { range: `bytes=0-9,${SIZE - 10}-` };
    const [server, sw] = [await fromServer(multi), await fromWorker(multi)];
    expect(server.status).toBe(206);
    expect(server.contentRange).toBeNull();
    expect(sw.status).toBe(200);
    expect(sw.body.equals(SONG)).toBe(true);
    // A date in If-Range: the worker keeps no Last-Modified, so it sends the whole song (§13.1.5).
    const lastModified = (await api.raw(song.streamUrl)).headers['last-modified']!;
    const byDate = { range: 'bytes=0-1', 'if-range': lastModified };
    expect((await fromServer(byDate)).status).toBe(206);
    expect((await fromWorker(byDate)).status).toBe(200);
  });
});
