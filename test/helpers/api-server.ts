import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { H3 } from 'h3';
import { serve } from 'srvx';
import { createStorage } from 'unstorage';
import memoryDriver from 'unstorage/drivers/memory';
import { createApp } from '../../api/app.ts';
import type { AuthConfig } from '../../api/auth/auth-config.ts';
import { createStreamAuthorizer } from '../../api/auth/authorize-stream.ts';
import { type Auth, createAuth } from '../../api/auth/create-auth.ts';
import type { ThrottleLimits } from '../../api/auth/throttle.ts';
import { type Catalog, createCatalog } from '../../api/catalog/catalog.ts';
import { querySongs } from '../../api/catalog/queries.ts';
import type { Song } from '../../api/catalog/song.ts';
import { songJson } from '../../api/catalog/to-json.ts';
import { EMPTY_USER_VIEW } from '../../api/catalog/user-view.ts';
import { createCoverImages } from '../../api/covers/cover-images.ts';
import { createPictureStore } from '../../api/covers/picture-store.ts';
import type { HttpTimeouts } from '../../api/http/create-http-server.ts';
import { createHttpServer } from '../../api/http/create-http-server.ts';
import { listen } from '../../api/http/listen.ts';
import { createRescanner } from '../../api/scan/rescanner.ts';
import { scanKeys } from '../../api/scan/scan-keys.ts';
import { scanLibrary } from '../../api/scan/scan-library.ts';
import { createMemoryStateStore } from '../../api/state/memory-state-store.ts';
import type { StateStore } from '../../api/state/state-store.ts';
import type { AudioStore } from '../../api/storage/audio-store.ts';
import { createChunkedAudioStore } from '../../api/storage/chunked-audio-store.ts';
import type { FdCacheStats } from '../../api/storage/fd-cache.ts';
import { createFsAudioStore } from '../../api/storage/fs-audio-store.ts';
import { signIn, testAuthConfig } from './test-auth.ts';

export type Backend = 'fs' | 'chunked';
/** `node`: the production server (stream fast path + h3); `fetch`: `app.fetch` alone, via srvx. */
export type Transport = 'node' | 'fetch';

export interface TestApi {
  url: string;
  port: number;
  catalog: Catalog;
  musicDir: string;
  auth: Auth;
  state: StateStore;
  /** The h3 app itself (its `~routes` list every route: the privacy test walks them all). */
  app: H3;
  /** `Cookie` header value of a session of the test admin (test-auth.ts TEST_ADMIN). */
  cookie: string;
  /** fetch() on this server, signed in as the test admin unless `init.headers` has a cookie. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** rawRequest() on this server, signed in as the test admin unless `headers` has a cookie. */
  raw(
    path: string,
    headers?: Record<string, string>,
    method?: string,
    body?: string | Uint8Array,
  ): Promise<RawResponse>;
  /** The music folder's descriptor leases and opens (the fs store's; also when streaming chunked copies). */
  descriptors(): FdCacheStats;
  /** Rescans the folder as the server does (also what a stale song triggers). */
  rescan(): Promise<void>;
  /** Keys the stale hook was called with, in order. */
  staleKeys: string[];
  /** Connections the server holds open (node transport). */
  connections(): Promise<number>;
  close(): Promise<void>;
}

export interface TestApiOptions {
  /** Auth settings as environment variables (SESSION_DAYS, PUBLIC_URL …); the test admin is added. */
  authEnv?: Record<string, string>;
  /** Start with no account at all (the first-account flow). */
  noAdmin?: boolean;
  /** The clock sessions, links and counters read. */
  now?: () => number;
  limits?: ThrottleLimits;
  tls?: { cert: string; key: string };
  /** A built client to serve (its index.html's inline styles go into the CSP). */
  clientDir?: string;
  /** The state store (default: memory); another backend (Redis) reruns the auth tests on itself. */
  state?: StateStore;
  chunkSize?: number;
  followSymlinks?: boolean;
  timeouts?: Partial<HttpTimeouts>;
  /** Prepares the folder before the first scan (symlinks, odd names). */
  prepare?(musicDir: string): Promise<void>;
  warnings?: string[];
  /** Replaces the rescan a stale song triggers (the default rescans that one file, as the server does). */
  onStale?: (key: string) => Promise<void>;
  staleWaitMs?: number;
}

type StateStoreFactory = (now?: () => number) => StateStore | Promise<StateStore>;
let defaultStateStore: StateStoreFactory = (now) => createMemoryStateStore(now);

/**
 * The state store every test API of this test file gets unless its options name one: a fresh,
 * empty store per server, on the clock the test passes. The auth suites rerun on Redis with it
 * (test/api/auth/on-redis/).
 */
export function useStateStore(factory: StateStoreFactory) {
  defaultStateStore = factory;
}

/**
 * Runs the real app on 127.0.0.1 over a temporary music folder holding `files` (relative path →
 * bytes), with the stream route reading from the fs store or a chunked copy in memory, accounts in
 * a memory state store with the test admin, signed in (`cookie`, `fetch`, `raw`).
 */
