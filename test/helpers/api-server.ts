import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { serve } from 'srvx';
import { createStorage } from 'unstorage';
import memoryDriver from 'unstorage/drivers/memory';
import { createApp } from '../../api/app.ts';
import { type Catalog, createCatalog } from '../../api/catalog/catalog.ts';
import { querySongs } from '../../api/catalog/queries.ts';
import type { Song } from '../../api/catalog/song.ts';
import { songJson } from '../../api/catalog/to-json.ts';
import { EMPTY_USER_VIEW } from '../../api/catalog/user-view.ts';
import { createCoverImages } from '../../api/covers/cover-images.ts';
import { createPictureStore } from '../../api/covers/picture-store.ts';
import { createHttpServer } from '../../api/http/create-http-server.ts';
import { listen } from '../../api/http/listen.ts';
import { scanLibrary } from '../../api/scan/scan-library.ts';
import type { AudioStore } from '../../api/storage/audio-store.ts';
import { createChunkedAudioStore } from '../../api/storage/chunked-audio-store.ts';
import { createFsAudioStore } from '../../api/storage/fs-audio-store.ts';

export type Backend = 'fs' | 'chunked';
/** `node`: the production server (stream fast path + h3); `fetch`: `app.fetch` alone, via srvx. */
export type Transport = 'node' | 'fetch';

export interface TestApi {
  url: string;
  port: number;
  catalog: Catalog;
  musicDir: string;
  /** Runs the scan again (after a test changed files). */
  rescan(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Runs the real app on 127.0.0.1 over a temporary music folder holding `files` (relative path →
 * bytes), with the stream route reading from the fs store or a chunked copy in memory.
 */
export async function startTestApi(
  files: Record<string, Uint8Array>,
  backend: Backend = 'fs',
  transport: Transport = 'node',
  chunkSize = 4096,
): Promise<TestApi> {
  const musicDir = await mkdtemp(join(tmpdir(), 'tapedeck-api-'));
  for (const [path, bytes] of Object.entries(files)) {
    await mkdir(dirname(join(musicDir, path)), { recursive: true });
    await writeFile(join(musicDir, path), bytes);
  }
  const source = createFsAudioStore(musicDir);
  const audio: AudioStore =
    backend === 'fs'
      ? source
      : createChunkedAudioStore(createStorage({ driver: memoryDriver() }), { chunkSize });
  const catalogStorage = createStorage({ driver: memoryDriver() });
  const catalog = createCatalog(catalogStorage);
  const pictures = createPictureStore(catalogStorage);
  const covers = createCoverImages({ pictures, cache: createStorage({ driver: memoryDriver() }) });
  const log = { info() {}, warn() {}, error() {} };
  await scanLibrary({ catalog, source, target: audio, pictures, log });
  const app = createApp({ catalog, audio, covers });
  const { port, close } =
    transport === 'node'
      ? await serveNode(createHttpServer({ app, catalog, audio }))
      : await serveFetch(app.fetch);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    catalog,
    musicDir,
    async rescan() {
      await scanLibrary({ catalog, source, target: audio, pictures, log });
    },
    async close() {
      await close();
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
  return { port: Number(new URL(url).port), close };
}

async function serveFetch(fetchHandler: (request: Request) => Response | Promise<Response>) {
  const server = serve({ fetch: fetchHandler, port: 0, hostname: '127.0.0.1', silent: true });
  await server.ready();
  return { port: Number(new URL(server.url!).port), close: () => server.close(true) };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A request with the path sent exactly as given (fetch would normalise `..` and `%2e`). */
export function rawRequest(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<RawResponse> {
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
    req.end();
  });
}
