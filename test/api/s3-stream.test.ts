import { createServer, type Server, type ServerResponse } from 'node:http';
import { createStorage } from 'unstorage';
import memoryDriver from 'unstorage/drivers/memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { createStreamAuthorizer } from '../../api/auth/authorize-stream.ts';
import type { Auth } from '../../api/auth/create-auth.ts';
import { type Catalog, createCatalog } from '../../api/catalog/catalog.ts';
import { createPictureStore } from '../../api/covers/picture-store.ts';
import { createHttpServer } from '../../api/http/create-http-server.ts';
import { listen } from '../../api/http/listen.ts';
import { scanLibrary } from '../../api/scan/scan-library.ts';
import type { StateStore } from '../../api/state/state-store.ts';
import { createS3AudioStore } from '../../api/storage/s3/s3-audio-store.ts';
import type { S3Settings } from '../../api/storage/s3/s3-settings.ts';
import { rawRequest } from '../helpers/api-server.ts';
import { freePort } from '../helpers/free-port.ts';
import { memoryCovers } from '../helpers/memory-covers.ts';
import { startTestS3, type TestS3 } from '../helpers/s3.ts';
import { createTestAuth, signInApp } from '../helpers/test-auth.ts';
import { makeWav } from '../helpers/wav-fixture.ts';

const SONG = makeWav({ seconds: 30, title: 'From the bucket', artist: 'S3' });
const quiet = { info() {}, warn() {}, error() {} };

/** The stream route (both transports' shared core) over STORAGE=s3, against s3rver and a broken store. */
describe('stream route over S3', () => {
  let s3: TestS3;
  let server: Server;
  let port: number;
  let catalog: Catalog;
  let settings: S3Settings;
  let auth: Auth;
  let state: StateStore;
  /** The test admin's session: every request is signed in (the access check is tested elsewhere). */
  let cookie: string;
  const get = (at: number, path: string, range: string) => rawRequest(at, path, { range, cookie });

  async function serve(storeSettings: S3Settings) {
    const audio = createS3AudioStore(storeSettings);
    const app = createApp({ catalog, audio, covers: memoryCovers(), auth, state, log: quiet });
    const authorize = createStreamAuthorizer(auth);
    const http = createHttpServer({ app, catalog, audio, authorize, log: quiet });
    const url = await listen(http, 0, '127.0.0.1');
    cookie ||= await signInApp(app);
    return { http, port: Number(new URL(url).port) };
  }

  beforeAll(async () => {
    ({ auth, state } = await createTestAuth());
    s3 = await startTestS3('music/');
    await s3.put('S3/Album/01 - Song.wav', SONG);
    settings = s3.settings;
    const store = createS3AudioStore(settings);
    catalog = createCatalog(createStorage({ driver: memoryDriver() }));
    const pictures = createPictureStore(createStorage({ driver: memoryDriver() }));
    await scanLibrary({ catalog, source: store, target: store, pictures, log: quiet });
    ({ http: server, port } = await serve(settings));
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await s3?.close();
    auth?.dispose();
  });

  const song = () => catalog.entries()[0]!.song;

  it('answers ranges byte for byte, with the object store ETag', async () => {
    const res = await get(port, song().streamUrl, 'bytes=100-5099');
    expect(res.status).toBe(206);
    expect(res.headers.etag).toBe(song().etag);
    expect(res.body.equals(Buffer.from(SONG.subarray(100, 5100)))).toBe(true);
  });

  it('never serves a replaced object under the old validators', async () => {
    await s3.put('S3/Album/01 - Song.wav', makeWav({ seconds: 30, title: 'Replaced', seed: 9 }));
    const old = song().etag;
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the verified-version window
    const res = await get(port, song().streamUrl, 'bytes=0-99');
    expect(res.headers.etag).not.toBe(old);
    if (res.status === 206) expect(res.headers.etag).toBe(song().etag);
  });

  describe('a store that refuses or hangs', () => {
    let broken: Server;
    let answer: (res: ServerResponse) => void = () => {};
    beforeAll(async () => {
      const brokenPort = await freePort();
      broken = createServer((_req, res) => answer(res));
      await new Promise<void>((resolve) => broken.listen(brokenPort, '127.0.0.1', resolve));
      settings = { ...s3.settings, endpoint: `http://127.0.0.1:${brokenPort}`, timeoutMs: 1500 };
    });
    afterAll(async () => {
      broken.closeAllConnections();
      await new Promise((resolve) => broken.close(resolve));
    });

    // A 404 says the object is gone: that is the open's "null", the stream core rescans and
    // answers 503 + Retry-After meanwhile (then 404 once the catalog has dropped the song).
    it.each([
      [403, 502],
      [404, 503],
      [500, 502],
    ])('an HTTP %i from the store is a JSON %i', async (upstream, status) => {
      answer = (res) => res.writeHead(upstream).end();
      const { http, port: brokenApi } = await serve(settings);
      const res = await get(brokenApi, song().streamUrl, 'bytes=0-99');
      http.closeAllConnections();
      http.close();
      expect(res.status).toBe(status);
      expect(JSON.parse(res.body.toString())).toHaveProperty('error');
    });

    it('a store that does not answer is a JSON 504, in bounded time', async () => {
      answer = () => {};
      const { http, port: brokenApi } = await serve(settings);
      const started = performance.now();
      const res = await get(brokenApi, song().streamUrl, 'bytes=0-99');
      http.closeAllConnections();
      http.close();
      expect(res.status).toBe(504);
      expect(performance.now() - started).toBeLessThan(10_000);
    });
  });
});
