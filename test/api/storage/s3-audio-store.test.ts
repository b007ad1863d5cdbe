import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AudioStore, StaleObjectError } from '../../../api/storage/audio-store.ts';
import { createS3AudioStore } from '../../../api/storage/s3/s3-audio-store.ts';
import type { S3Settings } from '../../../api/storage/s3/s3-settings.ts';
import { StoreUnavailableError } from '../../../api/storage/store-unavailable.ts';
import { patternBytes, readAll } from '../../helpers/bytes.ts';
import { freePort } from '../../helpers/free-port.ts';
import { startTestS3, type TestS3 } from '../../helpers/s3.ts';

const BIG = patternBytes(8 * 1024 * 1024, 3);

/** Bytes `start..end` of the current version of `key`, as the stream route reads them. */
async function read(store: AudioStore, key: string, start: number, end: number) {
  const info = await store.stat(key);
  const object = info && (await store.open(key, info.version));
  if (!object) throw new Error(`no object ${key}`);
  return object.read(start, end);
}

describe('S3 audio store against s3rver', () => {
  let s3: TestS3;
  beforeAll(async () => {
    s3 = await startTestS3('lib/');
    await s3.put('big.wav', new Uint8Array(BIG));
  });
  afterAll(() => s3.close());

  it('lists keys whose names need escaping in XML and URLs, and reads them back', async () => {
    const names = [
      'A & B/Ça va? #1/01 - Tom + Jerry: 100% <live>.mp3',
      'back\\slash/colon:name/quote\'s "song".ogg',
      'spaces  twice/日本語/曲.flac',
    ];
    for (const [i, name] of names.entries())
      await s3.put(name, new Uint8Array(patternBytes(100 + i, i + 1)));
    const store = createS3AudioStore(s3.settings);
    const listed = (await store.list()).map((info) => info.key);
    expect(listed).toEqual(expect.arrayContaining(names));
    for (const [i, name] of names.entries()) {
      const bytes = await readAll(await read(store, name, 10, 19));
      expect(bytes.equals(Buffer.from(patternBytes(100 + i, i + 1).subarray(10, 20)))).toBe(true);
    }
  });

  it('pages through a listing longer than one answer (max-keys)', async () => {
    const other = await startTestS3('many/');
    try {
      const keys = Array.from({ length: 123 }, (_, i) => `k/${String(i).padStart(4, '0')}.mp3`);
      for (let i = 0; i < keys.length; i += 50) {
        await Promise.all(keys.slice(i, i + 50).map((key) => other.put(key, new Uint8Array(1))));
      }
      const listed = await createS3AudioStore(other.settings, { pageSize: 10 }).list();
      expect(listed.map((info) => info.key).sort()).toEqual(keys);
      const lists = other.events.filter(
        (e) => e.event === 'request' && e.url.includes('list-type'),
      );
      expect(lists.length).toBe(13);
    } finally {
      await other.close();
    }
  });

  it('takes version, ETag, size and date from the store', async () => {
    const store = createS3AudioStore(s3.settings);
    const info = (await store.list()).find((entry) => entry.key === 'big.wav')!;
    expect(info.size).toBe(BIG.length);
    expect(info.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(info.version).toBe(info.etag);
    expect(Math.abs(info.mtimeMs - Date.now())).toBeLessThan(120_000);
    expect(await store.stat('big.wav')).toEqual(info);
    expect(await store.stat('missing.wav')).toBeNull();
    expect(await store.stat('../lib/big.wav')).toBeNull();
  });

  it('signs every request with SigV4 (the Authorization header s3rver does not check)', async () => {
    const first = s3.next((event) => event.event === 'request' && event.range === 'bytes=0-9');
    await readAll(await read(createS3AudioStore(s3.settings), 'big.wav', 0, 9));
    const second = s3.next((event) => event.event === 'request' && event.range === 'bytes=1-9');
    const other = { ...s3.settings, secretAccessKey: 'another secret' };
    await readAll(await read(createS3AudioStore(other), 'big.wav', 1, 9));
    const [a, b] = [await first, await second].map((event) =>
      event.event === 'request' ? (event.authorization ?? '') : '',
    );
    const shape =
      /^AWS4-HMAC-SHA256 Credential=S3RVER\/\d{8}\/us-east-1\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*x-amz-date[a-z0-9;-]*, Signature=[0-9a-f]{64}$/;
    expect(a).toMatch(shape);
    expect(b).toMatch(shape);
    expect(a!.slice(-64)).not.toBe(b!.slice(-64));
  });

  it('sends bounded ranges only and cuts an answer longer than asked (s3rver serves all of 0-0)', async () => {
    const store = createS3AudioStore(s3.settings);
    expect([...(await readAll(await read(store, 'big.wav', 0, 0)))]).toEqual([BIG[0]]);
    const tail = await readAll(await read(store, 'big.wav', BIG.length - 5, BIG.length + 100));
    expect(tail.equals(Buffer.from(BIG.subarray(BIG.length - 5)))).toBe(true);
  });

  it('aborts the upstream request when the reader leaves: the connection closes', async () => {
    const asked = s3.next(
      (event) =>
        event.event === 'request' && event.method === 'GET' && event.url.endsWith('/big.wav'),
    );
    const store = createS3AudioStore(s3.settings);
    const reader = (await read(store, 'big.wav', 0, BIG.length - 1)).getReader();
    await reader.read();
    expect(store.inFlight()).toBe(1);
    const request = await asked;
    const closed = s3.next((event) => event.event === 'close' && event.socket === request.socket);
    await reader.cancel();
    expect(store.inFlight()).toBe(0);
    // Bounded by the test's timeout. Closed before the store sent the body: the request was cut,
    // not read to the end and left to an idle timeout.
    const { sent } = (await closed) as { sent: number };
    expect(sent).toBeLessThan(BIG.length / 2);
  });

  it('a changed object: a read of the old version fails, the old version no longer opens', async () => {
    const store = createS3AudioStore(s3.settings);
    await s3.put('changing.mp3', new Uint8Array(patternBytes(1000, 1)));
    const before = (await store.stat('changing.mp3'))!;
    const object = (await store.open('changing.mp3', before.version))!;
    await s3.put('changing.mp3', new Uint8Array(patternBytes(1000, 2)));
    // s3rver ignores If-Match: the answer's ETag is what tells.
    await expect(readAll(object.read(0, 99))).rejects.toBeInstanceOf(StaleObjectError);
    expect(await store.open('changing.mp3', before.version)).toBeNull();
    expect(store.inFlight()).toBe(0);
  });
});

describe('S3 audio store: a store that refuses, fails or hangs', () => {
  let server: Server;
  let settings: S3Settings;
  type Answer = (req: IncomingMessage, res: ServerResponse) => void;
  const headOk: Answer = (_req, res) =>
    res
      .writeHead(200, {
        'content-length': '100',
        etag: '"e"',
        'last-modified': new Date().toUTCString(),
      })
      .end();
  let answer: { head: Answer; get: Answer } = { head: headOk, get: () => {} };
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    const port = await freePort();
    server = createServer((req, res) =>
      (req.method === 'HEAD' ? answer.head : answer.get)(req, res),
    );
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    settings = {
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      bucket: 'music',
      prefix: '',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      // Long enough for a loaded machine to get an answer across; short enough to wait for.
      timeoutMs: 1500,
    };
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  const failure = (store = createS3AudioStore(settings)) =>
    (async () => readAll(await read(store, 'song.mp3', 0, 9)))().catch((e: unknown) => e);
  const refuse =
    (status: number): Answer =>
    (_req, res) =>
      res.writeHead(status).end('<Error><Code>X</Code></Error>');

  it.each([
    [403, 'the audio store refused access'],
    [500, 'the audio store failed'],
    [503, 'the audio store failed'],
  ])(
    'an HTTP %i, at open or at read, becomes a 502 with a clear message',
    async (status, message) => {
      answer = { head: refuse(status), get: refuse(status) };
      const atOpen = await failure();
      expect(atOpen).toBeInstanceOf(StoreUnavailableError);
      expect(atOpen).toMatchObject({ status: 502, publicMessage: message });
      answer = { head: headOk, get: refuse(status) };
      expect(await failure()).toMatchObject({ status: 502, publicMessage: message });
    },
  );

  it('a 200 for a range (a store that ignores Range) is refused, not streamed whole', async () => {
    answer = {
      head: headOk,
      get: (_req, res) => res.writeHead(200, { 'content-length': '10' }).end('0123456789'),
    };
    expect(await failure()).toMatchObject({ status: 502 });
  });

  it('no answer within S3_TIMEOUT becomes a 504, at open or at read', async () => {
    answer = { head: () => {}, get: () => {} };
    const started = performance.now();
    expect(await failure()).toMatchObject({ status: 504 });
    answer = { head: headOk, get: () => {} };
    expect(await failure()).toMatchObject({ status: 504 });
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('a body that stalls mid-way becomes a 504 too', async () => {
    answer = {
      head: headOk,
      get: (_req, res) => {
        res.writeHead(206, {
          'content-range': 'bytes 0-9/100',
          'content-length': '10',
          etag: '"e"',
        });
        res.write('01234');
      },
    };
    expect(await failure()).toMatchObject({ status: 504 });
  });

  it('an unreachable store becomes a 502', async () => {
    const closed = { ...settings, endpoint: `http://127.0.0.1:${await freePort()}` };
    expect(await failure(createS3AudioStore(closed))).toMatchObject({
      status: 502,
      publicMessage: 'the audio store cannot be reached',
    });
  });
});