export async function startTestApi(
  files: Record<string, Uint8Array>,
  backend: Backend = 'fs',
  transport: Transport = 'node',
  options: TestApiOptions = {},
): Promise<TestApi> {
  const musicDir = await mkdtemp(join(tmpdir(), 'tapedeck-api-'));
  for (const [path, bytes] of Object.entries(files)) {
    await mkdir(dirname(join(musicDir, path)), { recursive: true });
    await writeFile(join(musicDir, path), bytes);
  }
  await options.prepare?.(musicDir);
  const warnings = options.warnings ?? [];
  const log = { info() {}, warn: (m: string) => warnings.push(m), error() {} };
  const source = createFsAudioStore(musicDir, { followSymlinks: options.followSymlinks, log });
  const audio: AudioStore =
    backend === 'fs'
      ? source
      : createChunkedAudioStore(createStorage({ driver: memoryDriver() }), {
          chunkSize: options.chunkSize ?? 4096,
        });
  const catalogStorage = createStorage({ driver: memoryDriver() });
  const catalog = createCatalog(catalogStorage);
  const pictures = createPictureStore(catalogStorage);
  const covers = createCoverImages({ pictures, cache: createStorage({ driver: memoryDriver() }) });
  // The server's rescanner: whole rescans, and one-file rescans for a stale song (its onStale).
  const scanOptions = { catalog, source, target: audio, pictures, log };
  const scanner = createRescanner({
    scan: () => scanLibrary(scanOptions),
    scanKeys: (keys) => scanKeys(scanOptions, keys),
    log,
  });
  const rescan = async () => {
    await scanner.rescan('test');
  };
  await rescan();
  const staleKeys: string[] = [];
  const onStale = async (key: string) => {
    staleKeys.push(key);
    if (options.onStale) return options.onStale(key);
    await scanner.rescanKey(key, 'stale');
  };
  const { staleWaitMs, now, limits, clientDir } = options;
  const state = options.state ?? (await defaultStateStore(now));
  const config: AuthConfig = testAuthConfig(options.authEnv, { admin: !options.noAdmin });
  const auth = await createAuth({ state, config, now, limits, clientDir });
  const app = createApp({ catalog, audio, covers, auth, state, clientDir, onStale, staleWaitMs });
  const { port, close, connections } =
    transport === 'node'
      ? await serveNode(
          createHttpServer({
            app,
            catalog,
            audio,
            onStale,
            staleWaitMs,
            authorize: createStreamAuthorizer(auth),
            tls: options.tls,
            timeouts: options.timeouts,
          }),
        )
      : await serveFetch(app.fetch);
  const url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  // Signed in over plain HTTP to 127.0.0.1; with TLS or PUBLIC_URL the test signs in itself.
  const signInHere = !options.noAdmin && !options.tls && !options.authEnv?.PUBLIC_URL;
  const cookie = signInHere ? await signIn(url) : '';
  const withCookie = (headers: Record<string, string>) =>
    Object.keys(headers).some((name) => name.toLowerCase() === 'cookie')
      ? headers
      : { ...headers, cookie };
  return {
    url,
    port,
    catalog,
    musicDir,
    auth,
    state,
    app,
    cookie,
    fetch(path, init = {}) {
      const headers = withCookie(Object.fromEntries(new Headers(init.headers)));
      return fetch(url + path, { ...init, headers });
    },
    raw: (path, headers = {}, method = 'GET', body) =>
      rawRequest(port, path, withCookie(headers), method, body),
    descriptors: () => source.descriptors.stats(),
    rescan,
    staleKeys,
    connections,
    async close() {
      await close();
      auth.dispose();
      await state.dispose();
      await audio.dispose?.();
      await rm(musicDir, { recursive: true, force: true });
    },
  };
}

/** The songs matching `q` (all when absent), in library order, as the API lists them. */
export function songsOf(catalog: Catalog, q?: string): Song[] {
  const state = catalog.state();
  const { rows } = querySongs(state, { q, limit: 500, offset: 0 }, EMPTY_USER_VIEW);
  return rows.map((row) => songJson(state.index, row, EMPTY_USER_VIEW));
}

async function serveNode(server: Server) {
  const url = await listen(server, 0, '127.0.0.1');
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  const connections = () =>
    new Promise<number>((resolve, reject) =>
      server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
    );
  return { port: Number(new URL(url).port), close, connections };
}

async function serveFetch(fetchHandler: (request: Request) => Response | Promise<Response>) {
  const server = serve({ fetch: fetchHandler, port: 0, hostname: '127.0.0.1', silent: true });
  await server.ready();
  const connections = () => Promise.reject(new Error('not counted on the fetch transport'));
  return { port: Number(new URL(server.url!).port), close: () => server.close(true), connections };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A request with the path and headers sent exactly as given (fetch would normalise `..` and
 * `%2e`, and never sends a Host of our choosing).
 */
export function rawRequest(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string | Uint8Array,
): Promise<RawResponse> {
  // Node sends a DELETE's body unframed unless told its length.
  if (body !== undefined)
    headers = { 'content-length': String(Buffer.byteLength(body)), ...headers };
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const pieces: Buffer[] = [];
      res.on('data', (piece: Buffer) => pieces.push(piece));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(pieces) }),
      );
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout: ${method} ${path}`)));
    req.on('error', reject);
    req.end(body);
  });
}
